"""Parsing a place query and finding weighted candidates in the gazetteer index.

See :mod:`citydip.gazetteer.resolver` for the whole procedure; this module holds its
steps: :func:`parse_query` (name, region and country out of the text) and
:func:`find_candidates` (name variants -> index rows -> weighted candidates).
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from citydip.gazetteer.countries import RELATED, Option
from citydip.gazetteer.index import fold, name_keys
from citydip.gazetteer.words import _KIND_WORDS, _QUALIFIER, _admin_word, _variants
from citydip.gazetteer.words import Unit as Unit
from citydip.gazetteer.words import strip_words as strip_words

FUZZY_CUTOFF = 92.0
# The weight of a place whose population is unknown: a village always below a cities500 town.
VILLAGE_WEIGHT = 10.0
CITY_MIN_WEIGHT = 200.0
ADMIN_MIN_WEIGHT = 1000.0
# An alternate name (a former name, a neighbourhood, an exonym) counts far less than a main one.
ALT_NAME_FACTOR = 0.15


@dataclass(frozen=True)
class Place:
    """A GeoNames populated place, a smaller place, or an admin unit (``kind="admin"``, at
    ``level``, inside ``parent``, located at its centroid).

    ``geonames_id`` is 0 when the place comes from data without GeoNames ids (postal places,
    some units): such a place is known by its name, country and position only.
    """

    name: str
    country: str
    admin1: str | None
    geonames_id: int
    lat: float
    lon: float
    population: int
    kind: str = "city"
    level: str | None = None
    parent: str | None = None


@dataclass
class Query:
    """A parsed query: the name as written, its context, and what could not be understood."""

    name: str
    countries: list[Option] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    admin1: set[tuple[str, str]] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    problem: str | None = None
    note: str | None = None


@dataclass
class Candidate:
    place: Place
    weight: float
    quality: float


@dataclass
class Found:
    candidates: list[Candidate]
    unit: Unit = "place"
    admin_kind: str | None = None
    reason: str | None = None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def country_options(conn: sqlite3.Connection, text: str) -> list[Option]:
    """A country name, alias or ISO code -> its options; [] when it is not a country."""
    key = fold(text)
    for prefix in ("in ", "the "):
        key = key.removeprefix(prefix)
    if not key:
        return []
    row = conn.execute("SELECT options FROM country WHERE key = ?", (key,)).fetchone()
    if row is None and len(key) > 4:
        row = _fuzzy_country(conn, key)
    if row is None:
        return []
    options: list[Option] = []
    for item in str(row[0]).split("|"):
        code, _, admin1 = item.partition(":")
        options.append((code, admin1 or None))
    return options


def _fuzzy_country(conn: sqlite3.Connection, key: str) -> tuple[str] | None:
    from rapidfuzz import fuzz, process

    keys = _country_keys(conn)
    hits = process.extract(key, list(keys), scorer=fuzz.ratio, score_cutoff=85, limit=2)
    if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]):
        return None
    return (keys[hits[0][0]],)


@lru_cache(maxsize=4)
def _country_keys(conn: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute("SELECT key, options FROM country")}


def parse_query(
    conn: sqlite3.Connection,
    name: str,
    country: str | None,
    region: str | None,
    near: tuple[float, float] | None,
) -> Query:
    """Split ``City, Region, Country`` and ``City (qualifier)``; look up country and region."""
    text = " ".join(str(name).split())
    parts = [p.strip() for p in text.split(",") if p.strip()] or [""]
    query = Query(parts[0])
    # Context, innermost first: parts of the name after the first, then region, then country.
    context = [(p, True) for p in parts[1:]]
    if region:
        context.extend((p.strip(), True) for p in region.split(",") if p.strip())
    if country:
        context.extend((p.strip(), False) for p in country.split(",") if p.strip())
    for item, in_text in context:
        options = [] if in_text and _is_state_code(conn, item) else country_options(conn, item)
        if options and not query.countries:
            query.countries = options
        elif options:
            outer = {code for code, _ in options}
            query.related.extend(c for c in outer if c not in query.related)
        else:
            query.regions.append(item)
    if country and not query.countries:
        query.note = f"country {country!r} not recognised; searched worldwide"
    if not fold(query.name) and not any(ch.isalnum() for ch in query.name):
        query.problem = "empty name" if not query.name.strip() else "no letters in name"
        return query
    for code, admin1 in query.countries:
        if admin1:
            query.admin1.add((code, admin1))
        query.related.extend(c for c in RELATED.get(code, ()) if c not in query.related)
    if near:
        query.points.append(near)
    qualified = _QUALIFIER.match(query.name)
    if qualified and qualified.group(1) and qualified.group(2).strip():
        # "Agarak (Meghri)", "Friedland (Brandenburg)": the qualifier is a region or a place
        qualifier = qualified.group(2).strip()
        key = fold(qualifier)
        if key not in _KIND_WORDS and not _admin_word(key) and qualifier not in query.regions:
            query.regions.append(qualifier)
    for item in query.regions:
        _add_region(conn, query, item)
    return query


def _is_state_code(conn: sqlite3.Connection, item: str) -> bool:
    """Two capital letters inside the name text ("Portland, OR") name a US state first."""
    if len(item) != 2 or not item.isupper():
        return False
    row = conn.execute("SELECT 1 FROM region WHERE key = ? AND country = 'US'", (fold(item),))
    return row.fetchone() is not None


def _add_region(conn: sqlite3.Connection, query: Query, text: str) -> None:
    """A region hint: a known first-level division, or a place whose surroundings count."""
    codes = [code for code, _ in query.countries]
    key = fold(text)
    rows = conn.execute("SELECT country, admin1 FROM region WHERE key = ?", (key,)).fetchall()
    rows = [r for r in rows if not codes or r[0] in codes]
    if rows:
        query.admin1.update((str(c), str(a)) for c, a in rows)
        if not query.countries:
            query.countries = [(str(c), None) for c in dict.fromkeys(r[0] for r in rows)]
        return
    sql = "SELECT p.lat, p.lon FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?"
    args: list[str] = [key]
    if codes:
        sql += f" AND n.country IN ({','.join('?' * len(codes))})"
        args.extend(codes)
    row = conn.execute(sql + " ORDER BY p.population DESC LIMIT 1", args).fetchone()
    if row:
        query.points.append((float(row[0]), float(row[1])))


def find_candidates(conn: sqlite3.Connection, query: Query) -> Found:
    """Weighted candidates for the first name variant that matches anything."""
    from citydip.gazetteer.units import (
        district_of_city,
        parent_city,
        town_of_unit,
        units_or_places,
    )

    variants = _variants(query.name)
    scopes: list[list[str] | None] = []
    codes = list(dict.fromkeys(code for code, _ in query.countries))
    scopes = [codes, [c for c in query.related if c not in codes]] if codes else [None]
    for scope in scopes:
        if scope == []:
            continue
        for key, quality, unit, kind in variants:
            rows = [(p, main) for p, main in lookup(conn, key, scope) if in_region(query, p)]
            if kind in _US_UNITS and scope and "US" in scope:
                # a US county's namesake town is seldom in it, nor its seat: the county only
                rows = [(p, main) for p, main in rows if p.kind == "admin"]
            worded = any(v[3] for v in variants)  # a unit word in the name as written
            rows, found_unit, found_kind = units_or_places(rows, unit, kind, worded)
            if rows and found_unit == "admin":
                if not worded:
                    later = variants[variants.index((key, quality, unit, kind)) + 1 :]
                    town = town_of_unit(conn, query, rows, later, scope)
                    if town is not None:
                        return town
                district = district_of_city(conn, query, rows, scope)
                if district is not None:
                    return district
            if rows:
                rows = own_names_first(rows)
                return Found(
                    [weigh(query, p, main, quality) for p, main in rows], found_unit, found_kind
                )
    parent = parent_city(conn, query, scopes)
    if parent is not None:
        return parent
    where = f" in {'/'.join(codes)}" if codes else ""
    if query.admin1:
        where += f" (region {'/'.join(sorted(a for _, a in query.admin1))})"
    if codes:
        keys = name_keys(query.name)
        fuzzy = _fuzzy(conn, keys[-1], codes) if keys else []
        weighed = [weigh(query, p, True, q) for p, q in fuzzy if in_region(query, p)]
        if weighed:
            return Found(weighed)
    if not query.name.strip():
        return Found([], reason="empty name")
    return Found([], reason=f"no place named {query.name!r}{where}")


# Countries whose region names map to GeoNames admin-1 codes from curated tables, not guesses.
_RELIABLE_REGIONS = frozenset({"US", "GB", "CA", "AU", "DE", "AT", "PL"})
_US_UNITS = frozenset({"county", "parish", "borough", "township", "county of"})


# A town whose own (main) name a query is, and at least this populous, outranks the bigger
# places that name is only an alternate name of, in its country: "Turi" is Turi in Apulia,
# not Turin; "Hudson" is one of the Hudsons, not Jersey City.
OWN_NAME_MIN_POPULATION = 1_000


def own_names_first(rows: list[tuple[Place, bool]]) -> list[tuple[Place, bool]]:
    """Drop towns matched by an alternate name in a country where a town bears the name as
    its own (docs/gazetteer.md)."""
    owners = {
        p.country
        for p, main in rows
        if main and p.kind == "city" and p.population >= OWN_NAME_MIN_POPULATION
    }
    if not owners:
        return rows
    return [(p, main) for p, main in rows if main or p.kind != "city" or p.country not in owners]


def in_region(query: Query, place: Place) -> bool:
    """A place in a country whose region was given must be in that region."""
    constrained = {code for code, _ in query.admin1 if code in _RELIABLE_REGIONS}
    return place.country not in constrained or (place.country, place.admin1 or "") in query.admin1


def lookup(conn: sqlite3.Connection, key: str, scope: list[str] | None) -> list[tuple[Place, bool]]:
    """Places holding the name key; a downloaded dump's row replaces the packaged one."""
    from citydip.gazetteer.index import has_dump

    found: dict[int, tuple[Place, bool]] = {}
    for schema in ("dump", "main") if has_dump(conn) else ("main",):
        sql = (
            "SELECT p.name, p.country, p.admin1, p.id, p.lat, p.lon, p.population, p.kind, "
            f"p.level, p.parent, MAX(n.main) FROM {schema}.name n "
            f"JOIN {schema}.place p ON p.id = n.place WHERE n.key = ?"
        )
        args: list[str] = [key]
        if scope:
            sql += f" AND n.country IN ({','.join('?' * len(scope))})"
            args.extend(scope)
        for row in conn.execute(sql + " GROUP BY p.id LIMIT 500", args).fetchall():
            found.setdefault(int(row[3]), (_place(row), bool(row[10])))
    return list(found.values())


