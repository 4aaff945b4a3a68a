"""``citydip import wikidata --online``: the live Wikidata endpoints, used only when asked.

A query is either SPARQL text (sent to the query service) or a comma-separated list of
QIDs (their P190 statements fetched with ``wbgetentities``, then their partners' labels).
Requests carry a User-Agent, are cached on disk by URL and parameters, retried with
back-off on 429/5xx and network errors (honouring Retry-After), and spaced at least
``MIN_INTERVAL`` seconds apart. Tests use recorded responses through httpx.MockTransport.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

from citydip import __version__
from citydip.errors import ImportFailed, InvalidInput
from citydip.ingest.importing import ImportBatch, source_id_for
from citydip.ingest.wikidata import WikidataRecord, parse_wikidata, wikidata_batch
from citydip.store.database import Store
from citydip.store.models import Source

SPARQL_URL = "https://query.wikidata.org/sparql"
API_URL = "https://www.wikidata.org/w/api.php"
USER_AGENT = f"citydip/{__version__} (city-diplomacy observatory; offline-first importer)"
MIN_INTERVAL = 1.0
RETRIES = 4
BATCH = 50  # wbgetentities takes at most 50 ids a request


class Client:
    """A polite, caching HTTP client for the Wikidata endpoints."""

    def __init__(
        self,
        cache: Path | None = None,
        transport: Any = None,
        min_interval: float = MIN_INTERVAL,
        sleep: Any = time.sleep,
    ) -> None:
        import httpx

        self.http = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=60.0,
            transport=transport,
        )
        self.cache, self.min_interval, self.sleep = cache, min_interval, sleep
        self.last = 0.0
        self.requests = 0

    def get_json(self, url: str, params: dict[str, str]) -> Any:
        key = hashlib.sha1(json.dumps([url, params], sort_keys=True).encode()).hexdigest()
        cached = self.cache / f"{key}.json" if self.cache else None
        if cached is not None and cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        text = self._fetch(url, params)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFailed(f"{url}: the answer is not JSON ({exc.msg})") from exc
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(text, encoding="utf-8")
        return data

    def _fetch(self, url: str, params: dict[str, str]) -> str:
        import httpx

        problem = "no answer"
        for attempt in range(RETRIES + 1):
            wait = self.min_interval - (time.monotonic() - self.last)
            if wait > 0:
                self.sleep(wait)
            self.last = time.monotonic()
            self.requests += 1
            try:
                response = self.http.get(url, params=params)
            except httpx.HTTPError as exc:
                problem = f"network error: {exc}"
            else:
                if response.status_code == 200:
                    return response.text
                problem = f"HTTP {response.status_code}"
                if response.status_code not in (429, 500, 502, 503, 504):
                    break
                retry_after = response.headers.get("Retry-After", "")
                if retry_after.isdigit():
                    self.sleep(float(retry_after))
            self.sleep(min(60.0, 2.0**attempt))
        raise ImportFailed(f"{url}: {problem}; nothing was imported")

    def close(self) -> None:
        self.http.close()


def fetch_record(client: Client, query: str) -> tuple[WikidataRecord, str]:
    """The parsed ties of a live query, and the URL that names the source."""
    qids = [q.strip() for q in query.split(",") if q.strip()]
    if qids and all(re.match(r"^Q[1-9][0-9]*$", q) for q in qids):
        return _fetch_entities(client, qids), f"{API_URL}?action=wbgetentities"
    if not re.search(r"\bselect\b", query, re.IGNORECASE):
        raise InvalidInput("give a SPARQL SELECT query or QIDs such as Q38283,Q1867", field="query")
    data = client.get_json(SPARQL_URL, {"query": query, "format": "json"})
    return parse_wikidata(data, SPARQL_URL), SPARQL_URL


def _fetch_entities(client: Client, qids: list[str]) -> WikidataRecord:
    record = WikidataRecord()
    for i in range(0, len(qids), BATCH):
        part = _entities(client, qids[i : i + BATCH], "claims|labels")
        found = parse_wikidata(part, API_URL)
        record.ties.extend(found.ties)
        record.labels.update(found.labels)
    partners = sorted({t.object for t in record.ties} - set(record.labels))
    for i in range(0, len(partners), BATCH):
        data = _entities(client, partners[i : i + BATCH], "labels")
        for qid, entity in data.get("entities", {}).items():
            label = (entity.get("labels") or {}).get("en", {}).get("value")
            if label:
                record.labels[qid] = label
    return record


def _entities(client: Client, qids: list[str], props: str) -> Any:
    params = {
        "action": "wbgetentities",
        "ids": "|".join(qids),
        "props": props,
        "languages": "en",
        "format": "json",
    }
    data = client.get_json(API_URL, params)
    if not isinstance(data, dict) or "error" in data:
        raise ImportFailed(f"{API_URL}: Wikidata answered an error: {data.get('error')}")
    return data


def online_batch(
    store: Store,
    query: str,
    cache: Path | None = None,
    progress: bool = False,
    transport: Any = None,
    min_interval: float = MIN_INTERVAL,
) -> ImportBatch:
    """Query the live endpoints (or the cache) and build a batch; one source per query."""
    client = Client(cache, transport, min_interval)
    try:
        record, url = fetch_record(client, query)
    finally:
        client.close()
    digest = hashlib.sha1(query.encode()).hexdigest()
    source = Source(
        id=source_id_for("wikidata", f"online-{digest[:10]}"),
        title=f"Wikidata P190, live query {digest[:10]}",
        kind="dataset",
        url=url,
        description=f"Query: {query[:500]}",
    )
    return wikidata_batch(store, record, source, url, digest, progress)
