"""The controlled vocabulary: every kind, status, role, predicate, theme and mechanism, and
the choices the API's options take (sort orders, centralities, export formats).

docs/vocabulary.md describes each term; a test keeps the two in step. A fixed set of words
an option takes is written once, as a ``Literal`` type; its tuple of values (``get_args``)
is what the API checks with :func:`choice` and what the CLI and the web offer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, TypeVar, get_args

from citydip.errors import InvalidInput

Choice = TypeVar("Choice", bound=str)

ENTITY_TYPES = (
    "place",
    "organization",
    "company",
    "programme",
    "event",
    "document",
    "asset",
    "award",
)

# Administrative level of a place: cities and every other subnational government.
PlaceLevel = Literal[
    "city",
    "district",
    "municipality",
    "county",
    "province",
    "state",
    "territory",
    "region",
    "admin unit",
    "country-level",
]
PLACE_LEVELS: tuple[PlaceLevel, ...] = get_args(PlaceLevel)

TieKind = Literal[
    "sister", "friendship", "partner", "cooperation", "joint-statement", "unspecified"
]
TIE_KINDS: tuple[TieKind, ...] = get_args(TieKind)
# unknown: no source states whether the tie is in force (ties only datasets list);
# proposed: a text says the tie was proposed and not yet approved (extracted claims).
TieStatus = Literal["active", "suspended", "ended", "unknown", "proposed"]
TIE_STATUSES: tuple[TieStatus, ...] = get_args(TieStatus)

MEMBERSHIP_ROLES = (
    "member",
    "executive",
    "founder",
    "chair",
    "vice-chair",
    "president",
    "president-emeritus",
    "board",
    "participant",
    "observer",
    "title-holder",
    "signatory",
    "designated",
    "host",
    "organiser",
)

PREDICATES = {
    "twinned_with": "a tie between two places (kind: sister, partner, friendship, ...)",
    "member_of": "membership of an organization or network (role qualifier)",
    "not_member_of": "an explicit statement that the subject is not a member",
    "not_twinned_with": "an explicit statement that two places are not twinned (a denied tie)",
    "award_received": "an award won (object: the award entity)",
    "runs_programme": "a programme the subject runs (object: the programme)",
    "programme_partner": "a participant of a programme (subject: the programme)",
    "hosts_event": "an event or summit series the subject hosts or organises",
    "attends_event": "an event the subject takes part in without hosting it",
    "agreement_with": "a memorandum or agreement other than a twinning tie",
    "aid_to": "humanitarian or reconstruction aid sent to a place",
    "strategy": "an international strategy document the subject published",
    "objective": "an objective stated in a strategy document (subject: the document)",
    "soft_power_asset": "a cultural or creative asset used in international outreach",
    "overseas_office": "an office the subject keeps abroad (object: the host place)",
    "has_bureau": "an administrative unit for international affairs",
    "aim": "a stated motive of the subject's international activity",
    "count": "a headline count as a source states it (qualifier metric)",
    "population": "resident population as a source states it",
    "tie_period": "the years a city's ties were formed in, as a source states it (start, end)",
    "participant_count": "number of participants (companies, members) of a programme or network",
    "signed": "a declaration or pledge the subject signed (object: the document); not a membership",
    "project": "a project of a programme, described in its value (subject: the programme)",
    "population_rank": "the subject's rank by population in its country, as a source states it",
    "open_port_since": "when the subject opened as a port for foreign trade, as a source states it",
}

COUNT_METRICS = (
    "sister",
    "partner",
    "friendship",
    "sister+friendship",
    "joint-statement",
    "sister-ordinal",
    "members",
    "overseas-offices",
    "urban-share-2050",
)

THEMES = (
    "climate",
    "peace",
    "sdgs",
    "smart-city",
    "water",
    "waste",
    "energy",
    "culture",
    "design",
    "trade",
    "urban-development",
    "technical-cooperation",
    "health",
    "education",
    "visibility",
    "reconstruction",
    "democracy",
)

MECHANISMS = {
    "public-private-partnership": "public–private partnership",
    "knowledge-transfer": "knowledge transfer",
    "technical-cooperation": "technical cooperation",
    "sister-city-exchange": "sister-city diplomacy",
    "cultural-programme": "cultural programmes",
    "summit-diplomacy": "global summits",
    "network-diplomacy": "city networks",
    "aid": "humanitarian and reconstruction aid",
    "award": "international awards",
}

SourceKind = Literal["official", "news", "encyclopedia", "dataset", "academic", "essay", "other"]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)

# Lower rank = more authoritative when sources disagree on a tie's kind or date.
SOURCE_RANK = {
    "official": 0,
    "academic": 1,
    "news": 2,
    "essay": 3,
    "encyclopedia": 4,
    "dataset": 5,
    "other": 6,
}

METHODS = ("curated", "imported", "extracted")
ReviewState = Literal["proposed", "accepted", "rejected"]
REVIEW_STATES: tuple[ReviewState, ...] = get_args(ReviewState)
# What a review decides: a proposed claim becomes accepted or rejected.
ReviewDecision = Literal["accepted", "rejected"]
REVIEW_DECISIONS: tuple[ReviewDecision, ...] = get_args(ReviewDecision)

# The choices of the API's options (docs/vocabulary.md, "Options").
CitySort = Literal["ties", "name"]  # a listing of places: most ties first, or by name
CITY_SORTS: tuple[CitySort, ...] = get_args(CitySort)
Centrality = Literal["degree", "betweenness", "eigenvector", "pagerank", "coreness"]
CENTRALITIES: tuple[Centrality, ...] = get_args(Centrality)
ExportFormat = Literal["graphml", "gexf", "geojson", "csv"]  # network export
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
SuggestKind = Literal["sister", "friendship", "partner"]  # the kind of tie a partner is sought for
SUGGEST_KINDS: tuple[SuggestKind, ...] = get_args(SuggestKind)
EdgeIds = Literal["wikidata"]  # the ids of an edge list
EDGE_IDS: tuple[EdgeIds, ...] = get_args(EdgeIds)
SeverityLevel = Literal["high", "medium", "low"]  # a minimum severity by name
SEVERITY_LEVELS: tuple[SeverityLevel, ...] = get_args(SeverityLevel)


def choice(value: object, allowed: tuple[Choice, ...], field: str) -> Choice:
    """``value`` when it is one of ``allowed``; else ``InvalidInput`` naming the field and
    the allowed values (the API's check of an option that takes one of a fixed set)."""
    for option in allowed:
        if value == option:
            return option
    raise InvalidInput(f"{value!r} is not one of {', '.join(allowed)}", field=field)


def choices(
    values: Iterable[object] | None, allowed: tuple[Choice, ...], field: str
) -> list[Choice]:
    """Each of ``values`` checked by :func:`choice` (None: none)."""
    return [choice(value, allowed, field) for value in values or ()]
