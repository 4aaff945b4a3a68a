"""A downloaded GeoNames dump: where it lives, what it holds, and its rows for the index.

``citydip data download geonames`` (:mod:`citydip.gazetteer.download`) puts the
dump files under ``data_home()/geonames/`` with a ``manifest.json`` naming each verified
file (size, SHA-256) and the countries covered. The gazetteer index is named by the
manifest's digest, so a new download builds a new index and the old one stays usable
until then. Rows read here (GeoNames ``geoname`` table format, tab-separated):

    0 geonameid  1 name  2 asciiname  3 alternatenames  4 latitude  5 longitude
    6 feature class  7 feature code  8 country code  9 cc2  10 admin1  11 admin2
    12 admin3  13 admin4  14 population  ...

Populated places (class P) and admin units (class A, ADM1-ADM5 and ADMD) are indexed; a
dump row replaces the packaged row with the same GeoNames id.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citydip.progress import Progress

MANIFEST = "manifest.json"
DUMP_BUILDING = "Indexing the GeoNames download"  # the task its index build reports
_LEVELS = {
    "ADM1": "region",
    "ADM2": "county",
    "ADM3": "municipality",
    "ADM4": "municipality",
    "ADM5": "district",
    "ADMD": "district",
}
# alternateNames rows in these "languages" are links, codes or postcodes, not names.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"})


@dataclass
class Manifest:
    """What a GeoNames download holds: verified files and the countries they cover."""

    files: dict[str, dict[str, int | str]] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    all_countries: bool = False
    source: str = ""
    downloaded: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "countries": self.countries,
            "all_countries": self.all_countries,
            "source": self.source,
            "downloaded": self.downloaded,
        }


def dump_dir() -> Path:
    from citydip.paths import data_home

    return data_home() / "geonames"


def read_manifest(folder: Path | None = None) -> Manifest | None:
    """The manifest of the current download, or None when there is none (or it is unreadable)."""
    path = (folder or dump_dir()) / MANIFEST
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(
            dict(raw["files"]),
            list(raw["countries"]),
            bool(raw["all_countries"]),
            str(raw.get("source", "")),
            str(raw.get("downloaded", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def dump_index_path() -> Path | None:
    """Where the index of the current download lives; None without a download."""
    from citydip.gazetteer.index import INDEX_VERSION

    digest = dump_digest()
    return dump_dir() / f"index-v{INDEX_VERSION}-{digest}.sqlite" if digest else None


def build_dump_index(path: Path, *, progress: Progress | None = None) -> Path:
    """Build the index of the downloaded dump at ``path`` (the gazetteer index's tables),
    atomically; the previous download's index stays until this one is complete. The work
    done is told to ``progress`` (task ``DUMP_BUILDING``)."""
    import os

    from citydip.errors import StoreError
    from citydip.gazetteer.index import INDEX_VERSION, SCHEMA, RowCount

    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with RowCount(progress, DUMP_BUILDING) as tick:
            conn = sqlite3.connect(tmp)
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            names: list[tuple[str, str, int, int]] = []
            count = write_dump(conn, names, tick)
            names.sort()
            conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", names)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("version", str(INDEX_VERSION)), ("places", str(count))],
            )
            conn.commit()
            conn.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot build the GeoNames download's index: {exc}") from exc
    return path


def dump_digest() -> str | None:
    """A short digest of the downloaded files (part of the index's name), None without any."""
    manifest = read_manifest()
    if manifest is None or not manifest.files:
        return None
    text = json.dumps(manifest.files, sort_keys=True).encode()
    return hashlib.sha256(text).hexdigest()[:12]


def write_dump(
    conn: sqlite3.Connection, names: list[tuple[str, str, int, int]], tick: Callable[[], None]
) -> int:
    """Insert the downloaded dump's places and units into the index being built; their name
    keys go to ``names``. Returns the number of rows written (0 without a download)."""
    from citydip.gazetteer.index import name_keys
    from citydip.gazetteer.wider import stems

    manifest = read_manifest()
    if manifest is None:
        return 0
    folder = dump_dir()
    parents = _admin_names(folder)
    alternates = _alternate_names(folder, manifest)
    count = 0
    for row in _geoname_rows(folder, manifest):
        gid, name, country = int(row[0]), row[1], row[8]
        fclass, fcode, population = row[6], row[7], int(row[14] or 0)
        if fclass == "A":
            kind, level = "admin", _LEVELS[fcode]
            depth = int(fcode[3]) if fcode[3].isdigit() else 4
            code = ".".join([country, *[c for c in row[10 : 10 + min(depth, 4)] if c]])
            parent = parents.get(code.rsplit(".", 1)[0]) if "." in code else None
        else:
            kind, level, parent = ("city" if population else "village"), None, None
        keys = name_keys(name)
        conn.execute(
            "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                gid,
                name,
                keys[-1] if keys else "",
                country,
                row[10] or None,
                float(row[4]),
                float(row[5]),
                population,
                kind,
                level,
                parent,
            ),
        )
        found = dict.fromkeys(keys, 1)
        for alternate in [*row[3].split(","), *alternates.get(gid, ())]:
            if alternate and not (len(alternate) <= 4 and alternate.isupper()):
                for key in name_keys(alternate):
                    found.setdefault(key, 0)
        if kind == "admin":
            for key in stems(name):
                found.setdefault(key, 0)
        names.extend((key, country, gid, main) for key, main in found.items())
        count += 1
        if count % 100000 == 0:
            tick()
    return count


def _geoname_rows(folder: Path, manifest: Manifest) -> Iterator[list[str]]:
    archives = (
        ["allCountries.zip"]
        if manifest.all_countries
        else [f"{code}.zip" for code in manifest.countries]
    )
    for archive in archives:
        for line in _lines(folder / archive, archive.replace(".zip", ".txt")):
            row = line.split("\t")
            if len(row) < 15:
                continue
            if row[6] == "P" or (row[6] == "A" and row[7] in _LEVELS):
                yield row


def _lines(path: Path, member: str) -> Iterator[str]:
    with zipfile.ZipFile(path) as archive, archive.open(member) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            yield line.rstrip("\r\n")


def _admin_names(folder: Path) -> dict[str, str]:
    """admin1CodesASCII.txt and admin2Codes.txt: "DE.05" -> "Hesse"."""
    out: dict[str, str] = {}
    for name in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        path = folder / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) >= 2:
                    out[parts[0]] = parts[1]
    return out


def _alternate_names(folder: Path, manifest: Manifest) -> dict[int, list[str]]:
    """alternateNames rows (id, geonameid, language, name, ...) -> names by GeoNames id."""
    sources = (
        [("alternateNamesV2.zip", "alternateNamesV2.txt")]
        if manifest.all_countries
        else [(f"alternatenames/{c}.zip", f"{c}.txt") for c in manifest.countries]
    )
    out: dict[int, list[str]] = {}
    for archive, member in sources:
        if archive not in manifest.files:
            continue
        for line in _lines(folder / archive, member):
            parts = line.split("\t")
            if len(parts) >= 4 and parts[2] not in _NOT_NAMES:
                out.setdefault(int(parts[1]), []).append(parts[3])
    return out
