"""Network analytics on small hand-built stores: exact values, cross-checked with networkx."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest

from citydip.analysis.geography import EARTH_RADIUS_KM
from citydip.analysis.network.city import centralities, city_metrics, rank_of, waves
from citydip.analysis.network.graph import GraphFilter, Network, build_network, require_ties
from citydip.analysis.network.stats import fit_power_law, gini, network_stats
from citydip.errors import InvalidInput, NotFound
from citydip.store import Claim, Entity, Source, Store, open_store

# id, country, lat, lon, population, port, capital
PLACES = [
    ("a", "JP", 0.0, 0.0, 50_000, True, None),
    ("b", "JP", 0.0, 90.0, 200_000, None, None),
    ("c", "US", 0.0, 180.0, 2_000_000, None, None),
    ("d", "FR", 90.0, 0.0, 700_000, None, True),
    ("e", "FR", None, None, None, None, None),
    ("f", "DE", 50.0, 8.0, 10_000, None, None),
    ("g", "DE", 51.0, 9.0, 20_000, None, None),
]
# city, partner, kind, start
TIES = [
    ("a", "b", "sister", None),
    ("c", "a", "sister", "1957"),
    ("b", "c", "friendship", "1960-05-01"),
    ("c", "d", "partner", "1977"),
    ("d", "e", "sister", "1990"),
    ("f", "g", "sister", "2001"),
]
HALF = math.pi * EARTH_RADIUS_KM / 2  # a quarter of a great circle


def make_store(path: Path, ties: list[tuple[str, str, str, str | None]] = TIES) -> Store:
    store = open_store(path)
    store.add_source(Source(id="src", title="Hand-built", kind="dataset"))
    for pid, country, lat, lon, pop, port, capital in PLACES:
        store.add_entity(
            Entity(
                id=pid,
                type="place",
                name=f"City {pid.upper()}",
                country=country,
                level="city",
                lat=lat,
                lon=lon,
                population=pop,
                port=port,
                capital=capital,
            )
        )
    for city, partner, kind, start in ties:
        store.add_claim(
            Claim(
                subject=city,
                predicate="twinned_with",
                object=partner,
                kind=kind,
                start=start,
                source_id="src",
            )
        )
    return store


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Store]:
    store = make_store(tmp_path / "small.db")
    yield store
    store.close()


@pytest.fixture
def net(small: Store) -> Network:
    return build_network(small)


def to_networkx(network: Network) -> Any:
    g = nx.Graph()
    g.add_nodes_from(range(network.nodes))
    g.add_edges_from(e.tuple for e in network.graph.es)
    return g


def test_graph_has_one_node_per_tied_place_and_one_edge_per_tie(net: Network) -> None:
    assert (net.nodes, net.edges) == (7, 6)
    c = net.graph.vs[net.vertex("c")]
    assert (c["label"], c["country"], c["continent"]) == ("City C", "US", "North America")
    assert net.graph.vs[net.vertex("a")]["port"] is True
    assert net.graph.vs[net.vertex("d")]["capital"] is True
    edge = net.graph.es[net.graph.get_eid(net.vertex("b"), net.vertex("c"))]
    # The fixture's only source is a dataset: no source says whether the tie is in force.
    assert (edge["kind"], edge["start"], edge["status"]) == ("friendship", 1960, "unknown")


def test_stats_exact_values(net: Network) -> None:
    s = network_stats(net)
    assert s["nodes"] == 7 and s["edges"] == 6
    assert s["components"] == 2
    assert s["largest_component_nodes"] == 5 and s["largest_component_edges"] == 5
    assert s["max_degree"] == 3
    assert s["mean_degree"] == pytest.approx(12 / 7)
    assert s["triangles"] == 1
    assert s["clustering_global"] == pytest.approx(0.5)  # 3 × 1 triangle / 6 triples
    assert s["diameter"] == 3  # a–c–d–e
    assert s["mean_distance"] == pytest.approx(17 / 10)
    assert s["degree_gini"] == pytest.approx(18 / 84)
    assert s["power_law"] is None  # seven degrees are too few to fit
    assert s["skipped"] == []


def test_stats_agree_with_networkx(net: Network) -> None:
    s = network_stats(net)
    g = to_networkx(net)
    giant = g.subgraph(max(nx.connected_components(g), key=len))
    assert s["degree_assortativity"] == pytest.approx(nx.degree_assortativity_coefficient(g))
    assert s["clustering_global"] == pytest.approx(nx.transitivity(g))
    assert s["clustering_average_local"] == pytest.approx(nx.average_clustering(g))
    assert s["triangles"] == sum(nx.triangles(g).values()) // 3
    assert s["diameter"] == nx.diameter(giant)
    assert s["mean_distance"] == pytest.approx(nx.average_shortest_path_length(giant))
    assert s["density"] == pytest.approx(nx.density(g))


def test_heavy_statistics_can_be_skipped(net: Network) -> None:
    steps: list[str] = []

    def told(task: str, done: int, total: int | None = None) -> None:
        steps.append(task)

    s = network_stats(net, heavy=False, progress=told)
    assert s["diameter"] is None and s["mean_distance"] is None
    assert s["skipped"] == ["diameter", "mean_distance"]
    assert not any("distance" in step for step in steps)
    assert network_stats(net, progress=told)["diameter"] == 3
    assert any("distance" in step for step in steps)


def test_centralities_agree_with_networkx(net: Network) -> None:
    values = centralities(net)
    g = to_networkx(net)
    assert values["betweenness"] == pytest.approx(
        [nx.betweenness_centrality(g, normalized=False)[v] for v in range(7)]
    )
    # networkx's own pagerank needs scipy: take the stationary vector of its Google matrix
    google = nx.google_matrix(g, alpha=0.85)
    eigenvalues, vectors = np.linalg.eig(google.T)
    stationary = np.real(vectors[:, np.argmax(np.real(eigenvalues))])
    assert values["pagerank"] == pytest.approx(list(stationary / stationary.sum()), abs=1e-9)
    assert values["coreness"] == [float(nx.core_number(g)[v]) for v in range(7)]
    giant = g.subgraph(max(nx.connected_components(g), key=len))
    ev = nx.eigenvector_centrality(giant, max_iter=10_000, tol=1e-12)
    top = max(ev.values())
    eigen = values["eigenvector"]
    assert eigen is not None
    for v in range(7):
        assert eigen[v] == pytest.approx(ev[v] / top if v in ev else 0.0, abs=1e-6)


def test_city_metrics_on_known_coordinates(net: Network) -> None:
    m = city_metrics(net, "c")
    assert m["partners"] == 3
    assert m["degree_by_kind"] == {"sister": 1, "friendship": 1, "partner": 1}
    assert m["centrality"]["degree"] == {"value": 3.0, "rank": 1, "of": 7}
    assert m["centrality"]["betweenness"]["rank"] == 1
    # c–a half a great circle, c–b and c–d a quarter each
    r = m["reach"]
    assert r["distance_km_mean"] == pytest.approx(4 * HALF / 3)
    assert r["distance_km_median"] == pytest.approx(HALF)
    assert r["distance_known"] == 3
    assert (r["countries"], r["continents"]) == (2, 2)
    assert r["by_country"] == {"JP": 2, "FR": 1}
    assert r["same_continent_share"] == 0.0
    assert r["country_diversity"] == pytest.approx(
        -(2 / 3 * math.log(2 / 3) + 1 / 3 * math.log(1 / 3))
    )
    p = m["partner_profile"]
    assert p["port_share"] == pytest.approx(1 / 3) and p["ports"] == ["City A"]
    assert p["capital_share"] == pytest.approx(1 / 3) and p["capitals"] == ["City D"]
    assert p["population_bands"] == {"under 100k": 1, "100k–500k": 1, "500k–1M": 1}
    t = m["time"]
    assert t["per_decade"] == {"1950s": 1, "1960s": 1, "1970s": 1}
    assert t["waves"] == [
        {"from": 1957, "to": 1960, "ties": 2},
        {"from": 1977, "to": 1977, "ties": 1},
    ]
    assert t["first"] == {"year": 1957, "partner": "City A"}
    assert city_metrics(net, "c", wave_gap=20)["time"]["waves"] == [
        {"from": 1957, "to": 1977, "ties": 3}
    ]
    assert t["latest"] == {"year": 1977, "partner": "City D"}


def test_city_without_coordinates_has_no_distances(net: Network) -> None:
    r = city_metrics(net, "e")["reach"]
    assert r["distance_km_mean"] is None and r["distance_known"] == 0
    assert r["same_continent_share"] == 1.0  # its one partner, d, is in France too


def test_city_metrics_skip_betweenness(net: Network) -> None:
    m = city_metrics(net, "a", heavy=False)
    assert m["centrality"]["betweenness"] is None
    assert m["centrality"]["pagerank"]["of"] == 7


def test_filters_by_kind_year_and_their_validation(small: Store) -> None:
    sisters = build_network(small, GraphFilter.of(kinds=["sister"]))
    assert sisters.edges == 4
    dated = build_network(small, GraphFilter.of(since=1958, until=1990))
    assert sorted(dated.graph.es["start"]) == [1960, 1977, 1990]  # undated a–b left out
    with pytest.raises(InvalidInput, match="kind: 'twin'"):
        GraphFilter.of(kinds=["twin"])
    with pytest.raises(InvalidInput, match="since: 2000 is after until 1990"):
        GraphFilter.of(since=2000, until=1990)


def test_merging_districts_into_their_city(tmp_path: Path) -> None:
    store = make_store(tmp_path / "m.db")
    store.add_entity(Entity(id="h", type="place", name="District H", parent="g", level="district"))
    for partner, start in (("f", "1995"), ("b", "1999")):
        claim = Claim("h", "twinned_with", "src", object=partner, kind="sister", start=start)
        store.add_claim(claim)
    apart = build_network(store)
    merged = build_network(store, GraphFilter.of(merge_admin=True))
    assert (apart.nodes, apart.edges) == (8, 8)
    # h–f merges into the existing g–f edge, h–b becomes g–b
    assert (merged.nodes, merged.edges) == (7, 7)
    assert merged.vertex("h") == merged.vertex("g")
    fg = merged.graph.es[merged.graph.get_eid(merged.vertex("f"), merged.vertex("g"))]
    assert (fg["ties"], fg["start"]) == (2, 1995)
    store.close()


def test_empty_store_and_empty_filter_say_so(tmp_path: Path, small: Store) -> None:
    empty = open_store(tmp_path / "empty.db")
    network = build_network(empty)
    assert network.nodes == 0
    with pytest.raises(NotFound, match="holds no twinning ties"):
        require_ties(network, empty)
    empty.close()
    none = build_network(small, GraphFilter.of(since=2050))
    with pytest.raises(NotFound, match="none of the store's 6 twinning claims passes"):
        require_ties(none, small)
    with pytest.raises(NotFound, match=r"^City A has no ties in the network \(started 2050–…\)$"):
        none.vertex("a", "City A")


def test_gini_and_ranks() -> None:
    assert gini([1, 1, 1, 1]) == 0.0
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)
    assert gini([]) is None
    assert [rank_of([1.0, 2.0, 2.0, 5.0], x) for x in (5.0, 2.0, 1.0)] == [1, 2, 4]
    assert waves([1990, 1957, 1977, 1973]) == [
        {"from": 1957, "to": 1957, "ties": 1},
        {"from": 1973, "to": 1977, "ties": 2},
        {"from": 1990, "to": 1990, "ties": 1},
    ]


def _hurwitz_zeta(alpha: float, xmin: int) -> float:
    """ζ(α, xmin) by direct summation plus the Euler–Maclaurin tail."""
    n = 20_000
    head = sum((xmin + k) ** -alpha for k in range(n))
    x = xmin + n
    return head + x ** (1 - alpha) / (alpha - 1) + x**-alpha / 2


def test_power_law_fit_is_the_discrete_mle() -> None:
    import random

    rng = random.Random(7)
    # a discrete sample with a heavy tail: floor of a continuous Pareto(α = 2.5), xmin 1
    data = [int((1 - rng.random()) ** (-1 / 1.5)) for _ in range(3000)]
    fit = fit_power_law(data, xmin=3)
    assert fit is not None and fit["xmin"] == 3
    tail = [x for x in data if x >= 3]
    logs = sum(math.log(x) for x in tail)

    def loglik(alpha: float) -> float:
        return -len(tail) * math.log(_hurwitz_zeta(alpha, 3)) - alpha * logs

    grid = [1.5 + i / 1000 for i in range(2001)]
    best = max(grid, key=loglik)
    assert fit["alpha"] == pytest.approx(best, abs=2e-3)
    assert fit["log_likelihood"] == pytest.approx(loglik(fit["alpha"]), rel=1e-4)
    assert fit["tail_nodes"] == len(tail)
    assert fit_power_law([1, 2, 3] * 5) is None


def test_top_cities_by_a_centrality(net: Network) -> None:
    from citydip.analysis.network.city import top_cities

    rows = top_cities(net, "degree", 3)
    assert [(r["rank"], r["name"], r["degree"]) for r in rows] == [
        (1, "City C", 3.0),
        (2, "City A", 2.0),
        (2, "City B", 2.0),
    ]
    assert top_cities(net, "betweenness", 1)[0]["id"] == "c"
    with pytest.raises(InvalidInput, match="by: 'closeness' is not one of degree"):
        top_cities(net, "closeness")
