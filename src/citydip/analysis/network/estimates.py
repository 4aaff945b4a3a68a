"""Sampled estimates of the statistics that need a shortest-path search from every node.

Betweenness, the diameter and the mean distance each cost one breadth-first search per
node: some 15 s on the world store's 20,000 places. On a graph (or largest component) of
more than ``EXACT_UP_TO`` nodes they are estimated from ``SOURCES`` source nodes drawn with
a fixed seed (so a graph always gives the same estimate), unless exact values are asked
for; on a smaller graph they are exact, as cheap as the estimate.

- Betweenness: Brandes and Pich's source sampling (2007): igraph's betweenness counted over
  the shortest paths from the sampled sources to every node, scaled by n / k; unbiased, and
  what a ranking needs (the best-placed places keep their ranks; far down the list, places
  with close values may swap).
- Mean distance: the mean, over the sampled sources, of each source's mean distance to
  every other node of the component (igraph's closeness of those sources), with its
  standard error. Unbiased: every source has the same number of targets.
- Diameter: a lower bound: the largest eccentricity among the sampled sources, then
  ``SWEEPS`` double sweeps (the farthest node from the last one reached, again), which in
  practice finds the true diameter of sparse graphs such as twinning networks.
"""

from __future__ import annotations

import math
import random
import statistics
from typing import Any

EXACT_UP_TO = 3000  # nodes: exact from every node at about the cost of the estimate
SOURCES = 500
SWEEPS = 4
SEED = 20130501


def sample_size(nodes: int, exact: bool = False) -> int | None:
    """How many sources to sample, or None for the exact value."""
    return None if exact or nodes <= EXACT_UP_TO else SOURCES


def _sources(nodes: int, k: int, seed: int) -> list[int]:
    return sorted(random.Random(seed).sample(range(nodes), k))


def betweenness(graph: Any, k: int | None, seed: int = SEED) -> list[float]:
    """Every node's betweenness: exact when ``k`` is None, else estimated from k sources."""
    n = graph.vcount()
    if k is None or k >= n:
        return list(graph.betweenness(directed=False))
    values = graph.betweenness(directed=False, sources=_sources(n, k, seed))
    return [v * n / k for v in values]


def betweenness_method(nodes: int, k: int | None) -> str:
    """How betweenness was computed, in words (empty when exact)."""
    if k is None or k >= nodes:
        return ""
    return (
        f"betweenness estimated from {k:,} of {nodes:,} source places "
        "(Brandes–Pich sampling, fixed seed)"
    )


def sampled_distances(
    component: Any, k: int, seed: int = SEED
) -> tuple[int, float | None, float | None]:
    """Diameter (a lower bound), mean distance and its standard error, of a connected
    graph, from ``k`` sampled sources and ``SWEEPS`` double sweeps."""
    n = component.vcount()
    if n < 2:
        return 0, None, None
    k = min(k, n)
    sample = _sources(n, k, seed)
    closeness = component.closeness(vertices=sample)
    means = [1.0 / c for c in closeness if c]
    mean = statistics.fmean(means)
    spread = statistics.stdev(means) if len(means) > 1 else 0.0
    stderr = spread / math.sqrt(len(means)) * math.sqrt(1 - len(means) / n)
    eccentricities = component.eccentricity(vertices=sample)
    best = max(range(len(sample)), key=lambda i: eccentricities[i])
    diameter, start = int(eccentricities[best]), sample[best]
    for _ in range(SWEEPS):
        row = component.distances(source=[start])[0]
        far = max(range(n), key=row.__getitem__)
        diameter = max(diameter, int(row[far]))
        start = far
    return diameter, mean, stderr


def distance_methods(nodes: int, k: int, stderr: float | None) -> dict[str, str]:
    """How the diameter and mean distance were estimated, in words."""
    within = f" ± {stderr:.3f} (standard error)" if stderr is not None else ""
    return {
        "diameter": (
            f"lower bound: the largest eccentricity of {k:,} of the {nodes:,} places of the "
            f"largest component and {SWEEPS} double sweeps"
        ),
        "mean_distance": f"estimated from {k:,} of {nodes:,} source places{within}",
    }
