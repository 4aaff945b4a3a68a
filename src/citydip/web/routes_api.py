"""The JSON API under /api: one ``citydip.api`` call per route, JSON or (for lists) CSV."""

from __future__ import annotations

import gzip
from contextlib import AbstractContextManager
from dataclasses import replace
from enum import StrEnum
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from citydip import api
from citydip.store.database import Store
from citydip.vocabulary import (
    Centrality,
    CitySort,
    PlaceLevel,
    ReviewDecision,
    SuggestKind,
    TieKind,
    TieStatus,
)
from citydip.web import schemas as sc
from citydip.web.app import PLACES, SOURCES, About, Body, Reads, Stores, cached_body
from citydip.web.schemas import ok


class ErrorDetail(BaseModel):
    type: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    """The one error shape: what kind of error, what is wrong, which argument."""

    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "Bad input"),
        (404, "Not found"),
        (409, "Ambiguous name"),
    )
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


class ListFormat(StrEnum):
    """Every format of the one renderer table (``report/formats.py``); each route answers
    those its result offers (JSON always) and refuses the others. How each is served (its
    media type, extension and schema) is ``schemas.MEDIA``."""

    json = "json"
    csv = "csv"
    md = "md"
    html = "html"
    bibtex = "bibtex"
    csl_json = "csl-json"
    geojson = "geojson"
    graphml = "graphml"
    gexf = "gexf"


class ExportFormat(StrEnum):
    """The graph formats ``/api/network/export`` writes (as ``citydip network export``)."""

    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"


class ReviewState(StrEnum):
    proposed = "proposed"


class Decision(StrEnum):
    accept = "accept"
    reject = "reject"


def session(request: Request) -> AbstractContextManager[Store]:
    """The request's store, to open with ``with`` inside a sync route's body: opened, used
    and closed in the route's own thread."""
    stores: Stores = request.app.state.stores
    return stores.session()


def cached(request: Request, key: tuple[Any, ...], compute: Any, scope: Reads = None) -> Any:
    return request.app.state.stores.cached(key, compute, scope)


FORMAT = Query(
    ListFormat.json,
    description="json, or another format the result offers (as the CLI's --format): csv, "
    "md, html, bibtex, csl-json, geojson, graphml, gexf",
)
NAME = Path(..., description="A name in any script, or an id", max_length=200)


def to_json(data: Any) -> str:
    """JSON as the CLI's ``--format json`` prints it (``report.formats.json_text``)."""
    from citydip.report.formats import json_text

    return json_text(data)


def rendered(
    result: Any, fmt: ListFormat, name: str, kind: str | None
) -> tuple[str, str, dict[str, str]]:
    """A format other than JSON through the one renderer table: the text, its media type
    and the download header; a format the result does not offer is refused (400)."""
    from citydip.errors import InvalidInput
    from citydip.report import formats

    offered = formats.formats_of(result, kind)
    if fmt.value not in offered:
        raise InvalidInput(
            f"{fmt.value} is not one of the formats here: {', '.join(offered)}", field="format"
        )
    media, disposition = download(fmt, name)
    return formats.render(result, fmt.value, kind), media, disposition


def download(fmt: ListFormat, name: str) -> tuple[str, dict[str, str]]:
    """The media type of a format, and the header that names its download ``name.ext``."""
    media = sc.MEDIA[fmt.value]
    disposition = {"Content-Disposition": f'attachment; filename="{name}.{media.extension}"'}
    return media.content_type, disposition


def body(
    result: Any,
    fmt: ListFormat = ListFormat.json,
    name: str = "citydip",
    headers: dict[str, str] | None = None,
    kind: str | None = None,
) -> Body:
    """As :func:`reply`, the bytes to cache (``Body``), with ``headers`` added."""
    from citydip.report import formats

    if fmt is ListFormat.json:
        return Body.of(to_json(formats.json_data(result)), JSON, headers)
    text, media, disposition = rendered(result, fmt, name, kind)
    return Body.of(text, media, disposition | (headers or {}))


JSON = "application/json"


