"""The costly results every first command needs, computed once when a store is built.

The embedded default store is built on first use (``stores.build_store``). Computing there,
in a few seconds, the twinning graph, its centralities (betweenness estimated, see
``network/estimates.py``), its overview (the home page's map), the whole store's
conflicts and the default listing of places lets the first ``network city``, home page,
``conflicts`` or ``cities`` read them instead (``store.derived``). Any later write makes
them stale; the next call computes them again.
"""

from __future__ import annotations

from citydip.store.database import Store

CITIES_SHOWN = 50  # the listing ``citydip cities`` shows by default (cli/directory.py)


def warm_caches(store: Store) -> None:
    """Compute and keep the graph, its centralities and overview, the conflicts and the
    default listing of places of ``store``."""
    from citydip.analysis.listing import listed_cities
    from citydip.analysis.network.city import centralities
    from citydip.analysis.network.graph import build_network
    from citydip.analysis.network.overview import network_overview
    from citydip.knowledge.conflicts import find_conflicts

    network = build_network(store)
    if network.edges:
        centralities(network)
        network_overview(store, network=network)
    find_conflicts(store, limit=0)
    listed_cities(store, None, "ties", CITIES_SHOWN)
