"""The whole network at a glance: its size, how many places have each degree, the best-tied
places with coordinates (the home page's map) and every tie whose two ends have coordinates
(the map of every tie), kept in the store per revision."""

from __future__ import annotations

from collections import Counter
from typing import Any

from citydip.analysis.network.graph import GraphFilter, Network, build_network, require_ties
from citydip.store.database import Store
from citydip.store.derived import remember

KEY = "overview:v2"
HUBS = 400  # the best-tied mapped places the overview lists


def network_overview(
    store: Store, filters: GraphFilter | None = None, network: Network | None = None
) -> dict[str, Any]:
    """places, ties, filters, degree_counts (degree → places), hubs: the ``HUBS`` places
    with coordinates and the most partners, each ``[id, name, country, lat, lon, degree]``
    (most first, then by name), and lines: one ``[a, a_lat, a_lon, b, b_lat, b_lon, kind,
    status, start]`` per mapped tie. ``network`` is the store's graph under ``filters``, if
    it is at hand."""
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
    degrees = graph.degree()
    counts = Counter(degrees)
    mapped = [i for i in range(graph.vcount()) if lat[i] is not None and lon[i] is not None]
    ids, country = vs["id"], vs["country"]
    mapped.sort(key=lambda i: (-degrees[i], label[i], ids[i]))
    hubs = [[ids[i], label[i], country[i] or None, lat[i], lon[i], degrees[i]] for i in mapped]
    return {
        "places": network.nodes,
        "ties": network.edges,
        "filters": filters.describe(),
        "degree_counts": {str(k): v for k, v in sorted(counts.items())},
        "hubs": hubs[:HUBS],
        "lines": lines,
    }
