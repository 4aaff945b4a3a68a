"""Safe cells: data is never a formula in a spreadsheet nor markup in Markdown (CSV from
the one writer, ``citydip.csvfile``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from citydip.csvfile import csv_cell, csv_text

__all__ = ["csv_cell", "csv_text", "md_cell", "md_table"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")


def md_cell(value: object) -> str:
    """A Markdown table cell: one line, every markup character escaped."""
    text = "" if value is None else " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table, every cell escaped."""
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |"]
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
