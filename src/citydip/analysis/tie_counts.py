"""How many ties a city has: the newest well-sourced stated count, brought up to date.

Rule (docs/compare.md): among the counts sources state for a metric, take the most
authoritative kind of source (vocabulary.SOURCE_RANK) and, within it, the newest as-of
date; then add the ties of that metric's kinds the store lists as signed after that date
(from sources other than datasets). Every other stated value is kept, to be named.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citydip.analysis.profile import CityProfile
from citydip.knowledge.reconcile import Statement, Tie

# Which tie kinds each stated metric counts.
METRIC_KINDS = {
    "sister": ("sister",),
    "friendship": ("friendship",),
    "partner": ("partner",),
    "sister+friendship": ("sister", "friendship"),
}


@dataclass
class TieCount:
    """A headline count: the figure, the statement it starts from, the ties added since."""

    metric: str
    base: Statement
    base_value: int | None
    added: list[Tie] = field(default_factory=list)
    other_values: list[str] = field(default_factory=list)

    @property
    def value(self) -> int | None:
        return None if self.base_value is None else self.base_value + len(self.added)

    @property
    def as_of(self) -> str | None:
        as_of = self.base.first.qualifiers.get("as_of")
        return str(as_of) if as_of else None

    @property
    def source_ids(self) -> list[str]:
        ids = {c.source_id for c in self.base.claims}
        ids |= {s for t in self.added for s in t.source_ids}
        return sorted(ids)


def tie_count(profile: CityProfile, metric: str) -> TieCount | None:
    """The headline count of ``metric`` (sister, friendship, partner, sister+friendship)."""
    stated = [st for st in profile.counts if st.first.qualifiers.get("metric") == metric]
    if not stated:
        return None
    best = min(
        stated,
        key=lambda st: (
            profile.sources.rank(st.first.source_id),
            _negated(str(st.first.qualifiers.get("as_of") or "")),
        ),
    )
    base_value = _integer(best.first.value)
    as_of = str(best.first.qualifiers.get("as_of") or "")
    added: list[Tie] = []
    if base_value is not None and as_of:
        added = [
            t
            for t in profile.active_ties(METRIC_KINDS.get(metric, ()))
            if t.start
            and _after(t.start, as_of)
            and any(profile.sources.kind(c.source_id) != "dataset" for c in t.claims)
        ]
        added.sort(key=lambda t: t.start or "")
    values = sorted({st.first.value or "" for st in stated}, key=_numeric)
    return TieCount(metric, best, base_value, added, [v for v in values if v])


def stated_tie_total(profile: CityProfile) -> int:
    """Sister, friendship and partner cities by their headline counts (0 when none stated)."""
    parts: list[int | None] = []
    combined = tie_count(profile, "sister+friendship")
    if combined is not None:
        parts.append(combined.value)
    else:
        for metric in ("sister", "friendship"):
            count = tie_count(profile, metric)
            parts.append(count.value if count else None)
    partner = tie_count(profile, "partner")
    parts.append(partner.value if partner else None)
    return sum(p for p in parts if p is not None)


def _after(start: str, as_of: str) -> bool:
    """Whether a tie that began on ``start`` is later than a count as of ``as_of``."""
    width = min(len(start), len(as_of))
    return start[:width] > as_of[:width]


def _integer(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() else None


def _numeric(value: str) -> tuple[float, str]:
    digits = "".join(ch for ch in value if ch.isdigit())
    return (float(digits) if digits else 0.0, value)


def _negated(date: str) -> tuple[int, ...]:
    """A sort key putting later dates first (undated last)."""
    return tuple(-int(part) for part in date.split("-") if part.isdigit()) or (1,)
