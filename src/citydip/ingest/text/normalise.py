"""One reader for numbers and dates in running text, token by token.

    number_at(tokens, i) -> (value, index after) | None
        "53", "2,000", "2.5 million", "eight", "twenty-one", "a dozen", "some two dozen",
        "half a dozen", "three dozen"
    qualifier_before(tokens, i) -> "more than" | "about" | ... | None
    year_at(tokens, i) -> (year, index after) | None
        "1988", "'76" / "since '95" (two digits after an apostrophe: 19xx, or 20xx up to
        the current year's two digits)
    years_in(tokens) -> [(index, year), ...]

``tokens`` is anything indexable whose items have ``text`` and ``lower_`` (a spaCy Doc or
Span). Dates such as "3 October 1973", "12 April 1983" or "in the spring of 1988" are read
for their year: the day and the month are tokens the year readers skip.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from typing import Any

from citydip.ingest.text.tokens import Doc, token_list

YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_SHORT_YEAR = re.compile(r"^\d\d$")
_APOSTROPHES = ("'", "\u2019", "`")
_NUM = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70})
WORD_NUMBERS.update({"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MULTIPLIERS = {"dozen": 12, "hundred": 100}
# the words a number may start with, beside digits ("twelve", "half a dozen", "a dozen")
NUMBER_STARTS = frozenset(WORD_NUMBERS) | {"half", "a", "an"}
QUALIFIERS = {
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "at least": "at least",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "under": "fewer than",
    "fewer than": "fewer than",
    "less than": "fewer than",
}
CALENDAR_MONTHS = frozenset(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    )
)
MONTHS = CALENDAR_MONTHS | {
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
}


# Numbers grouped the continental way before a noun of people: "10.000 citizens", "12 645
# inhabitants" (a decimal never counts people in thousandths).
PEOPLE = {"citizens", "inhabitants", "residents", "people", "persons", "population", "members"}
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_SHORT_GROUP = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}$")
MAX_NUMBER = 1e15  # above any population or count; an endless digit run is inf


def number_at(tokens: Any, i: int) -> tuple[float, int] | None:
    """The number starting at token ``i`` and the index after it, or None."""
    tokens = token_list(tokens)
    n = len(tokens)
    text = tokens[i].lower_
    if not text[:1].isdigit() and text not in NUMBER_STARTS:
        return None  # most words: none of the shapes below starts with them
    value: float | None = None
    j = i + 1
    if (
        text == "half"
        and j + 1 < n
        and tokens[j].lower_ == "a"
        and tokens[j + 1].lower_ in MULTIPLIERS
    ):
        return MULTIPLIERS[tokens[j + 1].lower_] / 2, j + 2  # "half a dozen"
    if text in ("a", "an") and j < n and tokens[j].lower_ in MULTIPLIERS:
        if j + 1 < n and tokens[j + 1].lower_ == "of":
            return None  # "a hundred of them": vague
        return float(MULTIPLIERS[tokens[j].lower_]), j + 1  # "a dozen"
    if _NUM.match(text):
        value = float(text.replace(",", ""))
        counted = j + 1 < n and tokens[j + 1].lower_ in PEOPLE
        if _DOT_THOUSANDS.match(text) and j < n and tokens[j].lower_ in PEOPLE:
            value = float(text.replace(".", ""))  # "26.000 citizens": thousands, not 26.0
        elif _SHORT_GROUP.match(text) and j < n and _GROUP.match(tokens[j].text) and counted:
            value = float(text + tokens[j].text)  # "12 645 citizens": a space groups thousands
            j += 1
    elif text in WORD_NUMBERS:
        value = float(WORD_NUMBERS[text])
        if j + 1 < n and tokens[j].text == "-" and tokens[j + 1].lower_ in WORD_NUMBERS:
            value += WORD_NUMBERS[tokens[j + 1].lower_]
            j += 2
    if value is None:
        return None
    if j < n and tokens[j].lower_ in MULTIPLIERS and text not in MULTIPLIERS:
        value *= MULTIPLIERS[tokens[j].lower_]  # "two dozen", "three hundred"
        j += 1
    if j < n and tokens[j].lower_ in SCALES:
        value *= SCALES[tokens[j].lower_]
        j += 1
    if not value < MAX_NUMBER:
        return None  # hundreds of digits: no count, population or year a text states
    return value, j


def qualifier_before(tokens: Any, i: int) -> str | None:
    """ "more than", "about", ... in the two tokens before ``i``."""
    two = " ".join(t.lower_ for t in tokens[max(0, i - 2) : i])
    one = tokens[i - 1].lower_ if i > 0 else ""
    return QUALIFIERS.get(two) or QUALIFIERS.get(one)


def format_number(value: float, qualifier: str | None) -> str:
    number = str(int(value)) if value == int(value) else str(value)
    return f"{qualifier} {number}" if qualifier else number


_DATE = re.compile(
    r"^(?:\d{1,2}[./]\d{1,2}[./](1[89]\d\d|20\d\d)|(1[89]\d\d|20\d\d)-[01]\d-[0-3]\d"
    r"|(1[89]\d\d|20\d\d)[./](?:0?[1-9]|1[0-2])(?:[./][0-3]?\d)?)$"
)  # "12.08.1991", "2005-03-14", and year first: "1983.4.11", "1994.11" (of "1994.11. 1")


def year_at(tokens: Any, i: int) -> tuple[int, int] | None:
    """A year at token ``i``: "1988", or "'" + two digits ("'76", "since '95")."""
    text = tokens[i].text
    if text[:1].isdigit():
        if i and _numbered(tokens, i):
            return None  # "Resolution No. 1706", "Resolution No. 13-2253-2015": a number
        if len(text) == 4 and YEAR.match(text):
            if i + 1 < len(tokens) and tokens[i + 1].text in ("'s", "s"):
                return None  # "in the late 1980's": a decade, no year
            return int(text), i + 1
        if len(text) <= 4 and text.isdigit() and 500 <= int(text) < 1600 and _early_year(tokens, i):
            return int(text), i + 1  # "between Paderborn and Le Mans in 836."
        dated = _DATE.match(text) if len(text) >= 6 else None
        return (int(dated.group(1) or dated.group(2) or dated.group(3)), i + 1) if dated else None
    if text in _APOSTROPHES and i + 1 < len(tokens) and _SHORT_YEAR.match(tokens[i + 1].text):
        two = int(tokens[i + 1].text)
        century = 2000 if two <= date.today().year % 100 else 1900
        return century + two, i + 2
    return None


# words a document's number follows: "Resolution No. 1706", "Ordinance #1998"
NUMBER_LABELS = {"no", "nos", "#", "number", "nr", "ref", "resolution", "ordinance", "res"}
NUMBER_LABELS |= {"decree", "bill", "id"}


def _numbered(tokens: Any, i: int) -> bool:
    """Token ``i`` (digits) is a document's number, not a year: after a label ("No.
    1706") or inside a code of numbers ("13-2253-2015", but not "1966-1992")."""
    before = tokens[i - 1].text
    if before.lower().rstrip(".") in NUMBER_LABELS:
        return True
    if before not in ("-", "/") or i < 2 or not tokens[i - 2].text.isdigit():
        return False
    first = tokens[i - 2].text  # "23/05/2023" is a date: only a long number makes a code
    return (len(first) >= 3 and not (len(first) == 4 and YEAR.match(first))) or _numbered(
        tokens, i - 2
    )


