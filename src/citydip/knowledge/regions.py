"""A GeoNames place's first-level region by name ("Missouri" for Springfield, Missouri),
which tells namesakes apart in a city's profile.

A region is the place's admin-1 code (the gazetteer index's, which for a city is the
GeoNames cities file's) named by ISO 3166-2, from the data file pycountry ships, read as
JSON (importing pycountry costs more than the rest of a ``citydip city``). A new default
store keeps the regions of its cities (``regions:v1``, ``analysis.warm``): a profile reads
them, and a fresh install does not build the gazetteer index (minutes) to name a region.
Without them (a store written since), a city's region is read from the cities file when
the index is not built yet; anything else asks the index, built if missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citydip.store.database import Store

REGIONS = "regions:v1"  # store.derived: GeoNames id -> region (None: no named region)


def regions_of(store: Store, geonames_ids: Iterable[int]) -> dict[int, str | None]:
    """The regions of these GeoNames places: those the store keeps, else :func:`region_of`."""
    from citydip.store.derived import DerivedCache

    ids = list(geonames_ids)
    kept = DerivedCache(store).get(REGIONS) if ids else None
    known = kept if isinstance(kept, dict) else {}
    return {i: known[str(i)] if str(i) in known else region_of(i) for i in ids}


def store_regions(store: Store) -> dict[str, str | None]:
    """GeoNames id -> region of every place of the store that is a GeoNames city (admin
    units are left to the gazetteer index)."""
    from citydip.gazetteer.geonames import city

    rows = store.conn.execute(
        "SELECT DISTINCT geonames_id FROM entities WHERE type = 'place' "
        "AND geonames_id IS NOT NULL ORDER BY geonames_id"
    )
    found: dict[str, str | None] = {}
    for (geonames_id,) in rows:
        record = city(int(geonames_id))
        if record is not None:
            found[str(geonames_id)] = _named(record.country, record.admin1)
    return found


def region_of(geonames_id: int) -> str | None:
    """The first-level region (state, province) of a GeoNames place, by name: "Missouri"
    for Springfield, Missouri; None when the index does not know it."""
    from citydip.gazetteer.index import index_path, open_index

    if not index_path().exists():
        from citydip.gazetteer.geonames import search_city

        record = search_city(geonames_id)
        if record is not None:  # what the index will hold for a city
            return _named(record.country, record.admin1)
    row = (
        open_index()
        .execute("SELECT country, admin1 FROM place WHERE id = ?", (geonames_id,))
        .fetchone()
    )
    return None if row is None else _named(row[0], row[1])


def _named(country: str | None, admin1: str | None) -> str | None:
    if not admin1 or not str(admin1).isalpha():
        return None  # GeoNames' numeric admin1 codes are not ISO 3166-2 codes
    return subdivision_names().get(f"{country}-{admin1}".lower())


@cache
def subdivision_names() -> dict[str, str]:
    """ISO 3166-2 code (lower case, as pycountry looks it up) -> the subdivision's name."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pycountry")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "databases" / "iso3166-2.json"
        if path.is_file():
            rows = json.loads(path.read_text(encoding="utf-8"))["3166-2"]
            return {str(r["code"]).lower(): str(r["name"]) for r in rows}
    import pycountry  # another layout of the package: ask it

    return {str(s.code).lower(): str(s.name) for s in pycountry.subdivisions}
