"""citydip: a sourced, offline city-diplomacy observatory.

>>> import citydip
>>> store = citydip.open_db()          # the embedded default store
>>> citydip.compare_cities(store, ["Yokohama", "Taipei"]).to_dict()["dimensions"][0]["key"]
'core_focus'
"""

from __future__ import annotations

from citydip.lazy import lazy_exports

__version__ = "0.1.0"

__all__ = [
    "CitydipError",
    "bibliography",
    "briefing",
    "city_profile",
    "compare_cities",
    "list_conflicts",
    "open_db",
    "open_store",
    "organization_members",
    "rebuild",
    "search_cities",
    "update_wikidata",
]

_LAZY = {
    "CitydipError": "citydip.errors",
    "bibliography": "citydip.api",
    "briefing": "citydip.api",
    "city_profile": "citydip.api",
    "compare_cities": "citydip.api",
    "list_conflicts": "citydip.api",
    "open_db": "citydip.stores",
    "open_store": "citydip.store",
    "organization_members": "citydip.api",
    "rebuild": "citydip.stores",
    "search_cities": "citydip.api",
    "update_wikidata": "citydip.api",
}


__getattr__ = lazy_exports(__name__, _LAZY)
