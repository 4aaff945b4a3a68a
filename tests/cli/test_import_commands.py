"""``citydip import …`` end to end: summary, --format json, one-line errors, conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data"


def test_import_pairs_json_summary_then_idempotent(cli: Any) -> None:
    first = cli("import", "pairs", str(DATA / "pairs-small.csv"), "--format", "json")
    assert first.exit_code == 0, first.stderr
    data = first.json()
    assert {k: data[k] for k in ("added", "updated", "unchanged", "unresolved")} == {
        "added": 6,
        "updated": 0,
        "unchanged": 0,
        "unresolved": 1,
    }
    assert data["conflicts"] >= 2
    again = cli("import", "pairs", str(DATA / "pairs-small.csv"), "--format", "json").json()
    assert (again["added"], again["unchanged"]) == (0, 6)


def test_import_table_summary_lists_unresolved(cli: Any) -> None:
    result = cli("import", "table", str(DATA / "yokohama-table.csv"), "--city", "Yokohama", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("import-table-yokohama-table: 5 added, 0 updated")
    assert "ambiguous: 'Springfield' at yokohama-table.csv:6" in result.stdout


def test_import_wikidata_and_edges(cli: Any, tmp_path: Path) -> None:
    result = cli("import", "wikidata", str(DATA / "sparql-p190.json"), "--format", "json")
    assert result.exit_code == 0 and result.json()["added"] == 3
    edges = tmp_path / "e.tsv"
    edges.write_text("a\tb\nQ38283\tQ24879\n", encoding="utf-8")
    out = cli("import", "edges", str(edges), "--ids", "wikidata", "--format", "json")
    assert out.exit_code == 0 and out.json()["added"] == 1


def test_bad_file_is_one_line_and_exit_2(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("city1,country1,city2\nA,B,C\n", encoding="utf-8")
    result = cli("import", "pairs", str(bad))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{bad}:1: country2: missing column (need city1, country1, city2, country2)\n"
    )
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_wikidata_needs_file_or_online(cli: Any) -> None:
    result = cli("import", "wikidata")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "--online: give a saved response file or a live query, not both or neither\n"
    )


def test_edges_other_ids_refused(cli: Any, tmp_path: Path) -> None:
    edges = tmp_path / "e.tsv"
    edges.write_text("Q1\tQ2\n", encoding="utf-8")
    result = cli("import", "edges", str(edges), "--ids", "geonames")
    assert result.exit_code == 2 and "--ids" in result.stderr
    assert "'geonames' is not one of 'wikidata'" in result.stderr


def test_import_conflicts_show_in_citydip_conflicts_once(cli: Any, tmp_path: Any) -> None:
    """A tie only a dataset lists, against Yokohama's official list, is a conflict, once."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "city1,country1,city2,country2\nYokohama,Japan,Kyiv,Ukraine\n"
        "Yokohama,Japan,Balikpapan,Indonesia\n",
        encoding="utf-8",
    )
    assert cli("import", "pairs", str(pairs), "-q").exit_code == 0
    data = cli("conflicts", "Yokohama", "--format", "json").json()
    flagged = [
        c["object"]["name"]
        for c in data
        if "tie" in c["property"] and c.get("object") and c["kind"] == "official-list"
    ]
    assert flagged.count("Kyiv") == 1
    assert flagged.count("Balikpapan") == 1
