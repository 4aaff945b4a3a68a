"""Lists as CSV: one row per record, nested values flattened, formulas neutralised.

A text cell that a spreadsheet would run as a formula (beginning ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is prefixed with ``'``: data is never a formula.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` → ``{"a.b": 1}``; lists of scalars joined by '; ', others JSON."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if all(isinstance(v, str | int | float) for v in value):
                out[name] = "; ".join(str(v) for v in value)
            elif all(isinstance(v, dict) and "id" in v for v in value):
                out[name] = "; ".join(str(v["id"]) for v in value)
            else:
                out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def to_csv(rows: Iterable[dict[str, Any]]) -> str:
    flat = [flatten(r) for r in rows]
    columns: list[str] = []
    for row in flat:
        columns += [c for c in row if c not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in flat:
        writer.writerow({k: neutralise(v) for k, v in row.items()})
    return buffer.getvalue()
