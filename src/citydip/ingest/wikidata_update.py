"""``citydip update wikidata``: every P190 tie from the Wikidata query service, as a newer snapshot.

1. Fetch: a count query, then the pages of ``ingest.wikidata_pages.page_query`` one after
   the other through the polite ``wikidata_online.Client`` (User-Agent, retries, a capped
   Retry-After, a capped answer size). Each page is checked (``parse_sparql``) and saved
   before the next is asked for, so an interrupted fetch continues where it stopped.
2. Import: when every page is in, they are read into one ``WikidataRecord`` and imported
   through ``wikidata_batch`` (places by QID, then by label through the gazetteer) and
   ``run_import``, in one transaction, as one source, ``SOURCE_ID``: ties that Wikidata no
   longer has are withdrawn, never deleted. Then the saved pages are removed.
3. With ``memberships``: one more query, Wikidata's P463 (member of) for the networks the
   store knows, imported as its own source (``ingest.wikidata_members``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citydip.errors import DataError, ImportFailed, InvalidInput
from citydip.ingest.importing import ImportBatch, ImportSummary, run_import
from citydip.ingest.wikidata import WikidataRecord, parse_sparql, wikidata_batch
from citydip.ingest.wikidata_online import (
    DEADLINE_PASSED,
    MAX_BYTES,
    MAX_RETRY_AFTER,
    MIN_INTERVAL,
    RETRIES,
    SPARQL_URL,
    Client,
    parse_answer,
)
from citydip.ingest.wikidata_pages import COUNT_QUERY, Manifest, PageFolder, page_query
from citydip.progress import Progress, chosen
from citydip.store.database import Store
from citydip.store.models import Source

SOURCE_ID = "import-wikidata-p190-world"
ENDPOINT_ENV = "CITYDIP_WIKIDATA_SPARQL"
PAGE_SIZE = 5000
COMPLETE_SHARE = 0.9  # fewer statements than this share of the count: refuse to import
OVER_COUNT = 1.5  # more statements than this share of the count: the paging never ends
FETCHING = "Fetching Wikidata P190 pages"  # the task the fetch reports (statements)
DEADLINE = 6 * 3600.0  # seconds: the whole world is about 20 pages, minutes at most


@dataclass
class UpdateOptions:
    """How to fetch: the endpoint (``None``: $CITYDIP_WIKIDATA_SPARQL, else Wikidata's)."""

    endpoint: str | None = None
    page_size: int = PAGE_SIZE
    retries: int = RETRIES
    backoff: float = 1.0  # seconds before the first retry, doubling
    min_interval: float = MIN_INTERVAL  # between two requests
    max_retry_after: float = MAX_RETRY_AFTER
    max_page_bytes: int = MAX_BYTES
    timeout: float = 120.0  # a page that stalls (or takes in all) longer: retried, then fails
    deadline: float = DEADLINE  # seconds for the whole fetch: then it stops, pages kept
    memberships: bool = False  # also P463 for the known networks (ingest.wikidata_members)

    def url(self) -> str:
        """The endpoint: an http(s) URL, or InvalidInput naming ``endpoint``."""
        from urllib.parse import urlsplit

        url = self.endpoint or os.environ.get(ENDPOINT_ENV) or SPARQL_URL
        try:
            parts = urlsplit(url)
            port_ok = parts.port is None or parts.port > 0
        except ValueError:
            parts, port_ok = None, False
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            port_ok = False
        if not port_ok:
            raise InvalidInput(f"{url[:200]!r} is not an http(s) URL", field="endpoint")
        return url

    def check(self) -> None:
        """Every limit a positive number (InvalidInput naming the option)."""
        for name in ("page_size", "timeout", "deadline"):
            value = getattr(self, name)
            if not value > 0:
                raise InvalidInput(f"must be more than 0, not {value}", field=name)


@dataclass
class UpdateSummary:
    """What an update did: the fetch (pages, requests) and the import (added, withdrawn…)."""

    endpoint: str
    folder: str
    pages: int = 0
    fetched_pages: int = 0  # asked for in this run
    resumed_pages: int = 0  # saved by an earlier, interrupted run
    restarted: bool = False  # saved pages of an unfinished fetch were dropped
    statements: int = 0
    expected: int | None = None  # statements, by the count query
    requests: int = 0
    imported: ImportSummary = field(default_factory=lambda: ImportSummary(SOURCE_ID))
    memberships: ImportSummary | None = None  # the P463 import, when asked for

    def to_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "folder": self.folder,
            "pages": self.pages,
            "fetched_pages": self.fetched_pages,
            "resumed_pages": self.resumed_pages,
            "restarted": self.restarted,
            "statements": self.statements,
            "expected": self.expected,
            "requests": self.requests,
            **self.imported.to_dict(),
            "memberships": self.memberships.to_dict() if self.memberships else None,
        }


def update_world(
    store: Store,
    folder: Path,
    options: UpdateOptions,
    restart: bool = False,
    *,
    progress: Progress | None = None,
) -> UpdateSummary:
    """Fetch what is missing, import every page as a newer snapshot, forget the pages.

    ``progress`` is told the statements fetched (task ``FETCHING``), then the names
    resolved."""
    options.check()
    endpoint = options.url()
    pages = PageFolder(folder)
    with pages.locked():
        manifest, restarted = pages.open(endpoint, options.page_size, restart)
        summary = UpdateSummary(endpoint, str(folder), resumed_pages=len(manifest.pages))
        summary.restarted = restarted
        if not manifest.complete:
            _fetch(pages, manifest, options, summary, progress)
        summary.pages, summary.statements = len(manifest.pages), manifest.statements
        summary.expected = manifest.total
        batch = _batch(store, pages, manifest, progress)
        summary.imported = run_import(store, batch)
        pages.finish(manifest)
    if options.memberships:
        summary.memberships = _memberships(store, endpoint, options, summary, progress)
    return summary


