"""The whole network at a glance: its size, how many places have each degree, and every tie
whose two ends have coordinates (the home page's map), kept in the store per revision."""

from __future__ import annotations

from collections import Counter
from typing import Any

from citydip.analysis.network.graph import GraphFilter, Network, build_network, require_ties
from citydip.store.database import Store
from citydip.store.derived import remember

KEY = "overview:v1"


def network_overview(
    store: Store, filters: GraphFilter | None = None, network: Network | None = None
) -> dict[str, Any]:
    """places, ties, filters, degree_counts (degree → places) and lines: one
    ``[a, a_lat, a_lon, b, b_lat, b_lon, kind, status, start]`` per mapped tie. ``network``
    is the store's graph under ``filters``, if it is at hand."""
    filters = filters or GraphFilter()
    return remember(store, f"{KEY}:{filters.key()}", lambda: _overview(store, filters, network))


def _overview(store: Store, filters: GraphFilter, network: Network | None) -> dict[str, Any]:
    network = network or build_network(store, filters)
    require_ties(network, store)
    graph = network.graph
    vs = graph.vs
    label, lat, lon = vs["label"], vs["lat"], vs["lon"]
    lines = []
    for edge in graph.es:
        a, b = edge.source, edge.target
        if None in (lat[a], lon[a], lat[b], lon[b]):
            continue
        ends = [label[a], lat[a], lon[a], label[b], lat[b], lon[b]]
        lines.append([*ends, edge["kind"], edge["status"], edge["start"]])
    counts = Counter(graph.degree())
    return {
        "places": network.nodes,
        "ties": network.edges,
        "filters": filters.describe(),
        "degree_counts": {str(k): v for k, v in sorted(counts.items())},
        "lines": lines,
    }
