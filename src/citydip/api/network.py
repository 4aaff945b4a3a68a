"""The twinning network: statistics, a city's metrics, top places, mixing, communities, export.

Every call takes a ``NetworkFilter`` (which ties and places make the graph) and raises
``NotFound`` when no tie passes it. ``progress`` (``citydip.progress``) is told each step computed.

Whole-network results (statistics, mixing, communities, the country network, the overview)
are kept in the store per revision (``store.derived.remember``): the next call, from any
face, reads them instead of computing. Betweenness, the diameter and the mean distance of
a large graph are estimated from sampled places unless ``exact`` (the result's
``estimates`` says how); see docs/network.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citydip.api.records import (
    CityNetwork,
    CityNetworkData,
    Communities,
    CommunitiesData,
    CountryNetwork,
    CountryNetworkData,
    ExportResult,
    Homophily,
    HomophilyData,
    Hub,
    NetworkOverview,
    NetworkStats,
    NetworkStatsData,
    TieLine,
    TopPlace,
    TopPlaces,
    shaped,
)
from citydip.errors import InvalidInput
from citydip.progress import Progress, Steps
from citydip.store.database import Store
from citydip.store.derived import remember
from citydip.vocabulary import (
    CENTRALITIES,
    EXPORT_FORMATS,
    PLACE_LEVELS,
    TIE_KINDS,
    TIE_STATUSES,
    Centrality,
    ExportFormat,
    PlaceLevel,
    TieKind,
    TieStatus,
    choice,
    choices,
)

if TYPE_CHECKING:
    from citydip.analysis.network.graph import GraphFilter, Network


def network_filter(
    kinds: list[TieKind] | None = None,
    statuses: list[TieStatus] | None = None,
    since: int | None = None,
    until: int | None = None,
    levels: list[PlaceLevel] | None = None,
    merge_districts: bool = False,
    sources: list[str] | None = None,
) -> GraphFilter:
    """The filter object every network call takes (empty lists mean no filter); ``sources``
    keeps the ties that one of these sources states. A kind, status or level outside the
    vocabulary is ``InvalidInput`` naming ``kind``, ``status`` or ``level``
    (the flag and the query parameter)."""
    from citydip.analysis.network.graph import GraphFilter

    return GraphFilter.of(
        choices(kinds, TIE_KINDS, "kind"),
        choices(statuses, TIE_STATUSES, "status"),
        since,
        until,
        choices(levels, PLACE_LEVELS, "level"),
        merge_districts,
        sources,
    )


def _key(name: str, filters: GraphFilter | None, *parts: object) -> str:
    from citydip.analysis.network.graph import GraphFilter

    return ":".join([name, *map(str, parts), (filters or GraphFilter()).key()])


@contextmanager
def _step(progress: Progress | None, name: str) -> Iterator[None]:
    """One named step told to ``progress`` while the block runs (finished at its end, and
    on an error too, so no bar is left behind)."""
    step = Steps(progress)
    step(name)
    try:
        yield
    finally:
        step.finish()


def _how(heavy: bool, exact: bool) -> str:
    """Which kind of heavy values a cached result holds: none, estimated or exact."""
    return "light" if not heavy else ("exact" if exact else "default")


def _network(
    store: Store, filters: GraphFilter | None, progress: Progress | None = None
) -> Network:
    from citydip.analysis.network.graph import build_network, require_ties

    step = Steps(progress)
    step("Building the network")
    network = build_network(store, filters)
    step.finish()
    require_ties(network, store)
    return network


def network_stats(
    store: Store,
    filters: GraphFilter | None = None,
    *,
    heavy: bool = True,
    progress: Progress | None = None,
    exact: bool = False,
) -> NetworkStats:
    """Nodes, edges, components, degrees, assortativity, clustering, distances, tail fit."""

    def stats() -> dict[str, object]:
        from citydip.analysis.network.graph import igraph_errors
        from citydip.analysis.network.stats import network_stats as compute

        network = _network(store, filters, progress)
        with igraph_errors():
            return compute(network, heavy=heavy, progress=progress, exact=exact)

    key = _key("stats:v1", filters, _how(heavy, exact))
    return NetworkStats(shaped(NetworkStatsData, remember(store, key, stats)))


def network_city(
    store: Store,
    name: str,
    *,
    filters: GraphFilter | None = None,
    heavy: bool = True,
    wave_gap: int = 5,
    progress: Progress | None = None,
    exact: bool = False,
) -> CityNetwork:
    """A city's place in the network: centrality and rank, reach, partners, waves."""
    from citydip.knowledge.lookup import find_city

    if not 1 <= wave_gap <= 100:
        raise InvalidInput(f"{wave_gap} is not between 1 and 100", field="wave_gap")
    entity = find_city(store, name)

    def compute() -> dict[str, Any]:
        from citydip.analysis.network.city import centralities, city_metrics
        from citydip.analysis.network.graph import igraph_errors

        network = _network(store, filters, progress)
        network.vertex(entity.id, entity.name)  # NotFound, in words, before any heavy work
        with igraph_errors():
            centralities(network, heavy=heavy, progress=progress, exact=exact)
            return city_metrics(network, entity.id, heavy, wave_gap, exact=exact)

    key = _key("city:v2", filters, entity.id, wave_gap, _how(heavy, exact))
    return CityNetwork(shaped(CityNetworkData, remember(store, key, compute)))


