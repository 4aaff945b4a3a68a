"""``citydip report`` end to end: HTML to stdout, PDF to a file, bad names and duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_report_html_to_stdout(cli: Any) -> None:
    result = cli("report", "Yokohama", "--out", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "City diplomacy briefing: Yokohama" in result.stdout
    assert result.stderr == ""


def test_report_pdf_and_html_files(cli: Any, tmp_path: Path) -> None:
    pdf = tmp_path / "out" / "brief.pdf"
    result = cli("report", "横浜", "台北", "--out", str(pdf))
    assert result.exit_code == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"wrote {pdf}" in result.stderr
    html = tmp_path / "brief.html"
    assert cli("report", "Taipei", "-o", str(html)).exit_code == 0
    assert "<svg" in html.read_text(encoding="utf-8")
    forced = tmp_path / "brief.out"
    assert cli("report", "Taipei", "-o", str(forced), "--format", "pdf").exit_code == 0
    assert forced.read_bytes().startswith(b"%PDF")


def test_report_errors_are_one_line_and_write_nothing(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    missing = cli("report", "Yokohama", "Tiapei", "--out", str(out))
    assert missing.exit_code == 1
    assert missing.stderr.strip().count("\n") == 0 and "Taipei" in missing.stderr
    twice = cli("report", "Yokohama", "横浜", "--out", str(out))
    assert twice.exit_code == 2 and "different cities" in twice.stderr
    assert not out.exists()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    unwritable = cli("report", "Yokohama", "--out", str(tmp_path / "a-file" / "y.html"))
    assert unwritable.exit_code == 3  # I/O (README: exit codes)
    assert "cannot write" in unwritable.stderr and str(tmp_path / "a-file") in unwritable.stderr


def test_pdf_without_weasyprint_is_one_line_and_html_still_works(
    cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it could not be imported
    pdf = tmp_path / "b.pdf"
    result = cli("report", "Taipei", "--out", str(pdf))
    assert result.exit_code == 5
    assert result.stderr.count("\n") == 1 and "HTML output needs neither" in result.stderr
    assert not pdf.exists()
    assert cli("report", "Taipei", "--out", str(tmp_path / "b.html")).exit_code == 0
