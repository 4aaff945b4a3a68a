"""The partner model's evaluation on graphs small enough to compute by hand."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from citydip.analysis.linkpred.arrays import GraphArrays, arrays_from_graph
from citydip.analysis.linkpred.evaluate import (
    _query_metrics,
    auc,
    evaluate,
    pair_aucs,
    rank_metrics,
)
from citydip.analysis.linkpred.features import (
    FEATURES,
    context,
    neighbour_scores,
    source_features,
)
from citydip.analysis.linkpred.model import fit_model, fixed_model, hide_ties
from citydip.errors import InvalidInput

# 0-1, 0-2, 1-3, 2-3, 3-4, 4-5 (a square 0-1-3-2 with a tail 3-4-5); hidden: 0-3
TRAIN = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5)]


def graph(
    n: int, edges: list[tuple[int, int]], coords: list[tuple[float, float]] | None = None
) -> Any:
    import igraph

    g = igraph.Graph(n=n, edges=edges)
    g.vs["id"] = [f"p{i}" for i in range(n)]
    g.vs["label"] = [f"Place {i}" for i in range(n)]
    g.vs["country"] = ["FR" if i % 2 else "DE" for i in range(n)]
    g.vs["continent"] = ["Europe"] * n
    points = coords or [(45.0 + i, 5.0 + i) for i in range(n)]
    g.vs["lat"] = [p[0] for p in points]
    g.vs["lon"] = [p[1] for p in points]
    g.vs["population"] = [10_000 * (i + 1) for i in range(n)]
    g.vs["port"] = [False] * n
    g.vs["capital"] = [False] * n
    g.vs["level"] = ["city"] * n
    g.es["start"] = [None] * len(edges)
    return g


def small() -> GraphArrays:
    return arrays_from_graph(graph(6, TRAIN))


def test_auc_counts_pairs_and_half_ties() -> None:
    # 3 beats 2 and 1; 1 loses to 2 and ties 1: (1 + 1 + 0 + 0.5) / 4
    assert auc(np.array([3.0, 1.0]), np.array([2.0, 1.0])) == pytest.approx(0.625)
    assert auc(np.array([1.0]), np.array([1.0])) == pytest.approx(0.5)
    assert auc(np.array([5.0, 4.0]), np.array([-np.inf, 0.0])) == pytest.approx(1.0)


def test_common_partners_adamic_adar_resource_allocation_by_hand() -> None:
    ctx = context(small())
    cn, aa, ra = neighbour_scores(ctx, 0)
    # 0's partners are 1 and 2 (degree 2 each); both are partners of 3
    assert cn.tolist() == [0, 0, 0, 2, 0, 0]
    assert aa[3] == pytest.approx(2 / np.log(2))
    assert ra[3] == pytest.approx(1.0)
    rows = source_features(ctx, 3)
    assert rows.shape == (6, len(FEATURES))
    hops = rows[:, FEATURES.index("hops")]
    assert hops.tolist() == [2, 1, 1, 0, 1, 2]


def test_ranking_metrics_by_hand() -> None:
    ctx = context(small())
    held = np.array([[0, 3]])
    ranking, queries = rank_metrics(ctx, fixed_model(), held, np.random.default_rng(0))
    # Place 0 ranks 3, 4, 5 (common partners 2, 0, 0): 3 first. Place 3 ranks 0 and 5
    # (common partners 2 and 1): 0 first. One hit in the top ten, one hidden partner each.
    assert queries == 2
    assert ranking["common_neighbours"] == pytest.approx((0.1, 1.0, 1.0))
    # Degree products: for 0 (degree 2), 3 (degree 3) beats 4 (2) and 5 (1); for 3,
    # 0 (degree 2) beats 5 (degree 1)
    assert ranking["preferential_attachment"] == pytest.approx((0.1, 1.0, 1.0))


def test_query_metrics_rank_and_exclude() -> None:
    score = np.array([9.0, 5.0, 7.0, 1.0, 3.0])
    excluded = np.array([True, False, False, False, False])
    # place 0 is excluded (already tied); place 3 ranks 4th of the rest, place 2 first
    p10, r10, rr = _query_metrics(score, excluded, np.array([3]), np.zeros(5))
    assert (p10, r10, rr) == pytest.approx((0.1, 1.0, 0.25))
    p10, r10, rr = _query_metrics(score, excluded, np.array([3, 2]), np.zeros(5))
    assert (p10, r10, rr) == pytest.approx((0.2, 1.0, 1.0))


def test_auc_of_baselines_by_hand() -> None:
    ctx = context(small())
    positives = np.array([[0, 3]])
    negatives = np.array([[1, 2], [0, 5]])
    aucs = pair_aucs(ctx, fixed_model(), positives, negatives)
    # common partners: 0-3 has 2; 1-2 has 2 (a tie: one half); 0-5 has 0
    assert aucs["common_neighbours"] == pytest.approx(0.75)
    # degree products: 0-3 is 2·3 = 6; 1-2 is 2·2 = 4; 0-5 is 2·1 = 2
    assert aucs["preferential_attachment"] == pytest.approx(1.0)
    # distances: coordinates step one degree per place, so 0-3 is farther than 1-2
    assert aucs["geographic_distance"] == pytest.approx(0.5)


def test_hiding_never_takes_a_place_s_last_tie() -> None:
    arrays = small()
    test, train = hide_ties(arrays, 6, np.random.default_rng(3))
    kept = arrays.with_edges(arrays.edges[train])
    assert (kept.degree >= 1).all()
    assert sorted(test.tolist() + train.tolist()) == list(range(6))


def _random_geometric(n: int, seed: int) -> GraphArrays:
    rng = np.random.default_rng(seed)
    lat = rng.uniform(40, 55, n)
    lon = rng.uniform(-5, 20, n)
    edges = set()
    for i in range(n):
        near = np.argsort((lat - lat[i]) ** 2 + (lon - lon[i]) ** 2)[1:5]
        for j in near[: rng.integers(1, 4)]:
            edges.add((min(i, int(j)), max(i, int(j))))
    return arrays_from_graph(graph(n, sorted(edges), list(zip(lat, lon, strict=True))))


def test_evaluation_is_deterministic_and_beats_chance() -> None:
    arrays = _random_geometric(300, 7)
    first = evaluate(arrays, 0.1, 0).to_dict()
    assert evaluate(arrays, 0.1, 0).to_dict() == first
    assert evaluate(arrays, 0.1, 1).to_dict() != first
    model = first["random"]["methods"]["model"]
    # a graph of near neighbours: distance and shared partners find hidden ties
    assert model["auc"] > 0.8
    assert first["random"]["methods"]["geographic_distance"]["auc"] > 0.8
    assert first["temporal"] is None and "start year" in first["temporal_note"]


def test_model_is_fitted_on_the_graph_it_is_given() -> None:
    arrays = _random_geometric(300, 7)
    assert fit_model(arrays, 0) == fit_model(arrays, 0)
    assert fit_model(arrays, 0) != fit_model(arrays.with_edges(arrays.edges[:-40]), 0)
    assert fit_model(small(), 0) == fixed_model()  # too few ties to fit


def test_too_small_to_evaluate() -> None:
    with pytest.raises(InvalidInput, match="too few ties to evaluate"):
        evaluate(small(), 0.1, 0)
    with pytest.raises(InvalidInput, match="holdout"):
        evaluate(small(), 1.5, 0)


def test_temporal_split_hides_the_latest_ties() -> None:
    arrays = _random_geometric(300, 11)
    years = [1950 + (i * 7) % 70 for i in range(len(arrays.edges))]
    dated = arrays.with_edges(arrays.edges, years)
    result = evaluate(dated, 0.1, 0).to_dict()
    cut = int(np.quantile(years, 0.9))
    assert result["temporal"] is not None
    assert result["temporal"]["held_out"] == sum(1 for y in years if y >= cut)
    assert f"from {cut} on" in result["temporal_note"]
    assert set(result["temporal"]["methods"]) == set(result["random"]["methods"])