def network_top(
    store: Store,
    *,
    by: Centrality = "degree",
    limit: int | None = 20,
    filters: GraphFilter | None = None,
    progress: Progress | None = None,
    exact: bool = False,
) -> TopPlaces:
    """The best-ranked places by one centrality (``limit`` None: every place)."""
    by = choice(by, CENTRALITIES, "by")
    if limit is not None and not 1 <= limit <= 100_000:
        raise InvalidInput(f"{limit} is not between 1 and 100000", field="limit")

    def compute() -> dict[str, Any]:
        from citydip.analysis.network.city import betweenness_values, top_cities
        from citydip.analysis.network.graph import igraph_errors

        network = _network(store, filters, progress)
        step = Steps(progress, "Computing ")
        step(by)
        with igraph_errors():
            rows = top_cities(network, by, limit, exact=exact)
            note = betweenness_values(network, exact)[1] if by == "betweenness" else ""
        step.finish()
        described = network.filters.describe()
        return {"places": network.nodes, "filters": described, "rows": rows, "estimate": note}

    key = _key("top:v1", filters, by, limit, _how(by == "betweenness", exact))
    top = remember(store, key, compute)
    places = [TopPlace(r["rank"], r["id"], r["name"], r["country"], by, r[by]) for r in top["rows"]]
    return TopPlaces(by, top["places"], top["filters"], places, top["estimate"])


def network_homophily(
    store: Store, filters: GraphFilter | None = None, *, progress: Progress | None = None
) -> Homophily:
    """Port–port and capital–capital mixing, population assortativity, tie distances."""
    from citydip.analysis.network.graph import igraph_errors
    from citydip.analysis.network.homophily import homophily

    def compute() -> dict[str, object]:
        network = _network(store, filters, progress)
        with igraph_errors(), _step(progress, "Computing mixing and distances"):
            return homophily(network)

    return Homophily(shaped(HomophilyData, remember(store, _key("homophily:v1", filters), compute)))


def network_communities(
    store: Store,
    filters: GraphFilter | None = None,
    *,
    top: int = 10,
    resolution: float = 1.0,
    progress: Progress | None = None,
) -> Communities:
    """Leiden communities with their country make-up."""
    from citydip.analysis.network.communities import communities
    from citydip.analysis.network.graph import igraph_errors

    if not 1 <= top <= 1000:
        raise InvalidInput(f"{top} is not between 1 and 1000", field="top")
    if not 0 < resolution <= 100:
        raise InvalidInput(f"{resolution} is not above 0 and at most 100", field="resolution")

    def compute() -> dict[str, object]:
        network = _network(store, filters, progress)
        with igraph_errors(), _step(progress, "Finding communities (Leiden)"):
            return communities(network, top=top, resolution=resolution)

    key = _key("communities:v1", filters, top, resolution)
    return Communities(shaped(CommunitiesData, remember(store, key, compute)))


