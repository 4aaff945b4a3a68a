"""The records of a briefing report (analysis/briefing.py builds them): plain dataclasses,
JSON-ready through ``Briefing.to_dict()``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from citydip.analysis.compare import Comparison
from citydip.store.models import Source

CURRENT = ("active", "unknown")  # statuses of ties no source says have ended


@dataclass
class BriefTie:
    """One tie of the city: the partner (with coordinates when known) and its sources."""

    partner: str
    partner_id: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    start: str | None
    end: str | None
    status: str
    official: bool
    source_ids: list[str]

    @property
    def year(self) -> int | None:
        return int(self.start[:4]) if self.start and self.start[:4].isdigit() else None

    @property
    def end_year(self) -> int | None:
        return int(self.end[:4]) if self.end and self.end[:4].isdigit() else None


@dataclass
class BriefItem:
    """A membership, programme, award, event, aid, strategy or office, with its sources."""

    name: str
    detail: str | None
    start: str | None
    source_ids: list[str]
    roles: list[str] = field(default_factory=list)
    entity_id: str | None = None


@dataclass
class BriefCount:
    metric: str
    value: str | None
    as_of: str | None
    source_ids: list[str]


@dataclass
class BriefEvidence:
    """One piece of the typology's evidence."""

    claim: str
    axis: str
    weight: float
    source_ids: list[str]


@dataclass
class BriefPartner:
    """One possible partner with its reasons."""

    name: str
    country: str | None
    reasons: list[str]


@dataclass
class CityBrief:
    """One city in the briefing."""

    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int | None
    other_names: list[str]
    ties: list[BriefTie]
    ties_by_kind: dict[str, int]
    first: BriefTie | None
    latest: BriefTie | None
    countries: list[str]
    continents: list[str]
    memberships: list[BriefItem]
    items: dict[str, list[BriefItem]]
    counts: list[BriefCount]
    style: str
    style_model: str
    expertise: float
    soft_power: float
    style_confidence: str = ""
    style_evidence: list[BriefEvidence] = field(default_factory=list)
    style_missing: list[str] = field(default_factory=list)
    partners: list[BriefPartner] = field(default_factory=list)

    @property
    def current_ties(self) -> list[BriefTie]:
        """Ties not recorded as ended or suspended (in force, or status unknown)."""
        return [t for t in self.ties if t.status in CURRENT]

    @property
    def unknown_status(self) -> int:
        """Ties only datasets list, which do not say whether they are in force."""
        return sum(1 for t in self.ties if t.status == "unknown")

    @property
    def thin(self) -> bool:
        """Little recorded: at most two ties and nothing else."""
        return len(self.ties) <= 2 and not self.memberships and not any(self.items.values())


@dataclass
class ConflictValue:
    value: str
    as_of: str | None
    source_ids: list[str]


@dataclass
class BriefConflict:
    city: str  # the report's city whose conflicts these are
    subject: str
    property: str
    object: str | None
    kind: str
    values: list[ConflictValue]
    note: str | None
    level: str | None = None  # high / medium / low (knowledge.severity), when ranked


@dataclass
class NetworkRow:
    """One row of the membership matrix: a network and each city's roles in it."""

    id: str
    name: str
    acronym: str | None
    roles: dict[str, list[str]]  # city name → roles ([] when not a member)


@dataclass
class Briefing:
    """The whole report's content; ``sources`` holds every source it cites."""

    cities: list[CityBrief]
    table: Comparison
    networks: list[NetworkRow]
    conflicts: list[BriefConflict]
    sources: dict[str, Source]
    coverage: str = ""  # where the store's memberships come from (analysis.memberships)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cities": [asdict(c) for c in self.cities],
            "table": self.table.to_dict(),
            "networks": [asdict(n) for n in self.networks],
            "conflicts": [asdict(c) for c in self.conflicts],
            "sources": [s.cite() for s in self.sources.values()],
            "coverage": self.coverage,
        }
