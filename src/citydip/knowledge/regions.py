"""A GeoNames place's first-level region by name ("Missouri" for Springfield, Missouri),
which tells namesakes apart in a city's profile.

The region's code comes from the gazetteer index; its name from the ISO 3166-2 data file
that pycountry ships, read as JSON: importing pycountry and loading its objects costs more
than the rest of a ``citydip city`` command.
"""

from __future__ import annotations

from functools import cache


def region_of(geonames_id: int) -> str | None:
    """The first-level region (state, province) of a GeoNames place, by name: "Missouri"
    for Springfield, Missouri; None when the index does not know it."""
    from citydip.knowledge.gazetteer_index import open_index

    row = (
        open_index()
        .execute("SELECT country, admin1 FROM place WHERE id = ?", (geonames_id,))
        .fetchone()
    )
    if row is None or not row[1] or not str(row[1]).isalpha():
        return None  # GeoNames' numeric admin1 codes are not ISO 3166-2 codes
    return subdivision_names().get(f"{row[0]}-{row[1]}".lower())


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
