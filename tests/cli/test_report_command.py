"""``citydip report`` end to end: HTML to stdout, PDF to a file, bad names and duplicates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.system import needs_pango


def test_report_html_to_stdout(cli: Any) -> None:
    result = cli("report", "Yokohama", "--out", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert "City diplomacy briefing: Yokohama" in result.stdout
    assert result.stderr == ""


@needs_pango
def test_report_pdf_and_html_files(cli: Any, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
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


def test_report_into_a_missing_folder_is_refused_and_creates_nothing(
    cli: Any, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "x.html"
    refused = cli("report", "Yokohama", "--out", str(target))
    assert refused.exit_code == 3  # as resolve --out and every other output
    assert refused.stderr == f"{tmp_path / 'no' / 'such'}: no such folder\n"
    assert not (tmp_path / "no").exists()


def test_report_to_an_unknown_extension_is_refused_unless_a_format_is_given(
    cli: Any, tmp_path: Path
) -> None:
    docx = tmp_path / "brief.docx"
    refused = cli("report", "Yokohama", "--out", str(docx))
    assert refused.exit_code == 2
    assert refused.stderr.startswith("--out: ") and "FILE.html or FILE.pdf" in refused.stderr
    assert not docx.exists()
    assert cli("report", "Yokohama", "--out", str(docx), "--format", "html").exit_code == 0
    assert docx.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@needs_pango
def test_report_pdf_to_a_terminal_is_refused(curated_db: Path, tmp_path: Path) -> None:
    """On a real terminal (a pseudo-terminal), --out - --format pdf writes no bytes."""
    import os
    import pty
    import subprocess
    import sys

    db = tmp_path / "t.db"
    db.write_bytes(curated_db.read_bytes())
    leader, follower = pty.openpty()
    src = Path(__file__).resolve().parents[2] / "src"
    env = os.environ | {"PYTHONPATH": str(src), "CITYDIP_DB": str(db)}
    args = ["report", "Yokohama", "--out", "-", "--format", "pdf"]
    done = subprocess.run(
        [sys.executable, "-m", "citydip", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )
    os.close(follower)
    os.set_blocking(leader, False)
    try:
        written = os.read(leader, 4096)
    except OSError:
        written = b""
    os.close(leader)
    assert done.returncode == 2
    assert b"not writing a PDF to a terminal" in done.stderr
    assert b"%PDF" not in written


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


@needs_pango
def test_a_pdf_made_without_cjk_fonts_warns_and_names_the_package(
    curated_db: Path, tmp_path: Path
) -> None:
    """fontconfig told of no font but DejaVu (as on a machine without fonts-noto-cjk): the
    PDF is written, and stderr says its Japanese and Chinese names are boxes."""
    import os
    import subprocess
    import sys

    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        import pytest

        pytest.skip("needs fonts-dejavu-core for a font set without CJK")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{dejavu}</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    db.write_bytes(curated_db.read_bytes())
    src = Path(__file__).resolve().parents[2] / "src"
    env = os.environ | {
        "PYTHONPATH": str(src),
        "CITYDIP_DB": str(db),
        "FONTCONFIG_FILE": str(conf),
    }
    pdf = tmp_path / "brief.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "citydip", "report", "Yokohama", "--out", str(pdf)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    warning = done.stderr.splitlines()[0]
    assert warning.startswith("warning: no installed font has 横")
    assert "fonts-noto-cjk" in warning
