"""The one CSV writer of every face and export: RFC 4180 (CRLF line ends, so a carriage
return inside a cell is quoted), every cell formula-safe (``text.formula_safe``: text
starting with = + - @ gets a leading quote; a number such as ``-81.6947`` stays a number),
``None`` an empty cell."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

from citydip.text import formula_safe

LINE_END = "\r\n"


def csv_cell(value: object) -> str:
    """One cell: ``None`` is empty, text is never a formula."""
    return formula_safe("" if value is None else str(value))


class CsvWriter:
    """Rows to a text handle (opened with ``newline=""``), every cell made safe."""

    def __init__(self, handle: IO[str]) -> None:
        self._writer = csv.writer(handle, lineterminator=LINE_END)

    def row(self, values: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(v) for v in values])


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV document: the header, then the rows."""
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.row(header)
    for row in rows:
        writer.row(row)
    return out.getvalue()
