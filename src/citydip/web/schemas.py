"""The shapes the JSON API answers, for the OpenAPI document (routes return the records'
``to_dict()`` directly; these models only describe it)."""

from __future__ import annotations

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


RENDERED: dict[str, dict[str, Any]] = {  # media type → the schema of its body
    "text/csv": {"type": "string"},
    "text/markdown": {"type": "string"},
    "text/html": {"type": "string"},
    "application/x-bibtex": {"type": "string"},
    "application/vnd.citationstyles.csl+json": {"type": "array", "items": {"type": "object"}},
    "application/geo+json": {"type": "object"},
    "application/graphml+xml": {"type": "string"},
    "application/gexf+xml": {"type": "string"},
}
GRAPH_FILES = {  # what /api/network/export answers
    media: {"schema": RENDERED[media]}
    for media in ("application/graphml+xml", "application/gexf+xml", "application/geo+json")
}


def ok(model: Any, csv: bool = False) -> dict[int | str, dict[str, Any]]:
    """The 200 response of a route: its JSON model, and (``csv``: a route with ``format``)
    the media types of the one renderer table's formats."""
    content: dict[str, Any] = {}
    if csv:
        content = {media: {"schema": schema} for media, schema in RENDERED.items()}
    return {200: {"model": model, "description": "OK", "content": content}}
