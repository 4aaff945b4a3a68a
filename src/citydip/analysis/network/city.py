"""One city in the twinning network: centrality and rank, reach, partners, time.

Whole-graph centralities (degree, betweenness, eigenvector, PageRank, k-core) are computed
once per :class:`Network` and cached on it (and in the store, per revision), so every later
city costs only a look-up and a pass over its own ties. Betweenness is the heavy one:
``heavy=False`` leaves it out; on a large graph it is estimated from sampled sources unless
``exact`` (``estimates.py``), and exact values computed before for the same revision are
used when there are some.

Eigenvector centrality is computed inside the largest component (0 elsewhere).

Ranks are competition ranks among every node: 1 + the number of nodes with a strictly
higher value (ties share a rank).

Waves: the tie start years, sorted, split wherever two consecutive years are more than
``WAVE_GAP`` years apart; each wave is (from, to, ties).
"""

from __future__ import annotations

import bisect
import statistics
import warnings
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from citydip.analysis.geography import great_circle_km, shannon_diversity
from citydip.analysis.network.estimates import betweenness, betweenness_method, sample_size
from citydip.analysis.network.graph import Network
from citydip.errors import InvalidInput
from citydip.progress import Progress, Steps
from citydip.vocabulary import CENTRALITIES as CENTRALITIES

WAVE_GAP = 5
POPULATION_BANDS = (
    ("under 100k", 0, 100_000),
    ("100k–500k", 100_000, 500_000),
    ("500k–1M", 500_000, 1_000_000),
    ("1M–5M", 1_000_000, 5_000_000),
    ("5M and over", 5_000_000, None),
)
WHOLE = ("degree", "coreness")  # counts, whole numbers


def centralities(
    network: Network,
    heavy: bool = True,
    *,
    progress: Progress | None = None,
    exact: bool = False,
) -> dict[str, list[float] | None]:
    """Every node's degree, betweenness (None unless heavy), eigenvector, PageRank, k-core;
    each step computed is told to ``progress`` ("Computing …")."""
    step = Steps(progress, "Computing ")
    g = network.graph

    def light() -> dict[str, list[float]]:
        step("eigenvector centrality, PageRank and k-cores")
        return {
            "degree": [float(d) for d in g.degree()],
            "eigenvector": eigenvector_in_largest_component(g),
            "pagerank": g.pagerank(directed=False, damping=0.85),
            "coreness": [float(c) for c in g.coreness()],
        }

    out: dict[str, list[float] | None] = dict(network.cached("centralities", light, persist=True))
    out["betweenness"] = betweenness_values(network, exact, step)[0] if heavy else None
    step.finish()
    return out


def betweenness_values(
    network: Network, exact: bool = False, step: Callable[[str], None] | None = None
) -> tuple[list[float], str]:
    """Every node's betweenness, and how it was estimated (empty when exact); ``step`` is
    told the computation's name when it runs."""
    step = step or (lambda _: None)
    n = network.nodes
    k = sample_size(n, exact)
    if k is not None and (known := network.known("betweenness")) is not None:
        return known, ""  # the exact values, computed before for this revision

    def compute() -> list[float]:
        sampled = f", from {k:,} sampled places" if k else ""
        step(f"betweenness (shortest paths{sampled})")
        return betweenness(network.graph, k)

    key = "betweenness" if k is None else f"betweenness~{k}"
    return network.cached(key, compute, persist=True), betweenness_method(n, k)


def eigenvector_in_largest_component(graph: Any) -> list[float]:
    """Eigenvector centrality (max 1) inside the largest component; 0 for other nodes.

    The measure is defined for a connected graph only. In twinning graphs it localises on
    a dense core, and igraph warns that many values are near zero: that is the answer,
    not a failure, so the warning is not passed on. PageRank is the robust alternative.
    """
    out = [0.0] * graph.vcount()
    if not graph.ecount():
        return out
    members = max(graph.connected_components(), key=len)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Some eigenvector centralities are nearly zero")
        # igraph 1.0 rejects directed=False ("invalid mode"); the graph is undirected
        values = graph.subgraph(members).eigenvector_centrality(scale=True)
    for vertex, value in zip(members, values, strict=True):
        out[vertex] = value
    return out


def _sorted_values(network: Network, heavy: bool, exact: bool) -> dict[str, list[float]]:
    values = centralities(network, heavy, exact=exact)
    out = {}
    for name, series in values.items():
        if series is not None:  # keyed by the series itself: exact or estimated betweenness
            out[name] = network.cached(f"sorted-{name}-{id(series)}", partial(sorted, series))
    return out


def rank_of(sorted_values: list[float], value: float) -> int:
    """Competition rank of ``value`` (1 = highest) among ``sorted_values`` (ascending)."""
    return len(sorted_values) - bisect.bisect_right(sorted_values, value) + 1


def city_metrics(
    network: Network,
    entity_id: str,
    heavy: bool = True,
    wave_gap: int = WAVE_GAP,
    exact: bool = False,
) -> dict[str, Any]:
    """Everything the network says about one city (NotFound when it has no tie in it)."""
    v = network.vertex(entity_id)
    g = network.graph
    node = g.vs[v]
    values = centralities(network, heavy, exact=exact)
    ordered = _sorted_values(network, heavy, exact)
    note = betweenness_values(network, exact)[1] if heavy else ""
    n = g.vcount()
    central: dict[str, Any] = {}
    for name in CENTRALITIES:
        series = values[name]
        if series is None:
            central[name] = None
            continue
        value = series[v]
        if name in WHOLE and float(value).is_integer():
            value = int(value)  # a count: 9, not 9.0
        central[name] = {"value": value, "rank": rank_of(ordered[name], series[v]), "of": n}
    if values["betweenness"] is not None and n > 2:
        central["betweenness"]["normalized"] = values["betweenness"][v] / ((n - 1) * (n - 2) / 2)
    partners = g.neighbors(v)
    edges = [g.es[e] for e in g.incident(v)]
    return {
        "city": {
            "id": node["id"],
            "name": node["label"],
            "country": node["country"] or None,
            "continent": node["continent"] or None,
            "port": node["port"],
            "capital": node["capital"],
        },
        "filters": network.filters.describe(),
        "estimates": {"betweenness": note} if note else {},
        "partners": len(partners),
        "degree_by_kind": dict(Counter(e["kind"] for e in edges).most_common()),
        "centrality": central,
        "reach": reach(network, v, partners),
        "partner_profile": partner_profile(network, partners),
        "time": timeline(network, v, edges, wave_gap),
    }