def _place(row: tuple[object, ...]) -> Place:
    name, country, admin1, gid, lat, lon, population, kind, level, parent = row[:10]
    return Place(
        str(name),
        str(country),
        str(admin1) if admin1 else None,
        max(int(gid), 0),  # type: ignore[call-overload]
        float(lat),  # type: ignore[arg-type]
        float(lon),  # type: ignore[arg-type]
        int(population),  # type: ignore[call-overload]
        str(kind),
        str(level) if level else None,
        str(parent) if parent else None,
    )


def weigh(query: Query, place: Place, main: bool, quality: float) -> Candidate:
    if place.kind == "village":
        base = VILLAGE_WEIGHT
    elif place.kind == "admin":
        base = max(float(place.population), ADMIN_MIN_WEIGHT)
    else:
        base = max(float(place.population), CITY_MIN_WEIGHT)
    weight = base * (1.0 if main else ALT_NAME_FACTOR)
    if query.admin1 and (place.country, place.admin1 or "") in query.admin1:
        weight *= 50.0
    for point in query.points:
        weight *= 1.0 + 49.0 * math.exp(-distance_km(point, (place.lat, place.lon)) / 50.0)
    return Candidate(place, weight * quality, quality)


def _fuzzy(conn: sqlite3.Connection, key: str, codes: list[str]) -> list[tuple[Place, float]]:
    from rapidfuzz import fuzz, process

    out: list[tuple[Place, float]] = []
    for code in codes:
        keys, ids = _country_names(conn, code)
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5)
        if not hits:
            continue
        best = hits[0][1]
        for _, score, index in hits:
            if score >= best - 1.0:
                row = conn.execute(
                    "SELECT name, country, admin1, id, lat, lon, population, kind, level, "
                    "parent FROM place WHERE id = ?",
                    (ids[index],),
                ).fetchone()
                out.append((_place(row), score / 100.0 * 0.75))
    return out


@lru_cache(maxsize=64)
def _country_names(conn: sqlite3.Connection, code: str) -> tuple[list[str], list[int]]:
    rows = conn.execute(
        "SELECT key, id FROM place WHERE country = ? AND kind = 'city'", (code,)
    ).fetchall()
    return [str(r[0]) for r in rows], [int(r[1]) for r in rows]
