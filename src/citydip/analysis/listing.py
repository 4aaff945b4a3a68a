"""Listings of the store's places without a search text, kept per store revision.

``citydip cities`` with no text lists every place by tie count: one SQL query over every
tie claim (``directory.search_cities``), some 150 ms on the world store. Such a listing
depends only on its country, order, limit and district merging, so it is kept in the
store (``store.derived``) until the next write; a listing by text is always computed.
"""

from __future__ import annotations

from typing import Any

from citydip.analysis.directory import CityHit, CitySearch, search_cities
from citydip.store.database import Store
from citydip.store.derived import remember


def listed_cities(
    store: Store,
    country: str | None = None,
    sort: str = "ties",
    limit: int | None = None,
    merge_districts: bool = False,
) -> CitySearch:
    """``search_cities`` without a search text, computed once per store revision."""

    def load(data: dict[str, Any]) -> CitySearch:
        return CitySearch([CityHit(**h) for h in data["hits"]], int(data["total"]))

    def compute() -> CitySearch:
        return search_cities(store, None, country, sort, limit, merge_districts)

    key = f"cities:v1:{country}:{sort}:{limit}:{int(merge_districts)}"
    return remember(store, key, compute, lambda found: found.to_dict(), load)