def network_countries(
    store: Store,
    filters: GraphFilter | None = None,
    *,
    top: int = 15,
    progress: Progress | None = None,
) -> CountryNetwork:
    """The country-level network: countries as nodes, ties between them as weights."""
    from citydip.analysis.network.communities import country_summary
    from citydip.analysis.network.graph import igraph_errors

    if not 1 <= top <= 1000:
        raise InvalidInput(f"{top} is not between 1 and 1000", field="top")

    def compute() -> dict[str, object]:
        network = _network(store, filters, progress)
        with igraph_errors(), _step(progress, "Counting ties between countries"):
            return country_summary(network, top=top)

    key = _key("countries:v1", filters, top)
    return CountryNetwork(shaped(CountryNetworkData, remember(store, key, compute)))


def network_export(
    store: Store,
    fmt: ExportFormat,
    out: Path | None,
    *,
    filters: GraphFilter | None = None,
    with_communities: bool = False,
    city: str | None = None,
    depth: int = 1,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the graph for Gephi, QGIS, R: GraphML, GEXF, GeoJSON lines and points, CSV lists.

    ``city`` keeps its ego network (``depth`` 1: partners, 2: their partners too). With no
    ``out`` the one file's text is returned in ``ExportResult.text`` (not for csv: two files).
    ``progress`` is told each step (GeoJSON: the ties drawn, counted).
    """
    import tempfile

    from citydip.analysis.network.communities import find_communities
    from citydip.analysis.network.export import export
    from citydip.analysis.network.graph import ego_network, igraph_errors
    from citydip.knowledge.lookup import find_city

    fmt = choice(fmt, EXPORT_FORMATS, "format")
    if out is None and fmt == "csv":
        raise InvalidInput("csv writes two files (nodes.csv, edges.csv): give a folder")
    if city is None and depth != 1:
        raise InvalidInput("a depth needs a city", field="depth")
    if out is not None and fmt != "csv":  # one file (csv: a folder of two)
        _check_file(out)
    place = find_city(store, city) if city is not None else None
    network = _network(store, filters, progress)
    with igraph_errors():
        if with_communities:
            with _step(progress, "Finding communities (Leiden)"):
                find_communities(network)
        if place is not None:
            network = ego_network(network, place.id, depth, place.name)
        if out is not None:
            files = export(network, fmt, out, progress=progress)
            return ExportResult(files, network.nodes, network.edges)
        with tempfile.TemporaryDirectory() as folder:
            (path,) = export(network, fmt, Path(folder) / f"graph.{fmt}", progress=progress)
            text = path.read_text(encoding="utf-8")
    return ExportResult([], network.nodes, network.edges, text)


def _check_file(out: Path) -> None:
    """Refuse an output that is a folder, a device or a pipe before any work is done
    (a missing folder or a full disk are found when the file is written)."""
    from citydip.errors import OutputError
    from citydip.files import refuse_special

    if out.is_dir():
        raise OutputError(f"{out}: is a folder; give a file name")
    refuse_special(out, OutputError)


def network_overview(store: Store, filters: GraphFilter | None = None) -> NetworkOverview:
    """Places, ties, how many places have each degree, and every tie whose ends are mapped."""
    from citydip.analysis.network.overview import network_overview as overview

    data = overview(store, filters)
    counts = {int(k): int(v) for k, v in data["degree_counts"].items()}
    lines = [TieLine(*line) for line in data["lines"]]
    hubs = [Hub(*hub) for hub in data["hubs"]]
    return NetworkOverview(data["places"], data["ties"], data["filters"], counts, lines, hubs)
