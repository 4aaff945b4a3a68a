"""Plain records stored in and read back from the store."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Entity:
    """A place, organization, company, programme, event, document, asset or award."""

    id: str
    type: str
    name: str
    country: str | None = None
    level: str | None = None
    geonames_id: int | None = None
    wikidata_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    acronym: str | None = None
    description: str | None = None
    port: bool | None = None
    capital: bool | None = None
    parent: str | None = None
    placement: str | None = None  # how it was located: PLACEMENTS (docs/identity.md)
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, language)

    def summary(self) -> dict[str, Any]:
        """The fields users see for an entity in JSON output."""
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type}
        if self.type == "place":
            out.update(
                country=self.country,
                level=self.level,
                geonames_id=self.geonames_id,
                wikidata_id=self.wikidata_id,
                lat=self.lat,
                lon=self.lon,
                population=self.population,
                parent=self.parent,
                placement=self.placement,
            )
        else:
            out.update(acronym=self.acronym, wikidata_id=self.wikidata_id)
        return out


# How a place got its coordinates; ``unplaced`` places have none (docs/identity.md).
PLACEMENTS = (
    "curated",
    "geonames",
    "input",
    "parent",
    "seat",
    "centroid",
    "gazetteer",
    "wikidata",
    "unplaced",
)


@dataclass
class Source:
    """A citable record: a web page, a dataset, a news item, an essay."""

    id: str
    title: str
    kind: str
    publisher: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    description: str | None = None
    lists_ties_of: str | None = None  # entity id whose complete official tie list this is

    def cite(self) -> dict[str, Any]:
        """The short form attached to every claim in output."""
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "date": self.date,
            "url": self.url,
            "kind": self.kind,
        }


@dataclass
class Claim:
    """One statement of one source: subject, predicate, object or value, qualifiers."""

    subject: str
    predicate: str
    source_id: str
    object: str | None = None
    value: str | None = None
    start: str | None = None
    end: str | None = None
    kind: str | None = None
    role: str | None = None
    status: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    locator: str | None = None
    method: str = "curated"
    review: str = "accepted"
    id: int | None = None
    recorded_at: str | None = None

    @property
    def year(self) -> int | None:
        """The start year, when the start date is known."""
        return int(self.start[:4]) if self.start and self.start[:4].isdigit() else None


# The store's columns are the records' fields (an entity's names live in their own table).
ENTITY_COLUMNS = tuple(f.name for f in fields(Entity) if f.name != "names")
SOURCE_COLUMNS = tuple(f.name for f in fields(Source))
# What a claim states (with its source and qualifiers, this makes its fingerprint).
CLAIM_STATEMENT_FIELDS = (
    "subject",
    "predicate",
    "object",
    "value",
    "start",
    "end",
    "kind",
    "role",
    "status",
)
