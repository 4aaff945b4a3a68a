"""How much a conflict matters: its kind and a severity from 0 to 100 (docs/reconciliation.md).

The rule, in order:
1. Start from the kind's base (``KINDS``): a source contradicting itself weighs most, then
   a tie missing from an official list, competing counts and memberships, tie kinds,
   counts against the listed ties, dates and statuses, ties withdrawn by a newer snapshot.
2. +20 when an official source stands behind one of the competing values (an official
   source against another).
3. +5 for each distinct source beyond two, at most +10 (more sources, more at stake).
4. For numbers, + the gap: ``round(15 × (max − min) / max)``.
5. −25 when every value is stated as of its own date (growth, not disagreement), unless one
   source states two values.
6. Clamped to 1–100. Notices (``NOTICE_KINDS``: unconfirmed ties, unresolved names) are not
   conflicts: they keep their fixed low severity and are listed only when asked for.

Levels: ``high`` ≥ 70, ``medium`` ≥ 40, ``low`` below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citydip.errors import InvalidInput
from citydip.vocabulary import SEVERITY_LEVELS, SeverityLevel

# Kind → base severity (rule 1).
KINDS: dict[str, int] = {
    "self-contradiction": 60,
    "official-list": 45,
    "count": 45,
    "membership": 45,
    "tie-kind": 35,
    "count-vs-list": 30,
    "date": 30,
    "status": 30,
    "withdrawn": 25,
    # Curated judgements and facts about a place (knowledge.place_conflicts).
    "likely-confusion": 40,
    "population": 35,
    "tie-period": 30,
}
# Not conflicts: shown only when asked for by kind.
NOTICE_KINDS: dict[str, int] = {"unconfirmed": 5, "unresolved": 3}
ALL_KINDS: tuple[str, ...] = (*KINDS, *NOTICE_KINDS)
LEVELS: tuple[tuple[SeverityLevel, int], ...] = (("high", 70), ("medium", 40), ("low", 1))

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Evidence:
    """What the rule looks at: the values as stated, their sources, their dates."""

    values: Sequence[str]
    source_ids: frozenset[str]
    official: bool
    dated_apart: bool = False  # every value has its own as-of date
    one_source_disagrees: bool = False  # one source states two of the values


def score(kind: str, evidence: Evidence) -> int:
    """The severity of a conflict of ``kind`` (rules 1–6 of the module docstring)."""
    if kind in NOTICE_KINDS:
        return NOTICE_KINDS[kind]
    total = KINDS[kind]
    if evidence.official:
        total += 20
    total += min(10, 5 * max(0, len(evidence.source_ids) - 2))
    total += number_gap(evidence.values)
    if evidence.dated_apart and not evidence.one_source_disagrees:
        total -= 25
    return max(1, min(100, total))


def number_gap(values: Iterable[str]) -> int:
    """``round(15 × (max − min) / max)`` over the values that are numbers, else 0."""
    numbers = [n for v in values if (n := as_number(v)) is not None]
    if len(numbers) < 2 or max(numbers) <= 0:
        return 0
    return round(15 * (max(numbers) - min(numbers)) / max(numbers))


def as_number(value: str) -> float | None:
    """The first number in a stated value ('more than 2,000' → 2000.0), or None."""
    match = _NUMBER.search(value)
    return float(match.group().replace(",", "")) if match else None


def level(severity: int) -> str:
    """``high``, ``medium`` or ``low``."""
    return next(name for name, floor in LEVELS if severity >= floor) if severity >= 1 else "low"


def parse_min_severity(text: str | int | None) -> int:
    """A minimum severity: a number 0–100 or a level name (high, medium, low)."""
    if text is None:
        return 0
    if isinstance(text, int):
        value = text
    else:
        named = dict(LEVELS)
        key = text.strip().lower()
        if key in named:
            return named[key]
        try:
            value = int(key)
        except ValueError:
            levels = ", ".join(SEVERITY_LEVELS)
            raise InvalidInput(
                f"minimum severity {text!r}: give a number 0-100 or {levels}", field="min_severity"
            ) from None
    if not 0 <= value <= 100:
        raise InvalidInput(f"minimum severity {value}: give a number 0-100", field="min_severity")
    return value


def check_kinds(kinds: Iterable[str] | None) -> frozenset[str] | None:
    """The asked-for kinds (each may be comma-separated), checked against the vocabulary
    (None: every conflict kind)."""
    if kinds is None:
        return None
    chosen = frozenset(k.strip().lower() for text in kinds for k in text.split(",") if k.strip())
    unknown = sorted(chosen - set(ALL_KINDS))
    if unknown:
        raise InvalidInput(
            f"conflict kind {unknown[0]!r} is unknown; kinds: {', '.join(ALL_KINDS)}", field="kind"
        )
    return chosen or None