def reply(
    result: Any,
    fmt: ListFormat = ListFormat.json,
    name: str = "citydip",
    kind: str | None = None,
) -> Response:
    """The result as JSON (``formats.json_data``) or rendered by the one renderer table,
    byte for byte what ``citydip COMMAND --format FMT`` prints; a format the result does
    not offer is refused (400). ``kind`` names the records of a list that may be empty."""
    from citydip.report import formats

    if fmt is ListFormat.json:
        return Response(to_json(formats.json_data(result)), media_type=JSON)
    text, media, disposition = rendered(result, fmt, name, kind)
    return Response(text, media_type=media, headers=disposition)


@router.get(
    "/cities",
    summary="Places by name, with their tie counts",
    responses=ok(list[sc.CityHit], csv=True),
)
async def search(
    request: Request,
    q: str | None = Query(
        None, description="Part of a name, any script or accent", max_length=200, pattern=r"\S"
    ),
    country: str | None = Query(None, description="ISO code (JP) or name", max_length=100),
    sort: CitySort = Query("ties", description="ties (most first) or name"),
    limit: int = Query(20, ge=1, le=1000),
    format: ListFormat = FORMAT,
) -> Response:
    """``X-Total-Count`` says how many places matched before the limit."""

    def make(s: Store) -> Body:
        found = api.search_cities(s, q, country=country, sort=sort, limit=limit)
        return body(found, format, "cities", {"X-Total-Count": str(found.total)})

    key = ("search", q, country, sort, limit, format.value)
    return await cached_body(request, key, make, PLACES)


@router.get(
    "/cities/{name}",
    summary="A city's profile (as `citydip city NAME --format json`)",
    responses=ok(sc.Profile),
)
async def city(
    request: Request,
    name: str = NAME,
    merge_districts: bool = Query(False, description="Count its districts' ties as its own"),
) -> Response:
    def make(s: Store) -> Body:
        profile = api.city_profile(s, name, merge_districts=merge_districts)
        return Body.of(to_json(profile.to_dict()), "application/json")

    key = ("profile json", name, merge_districts)
    return await cached_body(request, key, make, About("city", (name,)))


@router.get(
    "/places/{name}",
    summary="Who a place is: ids, level, parent, districts, names",
    responses=ok(sc.Open),
)
async def place(request: Request, name: str = NAME) -> Response:
    def make(s: Store) -> Body:
        return body(api.place_identity(s, name))

    return await cached_body(request, ("place", name), make, About("city", (name,)))


@router.get(
    "/compare",
    summary="Table 1 for two or more cities, every cell sourced",
    responses=ok(sc.Comparison, csv=True),
)
async def compare(
    request: Request,
    cities: str = Query(
        ...,
        description="Two or more names separated by commas, e.g. Yokohama,Taipei",
        max_length=1000,
    ),
    merge_districts: bool = Query(False, description="Count districts' ties as their city's"),
    format: ListFormat = FORMAT,
) -> Response:
    names = [n.strip() for n in cities.split(",")]

    def make(s: Store) -> Body:
        result = api.compare_cities(s, names, merge_districts=merge_districts)
        return body(result, format, "compare")

    key = ("compare", merge_districts, format.value, *names)
    return await cached_body(request, key, make, About("city", tuple(names)))


@router.get(
    "/conflicts", summary="Where sources disagree", responses=ok(list[sc.Conflict], csv=True)
)
async def conflicts(
    request: Request,
    city: str | None = Query(None, description="Only about this entity", max_length=200),
    kind: list[str] | None = Query(
        None, description="Only these kinds, or the notices unconfirmed / unresolved"
    ),
    min_severity: str | None = Query(
        None, description="0-100, or high, medium, low", max_length=10
    ),
    offset: int = Query(0, ge=0, le=10**9, description="Skip this many"),
    limit: int = Query(1000, ge=1, le=100_000, description="At most this many"),
    format: ListFormat = FORMAT,
) -> Response:
    """Most severe first, in pages; ``X-Total-Count`` says how many matched."""
    city = (city or "").strip() or None
    scope = About("entity", (city,)) if city else None
    key = ("conflicts", city, tuple(kind or ()), min_severity)

    def make(s: Store) -> Body:
        every = request.app.state.stores.cached(
            key, lambda: api.list_conflicts(s, city, kinds=kind, min_severity=min_severity), scope
        )
        page = replace(every, conflicts=every.conflicts[offset : offset + limit])
        return body(page, format, "conflicts", {"X-Total-Count": str(every.total)})

    return await cached_body(request, (*key, offset, limit, format.value), make, scope)


