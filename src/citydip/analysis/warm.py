"""The costly results every first command needs, computed once when a store is built.

The embedded default store is built on first use (``stores.build_store``). Computing there,
in a few seconds, the twinning graph, its centralities (betweenness estimated, see
``network/estimates.py``), its overview (the home page's map) and the whole store's
conflicts lets the first ``network city``, home page or ``conflicts`` read them instead
(``store.derived``). Any later write makes them stale; the next call computes them again.
"""

from __future__ import annotations

from citydip.store.database import Store


def warm_caches(store: Store) -> None:
    """Compute and keep the graph, its centralities, overview and conflicts of ``store``."""
    from citydip.analysis.network.city import centralities
    from citydip.analysis.network.graph import build_network
    from citydip.analysis.network.overview import network_overview
    from citydip.knowledge.conflicts import find_conflicts

    network = build_network(store)
    if network.edges:
        centralities(network)
        network_overview(store, network=network)
    find_conflicts(store, limit=0)
