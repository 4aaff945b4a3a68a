"""The commands end to end through citydip's own main(), on a real temporary store."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

OFFICIAL_EIGHT = {
    "San Diego": 1957,
    "Lyon": 1959,
    "Mumbai": 1965,
    "Manila": 1965,
    "Odesa": 1965,
    "Vancouver": 1965,
    "Shanghai": 1973,
    "Constanța": 1977,
}


def test_compare_json_has_six_dimensions_with_sources_for_both(cli: Any) -> None:
    result = cli("compare", "Yokohama", "Taipei", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert [c["name"] for c in data["cities"]] == ["Yokohama", "Taipei"]
    assert data["cities"][0]["country"] == "JP" and data["cities"][1]["country"] == "TW"
    dims = {d["key"]: d for d in data["dimensions"]}
    for key in (
        "core_focus",
        "shared_attributes",
        "key_mechanisms",
        "network_participation",
        "sister_cities",
        "diplomatic_style",
    ):
        for city in ("Yokohama", "Taipei"):
            assert dims[key]["cells"][city]["sources"], (key, city)


def test_compare_table_md_csv_html(cli: Any) -> None:
    table = cli("compare", "Yokohama", "Taipei")
    assert table.exit_code == 0
    assert "Core focus" in table.stdout and "Sources" in table.stdout
    md = cli("compare", "Yokohama", "Taipei", "--format", "md").stdout
    assert md.startswith("| Dimension | Yokohama | Taipei |")
    assert "| Diplomatic style | Expertise-driven" in md
    rows = list(csv.DictReader(io.StringIO(cli("compare", "横浜", "台北", "-f", "csv").stdout)))
    assert {r["city"] for r in rows} == {"Yokohama", "Taipei"}
    assert all(r["source_ids"] for r in rows if r["key"] != "capacity")
    html = cli("compare", "Yokohama", "Taipei", "--format", "html").stdout
    assert '<tr data-key="core_focus">' in html and '<ol class="sources">' in html


def test_city_json_lists_official_sister_cities_and_partners(cli: Any) -> None:
    result = cli("city", "Yokohama", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    city = data["city"]
    assert (city["name"], city["country"], city["geonames_id"], city["wikidata_id"]) == (
        "Yokohama",
        "JP",
        1848354,
        "Q38283",
    )
    assert city["lat"] == pytest.approx(35.43, abs=0.1) and city["population"] > 3_000_000
    official = {
        t["partner"]["name"]: t
        for t in data["ties"]
        if t["kind"] in ("sister", "friendship") and t["confirmed_by_official_source"]
    }
    assert {n: int(t["start"][:4]) for n, t in official.items()} == OFFICIAL_EIGHT
    assert official["Shanghai"]["kind"] == "friendship"
    for tie in official.values():
        assert "yokohama-exchange-2024" in [s["id"] for s in tie["sources"]]
    partners = {t["partner"]["name"]: t["start"] for t in data["ties"] if t["kind"] == "partner"}
    assert partners.keys() == {"Beijing", "Taipei", "Busan", "Frankfurt am Main"}
    assert partners["Frankfurt am Main"] == "2011-09-27"
    orgs = {m["organization"]["name"] for m in data["memberships"]}
    assert "C40 Cities Climate Leadership Group" in orgs
    types = {a["type"] for a in data["activities"]}
    assert {"programme", "award", "agreement", "aid", "strategy", "overseas_office"} <= types
    assert data["summary"]["first_agreement"]["partner"] == "San Diego"


def test_city_profile_other_city_and_subnational(cli: Any) -> None:
    data = cli("city", "Taipei", "-f", "json").json()
    assert data["summary"]["latest_agreement"]["partner"] == "Basseterre"
    assert any(
        m["organization"].get("acronym") == "UCLG-ASPAC" and "executive" in m["roles"]
        for m in data["memberships"]
    )
    california = cli("city", "California", "-f", "json").json()
    [goarn] = california["memberships"]
    assert goarn["organization"]["acronym"] == "GOARN" and goarn["start"] == "2026"


def test_conflicts_taipei_shows_count_disagreement_with_sources(cli: Any) -> None:
    text = cli("conflicts", "Taipei")
    assert text.exit_code == 0
    assert "sister count" in text.stdout and "53" in text.stdout and "52" in text.stdout
    data = cli("conflicts", "Taipei", "--format", "json").json()
    [count] = [c for c in data if c["property"] == "sister count"]
    assert count["subject"]["name"] == "Taipei"
    assert {v["value"] for v in count["values"]} >= {"53", "52", "49", "48"}
    assert all(v["sources"] for v in count["values"])


def test_all_conflicts(cli: Any) -> None:
    data = cli("conflicts", "--format", "json").json()
    subjects = {c["subject"]["name"] for c in data}
    assert {"Yokohama", "Taipei"} <= subjects


def test_sources_bibtex_and_csl(cli: Any) -> None:
    bib = cli("sources", "Yokohama", "--format", "bibtex").stdout
    assert "@online{yokohama-exchange-2024," in bib
    assert "url = {https://www.city.yokohama.lg.jp/city-info/" in bib
    csl = json.loads(cli("sources", "--format", "csl-json").stdout)
    essay = next(i for i in csl if i["id"] == "essay-maturing-city-diplomacy")
    assert essay["type"] == "article-magazine" and essay["issued"]["date-parts"] == [[2025]]
    only_taipei = {s["id"] for s in cli("sources", "Taipei", "-f", "json").json()}
    assert "taipei-belmopan-2019" in only_taipei and "yokohama-c40-page" not in only_taipei


def test_unknown_city_is_one_line_exit_1(cli: Any) -> None:
    result = cli("city", "Atlantis")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("no city named 'Atlantis'")
    near = cli("compare", "Yokohama", "Taipeh")
    assert near.exit_code == 0  # a GeoNames alternate name
    typo = cli("compare", "Yokohama", "Tiapei")
    assert typo.exit_code == 1
    assert (
        typo.stderr.strip() == "no city named 'Tiapei'; did you mean Taipei?"
        or typo.stderr.startswith("no city named 'Tiapei'; did you mean Taipei")
    )


def test_compare_needs_two_different_cities(cli: Any) -> None:
    result = cli("compare", "Yokohama", "横浜")
    assert result.exit_code == 2
    assert "different cities" in result.stderr


def test_db_option_and_rebuild(cli: Any, tmp_path: Any) -> None:
    path = tmp_path / "fresh.db"
    result = cli("--db", str(path), "rebuild")
    assert result.exit_code == 0 and path.exists()
    empty = tmp_path / "empty.db"
    assert cli("--db", str(empty), "rebuild", "--empty").exit_code == 0
    missing = cli("--db", str(empty), "city", "Yokohama")
    assert missing.exit_code == 1 and "no city named 'Yokohama'" in missing.stderr


def test_broken_store_file_is_one_line(cli: Any, tmp_path: Any) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("not sqlite" * 200)
    result = cli("--db", str(bad), "city", "Yokohama")
    assert result.exit_code == 4
    assert "not a citydip store" in result.stderr and "Traceback" not in result.stderr


def test_district_level_ties_are_shown_apart(cli: Any) -> None:
    data = cli("city", "Taipei", "-f", "json").json()
    assert "Los Altos" not in {t["partner"]["name"] for t in data["ties"]}
    [district] = data["district_ties"]
    assert district["district"]["name"] == "Shilin District"
    assert district["partner"]["name"] == "Los Altos"