@router.get(
    "/sources",
    summary="The bibliography, or the sources about one entity",
    responses=ok(list[sc.Source], csv=True),
)
async def sources(
    request: Request,
    city: str | None = Query(None, description="Only sources about this entity", max_length=200),
    format: ListFormat = FORMAT,
) -> Response:
    def make(s: Store) -> Body:
        return body(api.bibliography(s, city), format, "sources", kind="SourceRecord")

    scope = About("entity", (city,)) if city else SOURCES
    return await cached_body(request, ("sources", city, format.value), make, scope)


@router.get(
    "/orgs", summary="Organisations with their member counts", responses=ok(sc.Open, csv=True)
)
def orgs(
    request: Request,
    q: str | None = Query(None, description="Part of a name or acronym", max_length=200),
    format: ListFormat = FORMAT,
) -> Response:
    with session(request) as s:
        return reply(api.list_organizations(s, q), format, "orgs")


@router.get(
    "/orgs/{name}",
    summary="An organisation's members (as `citydip org NAME --format json`)",
    responses=ok(sc.Open, csv=True),
)
def org(
    request: Request,
    name: str = NAME,
    limit: int = Query(0, ge=0, le=100_000, description="At most N members; 0 for all"),
    format: ListFormat = FORMAT,
) -> Response:
    with session(request) as s:
        return reply(api.organization_members(s, name, limit=limit), format, "org")


def network_filter(
    kind: list[TieKind] | None = Query(None, description="Keep ties of these kinds"),
    status: list[TieStatus] | None = Query(None, description="Keep ties of these statuses"),
    since: int | None = Query(None, description="Ties that started in or after this year"),
    until: int | None = Query(None, description="Ties that started in or before this year"),
    level: list[PlaceLevel] | None = Query(None, description="Keep places of these levels"),
    merge_districts: bool = Query(False, description="Count districts as their city"),
    source: list[str] | None = Query(
        None, description="Keep ties stated by these source ids, e.g. wikidata-p190-2016"
    ),
) -> Any:
    """The network filter, as ``citydip network --kind … --source …`` builds it."""
    return api.network_filter(kind, status, since, until, level, merge_districts, source)


UNFILTERED = api.network_filter(None, None, None, None, None, False, None)


@router.get("/network/stats", summary="Statistics of the twinning network", responses=ok(sc.Open))
async def network_stats(
    request: Request,
    heavy: bool = Query(False, description="Also diameter, mean distance (slow on big stores)"),
    filters: Any = Depends(network_filter),
) -> Response:
    def make(s: Store) -> Body:
        return body(api.network_stats(s, filters, heavy=heavy))

    return await cached_body(request, ("stats", filters, heavy), make, PLACES)


@router.get(
    "/network/overview",
    summary="The network at a glance: size, degree distribution, the best-tied mapped places",
    responses=ok(sc.Open),
)
async def network_overview(request: Request, filters: Any = Depends(network_filter)) -> Response:
    """What the home page maps and the network page charts (their ``?format=json``)."""

    def make(s: Store) -> Body:
        return body(api.network_overview(s, filters))

    return await cached_body(request, ("overview json", filters), make, PLACES)


@router.get(
    "/network/homophily",
    summary="Port–port and capital–capital mixing, population assortativity, tie distances",
    responses=ok(sc.Open, csv=True),
)
async def network_homophily(
    request: Request, filters: Any = Depends(network_filter), format: ListFormat = FORMAT
) -> Response:
    """As ``citydip network homophily --format json``."""

    def make(s: Store) -> Body:
        return body(api.network_homophily(s, filters), format, "homophily")

    return await cached_body(request, ("homophily", filters, format.value), make, PLACES)


