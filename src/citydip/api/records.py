"""The typed records the library API returns; every one renders to JSON with ``to_dict()``.

Records built by lower layers (``Comparison``, ``Check``, ``Extraction``, ``ImportSummary``,
``Resolution``) are returned as they are; the ones below wrap results that lower layers
give as JSON-ready mappings, or rows that faces list (``CityMatch``, ``TopPlace``...).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citydip.store.models import Source

if TYPE_CHECKING:
    from citydip.ingest.text.extract import Extraction


@dataclass(frozen=True)
class JsonRecord:
    """A result whose shape is documented JSON (docs/network.md, the ``city`` JSON)."""

    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


@dataclass(frozen=True)
class Alternative:
    """Another place a name names, with its ties: shown beside the place chosen."""

    id: str
    name: str
    country: str | None
    region: str | None
    level: str | None
    ties: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def label(self) -> str:
        where = ", ".join(x for x in (self.region, self.country) if x)
        return f"{self.name} ({where})" if where else self.name


class Profile(JsonRecord):
    """A city's diplomacy: ties, memberships, activities, counts, each with its sources."""

    @property
    def name(self) -> str:
        return str(self.data["city"]["name"])


class NetworkStats(JsonRecord):
    """Nodes, edges, components, degrees, assortativity, clustering, distances, tail fit."""


class CityNetwork(JsonRecord):
    """A city's place in the network: centrality and rank, reach, partners, waves."""


class Homophily(JsonRecord):
    """Port–port and capital–capital mixing, population assortativity, tie distances."""


class Communities(JsonRecord):
    """Leiden communities with their country make-up."""


class CountryNetwork(JsonRecord):
    """The country-level network: countries as nodes, ties between them as weights."""


@dataclass(frozen=True)
class TopPlace:
    """A place ranked by one centrality."""

    rank: int
    id: str
    name: str
    country: str | None
    by: str
    value: float

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON row: the centrality's name is the key of its value."""
        return {
            "rank": self.rank,
            "id": self.id,
            "name": self.name,
            "country": self.country,
            self.by: self.value,
        }


@dataclass(frozen=True)
class TopPlaces:
    """The best-ranked places by one centrality, out of how many, under which filters."""

    by: str
    places: int
    filters: str
    rows: list[TopPlace]
    estimate: str = ""  # how the values were estimated (sampled betweenness); empty: exact

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "places": self.places,
            "filters": self.filters,
            "rows": [r.to_dict() for r in self.rows],
            "estimate": self.estimate or None,
        }


@dataclass(frozen=True)
class SourceRecord:
    """A bibliographic record as faces show it."""

    source: Source

    def to_dict(self) -> dict[str, Any]:
        return self.source.cite() | {"description": self.source.description}


@dataclass(frozen=True)
class ProposedClaim:
    """An extracted claim waiting for review, with the names of what it links."""

    id: int
    subject: str
    subject_name: str
    predicate: str
    object: str | None
    object_name: str | None
    value: str | None
    start: str | None
    source: str
    confidence: float | None
    locator: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "value": self.value,
            "start": self.start,
            "source": self.source,
            "confidence": self.confidence,
            "locator": self.locator,
        }


@dataclass(frozen=True)
class ReviewResult:
    """How many claims a review decision changed."""

    state: str
    changed: int
    ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ExportResult:
    """The files a network export wrote."""

    files: list[Path]
    nodes: int
    edges: int
    text: str | None = None  # the exported file itself, when no output path was given

    def to_dict(self) -> dict[str, Any]:
        return {"files": [str(f) for f in self.files], "nodes": self.nodes, "edges": self.edges}


@dataclass(frozen=True)
class SavedExtraction:
    """A document's extraction, and where it was saved as proposed claims (if it was)."""

    extraction: Extraction
    source_id: str | None = None
    claim_ids: list[int] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return self.source_id is not None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = self.extraction.to_dict()
        if self.saved:
            data["saved"] = {"source": self.source_id, "claim_ids": self.claim_ids}
        return data


@dataclass(frozen=True)
class ResolvedBatch:
    """A CSV of place names resolved: the output CSV text (formula-safe cells), the counts
    by status, and each row with its resolution (the input's columns, then the results)."""

    csv: str
    rows: int
    counts: dict[str, int]
    results: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "counts": self.counts, "results": self.results}


@dataclass(frozen=True)
class TieLine:
    """One tie of the network with both ends' coordinates, for a map of every tie."""

    a: str
    a_lat: float
    a_lon: float
    b: str
    b_lat: float
    b_lon: float
    kind: str
    status: str
    start: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NetworkOverview:
    """The whole network at a glance: its size, degree distribution and every mapped tie."""

    places: int
    ties: int
    filters: str
    degree_counts: dict[int, int]
    lines: list[TieLine]

    def to_dict(self) -> dict[str, Any]:
        return {
            "places": self.places,
            "ties": self.ties,
            "filters": self.filters,
            "degree_counts": {str(k): v for k, v in sorted(self.degree_counts.items())},
            "mapped_ties": len(self.lines),
        }
