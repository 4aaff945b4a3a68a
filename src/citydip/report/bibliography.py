"""Sources as BibTeX and CSL-JSON."""

from __future__ import annotations

import re
from typing import Any

from citydip.store.models import Source

CSL_TYPES = {
    "official": "webpage",
    "news": "article-newspaper",
    "encyclopedia": "entry-encyclopedia",
    "dataset": "dataset",
    "academic": "article-journal",
    "essay": "article-magazine",
    "other": "webpage",
}
BIBTEX_TYPES = {"academic": "article", "dataset": "misc", "essay": "article"}


def _escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def _url(url: str) -> str:
    """A URL as the ``url`` field takes it: verbatim (``_``, ``%``, ``#`` and ``&`` are part
    of the link; an escape would break it), braces percent-encoded so the field stays whole."""
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def to_bibtex(sources: list[Source]) -> str:
    entries = []
    for s in sources:
        fields = {
            "title": s.title,
            "author": (s.author or "").replace("; ", " and "),
            "publisher": s.publisher,
            "year": s.date[:4] if s.date else None,
            "date": s.date,
            "url": s.url,
            "note": s.kind,
        }
        body = ",\n".join(
            f"  {k} = {{{_url(v) if k == 'url' else _escape(v)}}}" for k, v in fields.items() if v
        )
        entries.append(f"@{BIBTEX_TYPES.get(s.kind, 'online')}{{{s.id},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def to_csl_json(sources: list[Source]) -> list[dict[str, Any]]:
    items = []
    for s in sources:
        item: dict[str, Any] = {
            "id": s.id,
            "type": CSL_TYPES.get(s.kind, "webpage"),
            "title": s.title,
        }
        if s.publisher:
            item["publisher"] = s.publisher
        if s.author:
            item["author"] = [{"literal": a.strip()} for a in s.author.split(";")]
        if s.date:
            item["issued"] = {"date-parts": [[int(p) for p in s.date.split("-")]]}
        if s.url:
            item["URL"] = s.url
        if s.description:
            item["abstract"] = s.description
        items.append(item)
    return items