def reach(network: Network, v: int, partners: list[int]) -> dict[str, Any]:
    """Countries, continents, distances and diversity of one node's partners."""
    vs = network.graph.vs
    countries = [vs[p]["country"] for p in partners if vs[p]["country"]]
    continents = [vs[p]["continent"] for p in partners if vs[p]["continent"]]
    home = vs[v]["continent"]
    distances = partner_distances(network, v, partners)
    return {
        "countries": len(set(countries)),
        "continents": len(set(continents)),
        "by_country": dict(Counter(countries).most_common()),
        "by_continent": dict(Counter(continents).most_common()),
        "distance_km_mean": statistics.fmean(distances) if distances else None,
        "distance_km_median": statistics.median(distances) if distances else None,
        "distance_known": len(distances),
        "same_continent_share": (
            sum(1 for c in continents if c == home) / len(continents)
            if home and continents
            else None
        ),
        "same_country_share": (
            sum(1 for c in countries if c == vs[v]["country"]) / len(countries)
            if vs[v]["country"] and countries
            else None
        ),
        "country_diversity": shannon_diversity(countries),
        "continent_diversity": shannon_diversity(continents),
    }


def partner_distances(network: Network, v: int, partners: list[int]) -> list[float]:
    """Great-circle kilometres to each partner with coordinates (none if the city has none)."""
    vs = network.graph.vs
    lat, lon = vs[v]["lat"], vs[v]["lon"]
    if lat is None or lon is None:
        return []
    return [
        great_circle_km(lat, lon, vs[p]["lat"], vs[p]["lon"])
        for p in partners
        if vs[p]["lat"] is not None and vs[p]["lon"] is not None
    ]


def population_band(population: int | None) -> str:
    if population is None:
        return "unknown"
    for label, low, high in POPULATION_BANDS:
        if population >= low and (high is None or population < high):
            return label
    return "unknown"


def partner_profile(network: Network, partners: list[int]) -> dict[str, Any]:
    """Shares of port cities and capitals among partners, and their population bands."""
    vs = network.graph.vs
    total = len(partners)
    bands = Counter(population_band(vs[p]["population"]) for p in partners)
    order = [label for label, _, _ in POPULATION_BANDS] + ["unknown"]
    return {
        "port_share": sum(1 for p in partners if vs[p]["port"]) / total if total else None,
        "capital_share": sum(1 for p in partners if vs[p]["capital"]) / total if total else None,
        "ports": sorted(vs[p]["label"] for p in partners if vs[p]["port"]),
        "capitals": sorted(vs[p]["label"] for p in partners if vs[p]["capital"]),
        "population_bands": {label: bands[label] for label in order if bands[label]},
    }


def timeline(
    network: Network, v: int, edges: list[Any], wave_gap: int = WAVE_GAP
) -> dict[str, Any]:
    """Agreements per decade, waves of agreements, the first and the latest."""
    g = network.graph
    dated = sorted(
        (e["start"], g.vs[e.target if e.source == v else e.source]["label"])
        for e in edges
        if e["start"] is not None
    )
    years = [year for year, _ in dated]
    decades = Counter(f"{year // 10 * 10}s" for year in years)
    return {
        "dated": len(dated),
        "undated": len(edges) - len(dated),
        "per_decade": dict(sorted(decades.items())),
        "wave_gap": wave_gap,
        "waves": waves(years, wave_gap),
        "first": {"year": dated[0][0], "partner": dated[0][1]} if dated else None,
        "latest": {"year": dated[-1][0], "partner": dated[-1][1]} if dated else None,
    }


def waves(years: list[int], gap: int = WAVE_GAP) -> list[dict[str, int]]:
    """Runs of sorted years with no gap wider than ``gap`` years: from, to, ties."""
    out: list[dict[str, int]] = []
    for year in sorted(years):
        if out and year - out[-1]["to"] <= gap:
            out[-1]["to"] = year
            out[-1]["ties"] += 1
        else:
            out.append({"from": year, "to": year, "ties": 1})
    return out


def top_cities(
    network: Network, by: str = "degree", limit: int | None = 20, exact: bool = False
) -> list[dict[str, Any]]:
    """The ``limit`` (None: every) best-ranked places by one centrality, with rank and value."""
    if by not in CENTRALITIES:
        raise InvalidInput(f"{by!r} is not one of {', '.join(CENTRALITIES)}", field="by")
    heavy = by == "betweenness"
    values = centralities(network, heavy=heavy, exact=exact)[by]
    assert values is not None
    vs = network.graph.vs
    order = sorted(range(len(values)), key=lambda v: (-values[v], vs[v]["label"]))[:limit]
    ordered = _sorted_values(network, heavy, exact)[by]
    return [
        {
            "rank": rank_of(ordered, values[v]),
            "id": vs[v]["id"],
            "name": vs[v]["label"],
            "country": vs[v]["country"] or None,
            by: values[v],
        }
        for v in order
    ]
