"""The records conflicts are made of: a competing value, a finding, a conflict, a ranked list."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from citydip.knowledge.severity import NOTICE_KINDS, Evidence, level, score
from citydip.store.models import CitedSource, Entity


@dataclass
class ConflictValue:
    """One competing value, with the sources that state it (and its date, quote, derivation)."""

    value: str
    sources: list[CitedSource]
    as_of: str | None = None
    quote: str | None = None
    derived: str | None = None  # how a value not stated by a source was computed

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "as_of": self.as_of, "sources": self.sources}
        if self.quote:
            out["quote"] = self.quote
        if self.derived:
            out["derived"] = self.derived
        return out


@dataclass
class Finding:
    """A conflict as the rules find it: entity ids, scored by :func:`Finding.scored`."""

    subject: str
    property: str
    kind: str
    values: list[ConflictValue]
    note: str = ""
    object: str | None = None
    severity: int = 0
    # Notices are written out only when they make the page: this builds the full finding.
    pending: Callable[[], Finding] | None = None

    def complete(self) -> Finding:
        """The finding with its values (built now, for a pending notice)."""
        return self.pending() if self.pending is not None else self

    def scored(self, one_source_disagrees: bool = False, not_growth: bool = False) -> Finding:
        """The finding with its severity set by the rule in knowledge.severity
        (``not_growth``: values dated apart that growth cannot explain are not discounted)."""
        stated = [v for v in self.values if not v.derived]
        dates = [v.as_of for v in stated] if not not_growth else [None]
        evidence = Evidence(
            values=[v.value for v in self.values],
            source_ids=frozenset(s["id"] for v in stated for s in v.sources),
            official=any(s.get("kind") == "official" for v in stated for s in v.sources),
            dated_apart=len(stated) > 1 and all(dates) and len(set(dates)) == len(dates),
            one_source_disagrees=one_source_disagrees or self.kind == "self-contradiction",
        )
        self.severity = score(self.kind, evidence)
        return self

    def rank_key(self, names: dict[str, str]) -> tuple[int, int, str, str, str, str, str]:
        """Most severe first; then the most sources; then by subject, property and object
        (``names``: entity id → folded name; ids break the remaining ties)."""
        cited = len({s["id"] for v in self.values for s in v.sources})
        subject = names.get(self.subject, self.subject)
        obj = names.get(self.object, self.object) if self.object else ""
        return (
            -self.severity,
            -cited,
            subject,
            self.property,
            obj,
            self.subject,
            self.object or "",
        )


@dataclass
class Conflict:
    """One disagreement: a subject, a property, each competing value with its sources."""

    subject: Entity
    property: str
    kind: str
    values: list[ConflictValue]
    severity: int
    note: str = ""
    object: Entity | None = None

    @builtins.property
    def level(self) -> str:
        return level(self.severity)

    @builtins.property
    def is_notice(self) -> bool:
        """Unconfirmed ties and unresolved names: worth knowing, not disagreements."""
        return self.kind in NOTICE_KINDS

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"subject": self.subject.summary(), "property": self.property}
        if self.object is not None:
            out["object"] = self.object.summary()
        out.update(
            kind=self.kind,
            severity=self.severity,
            level=self.level,
            values=[v.to_dict() for v in self.values],
            note=self.note,
        )
        return out


@dataclass
class ConflictList:
    """A ranked page of conflicts, how many matched, and the notices left out of the count."""

    conflicts: list[Conflict]
    total: int  # conflicts matching the filters, before the limit
    not_counted: dict[str, int] = field(default_factory=dict)  # notice kind → how many

    def __iter__(self) -> Iterator[Conflict]:
        return iter(self.conflicts)

    def __len__(self) -> int:
        return len(self.conflicts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "conflicts": [c.to_dict() for c in self.conflicts],
            "total": self.total,
            "not_counted": self.not_counted,
        }