def _early_year(tokens: Any, i: int) -> bool:
    """A number before 1600 is a year only as "in 836" or "since 1126" ending its clause."""
    before = tokens[i - 1].text.lower() if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else "."
    return before in ("in", "since") and after in (".", ",", ";", ")", "AD")


def is_year_token(tokens: Any, i: int) -> bool:
    """The token is (part of) a year: "1988", or the digits of "'76"."""
    if year_at(tokens, i) is not None:
        return True
    return i > 0 and tokens[i - 1].text in _APOSTROPHES and year_at(tokens, i - 1) is not None


def years_in(tokens: Any, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Every year between ``start`` and ``end`` as (token index, year)."""
    span = tokens
    tokens = token_list(tokens)
    stop = len(tokens) if end is None else min(end, len(tokens))
    out: list[tuple[int, int]] = []
    # only a token of digits or an apostrophe starts a year (year_at says None elsewhere):
    # those of a span's doc are listed once, and a span takes its own by bisection
    doc = getattr(span, "doc", None)
    if isinstance(doc, Doc) and span.tokens is tokens:
        if doc.year_starts is None:
            doc.year_starts = _year_starts(doc.tokens, 0, len(doc.tokens))
        base = span.start
        listed = doc.year_starts
        lo = bisect_left(listed, base + start)
        starts = [k - base for k in listed[lo : bisect_left(listed, base + stop, lo)]]
    else:
        starts = _year_starts(tokens, start, stop)
    i = start
    for k in starts:
        if k < i:
            continue  # inside the year before ("'76": its digits)
        found = year_at(tokens, k)
        if found is None:
            continue
        out.append((k, found[0]))
        i = found[1]
    return out


def _year_starts(tokens: list[Any], start: int, stop: int) -> list[int]:
    """Indices in [start, stop) of the tokens a year may start at: digits, an apostrophe."""
    return [
        k
        for k in range(start, stop)
        if (text := tokens[k].text)[:1].isdigit() or text in _APOSTROPHES
    ]
