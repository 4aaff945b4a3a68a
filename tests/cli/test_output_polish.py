"""What a user reads off a terminal: numbers stay numbers in CSV, links stay links in BibTeX,
no empty boxes, no "None", plurals, whole degrees, bounded width, and exit codes as the
README says."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from citydip.report.bibliography import to_bibtex
from citydip.store.models import Source
from citydip.text import formula_safe


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ("-81.6947", True),
        ("-3", True),
        ("+44", True),
        ("-1.5e-05", True),
        ("-", False),
        ("-cmd|' /C calc'!A0", False),
        ("=1+2", False),
        ("+1-2", False),
        ("@SUM(A1)", False),
        ("-1+1", False),
    ],
)
def test_the_formula_guard_leaves_numbers_alone(cell: str, kept: bool) -> None:
    assert (formula_safe(cell) == cell) is kept
    assert formula_safe(cell) in (cell, "'" + cell)


def test_resolve_batch_writes_negative_coordinates_as_numbers(cli: Any, tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name,country\nCleveland,US\n=HYPERLINK(1),US\n", encoding="utf-8")
    result = cli("resolve", "--batch", str(names), "--out", "-")
    assert result.exit_code in (0, 1), result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cleveland = rows[0]
    assert float(cleveland["lon"]) < -80  # '-81.69…, not the text "'-81.69…"
    assert not cleveland["lon"].startswith("'")
    assert rows[1]["name"].startswith("'=")  # a formula in the data is still neutralised


def test_bibtex_urls_are_not_escaped() -> None:
    source = Source(
        "s1",
        "Tokyo_2020 & partners",
        "official",
        url="https://example.org/a_b/c%20d?x=1&y=2#top",
    )
    text = to_bibtex([source])
    assert "url = {https://example.org/a_b/c%20d?x=1&y=2#top}" in text
    assert "title = {Tokyo\\_2020 \\& partners}" in text  # other fields stay escaped


def test_a_world_city_prints_no_empty_box_no_none_and_right_plurals(world_cli: Any) -> None:
    out = world_cli("city", "Beira")
    assert out.exit_code == 0, out.stderr
    text = out.stdout
    assert "None" not in text
    assert "1 continents" not in text and "1 countries" not in text
    assert "on 1 continent (Europe)" in text
    for empty in ("Memberships", "Activities", "Counts as stated"):
        assert empty not in text  # Beira has none of these: no empty boxed table
    assert "Ties" in text and "Porto" in text


def test_tables_off_a_terminal_are_bounded_and_cells_are_whole(
    world_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # describes a terminal; not this output
    out = world_cli("city", "Bristol")
    assert out.exit_code == 0, out.stderr
    widths = [len(line) for line in out.stdout.splitlines()]
    assert max(widths) <= 200
    assert "hekman-twincities-2026, wikidata-p190-2016, wikidata-p190-2021" in out.stdout
    assert "…" not in out.stdout


def test_network_top_prints_whole_degrees(world_cli: Any) -> None:
    out = world_cli("network", "top", "--limit", "5")
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()[1:6]
    assert all(not line.endswith(".0") for line in lines), lines
    assert all(line.split()[-1].replace(",", "").isdigit() for line in lines), lines


def test_resolve_prints_no_placeholder_ids_or_zero_population(cli: Any) -> None:
    out = cli("resolve", "Landkreis Rastatt", "--country", "DE")
    assert out.exit_code == 0, out.stderr
    assert "geonames:-" not in out.stdout and "pop. 0" not in out.stdout
    assert "centroid" in out.stdout


def test_an_empty_name_is_a_usage_error(cli: Any) -> None:
    for args in (("city", ""), ("city", "  "), ("place", "")):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "empty" in result.stderr


def test_an_unrelated_name_gets_no_suggestions(cli: Any) -> None:
    result = cli("city", "Zorblaxville")
    assert result.exit_code == 1 and "did you mean" not in result.stderr


def test_argument_checks_moved_to_the_api_are_named_by_their_flags(
    cli: Any, tmp_path: Path
) -> None:
    """One line naming the flag (FLAGS), exit 2, as every usage of the API's checks."""
    lines = {
        ("data", "download", "geonames"): "--country: give a country code (or several), "
        "or all countries\n",
        ("data", "download", "geonames", "--all", "--country", "UA"): "--country: give "
        "country codes or all countries, not both\n",
        ("resolve", "Odessa", "--batch", str(tmp_path / "x.csv")): "--batch: give a place "
        "name or a file of names, not both\n",
    }
    for args, line in lines.items():
        result = cli(*args)
        assert (result.exit_code, result.stderr) == (2, line), args
    notes = tmp_path / "notes.txt"
    notes.write_text("not a store\n", encoding="utf-8")
    refused = cli("--db", str(notes), "rebuild", "--empty")
    assert refused.exit_code == 2 and refused.stderr.startswith("--force: ")
    assert refused.stderr.count("\n") == 1 and notes.read_text(encoding="utf-8") == "not a store\n"


