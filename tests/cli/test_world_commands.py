"""Commands on the default store as users get it: curated data and the world's ties."""

from __future__ import annotations

from typing import Any


def test_city_answers_for_a_city_known_only_from_the_world_lists(world_cli: Any) -> None:
    result = world_cli("city", "Bristol", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["city"]["country"] == "GB"
    sources = {s["id"] for tie in data["ties"] for s in tie["sources"]}
    assert {"hekman-twincities-2026", "wikidata-p190-2016"} <= sources
    assert len(data["summary"]["all_countries"]) >= 5
    table = world_cli("city", "Bristol")
    assert "no source records their kind" in table.stdout and "countries" in table.stdout


def test_compare_any_two_cities(world_cli: Any) -> None:
    result = world_cli("compare", "Seoul", "Osaka", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert [c["name"] for c in data["cities"]] == ["Seoul", "Osaka"]
    keys = [d["key"] for d in data["dimensions"]]
    assert "sister_cities" in keys


def test_place_shows_districts_and_the_evidence_of_each_name(world_cli: Any) -> None:
    result = world_cli("place", "Budapest", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["place"]["wikidata_id"] == "Q1781"
    assert len(data["districts"]) >= 10
    assert all(
        d["level"] == "district" and d["parent"] == data["place"]["id"] for d in data["districts"]
    )
    assert all(n["evidence"] for n in data["names"])
    assert "Wikidata Q1781" in " ".join(n["evidence"] for n in data["names"])
    shown = world_cli("place", "Budapest XI – Újbuda")
    assert "part of Budapest" in shown.stdout


def test_merge_districts_counts_district_ties_as_the_citys(world_cli: Any) -> None:
    alone = world_cli("city", "Budapest", "--format", "json").json()
    merged = world_cli("city", "Budapest", "--merge-districts", "--format", "json").json()
    assert alone["district_ties"] and not merged["district_ties"]
    assert len(merged["ties"]) > len(alone["ties"])
    assert len(merged["ties"]) <= len(alone["ties"]) + len(alone["district_ties"])
    assert merged["summary"]["districts_merged"]
    compared = world_cli("compare", "Budapest", "Prague", "--merge-districts", "--format", "json")
    assert compared.exit_code == 0, compared.stderr


def test_cities_known_only_from_datasets_get_cells_that_say_what_is_known(world_cli: Any) -> None:
    data = world_cli("compare", "Bristol", "Osaka", "--format", "json").json()
    cells = {d["key"]: d["cells"] for d in data["dimensions"]}
    for city in ("Bristol", "Osaka"):
        sister = cells["sister_cities"][city]
        assert "listed by datasets only" in sister["text"] and "countries on" in sister["text"]
        assert sister["sources"]
        mechanisms = cells["key_mechanisms"][city]
        assert mechanisms["text"].startswith("Twinning (") and mechanisms["sources"]
