"""Safe cells: data is never a formula in a spreadsheet nor markup in Markdown."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")


def csv_cell(value: object) -> str:
    """A CSV cell: text starting with = + - @ (or a tab, a carriage return) gets a quote."""
    from citydip.text import formula_safe

    return formula_safe("" if value is None else str(value))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV document (RFC 4180: CRLF line ends, so a CR inside a cell is quoted),
    every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return out.getvalue()


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
