"""The pages: home, a city, a comparison, conflicts, an organisation, the review queue, the
network.

Each route calls ``citydip.api`` and renders a Jinja2 template (autoescaped); figures are
inline SVG from ``web.figures``. Pages are left out of the OpenAPI schema.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from citydip import api
from citydip.store.database import Store
from citydip.store.derived import remember
from citydip.vocabulary import ReviewDecision
from citydip.web import figures
from citydip.web.app import PLACES, About, Body, cached_body
from citydip.web.pages import Citations, activity_groups, render
from citydip.web.routes_api import ListFormat, body, cached, session
from citydip.web.security import CSRF_COOKIE, SESSION_COOKIE, SESSION_SECONDS, new_csrf

router = APIRouter(include_in_schema=False)
PAGE = HTMLResponse
HTML = "text/html; charset=utf-8"
PER_PAGE = 100
FORMAT = Query(None, description="json, or another format the page's result offers")
FORM_FIELDS = 20


def _overview(request: Request, s: Store) -> Any:
    return cached(request, ("overview",), lambda: api.network_overview(s), PLACES)


SEARCHED = 50  # a search on the home page lists this many places (as `citydip cities`)
TOP_LISTED = 30  # the best-tied places the home page lists under its map


def _places_map(request: Request, s: Store, overview: Any) -> str:
    return str(cached(request, ("places map",), lambda: figures.places_map(overview.hubs), PLACES))


@router.get("/", response_class=PAGE)
async def home(
    request: Request, q: str = Query("", max_length=200), format: ListFormat | None = FORMAT
) -> Response:
    """Search, and the map of the best-tied places (each a link); ``?format=json`` gives
    the overview (or, with ``q``, the places found: `citydip cities Q --format json`)."""
    query = q.strip()

    def make(s: Store) -> Body:
        if format is not None:
            if query:
                return body(api.search_cities(s, query, limit=SEARCHED), format, "cities")
            return body(_overview(request, s), format, "overview")
        overview = _overview(request, s)
        matches = api.search_cities(s, query, limit=SEARCHED).hits if query else []
        world = None if query else _places_map(request, s, overview)
        html = render(
            request,
            "home.html",
            q=q,
            matches=matches,
            overview=overview,
            world=world,
            top=overview.hubs[:TOP_LISTED],
            alternate=_alternate(request, q=query),
        )
        return Body.of(html, HTML)

    key = ("home page", q, format.value if format else None)
    return await cached_body(request, key, make, PLACES)


def _alternate(request: Request, **params: str) -> str:
    """This page's URL with ``format=json`` (its JSON twin), the other parameters kept."""
    kept = {k: v for k, v in params.items() if v}
    return request.url.path + "?" + urlencode({**kept, "format": "json"})


def _city_page(request: Request, s: Store, name: str) -> str:
    profile = api.city_profile(s, name).to_dict()
    conflicts = [c.to_dict() for c in api.list_conflicts(s, profile["city"]["id"])]
    cite = Citations()
    style, partners = _style_and_partners(s, profile["city"]["id"])
    cited = {src.source.id: src.to_dict() for src in api.bibliography(s)}
    return render(
        request,
        "city.html",
        style=style,
        partners=partners,
        style_sources=lambda ids: [cited[i] for i in ids if i in cited],
        p=profile,
        map=figures.city_map(profile),
        timeline=figures.city_timeline(profile),
        groups=activity_groups(profile),
        conflicts=conflicts,
        cite=cite,
        alternate="/api/cities/" + quote(profile["city"]["id"], safe=""),
    )


def _style_and_partners(s: Store, city_id: str) -> tuple[Any, Any]:
    """The city's style, and its possible partners (None when it has no ties)."""
    from citydip.errors import NotFound

    style = api.city_typology(s, city_id).to_dict()
    try:
        partners = api.recommend_partners(s, city_id, top=5).to_dict()
    except NotFound:
        partners = None
    return style, partners


@router.get("/cities/{name}", response_class=PAGE)
async def city(request: Request, name: str) -> Response:
    def make(s: Store) -> Body:
        return Body.of(_city_page(request, s, name), HTML)

    return await cached_body(request, ("city page", name), make)


@router.get("/compare", response_class=PAGE)
async def compare(request: Request, cities: str = Query("", max_length=400)) -> Response:
    names = [n.strip() for n in cities.split(",") if n.strip()]

    def make(s: Store) -> Body:
        if not names:
            return Body.of(render(request, "compare.html", cities="", table=None), HTML)
        table = api.compare_cities(s, names).to_dict()
        maps = [
            (c["name"], figures.city_map(api.city_profile(s, c["id"]).to_dict(), width=480))
            for c in table["cities"]
        ]
        html = render(
            request,
            "compare.html",
            cities=", ".join(names),
            table=table,
            maps=maps,
            cite=Citations(),
            alternate="/api/compare?" + urlencode({"cities": ",".join(names)}),
        )
        return Body.of(html, HTML)

    scope = About("city", tuple(names)) if names else None
    return await cached_body(request, ("compare page", tuple(names)), make, scope)


