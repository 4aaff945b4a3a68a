"""The checks every importer applies to the values it reads (tables, pairs, edge lists,
Wikidata files and the Wikidata update): a bad value is one ``DataError`` naming the file,
the line and the field, and nothing is stored.

    date(text, at, field)          YYYY, YYYY-MM or YYYY-MM-DD, a day that exists, years
                                   MIN_YEAR..MAX_YEAR → the text; else DataError
    name(text, at, field)          a name or label: cleaned of control characters, not
                                   empty, at most MAX_NAME_LENGTH, no non-character
    text(text, at, field, limit)   free text (notes, URLs): the same, longer limit
    qid(value, at, field)          Q and digits (Q1 … Q99999999999) → the QID
    coordinates(lat, lon, at, f)   finite numbers on the globe → (lat, lon)
    geonames_id(value, at, field)  a whole number 1 … MAX_GEONAMES_ID → int
    option_text(text, field)       an argument (a title): InvalidInput naming the field

``at`` is where the value was read: ``At(path, line)`` (line None for a whole file).
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from typing import Any

from citydip.errors import DataError, InvalidInput
from citydip.text import MAX_NAME_LENGTH, clean_text

MIN_YEAR = 500  # no tie between places is older (Paderborn and Le Mans date theirs to 836)
MAX_YEAR = 2100  # nor starts later: a year past it is a typo
MAX_TEXT_LENGTH = 2000  # notes and URLs
MAX_GEONAMES_ID = 2**31 - 1  # GeoNames ids are below 14 million; ints past this are typos
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_QID = re.compile(r"^Q[1-9][0-9]{0,10}$")
# Non-characters: U+FDD0..U+FDEF and the last two code points of every plane. XML cannot
# hold U+FFFE and U+FFFF at all; none of them is ever part of a name.
_NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)


@dataclass(frozen=True)
class At:
    """Where a value was read: a file (or a response's label) and a line in it."""

    path: str
    line: int | None = None

    def error(self, field: str | None, problem: str) -> DataError:
        return DataError(self.path, self.line, field, problem)


def date(value: Any, at: At, field: str) -> str:
    """A date as written (YYYY, YYYY-MM or YYYY-MM-DD) that exists, or a DataError."""
    if not isinstance(value, str):
        raise at.error(field, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    text = value.strip()
    match = _DATE.match(text)
    if match is None:
        raise at.error(field, f"{_short(text)!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise at.error(field, f"{text!r}: the year is not between {MIN_YEAR} and {MAX_YEAR}")
    if match.group(2) is not None:
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise at.error(field, f"{text!r}: there is no month {month:02d}")
        if match.group(3) is not None:
            day = int(match.group(3))
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise at.error(field, f"{text!r}: that month has no day {day:02d}")
    return text


def optional_date(value: Any, at: At, field: str) -> str | None:
    """:func:`date`, or None for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return date(value, at, field)


def name(value: Any, at: At, field: str) -> str:
    """A name or label, cleaned: control characters and escape sequences removed, not
    empty, at most ``MAX_NAME_LENGTH`` characters, no non-character."""
    return text(value, at, field, MAX_NAME_LENGTH, what="a name")


def text(value: Any, at: At, field: str, limit: int = MAX_TEXT_LENGTH, what: str = "text") -> str:
    """One line of text, cleaned; a DataError when it is not text, holds nothing but
    control characters, is longer than ``limit`` or holds a non-character."""
    if problem := text_problem(value, limit, what):
        raise at.error(field, problem)
    return clean_text(str(value), one_line=True).strip()


def text_problem(value: Any, limit: int = MAX_NAME_LENGTH, what: str = "a name") -> str | None:
    """Why ``value`` cannot be stored as text (None when it can)."""
    if not isinstance(value, str):
        return f"expected text, got {type(value).__name__}"
    cleaned = clean_text(value, one_line=True).strip()
    if not cleaned:
        return "only control characters" if value.strip() else "empty"
    if len(cleaned) > limit:
        return f"{len(cleaned):,} characters is too long for {what} (at most {limit:,})"
    if found := _NONCHARACTER.search(cleaned):
        return f"holds the non-character U+{ord(found.group()):04X}"
    return None


def qid(value: Any, at: At, field: str) -> str:
    """A Wikidata item id: Q and up to 11 digits (an entity URL is accepted)."""
    if not isinstance(value, str):
        raise at.error(field, f"{_short(repr(value))} is not a Wikidata QID (text like Q90)")
    found = value.strip().removeprefix("http://www.wikidata.org/entity/")
    if not _QID.match(found):
        raise at.error(field, f"{_short(value)!r} is not a Wikidata QID (Q and digits)")
    return found


def is_qid(value: Any) -> bool:
    return isinstance(value, str) and _QID.match(value) is not None


def coordinates(lat: Any, lon: Any, at: At, field: str) -> tuple[float, float]:
    """Latitude and longitude as finite numbers on the globe."""
    try:
        if isinstance(lat, bool) or isinstance(lon, bool):
            raise TypeError
        point = (float(lat), float(lon))
    except (TypeError, ValueError, OverflowError):
        raise at.error(field, f"({_short(str(lat))}, {_short(str(lon))}) is not a number") from None
    if not all(math.isfinite(c) for c in point):
        raise at.error(field, f"{point} is not a finite number")
    if not (-90.0 <= point[0] <= 90.0 and -180.0 <= point[1] <= 180.0):
        raise at.error(field, f"{point} is off the globe (latitude ±90, longitude ±180)")
    return point


def geonames_id(value: Any, at: At, field: str) -> int:
    """A GeoNames id: a whole number from 1 to ``MAX_GEONAMES_ID``."""
    if isinstance(value, bool):
        raise at.error(field, f"{value!r} is not a GeoNames id")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 12:
        number = int(value.strip())
    else:
        raise at.error(field, f"{_short(str(value))!r} is not a GeoNames id (a whole number)")
    if not 1 <= number <= MAX_GEONAMES_ID:
        problem = f"{_short(str(number))} is not a GeoNames id (1 to {MAX_GEONAMES_ID:,})"
        raise at.error(field, problem)
    return number


def option_text(value: str | None, field: str, limit: int = MAX_NAME_LENGTH) -> str | None:
    """An argument's text (a title): cleaned, or InvalidInput naming the argument."""
    if value is None:
        return None
    if problem := text_problem(value, limit, "a title"):
        raise InvalidInput(problem, field=field)
    return clean_text(value, one_line=True).strip()


def _short(text: str, limit: int = 40) -> str:
    """A value quoted in a message: never a whole 100,000-character line."""
    return text if len(text) <= limit else text[:limit] + "…"
