"""The costly results every first command needs, computed once when a store is built.

The embedded default store is built on first use (``stores.build_store``); computing the
twinning graph, its centralities (betweenness estimated, see ``network/estimates.py``) and
the whole store's conflicts there, a few seconds, lets the first ``network city``, home
page or ``conflicts`` read them instead (``store.derived``). Any later write makes them
stale and the next call computes them again.
"""

from __future__ import annotations

from citydip.store.database import Store


def warm_caches(store: Store) -> None:
    """Compute and keep the graph, its centralities and the conflicts of ``store``."""
    from citydip.analysis.network.city import centralities
    from citydip.analysis.network.graph import build_network
    from citydip.knowledge.conflicts import find_conflicts

    network = build_network(store)
    if network.edges:
        centralities(network)
    find_conflicts(store, limit=0)
