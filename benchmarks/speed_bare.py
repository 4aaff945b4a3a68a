"""Yardsticks for benchmarks/speed.py, each run as a fresh process: bare igraph on an edge
list, computing the same statistics as ``citydip network stats`` or the same centralities as
``citydip network city`` (the same igraph calls, the same sampled sources, no citydip).

    python benchmarks/speed_bare.py stats EDGES [--exact]
    python benchmarks/speed_bare.py centralities EDGES [--exact]

EDGES is a text file: the number of nodes on its first line, then one ``a b`` pair of
vertex numbers per line (the store's graph, numbered as citydip numbers it). Prints the
figures as JSON (the suite checks they are citydip's).
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

SOURCES, EXACT_UP_TO, SWEEPS, SEED = 500, 3000, 4, 20130501  # as analysis/network/estimates


def read(path: str) -> Any:
    import igraph

    with open(path, encoding="utf-8") as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f]
    return igraph.Graph(n=n, edges=edges)


def sample(n: int, exact: bool) -> list[int] | None:
    if exact or n <= EXACT_UP_TO:
        return None
    return sorted(random.Random(SEED).sample(range(n), SOURCES))


def stats(g: Any, exact: bool) -> dict[str, Any]:
    import igraph

    degrees = g.degree()
    giant = g.connected_components().giant()
    xs = sorted(degrees)
    n = len(xs)
    out: dict[str, Any] = {
        "largest_component_nodes": giant.vcount(),
        "degree_assortativity": g.assortativity_degree(directed=False),
        "clustering_global": g.transitivity_undirected(),
        "clustering_average_local": g.transitivity_avglocal_undirected(mode="zero"),
        "triangles": len(g.list_triangles()),
        "degree_gini": 2 * sum((i + 1) * x for i, x in enumerate(xs)) / (n * sum(xs)) - (n + 1) / n,
        "alpha": igraph.power_law_fit(
            [d for d in degrees if d > 0], method="discrete", p_precision=0.05
        ).alpha,
    }
    sources = sample(giant.vcount(), exact)
    if sources is None:
        bins = [(int(s), int(c)) for s, _, c in giant.path_length_hist(False).bins()]
        out["diameter"] = max(length for length, c in bins if c)
        out["mean_distance"] = sum(length * c for length, c in bins) / sum(c for _, c in bins)
        return out
    out["mean_distance"] = sum(1 / c for c in giant.closeness(vertices=sources)) / len(sources)
    ecc = giant.eccentricity(vertices=sources)
    best = max(range(len(sources)), key=lambda i: ecc[i])
    diameter, start = int(ecc[best]), sources[best]
    for _ in range(SWEEPS):
        row = giant.distances(source=[start])[0]
        start = max(range(len(row)), key=row.__getitem__)
        diameter = max(diameter, int(row[start]))
    out["diameter"] = diameter
    return out


def centralities(g: Any, exact: bool) -> dict[str, Any]:
    n = g.vcount()
    sources = sample(n, exact)
    if sources is None:
        betweenness = g.betweenness(directed=False)
    else:
        betweenness = [v * n / len(sources) for v in g.betweenness(directed=False, sources=sources)]
    giant = max(g.connected_components(), key=len)
    eigen = g.subgraph(giant).eigenvector_centrality(scale=True)
    pagerank = g.pagerank(directed=False, damping=0.85)
    coreness = g.coreness()
    top = max(range(n), key=betweenness.__getitem__)
    return {
        "top_betweenness": top,
        "max_pagerank": max(pagerank),
        "max_eigenvector": max(eigen),
        "max_coreness": max(coreness),
    }


def main() -> None:
    what, path = sys.argv[1], sys.argv[2]
    exact = "--exact" in sys.argv[3:]
    g = read(path)
    result = stats(g, exact) if what == "stats" else centralities(g, exact)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
