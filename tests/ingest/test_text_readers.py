"""Readers: text, Markdown, HTML and PDF to plain text; bad input is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.errors import InvalidInput
from citydip.ingest.text.readers import read_document

DATA = Path(__file__).resolve().parents[1] / "data" / "text"


def test_markdown_keeps_offsets_and_blanks_markup() -> None:
    raw = (DATA / "lyon.md").read_text(encoding="utf-8")
    doc = read_document(DATA / "lyon.md")
    assert doc.format == "markdown"
    assert len(doc.text) == len(raw)
    assert "#" not in doc.text.splitlines()[0]
    assert doc.title == "Lyon abroad"


def test_html_drops_scripts_and_keeps_table_rows() -> None:
    doc = read_document(DATA / "harbour.html")
    assert doc.format == "html"
    assert "var x" not in doc.text
    assert "Busan\tYokohama" in doc.text
    assert doc.title == "Harbour cities report"


def test_pdf_is_read_page_by_page_with_progress(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev dependency) writes the PDF fixture")
    pdf = fpdf.FPDF()
    for page in range(3):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 6, f"Page {page + 1}. Lyon has been twinned with Birmingham since 1951.")
    path = tmp_path / "three.pdf"
    pdf.output(str(path))
    seen: list[tuple[str, int, int | None]] = []
    doc = read_document(
        path, progress=lambda task, done, total=None: seen.append((task, done, total))
    )
    assert doc.format == "pdf" and doc.pages == 3
    assert seen == [("Reading three.pdf", n, 3) for n in (1, 2, 3)]
    assert doc.text.count("twinned with Birmingham") == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"   \n\n", "no text in the document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "a binary file"),
        ("latin.txt", "Montréal est jumelée".encode("latin-1"), "not valid utf-8 at byte 5"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "not a readable PDF"),
    ],
)
def test_bad_input_is_one_clear_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput) as info:
        read_document(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_other_encodings_on_request_and_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Montréal est jumelée avec Lyon.".encode("latin-1"))
    assert read_document(path, encoding="latin-1").text.startswith("Montréal")
    with pytest.raises(InvalidInput, match="over the limit of 10"):
        read_document(path, max_bytes=10)
    with pytest.raises(InvalidInput, match="no such file"):
        read_document(tmp_path / "missing.txt")
