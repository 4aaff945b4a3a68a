"""Homophily, communities, the country network and exports on hand-built graphs."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from citydip.analysis.network.communities import communities, country_summary
from citydip.analysis.network.export import (
    export,
    great_circle_points,
    split_at_antimeridian,
)
from citydip.analysis.network.graph import GraphFilter, Network, network_from
from citydip.analysis.network.homophily import homophily
from citydip.analysis.network.ports import SOURCES, is_port, port_list
from citydip.errors import InvalidInput
from citydip.knowledge.reconcile import Tie
from citydip.store import Entity, Store

from .test_network import HALF, make_store, to_networkx


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Store]:
    store = make_store(tmp_path / "small.db")
    yield store
    store.close()


@pytest.fixture
def net(small: Store) -> Network:
    from citydip.analysis.network.graph import build_network

    return build_network(small)


def test_port_and_capital_mixing(net: Network) -> None:
    h = homophily(net, pairs=500)
    port = h["port"]  # a is the one port, with 2 of the 12 tie ends
    assert (port["places"], port["ties_both"], port["ties_one"]) == (1, 0, 2)
    assert port["expected_share_both"] == pytest.approx(1 / 36)
    assert port["ratio_both"] == 0.0
    g = to_networkx(net)
    nx.set_node_attributes(g, dict(enumerate(net.graph.vs["port"])), "port")
    assert port["assortativity"] == pytest.approx(nx.attribute_assortativity_coefficient(g, "port"))
    assert (h["capital"]["places"], h["capital"]["ties_one"]) == (1, 2)


def test_same_country_against_chance(net: Network) -> None:
    same = homophily(net, pairs=10)["same_country"]
    assert same["share_same"] == 0.5  # a–b, d–e, f–g of six ties
    assert same["expected_share_same"] == pytest.approx(38 / 144)  # ends JP 4, US 3, FR 3, DE 2
    assert same["ratio"] == pytest.approx(72 / 38)


def test_population_assortativity_is_pearson_over_ties(net: Network) -> None:
    pop = homophily(net, pairs=10)["population_assortativity"]
    g = net.graph
    logs = [math.log10(p) if p else None for p in g.vs["population"]]
    pairs = [(logs[a], logs[b]) for a, b in g.get_edgelist() if logs[a] and logs[b]]
    xs = [x for a, b in pairs for x in (a, b)]
    ys = [y for a, b in pairs for y in (b, a)]
    assert pop["ties_used"] == 5 and pop["places_with_population"] == 6
    assert pop["log10_population_r"] == pytest.approx(float(np.corrcoef(xs, ys)[0, 1]))


def test_tie_distances_against_random_pairs(net: Network) -> None:
    d = homophily(net, pairs=300)["distance"]
    assert d["ties_with_coordinates"] == 5  # d–e has no coordinates at e
    assert d["tied_median_km"] == pytest.approx(HALF)
    assert d["random_pairs"] == 300
    assert 0 <= d["random_median_km"] <= 2 * HALF
    assert homophily(net, pairs=300)["distance"] == d  # seeded: the same every run


def _ties(pairs: list[tuple[str, str]]) -> list[Tie]:
    return [Tie(a, b, "sister", None, None, "active") for a, b in pairs]


def _places(countries: dict[str, str]) -> dict[str, Entity]:
    return {
        pid: Entity(id=pid, type="place", name=pid.upper(), country=c)
        for pid, c in countries.items()
    }


def test_leiden_finds_two_triangles() -> None:
    places = _places({"a": "JP", "b": "JP", "c": "US", "d": "FR", "e": "FR", "f": "DE"})
    ties = _ties([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f")])
    network = network_from(places, [*ties, *_ties([("c", "d")])], GraphFilter())
    result = communities(network)
    assert result["count"] == 2
    assert result["modularity"] == pytest.approx(10 / 28)
    g = to_networkx(network)
    parts = [{v for v in range(6) if network.graph.vs[v]["community"] == c} for c in (0, 1)]
    assert result["modularity"] == pytest.approx(nx.community.modularity(g, parts))
    sizes = sorted(
        (c["size"], tuple(sorted(c["top_countries"].items()))) for c in result["communities"]
    )
    assert sizes == [(3, (("DE", 1), ("FR", 2))), (3, (("JP", 2), ("US", 1)))]


def test_country_network(net: Network) -> None:
    s = country_summary(net)
    assert (s["countries"], s["country_pairs"]) == (4, 2)
    assert (s["international_ties"], s["domestic_ties"]) == (3, 3)
    assert s["heaviest_pairs"] == [
        {"countries": ["JP", "US"], "ties": 2},
        {"countries": ["FR", "US"], "ties": 1},
    ]
    us = next(c for c in s["most_tied_countries"] if c["country"] == "US")
    assert us == {
        "country": "US",
        "international_ties": 3,
        "partner_countries": 2,
        "domestic_ties": 0,
    }


def test_graphml_and_gexf_read_back_in_networkx(net: Network, tmp_path: Path) -> None:
    export(net, "graphml", tmp_path / "g.graphml")
    export(net, "gexf", tmp_path / "g.gexf")
    graphml = nx.read_graphml(tmp_path / "g.graphml")
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == (7, 6)
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == (7, 6)
    assert gexf.nodes["c"]["country"] == "US" and gexf.nodes["c"]["label"] == "City C"
    assert gexf.nodes["a"]["port"] is True and gexf.nodes["c"]["population"] == 2_000_000
    assert "population" not in gexf.nodes["e"]  # unknown: left out, not 0
    assert gexf.edges["b", "c"]["kind"] == "friendship" and gexf.edges["b", "c"]["start"] == 1960
    by_id = {data["id"]: data for _, data in graphml.nodes(data=True)}
    assert by_id["d"]["capital"] is True and "lat" not in by_id["e"]


def test_geojson_lines_follow_great_circles(net: Network, tmp_path: Path) -> None:
    export(net, "geojson", tmp_path / "ties.geojson")
    data = json.loads((tmp_path / "ties.geojson").read_text(encoding="utf-8"))
    lines = [f for f in data["features"] if f["properties"]["feature"] == "tie"]
    assert data["type"] == "FeatureCollection" and len(lines) == 5
    ab = next(
        f for f in lines if {f["properties"]["source"], f["properties"]["target"]} == {"a", "b"}
    )
    coords = ab["geometry"]["coordinates"]
    assert ab["geometry"]["type"] == "LineString"
    assert coords[0] == [0.0, 0.0] and coords[-1] == [90.0, 0.0]
    assert all(lat == 0 for _, lat in coords) and len(coords) == math.ceil(HALF / 100) + 1
    assert ab["properties"]["distance_km"] == round(HALF, 1)


def test_lines_split_at_the_antimeridian() -> None:
    points = great_circle_points(10.0, 170.0, 10.0, -170.0)
    pieces = split_at_antimeridian(points)
    assert len(pieces) == 2
    assert pieces[0][-1][0] == 180.0 and pieces[1][0][0] == -180.0
    assert pieces[0][-1][1] == pytest.approx(pieces[1][0][1])
    assert all(abs(b[0] - a[0]) < 180 for piece in pieces for a, b in pairwise(piece))
    # the great circle between two places on one parallel bulges toward the pole
    assert max(lat for _, lat in points) > 10.0


def test_csv_node_and_edge_lists(net: Network, tmp_path: Path) -> None:
    files = export(net, "csv", tmp_path / "out")
    assert [f.name for f in files] == ["nodes.csv", "edges.csv"]
    nodes = list(csv.DictReader((tmp_path / "out" / "nodes.csv").read_text("utf-8").splitlines()))
    edges = list(csv.DictReader((tmp_path / "out" / "edges.csv").read_text("utf-8").splitlines()))
    assert len(nodes) == 7 and len(edges) == 6
    e = next(n for n in nodes if n["id"] == "e")
    assert (e["population"], e["lat"], e["degree"], e["port"]) == ("", "", "1", "false")
    assert {(r["source"], r["target"], r["start"]) for r in edges} >= {
        ("b", "c", "1960"),
        ("a", "b", ""),
    }


def test_unwritable_export_is_an_output_error(net: Network, tmp_path: Path) -> None:
    from citydip.errors import OutputError

    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    for fmt in ("graphml", "gexf", "geojson", "csv"):
        with pytest.raises(OutputError, match="cannot write"):
            export(net, fmt, blocker / f"out.{fmt}")
    with pytest.raises(InvalidInput, match="'dot' is not one of"):
        export(net, "dot", tmp_path / "x.dot")


def test_port_list_is_sourced_and_matches_by_geonames_id() -> None:
    entries = port_list()
    assert len(entries) >= 25
    assert all(e.source in SOURCES for e in entries)
    assert len({e.geonames_id for e in entries}) == len(entries)
    rotterdam = Entity(id="gn-2747891", type="place", name="Rotterdam", geonames_id=2747891)
    assert is_port(rotterdam)
    assert not is_port(Entity(id="x", type="place", name="Rotterdam", geonames_id=1))
    assert is_port(Entity(id="y", type="place", name="rotterdam", country="NL"))
    assert not is_port(Entity(id="z", type="place", name="Busan", country="KR", port=False))


def test_ego_network_at_depth_one_and_two(net: Network) -> None:
    from citydip.analysis.network.graph import ego_network

    one = ego_network(net, "a", 1)
    assert sorted(one.graph.vs["id"]) == ["a", "b", "c"] and one.edges == 3  # b–c kept too
    two = ego_network(net, "a", 2)
    assert sorted(two.graph.vs["id"]) == ["a", "b", "c", "d"] and two.edges == 4
    assert two.index == {v: i for i, v in enumerate(two.graph.vs["id"])}
    assert two.graph.vs[two.index["d"]]["capital"] is True  # attributes carried over
    with pytest.raises(InvalidInput, match="depth"):
        ego_network(net, "a", 3)


def test_geojson_holds_place_points_as_well_as_lines(net: Network, tmp_path: Path) -> None:
    from citydip.analysis.network.graph import ego_network

    export(ego_network(net, "e", 1), "geojson", tmp_path / "ego.geojson")
    data = json.loads((tmp_path / "ego.geojson").read_text(encoding="utf-8"))
    kinds = [f["properties"]["feature"] for f in data["features"]]
    # d–e has no line (e has no coordinates); d is a point, e is left out
    assert kinds == ["place"]
    point = data["features"][0]
    assert point["geometry"] == {"type": "Point", "coordinates": [0.0, 90.0]}
    assert point["properties"]["id"] == "d" and point["properties"]["degree"] == 1
    export(net, "geojson", tmp_path / "all.geojson")
    features = json.loads((tmp_path / "all.geojson").read_text(encoding="utf-8"))["features"]
    points = {f["properties"]["id"] for f in features if f["properties"]["feature"] == "place"}
    assert points == {"a", "b", "c", "d", "f", "g"}
