"""The typed records the library API returns; every one renders to JSON with ``to_dict()``.

Records built by lower layers (``Comparison``, ``Check``, ``Extraction``, ``ImportSummary``,
``Resolution``) are returned as they are; the ones below wrap results that lower layers
give as JSON (a city's profile, the network statistics: typed by a ``TypedDict`` of their
documented shape, their values typed ``Json``, never ``Any``), or rows that faces list
(``CityMatch``, ``TopPlace``...).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, cast

from citydip.store.models import Json, JsonObject, Source

__all__ = ["Json", "JsonObject"]  # and the records below, imported by name

if TYPE_CHECKING:
    from citydip.analysis.briefing import Briefing
    from citydip.ingest.text.extract import Extraction


Shape = TypeVar("Shape")


def shaped(kind: type[Shape], data: Mapping[str, object]) -> Shape:
    """``data`` as the ``TypedDict`` ``kind``, its keys checked (a result whose shape drifted
    from its documented one is a bug, caught here rather than in a face)."""
    expected: frozenset[str] = getattr(kind, "__required_keys__", frozenset())
    if set(data) != expected:
        raise TypeError(f"{kind.__name__}: keys {sorted(set(data) ^ expected)} differ")
    return cast(Shape, dict(data))


class ProfileData(TypedDict):
    """``citydip city NAME --format json`` (README: output shapes)."""

    city: JsonObject
    ties: list[JsonObject]
    district_ties: list[JsonObject]
    memberships: list[JsonObject]
    activities: list[JsonObject]
    counts: list[JsonObject]
    populations: list[JsonObject]
    facts: list[JsonObject]
    summary: JsonObject
    alternatives: list[JsonObject]


class NetworkStatsData(TypedDict):
    """``citydip network stats --format json`` (docs/network.md)."""

    nodes: int
    edges: int
    density: float
    components: int
    largest_component_nodes: int
    largest_component_edges: int
    max_degree: int
    mean_degree: float
    median_degree: float
    degree_assortativity: float | None
    clustering_global: float | None
    clustering_average_local: float | None
    triangles: int
    degree_gini: float | None
    power_law: JsonObject | None
    estimates: dict[str, str]
    diameter: int | None
    mean_distance: float | None
    skipped: list[str]
    filters: str


class CityNetworkData(TypedDict):
    """``citydip network city NAME --format json`` (docs/network.md)."""

    city: JsonObject
    filters: str
    estimates: dict[str, str]
    partners: int
    degree_by_kind: dict[str, int]
    centrality: dict[str, JsonObject | None]
    reach: JsonObject
    partner_profile: JsonObject
    time: JsonObject


class HomophilyData(TypedDict):
    """``citydip network homophily --format json``."""

    filters: str
    edges: int
    port: JsonObject
    capital: JsonObject
    same_country: JsonObject
    same_continent: JsonObject
    population_assortativity: JsonObject
    distance: JsonObject


class CommunitiesData(TypedDict):
    """``citydip network communities --format json``."""

    algorithm: str
    resolution: float
    seed: int
    count: int
    modularity: float | None
    communities: list[JsonObject]
    filters: str


class CountryNetworkData(TypedDict):
    """``citydip network countries --format json``."""

    countries: int
    country_pairs: int
    international_ties: int
    domestic_ties: int
    ties_without_country: int
    heaviest_pairs: list[JsonObject]
    most_tied_countries: list[JsonObject]
    filters: str


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


@dataclass(frozen=True)
class Profile:
    """A city's diplomacy: ties, memberships, activities, counts, each with its sources."""

    data: ProfileData

    @property
    def name(self) -> str:
        return str(self.data["city"]["name"])

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@dataclass(frozen=True)
class NetworkStats:
    """Nodes, edges, components, degrees, assortativity, clustering, distances, tail fit."""

    data: NetworkStatsData

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@dataclass(frozen=True)
class CityNetwork:
    """A city's place in the network: centrality and rank, reach, partners, waves."""

    data: CityNetworkData

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@dataclass(frozen=True)
class Homophily:
    """Port–port and capital–capital mixing, population assortativity, tie distances."""

    data: HomophilyData

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@dataclass(frozen=True)
class Communities:
    """Leiden communities with their country make-up."""

    data: CommunitiesData

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


@dataclass(frozen=True)
class CountryNetwork:
    """The country-level network: countries as nodes, ties between them as weights."""

    data: CountryNetworkData

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


WHOLE_CENTRALITIES = ("degree", "coreness")  # counts: whole numbers


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
        """The CLI's JSON row: the centrality's name is the key of its value (a count,
        degree or coreness, as a whole number: 103, not 103.0)."""
        whole = self.by in WHOLE_CENTRALITIES and float(self.value).is_integer()
        return {
            "rank": self.rank,
            "id": self.id,
            "name": self.name,
            "country": self.country,
            self.by: int(self.value) if whole else self.value,
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
    by status, and each row with its resolution (the input's columns, then the results);
    ``out``: where it is to be written (checked, ``None``: standard output)."""

    csv: str
    rows: int
    counts: dict[str, int]
    results: list[dict[str, str]] = field(default_factory=list)
    out: Path | None = None

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
class Hub:
    """A place with coordinates and its number of partners, for a map of places."""

    id: str
    name: str
    country: str | None
    lat: float
    lon: float
    partners: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NetworkOverview:
    """The whole network at a glance: its size, degree distribution, the best-tied mapped
    places (most partners first) and every mapped tie (counted in its JSON, not listed)."""

    places: int
    ties: int
    filters: str
    degree_counts: dict[int, int]
    lines: list[TieLine]
    hubs: list[Hub] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "places": self.places,
            "ties": self.ties,
            "filters": self.filters,
            "degree_counts": {str(k): v for k, v in sorted(self.degree_counts.items())},
            "mapped_ties": len(self.lines),
            "hubs": [h.to_dict() for h in self.hubs],
        }


@dataclass(frozen=True)
class BriefingReport:
    """A briefing and how it is to be written: ``format`` html or pdf, ``out`` a file whose
    folder exists (checked) or ``-`` (standard output)."""

    briefing: Briefing
    format: str
    out: str

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "out": self.out, "briefing": self.briefing.to_dict()}