@router.get("/conflicts", response_class=PAGE)
async def conflicts(
    request: Request,
    city: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=10**6),
) -> Response:
    city = (city or "").strip() or None
    scope = About("entity", (city,)) if city else None

    def make(s: Store) -> Body:
        every = cached(request, ("conflicts", city), lambda: api.list_conflicts(s, city), scope)
        pages = max(1, -(-len(every) // PER_PAGE))
        shown = min(page, pages)
        rows = [c.to_dict() for c in every.conflicts[(shown - 1) * PER_PAGE : shown * PER_PAGE]]
        html = render(
            request,
            "conflicts.html",
            conflicts=rows,
            total=every.total,
            not_counted=every.not_counted,
            page=shown,
            pages=pages,
            city=city,
            cite=Citations(),
            alternate="/api/conflicts" + ("?" + urlencode({"city": city}) if city else ""),
        )
        return Body.of(html, HTML)

    return await cached_body(request, ("conflicts page", city, page), make, scope)


@router.get("/network", response_class=PAGE)
async def network(request: Request, format: ListFormat | None = FORMAT) -> Response:
    """Top places and the degree distribution; ``?format=json`` gives the overview (as
    ``/api/network/overview``)."""

    def make(s: Store) -> Body:
        overview = _overview(request, s)
        if format is not None:
            return body(overview, format, "overview")
        top = cached(
            request,
            ("top", "degree", 25, None),
            lambda: api.network_top(s, by="degree", limit=25),
            PLACES,
        )
        chart = figures.degree_chart(overview.degree_counts)
        html = render(
            request,
            "network.html",
            overview=overview,
            top=top,
            chart=chart,
            alternate=_alternate(request),
        )
        return Body.of(html, HTML)

    key = ("network page", format.value if format else None)
    return await cached_body(request, key, make, PLACES)


@router.get("/network/map", response_class=PAGE)
async def network_map(request: Request) -> Response:
    """Every mapped tie on one map (about 1 MB on the world store: behind a link)."""

    def make(s: Store) -> Body:
        overview = _overview(request, s)
        world = cached(
            request,
            ("all-ties-map",),
            lambda: remember(s, "figure:all-ties:v1", lambda: figures.all_ties_map(overview)),
            PLACES,
        )
        html = render(request, "network_map.html", overview=overview, world=world)
        return Body.of(html, HTML)

    return await cached_body(request, ("network map page",), make, PLACES)


@router.get("/network/structure", response_class=PAGE)
async def network_structure(request: Request) -> Response:
    """Homophily, communities and ties by country, as ``citydip network homophily``,
    ``communities`` and ``countries`` print them (``report/network_text.py``)."""
    from citydip.report import network_text

    def make(s: Store) -> Body:
        sections = [
            (
                "homophily",
                "Homophily",
                network_text.homophily_text(api.network_homophily(s).to_dict()),
            ),
            (
                "communities",
                "Communities",
                network_text.communities_text(api.network_communities(s).to_dict()),
            ),
            (
                "countries",
                "Ties by country",
                network_text.countries_text(api.network_countries(s).to_dict()),
            ),
        ]
        html = render(request, "network_structure.html", sections=sections)
        return Body.of(html, HTML)

    return await cached_body(request, ("network structure page",), make, PLACES)


@router.get("/orgs", response_class=PAGE)
def orgs(request: Request) -> Response:
    """Every organisation with its member counts, and the coverage line."""
    with session(request) as s:
        data = api.list_organizations(s).to_dict()
    return PAGE(render(request, "orgs.html", data=data, alternate="/api/orgs"))


@router.get("/orgs/{name}", response_class=PAGE)
def org(
    request: Request,
    name: str,
    limit: int = Query(200, ge=0, le=100_000),
) -> Response:
    """An organisation's members on a map and in a table, with the coverage line."""
    with session(request) as s:
        data = api.organization_members(s, name, limit=limit).to_dict()
    unplaced = sum(1 for m in data["members"] if m["member"].get("lat") is None)
    html = render(
        request,
        "org.html",
        o=data,
        map=figures.members_map(data),
        unplaced=unplaced,
        cite=Citations(),
        alternate="/api/orgs/" + quote(data["organization"]["id"], safe=""),
    )
    return PAGE(html)


@router.get("/review", response_class=PAGE)
def review_page(request: Request, done: str | None = Query(None, max_length=100)) -> Response:
    guard = request.app.state.guard
    csrf = new_csrf(request)
    with session(request) as s:
        claims = cached(request, ("proposed",), lambda: api.proposed_claims(s))
    html = render(
        request,
        "review.html",
        claims=claims,
        signed_in=guard.signed_in(request),
        csrf=csrf,
        message=done,
        alternate="/api/claims",
    )
    response = PAGE(html)
    response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/review")
    return response


async def _form(request: Request) -> dict[str, str]:
    """The posted form's fields (the body's size is bounded before it is read)."""
    body = (await request.body()).decode("utf-8", "replace")
    try:
        fields = parse_qs(body, max_num_fields=FORM_FIELDS)
    except ValueError as exc:
        from citydip.errors import InvalidInput

        raise InvalidInput(f"a form has at most {FORM_FIELDS} fields", field="form") from exc
    return {k: v[0] for k, v in fields.items()}


@router.post("/review/sign-in")
async def sign_in(request: Request) -> Response:
    guard = request.app.state.guard
    form = await _form(request)
    guard.check_form(request, form.get("csrf"))
    guard.check_token(form.get("token"))
    response = RedirectResponse("/review", status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        guard.session_value(),
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="strict",
        path="/review",
    )
    return response


@router.post("/review/{claim_id}/{decision}")
async def decide(request: Request, claim_id: int, decision: str) -> Response:
    guard = request.app.state.guard
    form = await _form(request)
    guard.check_form(request, form.get("csrf"))
    guard.check_session(request)
    states: dict[str, ReviewDecision] = {"accept": "accepted", "reject": "rejected"}
    if decision not in states:
        from citydip.errors import InvalidInput

        raise InvalidInput(f"{decision!r} is not accept or reject", field="decision")

    result = await request.app.state.stores.decide(states[decision], claim_id)
    message = quote(f"Claim {claim_id} {result.state}.")
    return RedirectResponse(f"/review?done={message}", status_code=303)