@router.get(
    "/network/communities",
    summary="Leiden communities with their country make-up",
    responses=ok(sc.Open, csv=True),
)
async def network_communities(
    request: Request,
    top: int = Query(10, ge=1, le=1000, description="How many of the largest to describe"),
    resolution: float = Query(1.0, gt=0, le=100, description="Modularity resolution"),
    filters: Any = Depends(network_filter),
    format: ListFormat = FORMAT,
) -> Response:
    """As ``citydip network communities --format json``."""

    def make(s: Store) -> Body:
        found = api.network_communities(s, filters, top=top, resolution=resolution)
        return body(found, format, "communities")

    key = ("communities", top, resolution, filters, format.value)
    return await cached_body(request, key, make, PLACES)


@router.get(
    "/network/countries",
    summary="The country-level network: countries as nodes, ties between them as weights",
    responses=ok(sc.Open, csv=True),
)
async def network_countries(
    request: Request,
    top: int = Query(15, ge=1, le=1000, description="How many pairs and countries to list"),
    filters: Any = Depends(network_filter),
    format: ListFormat = FORMAT,
) -> Response:
    """As ``citydip network countries --format json``."""

    def make(s: Store) -> Body:
        return body(api.network_countries(s, filters, top=top), format, "countries")

    return await cached_body(request, ("countries", top, filters, format.value), make, PLACES)


@router.get(
    "/network/export",
    summary="The graph as GraphML, GEXF or GeoJSON (as `citydip network export FORMAT -`)",
    response_class=Response,
    responses={200: {"description": "The graph file", "content": sc.GRAPH_FILES}},
)
async def network_export(
    request: Request,
    format: ExportFormat = Query(..., description="graphml, gexf or geojson"),
    city: str | None = Query(
        None,
        description="Only this city's ego network (it, its partners, their ties)",
        max_length=200,
    ),
    depth: int = Query(1, ge=1, le=2, description="With city: 1 = partners, 2 = theirs too"),
    communities: bool = Query(False, description="Add each node's Leiden community"),
    filters: Any = Depends(network_filter),
) -> Response:
    """A download (``Content-Disposition``), byte for byte the CLI's file. The whole world's
    file is too big for the memory cache: its gzipped body is kept in the store's cache of
    derived results for the store's revision, so the next server or request only reads it."""
    fmt = ListFormat(format.value)

    def make(s: Store) -> Body:
        from citydip.store.database import keep_derived, read_derived

        media, headers = download(fmt, "network")
        # only the unfiltered world (six files at most): every other export is small or
        # rare, and a key per URL would let any client grow the store without bound
        world = city is None and filters.key() == UNFILTERED.key()
        kept = f"web-export-gzip:v1:{fmt.value}:{int(communities)}"
        gz = read_derived(s.path, kept, s.revision) if world else None
        if gz is not None:
            return Body(gzip.decompress(gz), gz, media, tuple(headers.items()))
        graph = api.network_export(
            s,
            format.value,
            None,
            filters=filters,
            with_communities=communities,
            city=city,
            depth=depth,
        )
        made = body(graph, fmt, "network")
        if world:
            keep_derived(s.path, kept, s.revision, made.gz)
        return made

    key = ("export", format.value, city, depth, communities, filters)
    return await cached_body(request, key, make, PLACES)


@router.get(
    "/network/orgs",
    summary="Shared members of networks; ties among members against chance",
    responses=ok(sc.Open, csv=True),
)
def network_orgs(
    request: Request,
    org: list[str] | None = Query(None, description="Organisations (default: all)"),
    min_members: int = Query(5, ge=1, le=100_000),
    filters: Any = Depends(network_filter),
    format: ListFormat = FORMAT,
) -> Response:
    key = ("network orgs", tuple(org or ()), min_members, filters)
    with session(request) as s:
        found = cached(
            request,
            key,
            lambda: api.network_orgs(
                s, organizations=org, min_members=min_members, filters=filters
            ),
        )
    return reply(found, format, "network-orgs")


