"""The costly results every first command needs, computed once when a store is built.

The embedded default store is built on first use (``stores.build_store``). Computing there,
in a few seconds, the twinning graph, its centralities (betweenness estimated, see
``network/estimates.py``), its overview (the home page's map), the whole store's
conflicts, the default listing of places, the regions of its cities (which tell
namesakes apart) and the partner model (arrays and fitted model, which a city page's
suggested partners read) lets the first ``network city``, home page, ``conflicts``, ``cities`` or
``city`` read them instead (``store.derived``). Any later write makes
them stale; the next call computes them again.
"""

from __future__ import annotations

from citydip.store.database import Store

CITIES_SHOWN = 50  # the listing ``citydip cities`` shows by default (cli/directory.py)


def warm_caches(store: Store) -> None:
    """Compute and keep the graph, its centralities and overview, the conflicts, the
    default listing of places, the regions of the cities and the partner model of
    ``store``."""
    from citydip.analysis.linkpred.suggest import prepare
    from citydip.analysis.listing import listed_cities
    from citydip.analysis.network.city import centralities
    from citydip.analysis.network.graph import build_network
    from citydip.analysis.network.overview import network_overview
    from citydip.knowledge.conflicts import find_conflicts
    from citydip.knowledge.regions import REGIONS, store_regions
    from citydip.store.derived import DerivedCache

    network = build_network(store)
    if network.edges:
        centralities(network)
        network_overview(store, network=network)
        prepare(store)
    find_conflicts(store, limit=0)
    listed_cities(store, None, "ties", CITIES_SHOWN)
    DerivedCache(store).put(REGIONS, store_regions(store))
