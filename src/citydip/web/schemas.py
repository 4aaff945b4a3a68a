"""The shapes the JSON API answers, for the OpenAPI document (routes return the records'
``to_dict()`` directly; these models only describe it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    """An object that may carry more keys than those listed."""

    model_config = ConfigDict(extra="allow")


class CityHit(BaseModel):
    id: str
    name: str
    country: str | None
    level: str | None
    population: int | None
    ties: int


class Source(BaseModel):
    id: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    kind: str
    description: str | None = None


class Profile(Open):
    """As ``citydip city NAME --format json``: every statement carries its sources."""

    city: dict[str, Any]
    ties: list[dict[str, Any]]
    memberships: list[dict[str, Any]]
    activities: list[dict[str, Any]]
    counts: list[dict[str, Any]]
    summary: dict[str, Any]


class Comparison(Open):
    """Table 1: ``dimensions[].cells[CITY] = {text, sources}``."""

    cities: list[dict[str, Any]]
    dimensions: list[dict[str, Any]]


class Conflict(Open):
    subject: dict[str, Any]
    property: str
    kind: str
    severity: int
    level: str
    values: list[dict[str, Any]]


class TopPlace(Open):
    """The centrality's name is the key of its value (``degree``, ``pagerank``…)."""

    rank: int
    id: str
    name: str
    country: str | None


class ProposedClaim(BaseModel):
    id: int
    subject: str
    predicate: str
    object: str | None
    value: str | None
    start: str | None
    source: str
    confidence: float | None
    locator: str | None


class ReviewResult(BaseModel):
    state: str
    changed: int
    ids: list[int]


@dataclass(frozen=True)
class Media:
    """How the web serves one format of the one renderer table: its ``Content-Type``, the
    extension of the download's file name, and the schema of its body (OpenAPI)."""

    content_type: str
    extension: str
    schema: dict[str, Any]

    @property
    def name(self) -> str:
        """The media type without its parameters (``text/csv``), as OpenAPI names it."""
        return self.content_type.split(";")[0]


TEXT = {"type": "string"}
MEDIA: dict[str, Media] = {  # every format but JSON, by its name in the renderer table
    "csv": Media("text/csv; charset=utf-8", "csv", TEXT),
    "md": Media("text/markdown; charset=utf-8", "md", TEXT),
    "html": Media("text/html; charset=utf-8", "html", TEXT),
    "bibtex": Media("application/x-bibtex; charset=utf-8", "bib", TEXT),
    "csl-json": Media(
        "application/vnd.citationstyles.csl+json",
        "json",
        {"type": "array", "items": {"type": "object"}},
    ),
    "geojson": Media("application/geo+json", "geojson", {"type": "object"}),
    "graphml": Media("application/graphml+xml; charset=utf-8", "graphml", TEXT),
    "gexf": Media("application/gexf+xml; charset=utf-8", "gexf", TEXT),
}
GRAPH_FILES = {  # what /api/network/export answers
    MEDIA[fmt].name: {"schema": MEDIA[fmt].schema} for fmt in ("graphml", "gexf", "geojson")
}


def ok(model: Any, csv: bool = False) -> dict[int | str, dict[str, Any]]:
    """The 200 response of a route: its JSON model, and (``csv``: a route with ``format``)
    the media types of the one renderer table's formats."""
    content: dict[str, Any] = {}
    if csv:
        content = {media.name: {"schema": media.schema} for media in MEDIA.values()}
    return {200: {"model": model, "description": "OK", "content": content}}
