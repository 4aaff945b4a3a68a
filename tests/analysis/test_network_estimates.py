"""Sampled estimates of betweenness and distances (analysis/network/estimates.py) against
the exact values igraph computes from every node, and how the results say which they are."""

from __future__ import annotations

import math
from typing import Any

import igraph
import pytest

from citydip import api
from citydip.analysis.network import estimates
from citydip.analysis.network.stats import distances
from citydip.store import Store


@pytest.fixture(scope="module")
def big() -> Any:
    """A connected scale-free graph larger than EXACT_UP_TO, as twinning graphs are."""
    graph = igraph.Graph.Barabasi(estimates.EXACT_UP_TO + 1500, 2)
    assert graph.is_connected()
    return graph


def test_small_graphs_are_exact_and_large_ones_sampled() -> None:
    assert estimates.sample_size(estimates.EXACT_UP_TO) is None
    assert estimates.sample_size(estimates.EXACT_UP_TO + 1) == estimates.SOURCES
    assert estimates.sample_size(10**6, exact=True) is None
    assert estimates.betweenness_method(100, None) == ""


def test_sampled_betweenness_ranks_like_the_exact_one(big: Any) -> None:
    exact = big.betweenness(directed=False)
    sampled = estimates.betweenness(big, estimates.SOURCES)
    assert estimates.betweenness(big, estimates.SOURCES) == sampled  # fixed seed
    assert sampled != exact
    assert abs(sum(sampled) - sum(exact)) / sum(exact) < 0.1  # unbiased: the totals agree
    top = {v for v in sorted(range(len(exact)), key=lambda v: -exact[v])[:20]}
    found = {v for v in sorted(range(len(sampled)), key=lambda v: -sampled[v])[:20]}
    assert len(top & found) >= 15
    assert estimates.betweenness(big, None) == exact


def test_sampled_distances_bracket_the_exact_ones(big: Any) -> None:
    diameter, mean = distances(big)
    assert mean is not None
    low, estimate, stderr = estimates.sampled_distances(big, estimates.SOURCES)
    assert estimate is not None and stderr is not None and stderr > 0
    assert low <= diameter and low >= diameter - 1  # a lower bound, in practice the value
    assert math.isclose(estimate, mean, abs_tol=4 * stderr)


def test_world_results_say_what_is_estimated(world_store: Store) -> None:
    stats = api.network_stats(world_store).to_dict()
    assert set(stats["estimates"]) == {"diameter", "mean_distance"}
    assert "500 of" in stats["estimates"]["mean_distance"]
    city = api.network_city(world_store, "Taipei").to_dict()
    assert "500 of" in city["estimates"]["betweenness"]
    top = api.network_top(world_store, by="betweenness", limit=3)
    assert top.estimate and len(top.rows) == 3
    assert api.network_top(world_store, by="pagerank", limit=3).estimate == ""


def test_exact_values_on_request(store: Store) -> None:
    """The curated graph is small: exact without asking, and with --exact the same."""
    plain = api.network_stats(store).to_dict()
    exact = api.network_stats(store, exact=True).to_dict()
    assert plain["estimates"] == {} == exact["estimates"]
    assert plain["diameter"] == exact["diameter"] and plain["mean_distance"] is not None
    city = api.network_city(store, "Yokohama", exact=True).to_dict()
    assert city["estimates"] == {} and city["centrality"]["betweenness"]["value"] > 0