def test_network_top_and_city_give_whole_degrees_in_json_and_csv(cli: Any) -> None:
    as_json = cli("network", "top", "-n", "3", "--format", "json", "-q")
    assert as_json.exit_code == 0, as_json.stderr
    assert all(type(row["degree"]) is int for row in as_json.json())
    as_csv = cli("network", "top", "-n", "3", "--by", "coreness", "--format", "csv", "-q")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and all(row["coreness"].isdigit() for row in rows), rows
    city = cli("network", "city", "Yokohama", "--format", "json", "-q").json()["centrality"]
    assert type(city["degree"]["value"]) is int and type(city["coreness"]["value"]) is int
    assert type(city["pagerank"]["value"]) is float


def test_counts_of_one_are_singular(cli: Any, tmp_path: Path) -> None:
    """A city with one tie: '1 tie', '1 country', '1 continent' in the table, the
    Markdown and the typology; the Markdown counts the ties a dataset lists, as the table."""
    from citydip.report.network_text import communities_text

    db, pairs = str(tmp_path / "one.db"), tmp_path / "one.csv"
    pairs.write_text(
        "city1,country1,city2,country2\nBeira,Mozambique,Quelimane,Mozambique\n", encoding="utf-8"
    )
    assert cli("--db", db, "rebuild", "--empty").exit_code == 0
    assert cli("--db", db, "import", "pairs", str(pairs), "-q").exit_code == 0
    texts = [cli("--db", db, *args).stdout for args in (["city", "Beira"], ["typology", "Beira"])]
    markdown = cli("--db", db, "city", "Beira", "--format", "md").stdout
    assert "1 tie (unspecified 1)" in markdown and "1 country on 1 continent (Africa)" in markdown
    for text in [*texts, markdown]:
        for wrong in ("1 ties", "1 countries", "1 continents", "0 countries"):
            assert wrong not in text, (wrong, text)
    one = {"community": 0, "size": 2, "countries": 1, "top_countries": {"JP": 2}}
    text = communities_text(
        {
            "count": 1,
            "modularity": 0.0,
            "algorithm": "leiden",
            "filters": "all ties",
            "communities": [one | {"best_tied": ["Yokohama"]}],
        }
    )
    assert "2 places, 1 country (" in text


def test_a_place_without_geonames_or_population_prints_no_none(cli: Any, tmp_path: Path) -> None:
    """An imported name the gazetteer could not place has no GeoNames id, coordinates or
    population: the table, the place and the network say nothing of them, never 'None'."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "city1,country1,city2,country2\nYokohama,Japan,Xqzville,France\n", encoding="utf-8"
    )
    assert cli("import", "pairs", str(pairs), "-q").exit_code == 0
    for args in (("city", "Xqzville"), ("place", "Xqzville"), ("network", "city", "Xqzville")):
        result = cli(*args, "-q") if args[0] == "network" else cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert "Xqzville" in result.stdout
        assert "None" not in result.stdout, args
        if args[0] != "network":  # (the network's "population" is its partners')
            assert "population" not in result.stdout and "geonames None" not in result.stdout
