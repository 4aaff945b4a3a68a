"""Whole-network statistics of the twinning graph, under the key names analysts use.

Every statistic is one igraph call (or one pass over the degree list); nothing is
computed twice. ``diameter`` and ``mean_distance`` (one all-pairs breadth-first search
over the largest component) are the heavy ones: ``heavy=False`` skips them (they are None and
named in ``skipped``). On a large component they are estimated from sampled sources unless
``exact`` (``estimates.py``); ``estimates`` then says how, per statistic.

The power-law fit of the degree tail is igraph's implementation of Clauset, Shalizi and
Newman (2009): the discrete maximum-likelihood exponent, ``xmin`` chosen to minimise the
Kolmogorov–Smirnov distance, and a goodness-of-fit p-value from ``P_SAMPLES`` synthetic
samples. α, ``xmin``, the KS distance and the likelihood are exact and repeatable; the
p-value is a Monte Carlo estimate (about ±0.05) that varies from run to run: igraph's plfit
draws the samples from its own generator, which no seed from Python reaches.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from citydip.analysis.network.estimates import distance_methods, sample_size, sampled_distances
from citydip.analysis.network.graph import Network
from citydip.progress import Progress, Steps

# p-value precision 0.05 → 0.25 / 0.05² = 100 synthetic samples
P_PRECISION = 0.05
P_SAMPLES = round(0.25 / P_PRECISION**2)
MIN_TAIL_POINTS = 50  # fewer degrees than this: no power-law fit is attempted
SEED = 20130501


@contextmanager
def seeded(seed: int = SEED) -> Iterator[None]:
    """igraph's random numbers from a seeded generator for the duration, then as before."""
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def network_stats(
    network: Network,
    heavy: bool = True,
    *,
    progress: Progress | None = None,
    exact: bool = False,
) -> dict[str, Any]:
    """nodes, edges, components, degrees, assortativity, clustering, distances, Gini, tail fit;
    each step is told to ``progress`` as it starts ("Computing …")."""
    step = Steps(progress, "Computing ")
    g = network.graph
    step("degrees and components")
    degrees: list[int] = g.degree()
    components = g.connected_components()
    sizes: list[int] = components.sizes()
    giant = components.giant() if sizes else g
    n, m = g.vcount(), g.ecount()
    step("assortativity and clustering")
    out: dict[str, Any] = {
        "nodes": n,
        "edges": m,
        "density": _finite(2 * m / (n * (n - 1))) if n > 1 else None,
        "components": len(sizes),
        "largest_component_nodes": max(sizes, default=0),
        "largest_component_edges": giant.ecount() if sizes else 0,
        "max_degree": max(degrees, default=0),
        "mean_degree": 2 * m / n if n else 0.0,
        "median_degree": _median(degrees),
        "degree_assortativity": _finite(g.assortativity_degree(directed=False)),
        "clustering_global": _finite(g.transitivity_undirected()),
        "clustering_average_local": _finite(g.transitivity_avglocal_undirected(mode="zero")),
        "triangles": len(g.list_triangles()),
        "degree_gini": gini(degrees),
    }
    step("power-law fit of the degree tail")
    out["power_law"] = fit_power_law(degrees)
    skipped: list[str] = []
    out["estimates"] = {}
    if heavy and sizes:
        k = sample_size(giant.vcount(), exact)
        if k is None:
            step("distances in the largest component")
            out["diameter"], out["mean_distance"] = distances(giant)
        else:
            step(f"distances in the largest component, from {k:,} sampled places")
            out["diameter"], out["mean_distance"], stderr = sampled_distances(giant, k)
            out["estimates"] = distance_methods(giant.vcount(), k, stderr)
    else:
        out["diameter"] = out["mean_distance"] = None
        skipped = ["diameter", "mean_distance"] if sizes else []
    out["skipped"] = skipped
    out["filters"] = network.filters.describe()
    step.finish()
    return out


def distances(graph: Any) -> tuple[int, float | None]:
    """Diameter and mean shortest-path length of a connected graph, from one BFS pass.

    igraph's path-length histogram walks every shortest path once; calling ``diameter``
    and ``average_path_length`` separately would walk them twice.
    """
    bins = [(int(start), int(count)) for start, _, count in graph.path_length_hist(False).bins()]
    pairs = sum(count for _, count in bins)
    if not pairs:
        return 0, None
    diameter = max(length for length, count in bins if count)
    return diameter, sum(length * count for length, count in bins) / pairs


def gini(values: Sequence[float]) -> float | None:
    """Gini coefficient of non-negative values (0 = all equal); None for none or all zero."""
    xs = sorted(values)
    total = sum(xs)
    if not xs or total <= 0:
        return None
    n = len(xs)
    weighted = sum((i + 1) * x for i, x in enumerate(xs))
    return 2 * weighted / (n * total) - (n + 1) / n


def fit_power_law(
    degrees: Sequence[int], xmin: int | None = None, min_points: int = MIN_TAIL_POINTS
) -> dict[str, Any] | None:
    """Discrete power-law fit of the positive degrees; None when there are too few."""
    import igraph

    data = [d for d in degrees if d > 0]
    if len(data) < min_points or len(set(data)) < 3:
        return None
    fit = igraph.power_law_fit(data, xmin=xmin, method="discrete", p_precision=P_PRECISION)
    x0 = int(fit.xmin)
    return {
        "alpha": fit.alpha,
        "xmin": x0,
        "tail_nodes": sum(1 for d in data if d >= x0),
        "ks_distance": fit.D,
        "p_value": fit.p,
        "p_value_samples": P_SAMPLES,
        "log_likelihood": fit.L,
        "method": "discrete MLE, KS-chosen xmin (Clauset et al. 2009)",
    }


def _median(values: Sequence[int]) -> float | None:
    if not values:
        return None
    xs = sorted(values)
    mid = len(xs) // 2
    return float(xs[mid]) if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def _finite(value: float) -> float | None:
    """A float, or None where the statistic is undefined (igraph answers NaN)."""
    return None if value is None or math.isnan(value) else float(value)
