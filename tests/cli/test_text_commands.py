"""citydip extract / check / review end to end, through citydip's own main()."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "data" / "text"


def test_extract_json(cli: Any) -> None:
    result = cli("extract", str(DATA / "lyon.md"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["document"]["format"] == "markdown"
    first = data["claims"][0]
    assert set(first) >= {
        "id",
        "type",
        "subject",
        "object",
        "value",
        "year",
        "sentence",
        "start",
        "end",
        "confidence",
    }
    assert data["counts"]["membership"] >= 2


def test_extract_save_then_review(cli: Any) -> None:
    saved = cli("extract", str(DATA / "harbour.html"), "--save", "--format", "json").json()["saved"]
    listed = cli("review", "list", "--format", "json").json()
    assert {c["id"] for c in listed} == set(saved["claim_ids"])
    one = saved["claim_ids"][0]
    accepted = cli("review", "accept", str(one))
    assert accepted.exit_code == 0 and accepted.stdout.strip() == "accepted 1 claims"
    rejected = cli("review", "reject", "--all")
    assert rejected.stdout.strip() == f"rejected {len(saved['claim_ids']) - 1} claims"
    assert cli("review", "list", "--format", "json").json() == []


def test_check_table_output(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "Taipei has 53 sister cities. Taipei is a member of C40 Cities.\n", encoding="utf-8"
    )
    result = cli("check", str(path))
    assert result.exit_code == 0, result.stderr
    assert "contradictions" in result.stdout.splitlines()[0]
    assert "Taipei and Belmopan become sister cities" in result.stdout


def test_bad_files_are_one_line_errors(cli: Any, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = cli("extract", str(binary))
    assert result.exit_code == 2
    assert result.stderr == f"{binary}: a binary file, not text, Markdown, HTML or PDF\n"
    missing = cli("check", str(tmp_path / "nope.pdf"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
    bad = cli("review", "accept", "424242")
    assert bad.exit_code == 1 and bad.stderr.count("\n") == 1