@router.get(
    "/network/top",
    summary="The best-ranked places by one centrality",
    responses=ok(list[sc.TopPlace], csv=True),
)
async def network_top(
    request: Request,
    by: Centrality = Query("degree", description="The centrality"),
    limit: int = Query(20, ge=1, le=1000),
    format: ListFormat = FORMAT,
    filters: Any = Depends(network_filter),
) -> Response:
    def make(s: Store) -> Body:
        return body(api.network_top(s, by=by, limit=limit, filters=filters), format, "top")

    return await cached_body(request, ("top rows", by, limit, filters, format.value), make, PLACES)


@router.get(
    "/network/cities/{name}", summary="A city's place in the network", responses=ok(sc.Open)
)
async def network_city(
    request: Request,
    name: str = NAME,
    heavy: bool = Query(False, description="Also betweenness (slow on big stores)"),
    filters: Any = Depends(network_filter),
) -> Response:
    def make(s: Store) -> Body:
        return body(api.network_city(s, name, filters=filters, heavy=heavy))

    return await cached_body(request, ("network city", name, heavy, filters), make, PLACES)


class Scope(StrEnum):
    anywhere = "anywhere"
    within_country = "within-country"
    abroad = "abroad"


@router.get(
    "/cities/{name}/typology",
    summary="A city's diplomatic style: label, scores, evidence, confidence, what is missing",
    responses=ok(sc.Open, csv=True),
)
def typology(request: Request, name: str = NAME, format: ListFormat = FORMAT) -> Response:
    with session(request) as s:
        found = cached(request, ("typology", name), lambda: api.city_typology(s, name))
    return reply(found, format, "typology")


@router.get(
    "/cities/{name}/recommendations",
    summary="Places not yet tied to a city, ranked, each with its reasons",
    responses=ok(sc.Open, csv=True),
)
def recommendations(
    request: Request,
    name: str = NAME,
    kind: SuggestKind | None = Query(None, description="The kind of tie sought"),
    top: int = Query(10, ge=1, le=100),
    scope: Scope = Query(Scope.anywhere, description="anywhere, within-country or abroad"),
    cousins: bool = Query(False, description="Only places sharing two or more partners"),
    source: list[str] | None = Query(
        None, description="Only the ties these source ids state, e.g. wikidata-p190-2016"
    ),
    format: ListFormat = FORMAT,
) -> Response:
    within = {Scope.anywhere: None, Scope.within_country: True, Scope.abroad: False}[scope]
    key = ("recommendations", name, kind, top, scope, cousins, tuple(source or ()))
    with session(request) as s:
        result = cached(
            request,
            key,
            lambda: api.recommend_partners(
                s,
                name,
                kind=kind,
                top=top,
                within_country=within,
                cousins=cousins,
                sources=source,
            ),
        )
    return reply(result, format, "recommendations")


@router.get(
    "/claims",
    summary="Extracted claims waiting for review",
    responses=ok(list[sc.ProposedClaim], csv=True),
)
async def claims(
    request: Request,
    review: ReviewState = Query(ReviewState.proposed, description="Only proposed, for now"),
    source: str | None = Query(None, description="Only this document source", max_length=200),
    format: ListFormat = FORMAT,
) -> Response:
    def make(s: Store) -> Body:
        return body(api.proposed_claims(s, source), format, "claims", kind="ProposedClaim")

    return await cached_body(request, ("claims", source, format.value), make)


@router.post(
    "/claims/{claim_id}/{decision}",
    summary="Accept or reject an extracted claim (needs the token)",
    responses=ok(sc.ReviewResult)
    | {
        401: {"model": ErrorBody, "description": "No token, or a wrong one"},
        403: {"model": ErrorBody, "description": "A read-only server"},
        413: {"model": ErrorBody, "description": "A request body over 64 KB"},
        429: {"model": ErrorBody, "description": "Too many wrong tokens: wait (Retry-After)"},
    },
)
async def decide(
    request: Request,
    claim_id: int = Path(..., ge=1, le=2**62),
    decision: Decision = Path(...),
) -> Response:
    request.app.state.guard.check_bearer(request)
    state: ReviewDecision = "accepted" if decision is Decision.accept else "rejected"
    return reply(await request.app.state.stores.decide(state, claim_id))
