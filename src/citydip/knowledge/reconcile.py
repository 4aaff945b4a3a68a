"""Claims → the current view: ties, memberships, activities and stated counts, with sources.

Rules (docs/reconciliation.md):
- Only accepted claims count.
- A tie is every ``twinned_with`` claim between the same two entities, from either side.
- Where sources differ, the most authoritative source decides the shown kind, start and
  status (vocabulary.SOURCE_RANK: official before academic, news, essay, encyclopedia,
  dataset); a kind of 'unspecified' never overrides a stated kind. The disagreement
  itself is reported by knowledge.conflicts.
- A tie with an end date or an 'ended' status from its deciding source is ended.
- A tie only datasets list, with no status stated, has status 'unknown': a list of pairs
  says nothing about whether an agreement is in force.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from citydip.store.database import Store
from citydip.store.models import CitedSource, Claim, Source
from citydip.vocabulary import SOURCE_RANK


@dataclass
class Tie:
    """One reconciled tie between ``city`` and ``partner`` (ids), with every claim behind it."""

    city: str
    partner: str
    kind: str
    start: str | None
    end: str | None
    status: str
    claims: list[Claim] = field(default_factory=list)

    @property
    def source_ids(self) -> list[str]:
        return sorted({c.source_id for c in self.claims})

    @property
    def year(self) -> int | None:
        return int(self.start[:4]) if self.start else None

    @property
    def likely_confusion(self) -> str | None:
        """The entity a curator judged this tie probably belongs to, when one did."""
        return next(
            (
                str(c.qualifiers["likely_confusion"])
                for c in self.claims
                if c.qualifiers.get("likely_confusion")
            ),
            None,
        )

    def values_of(self, attribute: str) -> dict[str, list[str]]:
        """Each distinct value of a claim attribute (kind, start...) → its source ids."""
        out: dict[str, list[str]] = defaultdict(list)
        for claim in self.claims:
            value = getattr(claim, attribute)
            if value and value != "unspecified" and claim.source_id not in out[value]:
                out[value].append(claim.source_id)
        return dict(out)


class SourceIndex:
    """Sources by id with their authority rank, loaded once per view."""

    def __init__(self, store: Store) -> None:
        self.by_id: dict[str, Source] = {s.id: s for s in store.sources()}

    def kind(self, source_id: str) -> str:
        source = self.by_id.get(source_id)
        return source.kind if source else "other"

    def rank(self, source_id: str) -> int:
        source = self.by_id.get(source_id)
        return SOURCE_RANK.get(source.kind if source else "other", len(SOURCE_RANK))

    def ordered(self, claims: list[Claim]) -> list[Claim]:
        """Claims, most authoritative source first, then the most specific date first."""
        return sorted(claims, key=lambda c: (self.rank(c.source_id), -len(c.start or "")))

    def cite(self, source_ids: list[str]) -> list[CitedSource]:
        return [
            self.by_id[s].cite()
            for s in sorted(set(source_ids), key=self._order)
            if s in self.by_id
        ]

    def _order(self, source_id: str) -> tuple[int, str]:
        return (self.rank(source_id), source_id)


def reconcile_ties(
    store: Store, involving: str | None = None, sources: SourceIndex | None = None
) -> list[Tie]:
    """Every tie (of one entity, or of all), reconciled from its claims."""
    sources = sources or SourceIndex(store)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in store.claims(predicate="twinned_with", involving=involving):
        assert claim.object is not None
        a, b = claim.subject, claim.object
        if involving is not None:
            key = (involving, b if a == involving else a)
        else:
            key = (a, b) if a <= b else (b, a)
        groups[key].append(claim)
    return [
        _reconcile_one(city, partner, claims, sources)
        for (city, partner), claims in sorted(groups.items())
    ]


def _reconcile_one(city: str, partner: str, claims: list[Claim], sources: SourceIndex) -> Tie:
    ordered = sources.ordered(claims)
    kind = next((c.kind for c in ordered if c.kind and c.kind != "unspecified"), "unspecified")
    start = next((c.start for c in ordered if c.start), None)
    end = next((c.end for c in ordered if c.end), None)
    status = next((c.status for c in ordered if c.status), None)
    if status is None and end:
        status = "ended"
    elif status is None:
        datasets_only = all(sources.kind(c.source_id) == "dataset" for c in claims)
        status = "unknown" if datasets_only else "active"
    return Tie(city, partner, kind, start, end, status, ordered)


@dataclass
class Statement:
    """A non-tie claim with everything needed to show it: the claim and its sources."""

    claims: list[Claim]

    @property
    def first(self) -> Claim:
        return self.claims[0]


def statements(
    store: Store, subject: str, predicates: tuple[str, ...], sources: SourceIndex | None = None
) -> list[Statement]:
    """Claims of ``subject`` grouped by what they say (object/value/role), best source first."""
    sources = sources or SourceIndex(store)
    groups: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in store.claims(subject=subject, predicate=predicates):
        key = (
            claim.predicate,
            claim.object,
            claim.value,
            claim.role,
            claim.kind,
            claim.qualifiers.get("metric"),
        )
        groups[key].append(claim)
    return [Statement(sources.ordered(group)) for group in groups.values()]
