"""The pages of a world Wikidata P190 fetch: the paged SPARQL query and the folder that keeps them.

``citydip update wikidata`` asks the query service for every P190 statement, a page at a
time, ordered by the statement's URI (a stable key): page n+1 asks for the statements whose
key comes after the last key of page n (keyset paging, so a statement added or removed
meanwhile shifts nothing). Each page is saved as it arrived in a folder under the citydip
data folder, with ``manifest.json`` saying which query it belongs to, how many statements
there are and which pages are in; an interrupted fetch continues after its last page.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citydip.errors import ImportFailed

QUERY_VERSION = 1  # change it when the query changes: saved pages of another query are dropped
MANIFEST = "manifest.json"

# The query service declares these itself; other endpoints (mirrors) may not.
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX pr: <http://www.wikidata.org/prop/reference/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX bd: <http://www.bigdata.com/rdf#>
"""

# A statement counts when its value is an item: "unknown value" (a blank node) is left out.
COUNT_QUERY = (
    PREFIXES
    + """SELECT (COUNT(?statement) AS ?statements) WHERE {
  ?city p:P190 ?statement .
  ?statement ps:P190 ?partner .
  FILTER(STRSTARTS(STR(?partner), "http://www.wikidata.org/entity/Q"))
  MINUS { ?statement wikibase:rank wikibase:DeprecatedRank }
}"""
)

PAGE_QUERY = (
    PREFIXES
    + """SELECT ?statement ?city ?cityLabel ?cityCountry ?cityCoord ?cityGeonames
       ?partner ?partnerLabel ?partnerCountry ?partnerCoord ?partnerGeonames
       ?start ?startPrecision ?end ?endPrecision ?endCause ?endCauseLabel
       ?role ?roleLabel ?ref ?statedIn ?retrieved WHERE {
  {
    SELECT ?statement ?city ?partner WHERE {
      ?city p:P190 ?statement .
      ?statement ps:P190 ?partner .
      FILTER(STRSTARTS(STR(?partner), "http://www.wikidata.org/entity/Q"))
      MINUS { ?statement wikibase:rank wikibase:DeprecatedRank }
      BIND(STR(?statement) AS ?key)
      FILTER(?key > "__AFTER__")
    }
    ORDER BY ?key
    LIMIT __LIMIT__
  }
  OPTIONAL { ?statement pqv:P580 [ wikibase:timeValue ?start ;
                                   wikibase:timePrecision ?startPrecision ] }
  OPTIONAL { ?statement pqv:P582 [ wikibase:timeValue ?end ;
                                   wikibase:timePrecision ?endPrecision ] }
  OPTIONAL { ?statement pq:P1534 ?endCause }
  OPTIONAL { ?statement pq:P3831 ?role }
  OPTIONAL { ?statement prov:wasDerivedFrom ?reference .
             OPTIONAL { ?reference pr:P854 ?ref }
             OPTIONAL { ?reference pr:P248 ?statedIn }
             OPTIONAL { ?reference pr:P813 ?retrieved } }
  OPTIONAL { ?city wdt:P17 ?cityCountryItem . ?cityCountryItem wdt:P297 ?cityCountry }
  OPTIONAL { ?city wdt:P625 ?cityCoord }
  OPTIONAL { ?city wdt:P1566 ?cityGeonames }
  OPTIONAL { ?partner wdt:P17 ?partnerCountryItem .
             ?partnerCountryItem wdt:P297 ?partnerCountry }
  OPTIONAL { ?partner wdt:P625 ?partnerCoord }
  OPTIONAL { ?partner wdt:P1566 ?partnerGeonames }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,mul". }
}"""
)


def page_query(after: str, limit: int) -> str:
    """The query for the ``limit`` statements whose key comes after ``after``."""
    escaped = after.replace("\\", "\\\\").replace('"', '\\"')
    return PAGE_QUERY.replace("__AFTER__", escaped).replace("__LIMIT__", str(int(limit)))


def fetch_key(endpoint: str, page_size: int) -> str:
    """What saved pages must share to be continued: the endpoint, query and page size."""
    text = json.dumps([QUERY_VERSION, PAGE_QUERY, endpoint, page_size])
    return hashlib.sha1(text.encode()).hexdigest()[:16]


