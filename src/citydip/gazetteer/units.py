"""Admin units or places: which a name means, and city districts.

A step of :func:`citydip.gazetteer.match.find_candidates`: a name with a unit
word names the unit, a bare name the town (unless only a unit bears it), a unit around a
town of its name is that town, and a city district ("Budapest XIII", "Berlin – Pankow")
resolves to its city with ``unit="parent"``.
"""

from __future__ import annotations

import re
import sqlite3

from citydip.gazetteer.index import fold
from citydip.gazetteer.match import (
    Found,
    Place,
    Query,
    Unit,
    distance_km,
    in_region,
    lookup,
    weigh,
)
from citydip.gazetteer.words import _KIND_WORDS, _QUALIFIER

_DISTRICT_NUMBER = re.compile(r"^(.*?)\s+(?:[ivxlc]+|\d+)(?:\s.*)?$")


def units_or_places(
    rows: list[tuple[Place, bool]], unit: Unit, kind: str | None, worded: bool = False
) -> tuple[list[tuple[Place, bool]], Unit, str | None]:
    """Admin units or places, not both: a name with a unit word ("Krosno County") names the
    unit when one matches; a bare name ("Krosno") names the town, unless only a unit holds
    it as its own name ("Calabria"). A unit around a town of its name ("Yokohama-shi",
    "Kyiv", "Taipei City") is that town's municipality: the town, unless the name has a
    unit word (``worded``: "Yangpyeong-gun")."""
    units = [r for r in rows if r[0].kind == "admin"]
    places = [r for r in rows if r[0].kind != "admin"]
    if kind and len(units) > 1:  # "Kreis Kassel": the county, not the Regierungsbezirk
        from citydip.gazetteer.wider import level_of

        level = level_of(kind)
        units = [r for r in units if r[0].level == level] or units
    if not units:
        return places, unit, kind
    if unit == "seat" or not places:
        return units, "admin", kind or units[0][0].level
    if any(main and p.kind == "city" for p, main in places):
        return places, unit, kind
    # a unit outranks a village of its name and a town that only bears it as an alternate,
    # unless that town is a large city ("Karaganda": the city, not the oblast)
    cities = [r for r in places if r[0].kind == "city"]
    if any(p.population >= LARGE_CITY for p, _ in cities):
        return places, unit, kind
    held = [
        r
        for r in units
        if r[1]
        and (worded or not _holds_namesake(r[0], cities))
        and (worded or not cities or r[0].level != "admin unit")  # a unit of unknown kind
    ]
    if held:
        return held, "admin", kind or held[0][0].level
    return places, unit, kind


def _holds_namesake(unit: Place, places: list[tuple[Place, bool]]) -> bool:
    """Whether a town of the unit's name lies near the unit's centroid, or in the same
    first-level division when the unit is smaller (its municipality or raion)."""
    for p, _ in places:
        if p.country != unit.country:
            continue
        km = distance_km((p.lat, p.lon), (unit.lat, unit.lon))
        narrow = unit.level not in _WIDE_LEVELS and p.admin1 and p.admin1 == unit.admin1
        if km < 30.0 or (narrow and km < 150.0):
            return True
    return False


LARGE_CITY = 100_000
_WIDE_LEVELS = frozenset({"region", "state", "province"})


def town_of_unit(
    conn: sqlite3.Connection,
    query: Query,
    units: list[tuple[Place, bool]],
    variants: list[tuple[str, float, Unit, str | None]],
    scope: list[str] | None,
) -> Found | None:
    """A unit named like a town it holds, with a town word ("Taipei City"): the town, found
    under a later spelling of the name ("Taipei")."""
    for key, quality, unit, kind in variants:
        if kind is not None or unit != "place":
            continue
        near = [
            (p, main)
            for p, main in lookup(conn, key, scope)
            if p.kind == "city" and in_region(query, p) and _holds_namesake(p, units)
        ]
        if near:
            return Found([weigh(query, p, main, quality) for p, main in near], "place", None)
    return None


def district_of_city(
    conn: sqlite3.Connection, query: Query, found: list[tuple[Place, bool]], scope: list[str] | None
) -> Found | None:
    """A unit that is a city district ("Budapest XIII.", parent "Budapest"): the district
    of that city (``unit="parent"``), as for districts the data lacks."""
    parents = {p.parent for p, _ in found if p.parent}
    if len(parents) != 1 or any(p.level in _WIDE_LEVELS for p, _ in found):
        return None
    cities = [
        (p, main)
        for p, main in lookup(conn, fold(parents.pop() or ""), scope)
        if p.kind == "city" and main and p.population >= 100_000 and in_region(query, p)
    ]
    if not cities:
        return None
    return Found([weigh(query, p, main, 0.6) for p, main in cities], "parent", None)


def parent_city(
    conn: sqlite3.Connection, query: Query, scopes: list[list[str] | None]
) -> Found | None:
    """A city district not in GeoNames ("Berlin – Pankow", "Budapest XIII", "Seocho (Seoul)")
    resolves to the city that contains it, with ``unit="parent"``."""
    text = query.name
    parents: list[str] = []
    for dash in (" – ", " — ", " - "):
        if dash in text:
            parents.append(text.split(dash)[0])
    match = _QUALIFIER.match(text)
    if match and match.group(2) and fold(match.group(2)) not in _KIND_WORDS:
        parents.append(match.group(2))
    numbered = _DISTRICT_NUMBER.match(fold(text))
    if numbered:
        parents.append(numbered.group(1))
    for parent in parents:
        for scope in scopes:
            if scope == []:
                continue
            rows = [
                (p, m)
                for p, m in lookup(conn, fold(parent), scope)
                if in_region(query, p) and p.kind == "city"
            ]
            if rows:
                found = [weigh(query, p, main, 0.6) for p, main in rows]
                return Found(found, "parent", None)
    return None
