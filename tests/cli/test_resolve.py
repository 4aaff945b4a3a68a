"""``citydip resolve``: one name as text or JSON, a CSV batch, and its error lines."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any


def test_resolve_one_name_as_json(cli: Any) -> None:
    result = cli("resolve", "Odessa", "--country", "Ukraine", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["status"] == "resolved"
    assert data["place"]["geonames_id"] == 698740 and data["place"]["country"] == "UA"
    assert {"candidates", "score", "unit"} <= set(data)


def test_resolve_one_name_as_text(cli: Any) -> None:
    result = cli("resolve", "Gmina Siechnice", "-c", "PL")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "resolved: Siechnice (municipality in Powiat wrocławski; centroid) (PL"
    )


def test_ambiguous_name_lists_candidates_and_exits_1(cli: Any) -> None:
    result = cli("resolve", "Portland", "--format", "json")
    assert result.exit_code == 1
    data = result.json()
    assert data["status"] == "ambiguous" and data["place"] is None
    assert {5746545, 4975802} <= {c["geonames_id"] for c in data["candidates"]}


def test_unknown_name_says_why(cli: Any) -> None:
    result = cli("resolve", "Xyzzyqqvlorp")
    assert result.exit_code == 1
    assert result.stdout == "unknown: no place named 'Xyzzyqqvlorp'\n"


def test_name_or_batch_is_required(cli: Any) -> None:
    result = cli("resolve")
    assert result.exit_code == 2
    assert result.stderr == "--batch: give a place name to resolve, or a file of names\n"


def test_batch_adds_columns_and_passes_others_through(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "name,country,note\nOdessa,Ukraine,a\nPortland,,b\nXyzzyqqvlorp,France,c\n"
        '"Birmingham, England",,d\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = cli("resolve", "--batch", str(source), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert "4 rows: 2 resolved, 1 ambiguous, 1 unknown" in result.stderr
    with out.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == [
        "name",
        "country",
        "note",
        "status",
        "geonames_id",
        "resolved_name",
        "country_code",
        "lat",
        "lon",
        "score",
    ]
    assert [r["status"] for r in rows] == ["resolved", "ambiguous", "unknown", "resolved"]
    assert [r["note"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[0]["geonames_id"] == "698740" and rows[0]["country_code"] == "UA"
    assert rows[1]["geonames_id"] == "" and rows[3]["resolved_name"] == "Birmingham"
    assert abs(float(rows[0]["lat"]) - 46.49) < 0.1


def test_batch_without_name_column_is_located(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("city,country\nOdessa,Ukraine\n", encoding="utf-8")
    result = cli("resolve", "--batch", str(source))
    assert result.exit_code == 2
    assert result.stderr == f"{source}:1: name: missing column (need name, country)\n"


def test_batch_with_empty_name_is_located_and_writes_nothing(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("name,country\nOdessa,Ukraine\n,France\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = cli("resolve", "--batch", str(source), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"{source}:3: name: empty\n"
    assert not out.exists()


def test_batch_with_a_ragged_row(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("name,country\nOdessa,Ukraine,extra\n", encoding="utf-8")
    result = cli("resolve", "--batch", str(source))
    assert result.exit_code == 2
    assert result.stderr == f"{source}:2: more fields than the 2 columns\n"


def test_batch_that_is_not_utf8(cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "latin1.csv"
    source.write_bytes("name,country\nKraków,Poland\n".encode("latin-1"))
    result = cli("resolve", "--batch", str(source))
    assert result.exit_code == 2
    assert result.stderr == f"{source}:2: not UTF-8 text\n"


def test_batch_out_dash_is_stdout(cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    source = tmp_path / "in.csv"
    source.write_text("name,country\nOdessa,Ukraine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("resolve", "--batch", str(source), "--out", "-")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert rows[0]["geonames_id"] == "698740"
    assert "->" not in result.stderr and not (tmp_path / "-").exists()
