"""JSON parsed defensively: every failure is one DataError naming the file and line.

Python's parser raises RecursionError on deep nesting, ValueError on integers past 4,300
digits, and accepts lone surrogates (``"\\ud800"``) that no UTF-8 file or store can hold;
each becomes a DataError here instead of a traceback later.
"""

from __future__ import annotations

import json
import re
from typing import Any

from citydip.errors import DataError

MAX_DEPTH = 64  # deeper nesting is no Wikidata answer nor table row
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONG_NUMBER = re.compile(r"-?\d{4000,}")


def parse_json(text: str, where: str, line: int | None = None) -> Any:
    """``text`` parsed; ``line`` is the text's first line in its file (JSON Lines)."""
    base = line or 1
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(where, base + exc.lineno - 1, None, f"bad JSON: {exc.msg}") from exc
    except RecursionError as exc:
        raise DataError(where, line, None, "JSON nested too deeply") from exc
    except ValueError as exc:  # an integer too long to convert
        found = _LONG_NUMBER.search(text)
        at = base + text[: found.start()].count("\n") if found else line
        raise DataError(where, at, None, "a number too long (over 4,000 digits)") from exc
    if _depth_over(data, MAX_DEPTH):
        raise DataError(where, line, None, f"JSON nested deeper than {MAX_DEPTH} levels")
    if _SURROGATE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            found = _SURROGATE.search(text)
            at = base + text[: found.start()].count("\n") if found else line
            raise DataError(
                where, at, None, "a lone surrogate (\\ud800-\\udfff): not text"
            ) from exc
    return data


def _depth_over(data: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
    return False


def expect_object(value: Any, where: str, line: int | None, field: str | None) -> dict[str, Any]:
    """``value`` if it is a JSON object, else a DataError naming what it is."""
    if not isinstance(value, dict):
        raise DataError(where, line, field, f"expected an object, got {json_type(value)}")
    return value


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type: object, array, string, number, true…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "a number"