def _memberships(
    store: Store,
    endpoint: str,
    options: UpdateOptions,
    summary: UpdateSummary,
    progress: Progress | None,
) -> ImportSummary:
    """P463 for the networks the store knows, after the ties (a separate source)."""
    from citydip.ingest.wikidata_members import update_members

    client = _client(options)
    try:
        return update_members(store, client, endpoint, progress=progress)
    finally:
        summary.requests += client.requests
        client.close()


def _client(options: UpdateOptions) -> Client:
    return Client(
        None,
        min_interval=options.min_interval,
        retries=options.retries,
        backoff=options.backoff,
        max_retry_after=options.max_retry_after,
        max_bytes=options.max_page_bytes,
        timeout=options.timeout,
        deadline=time.monotonic() + options.deadline,
    )


def _fetch(
    pages: PageFolder,
    manifest: Manifest,
    options: UpdateOptions,
    summary: UpdateSummary,
    progress: Progress | None,
) -> None:
    report = chosen(progress)
    client = _client(options)
    endpoint = manifest.endpoint
    try:
        if manifest.total is None:
            manifest.total = _count(client, endpoint)
            pages.save(manifest)
        report(FETCHING, manifest.statements, manifest.total)
        while not manifest.complete:
            what = f"page {len(manifest.pages) + 1}"
            _check_bounds(manifest, endpoint)
            params = {"query": page_query(manifest.after, manifest.page_size), "format": "json"}
            text = client.get_text(endpoint, params, what)
            keys, rows = page_keys(parse_answer(text, f"{endpoint} {what}"), endpoint, what)
            if keys:
                if max(keys) <= manifest.after:
                    raise ImportFailed(f"{endpoint} {what}: the page does not move forward")
                after = manifest.after
                pages.add_page(manifest, text, after, max(keys), len(keys), rows)
                summary.fetched_pages += 1
            manifest.complete = len(keys) < manifest.page_size
            pages.save(manifest)
            report(FETCHING, manifest.statements, manifest.total)
        report(FETCHING, manifest.statements, manifest.statements)  # finished
    except ImportFailed as exc:
        if DEADLINE_PASSED in str(exc):
            raise ImportFailed(
                f"{endpoint}: the fetch ran past its deadline of {options.deadline:.0f} s; "
                f"nothing was imported, the {len(manifest.pages)} pages fetched are kept and "
                "the next update continues after them"
            ) from exc
        raise
    finally:
        summary.requests = client.requests
        client.close()


def _check_bounds(manifest: Manifest, endpoint: str) -> None:
    """Refuse to page on past what the count promised (an endpoint that never ends)."""
    limit = OVER_COUNT * (manifest.total or 0) + manifest.page_size
    if manifest.statements > limit:
        raise ImportFailed(
            f"{endpoint}: {manifest.statements:,} statements fetched where "
            f"{manifest.total or 0:,} were counted: the endpoint's paging does not end; "
            "nothing was imported (the pages are kept: `--restart` drops them)"
        )


def page_keys(data: Any, endpoint: str, what: str) -> tuple[set[str], int]:
    """The statement keys of one page (checked by parsing it) and its number of rows."""
    label = f"{endpoint} {what}"
    if not (isinstance(data, dict) and "head" in data and "results" in data):
        raise DataError(label, None, None, "not SPARQL JSON results")
    parse_sparql(data, label)  # the whole page is checked before it is kept
    keys = set()
    bindings = data["results"]["bindings"]
    for number, row in enumerate(bindings, start=1):
        cell = row.get("statement") if isinstance(row, dict) else None
        value = cell.get("value") if isinstance(cell, dict) else None
        if not value or not isinstance(value, str):
            raise DataError(label, None, f"result {number}: statement", "missing (pages need it)")
        keys.add(value)
    return keys, len(bindings)


def _count(client: Client, endpoint: str) -> int:
    data = parse_answer(
        client.get_text(endpoint, {"query": COUNT_QUERY, "format": "json"}, "count"),
        f"{endpoint} count",
    )
    try:
        return int(data["results"]["bindings"][0]["statements"]["value"])
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise DataError(f"{endpoint} count", None, "statements", "no count in the answer") from exc


def _batch(
    store: Store, pages: PageFolder, manifest: Manifest, progress: Progress | None
) -> ImportBatch:
    record = WikidataRecord()
    for info in manifest.pages:
        path = pages.page_path(info)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(str(path), None, None, f"saved page unreadable ({exc})") from exc
        record.add(parse_sparql(data, f"{manifest.endpoint} page {info.number}"))
    statements = manifest.statements
    if not record.ties:
        raise ImportFailed(f"{manifest.endpoint}: no P190 statements arrived; nothing was imported")
    if manifest.total and statements < COMPLETE_SHARE * manifest.total:
        pages.discard()
        raise ImportFailed(
            f"{manifest.endpoint}: only {statements} of {manifest.total} counted statements "
            "arrived; nothing was imported, the next update starts the fetch over"
        )
    source = Source(
        id=SOURCE_ID,
        title="Wikidata: every P190 (twinned administrative body) statement",
        kind="dataset",
        publisher="Wikidata (CC0)",
        date=manifest.started[:10],
        url=manifest.endpoint,
        description=(
            f"{statements} statements fetched from {manifest.endpoint} in "
            f"{len(manifest.pages)} pages, started {manifest.started}."
        ),
    )
    digest = hashlib.sha1("".join(p.sha1 for p in manifest.pages).encode()).hexdigest()
    label = f"{manifest.endpoint} ({len(manifest.pages)} pages)"
    return wikidata_batch(store, record, source, label, digest, progress=progress)
