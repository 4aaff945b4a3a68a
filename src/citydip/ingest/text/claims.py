"""Extracted claims: what a document says, where, how sure, and how it maps to the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from citydip.ingest.text.registry import Known
from citydip.text import fold

CLAIM_TYPES = (
    "tie",
    "non_tie",
    "count",
    "membership",
    "non_membership",
    "award",
    "programme",
    "event_hosted",
    "agreement",
    "aid",
    "population",
    "strategy",
    "date_range",
    "first_tie",
    "latest_tie",
)

# Claim type -> store predicate (vocabulary.PREDICATES).
PREDICATE = {
    "tie": "twinned_with",
    "non_tie": "not_twinned_with",
    "first_tie": "twinned_with",
    "latest_tie": "twinned_with",
    "count": "count",
    "membership": "member_of",
    "non_membership": "not_member_of",
    "award": "award_received",
    "programme": "runs_programme",
    "event_hosted": "hosts_event",
    "agreement": "agreement_with",
    "aid": "aid_to",
    "population": "population",
    "strategy": "strategy",
    "date_range": "tie_period",
}
TIE_TYPES = ("tie", "first_tie", "latest_tie")
# Statuses of a tie as a text states it; a denied tie is a claim of type non_tie.
TIE_STATUSES = ("active", "suspended", "ended", "proposed")
# Count metrics that are participants of a network or programme, not ties.
PARTICIPANT_METRICS = ("members",)


@dataclass(frozen=True)
class Ref:
    """A subject or object: a name, and the store entity or gazetteer place it was linked to."""

    name: str
    label: str
    id: str | None = None
    geonames_id: int | None = None
    country: str | None = None

    @classmethod
    def of(cls, known: Known) -> Ref:
        return cls(known.name, known.label, known.id, known.geonames_id, known.country)

    @property
    def key(self) -> str:
        if self.id:
            return self.id
        if self.geonames_id:
            return f"geonames:{self.geonames_id}"
        return fold(self.name)

    @property
    def linked(self) -> bool:
        return bool(self.id or self.geonames_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.label.lower(),
            "id": self.id,
            "geonames_id": self.geonames_id,
            "country": self.country,
        }


@dataclass
class ExtractedClaim:
    """One candidate claim of a document."""

    type: str
    subject: Ref
    object: Ref | None = None
    value: str | None = None
    year: int | None = None
    sentence: str = ""
    start: int = 0
    end: int = 0
    confidence: float = 0.5
    rule: str = ""
    metric: str | None = None
    kind: str | None = None
    role: str | None = None
    qualifier: str | None = None
    end_year: int | None = None
    status: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def predicate(self) -> str:
        if self.type == "count" and self.metric in PARTICIPANT_METRICS:
            return "participant_count"
        return PREDICATE[self.type]

    @property
    def key(self) -> tuple[str, ...]:
        """What the claim says, without where: claims with the same key are one claim."""
        what = self.object.key if self.object else (self.value or "")
        if self.type in ("tie", "non_tie"):  # symmetric: A-B is B-A
            low, high = sorted((self.subject.key, what))
            return (self.type, low, high, "")
        return (self.type, self.subject.key, what, self.metric or "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "predicate": self.predicate,
            "subject": self.subject.to_dict(),
            "object": self.object.to_dict() if self.object else None,
            "value": self.value,
            "year": self.year,
        }
        for name in ("metric", "kind", "role", "qualifier", "end_year", "status"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        out.update(
            sentence=self.sentence,
            start=self.start,
            end=self.end,
            confidence=round(self.confidence, 2),
            rule=self.rule,
        )
        return out
