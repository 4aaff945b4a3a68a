"""Documents to plain text: .txt, .md, .html/.htm and .pdf, with clear errors for bad input.

Offsets of extracted claims index ``Document.text``. For .txt that is the file's text;
for .md it is the file's text with markup characters blanked (same length, so offsets are
the file's own); for HTML and PDF it is the text the reader produced.

Bad input is an ``InvalidInput`` naming the file and what to do: a binary file, an empty
one, one over the size limit, text that is not in the given encoding, a damaged or
encrypted PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from citydip.errors import InvalidInput
from citydip.progress import Progress

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
FORMATS.update({".html": "html", ".htm": "html", ".pdf": "pdf"})
MAX_TEXT_BYTES = 2_000_000  # 2 MB of text, about 400 pages: extracted in seconds, not minutes
MAX_PDF_BYTES = 200_000_000

PAGES = "Reading {name}"  # the task a PDF's pages are told as (citydip.progress)


@dataclass(frozen=True)
class Document:
    """A document's plain text and where it came from."""

    path: str
    format: str
    text: str
    pages: int = 1

    @property
    def title(self) -> str:
        """The first non-empty line (a heading, usually), else the file name."""
        for line in self.text.splitlines():
            if line.strip():
                return line.strip()[:200]
        return Path(self.path).name


def read_document(
    path: str | Path,
    encoding: str = "utf-8",
    progress: Progress | None = None,
    max_bytes: int | None = None,
) -> Document:
    """Read a document, choosing the reader by its suffix (unknown suffixes are text)."""
    p = Path(path)
    if not p.exists():
        raise InvalidInput(f"{p}: no such file")
    if not p.is_file():
        raise InvalidInput(f"{p}: not a file")
    fmt = FORMATS.get(p.suffix.lower(), "text")
    size = p.stat().st_size
    limit = max_bytes or (MAX_PDF_BYTES if fmt == "pdf" else MAX_TEXT_BYTES)
    if size > limit:
        raise InvalidInput(
            f"{p}: {size:,} bytes is over the limit of {limit:,}; split the document first"
        )
    if size == 0:
        raise InvalidInput(f"{p}: the file is empty")
    data = p.read_bytes()
    if fmt == "pdf" or data.startswith(b"%PDF-"):
        return _read_pdf(p, data, progress)
    text = decode(data, str(p), encoding)
    if fmt == "html" or (fmt == "text" and _looks_like_html(text)):
        doc = Document(str(p), "html", html_to_text(text))
    elif fmt == "markdown":
        doc = Document(str(p), "markdown", markdown_to_text(text))
    else:
        doc = Document(str(p), "text", text)
    if not doc.text.strip():
        raise InvalidInput(f"{p}: no text in the document")
    return doc


def decode(data: bytes, where: str, encoding: str = "utf-8") -> str:
    """Bytes to text; binary data and undecodable bytes are InvalidInput."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"{where}: damaged UTF-16 text at byte {exc.start}") from exc
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise InvalidInput(f"{where}: a binary file, not text, Markdown, HTML or PDF")
    try:
        text = data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except LookupError as exc:
        raise InvalidInput(f"{where}: unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"{where}: not valid {encoding} at byte {exc.start}; "
            "give the file's encoding, e.g. latin-1"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


# -- PDF --------------------------------------------------------------------------------------


def _read_pdf(path: Path, data: bytes, progress: Progress | None) -> Document:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InvalidInput(f"{path}: an encrypted PDF; decrypt it first")
        total = len(reader.pages)
        pages: list[str] = []
        for number, page in enumerate(reader.pages, start=1):
            pages.append(_join_pdf_lines(page.extract_text() or ""))
            if progress is not None:
                progress(PAGES.format(name=path.name), number, total)
    except InvalidInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise InvalidInput(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise InvalidInput(f"{path}: the PDF has no text layer (a scan?); run OCR on it first")
    return Document(str(path), "pdf", text, pages=total)


_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


def _join_pdf_lines(text: str) -> str:
    """Undo hyphenation at line ends; keep line breaks (they mark table rows)."""
    return _HYPHEN_BREAK.sub("", text.replace("\r", ""))


# -- HTML -------------------------------------------------------------------------------------

_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "title",
    "dl",
    "dt",
    "dd",
    "caption",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skip += 1
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag == "tr" or tag == "br":
            self.parts.append("\n")
        elif tag == "li":  # list items: bulleted lines of one block (ul, ol are blocks)
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            self.parts.append("\n\n")
        elif tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "li":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skip and not self.in_title:
            return
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: blocks as paragraphs, table rows as tab-separated lines,
    list items as "- " lines of one paragraph."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ ]*\n[ ]*", "\n", text)
    text = re.sub(r"\n\t+", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


# -- Markdown ---------------------------------------------------------------------------------

_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_MARKS = re.compile(r"^(#{1,6} |> ?)|(\*\*|__|`+)|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", re.M)


def markdown_to_text(text: str) -> str:
    """Markdown with its markup blanked out, character for character (offsets unchanged).

    List bullets stay: the segmenter reads bulleted lines as list items."""

    def blank_link(m: re.Match[str]) -> str:
        label = m.group(1)
        prefix = len(m.group(0)) - len(m.group(0).lstrip("!")) + 1
        return " " * prefix + label + " " * (len(m.group(0)) - prefix - len(label))

    text = _MD_LINK.sub(blank_link, text)
    return _MD_MARKS.sub(lambda m: " " * len(m.group(0)), text)