@dataclass
class PageInfo:
    """One saved page: its file, the key it started after, its last key and its size."""

    number: int
    file: str
    after: str
    last: str
    statements: int
    rows: int
    sha1: str


@dataclass
class Manifest:
    """What a fetch has done so far (``manifest.json``)."""

    key: str
    endpoint: str
    page_size: int
    started: str
    total: int | None = None  # statements, from the count query
    pages: list[PageInfo] = field(default_factory=list)
    complete: bool = False  # every page is in
    imported: str | None = None  # when the pages went into a store (then they are removed)

    @property
    def after(self) -> str:
        return self.pages[-1].last if self.pages else ""

    @property
    def statements(self) -> int:
        return sum(p.statements for p in self.pages)


class PageFolder:
    """The folder of one fetch: pages ``page-0001.json``… and ``manifest.json``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def locked(self) -> Iterator[PageFolder]:
        """Hold the folder for this process: two updates at once would mix their pages."""
        self.path.mkdir(parents=True, exist_ok=True)
        with open(self.path / ".lock", "a+") as handle:
            try:
                import fcntl

                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except ImportError:  # no fcntl (Windows): no lock
                pass
            except OSError as exc:
                raise ImportFailed(
                    f"{self.path}: another update is fetching into this folder"
                ) from exc
            yield self

    def open(self, endpoint: str, page_size: int, restart: bool) -> tuple[Manifest, bool]:
        """The manifest to continue, or a new one; True when saved pages were dropped."""
        key = fetch_key(endpoint, page_size)
        old = self._read()
        if old is not None and not restart and old.key == key and old.imported is None:
            return self._checked(old), False
        self.discard()
        fresh = Manifest(key, endpoint, page_size, _now())
        self.save(fresh)
        return fresh, old is not None and old.imported is None and bool(old.pages)

    def page_path(self, info: PageInfo) -> Path:
        return self.path / info.file

    def add_page(
        self, manifest: Manifest, text: str, after: str, last: str, statements: int, rows: int
    ) -> PageInfo:
        """Save a page as it arrived (atomically), then record it in the manifest."""
        number = len(manifest.pages) + 1
        info = PageInfo(
            number,
            f"page-{number:04d}.json",
            after,
            last,
            statements,
            rows,
            hashlib.sha1(text.encode()).hexdigest(),
        )
        _write(self.page_path(info), text)
        manifest.pages.append(info)
        self.save(manifest)
        return info

    def save(self, manifest: Manifest) -> None:
        _write(self.path / MANIFEST, json.dumps(asdict(manifest), indent=1, ensure_ascii=False))

    def finish(self, manifest: Manifest) -> None:
        """The pages are in the store: remove them, remember when (the next run starts over)."""
        manifest.imported = _now()
        for info in manifest.pages:
            self.page_path(info).unlink(missing_ok=True)
        self.save(manifest)

    def _read(self) -> Manifest | None:
        path = self.path / MANIFEST
        if not path.exists():
            return None
        try:
            raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            pages = [PageInfo(**p) for p in raw.pop("pages")]
            return Manifest(**raw, pages=pages)
        except (ValueError, TypeError, KeyError):
            return None  # a manifest of another version, or damaged: start over

    def _checked(self, manifest: Manifest) -> Manifest:
        """Keep the pages up to the first one missing or changed on disk."""
        for index, info in enumerate(manifest.pages):
            path = self.page_path(info)
            if not path.exists() or hashlib.sha1(path.read_bytes()).hexdigest() != info.sha1:
                manifest.pages = manifest.pages[:index]
                manifest.complete = False
                self.save(manifest)
                break
        return manifest

    def discard(self) -> None:
        """Remove the saved pages and the manifest: the next run starts over."""
        for path in self.path.glob("page-*.json"):
            path.unlink()
        for path in self.path.glob(".*.tmp"):
            path.unlink()
        with contextlib.suppress(FileNotFoundError):
            (self.path / MANIFEST).unlink()


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
