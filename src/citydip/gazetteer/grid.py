"""Which countries lie at a point, roughly: a one-degree grid of where GeoNames has places.

Used to judge coordinates that come with imported rows (a web geocoder's guess): a point
is plausible for a country when that country has a populated place in its grid cell or a
neighbouring one. "Cambridge, United States" geocoded to Cambridge, England is not.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _grid() -> dict[tuple[int, int], frozenset[str]]:
    from citydip.gazetteer.index import open_index

    cells: dict[tuple[int, int], set[str]] = {}
    rows = open_index().execute(
        "SELECT DISTINCT CAST(floor(lat) AS INTEGER), CAST(floor(lon) AS INTEGER), country "
        "FROM place WHERE lat IS NOT NULL AND lon IS NOT NULL"
    )
    for lat, lon, country in rows:
        cells.setdefault((int(lat), int(lon)), set()).add(str(country))
    return {cell: frozenset(codes) for cell, codes in cells.items()}


def countries_near(lat: float, lon: float) -> frozenset[str]:
    """ISO codes of the countries with a place within about one degree of the point."""
    grid = _grid()
    base_lat, base_lon = int(lat // 1), int(lon // 1)
    found: set[str] = set()
    for d_lat in (-1, 0, 1):
        for d_lon in (-1, 0, 1):
            lon_cell = (base_lon + d_lon + 180) % 360 - 180
            found |= grid.get((base_lat + d_lat, lon_cell), frozenset())
    return frozenset(found)


def plausible(lat: float, lon: float, country: str | None) -> bool:
    """Whether a point can be in ``country`` (True when the country is unknown)."""
    if not country:
        return True
    return country in countries_near(lat, lon)
