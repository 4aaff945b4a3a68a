"""``citydip import wikidata --online``: the live Wikidata endpoints, used only when asked.

A query is either SPARQL text (sent to the query service) or a comma-separated list of
QIDs (their P190 statements fetched with ``wbgetentities``, then their partners' labels).
Requests carry a User-Agent, are cached on disk by URL and parameters, retried with
back-off on 429/5xx and network errors (honouring Retry-After up to ``MAX_RETRY_AFTER``),
capped at ``MAX_BYTES`` an answer, and spaced at least ``MIN_INTERVAL`` seconds apart.
``citydip update wikidata`` (``ingest/wikidata_update.py``) uses the same client. Tests use
recorded responses through httpx.MockTransport and a loopback server.
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
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Source

SPARQL_URL = "https://query.wikidata.org/sparql"
API_URL = "https://www.wikidata.org/w/api.php"
USER_AGENT = f"citydip/{__version__} (city-diplomacy observatory; offline-first importer)"
MIN_INTERVAL = 1.0
RETRIES = 4
MAX_RETRY_AFTER = 120.0  # seconds: a longer Retry-After is an error, not a wait
MAX_BYTES = 256 * 2**20  # one answer; a larger one is refused
TRANSIENT = (429, 500, 502, 503, 504)
BATCH = 50  # wbgetentities takes at most 50 ids a request
DEADLINE_PASSED = "the deadline passed; stopped"


class Client:
    """A polite, caching HTTP client for the Wikidata endpoints.

    Transient failures (429, 5xx, network errors) are retried ``retries`` times with
    back-off, or after the ``Retry-After`` the server asks for; a wait longer than
    ``max_retry_after`` seconds, an answer larger than ``max_bytes`` and a first request
    that cannot connect at all (no network) fail at once with one line.
    """

    def __init__(
        self,
        cache: Path | None = None,
        transport: Any = None,
        min_interval: float = MIN_INTERVAL,
        sleep: Any = time.sleep,
        *,
        retries: int = RETRIES,
        backoff: float = 1.0,
        max_retry_after: float = MAX_RETRY_AFTER,
        max_bytes: int = MAX_BYTES,
        timeout: float = 60.0,
        deadline: float | None = None,
    ) -> None:
        """``timeout``: the longest a request may stall (no byte arriving) and the longest
        one answer may take in all; ``deadline``: a ``time.monotonic()`` past which no
        request starts or goes on (None: none)."""
        import httpx

        self.http = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=timeout,
            transport=transport,
        )
        self.cache, self.min_interval, self.sleep = cache, min_interval, sleep
        self.retries, self.backoff = retries, backoff
        self.max_retry_after, self.max_bytes = max_retry_after, max_bytes
        self.timeout, self.deadline = timeout, deadline
        self.last = 0.0
        self.requests = 0
        self.answered = 0

    def get_json(self, url: str, params: dict[str, str], what: str = "") -> Any:
        """The parsed JSON answer; ``what`` names the request in errors (``page 3``)."""
        key = hashlib.sha1(json.dumps([url, params], sort_keys=True).encode()).hexdigest()
        cached = self.cache / f"{key}.json" if self.cache else None
        if cached is not None and cached.exists():
            try:
                return parse_answer(cached.read_text(encoding="utf-8"), str(cached))
            except (ImportFailed, OSError, UnicodeDecodeError):
                cached.unlink(missing_ok=True)  # a corrupt or truncated cache entry: fetch again
        text = self.get_text(url, params, what)
        data = parse_answer(text, f"{url} {what}".strip())
        if cached is not None:
            from citydip.files import write_text_atomic

            cached.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(cached, text)
        return data

    def get_text(self, url: str, params: dict[str, str], what: str = "") -> str:
        """The answer's text, after the retries; an ImportFailed naming ``url what``."""
        import httpx

        name = f"{url} {what}".strip()
        problem = "no answer"
        for attempt in range(self.retries + 1):
            wait = self.min_interval - (time.monotonic() - self.last)
            if wait > 0:
                self.sleep(wait)
            limit = self._time_left(name)
            self.last = time.monotonic()
            self.requests += 1
            pause = min(60.0, self.backoff * 2.0**attempt)
            asked: float | None = None
            try:
                with self.http.stream("GET", url, params=params, timeout=limit) as response:
                    if response.status_code == 200:
                        self.answered += 1
                        return self._read(response, name, self.last + limit)
                    problem = f"HTTP {response.status_code}"
                    if response.status_code not in TRANSIENT:
                        detail = _first_line(response.read()[:300].decode("utf-8", "replace"))
                        problem += f" ({detail})" if detail else ""
                        break
                    asked = retry_after(response.headers.get("Retry-After", ""))
            except httpx.ConnectError as exc:
                if not self.answered:
                    raise ImportFailed(
                        f"{name}: cannot connect ({_first_line(str(exc))}): no network? "
                        "Nothing was imported"
                    ) from exc
                problem, asked = f"network error: {_first_line(str(exc))}", None
            except httpx.TimeoutException:
                problem, asked = f"no answer within {limit:.0f} s", None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                problem, asked = f"network error: {_first_line(str(exc))}", None
            if asked is not None and asked > self.max_retry_after:
                raise ImportFailed(
                    f"{name}: {problem}, the server asks to wait {asked:.0f} s, more than "
                    f"{self.max_retry_after:.0f} s; nothing was imported, try again later"
                )
            if attempt < self.retries:
                pause = asked if asked is not None else pause
                if self.deadline is not None and time.monotonic() + pause >= self.deadline:
                    raise ImportFailed(f"{name}: {problem}; {DEADLINE_PASSED}")
                self.sleep(pause)
            elif self.deadline is not None and time.monotonic() >= self.deadline:
                raise ImportFailed(f"{name}: {problem}; {DEADLINE_PASSED}")
        raise ImportFailed(f"{name}: {problem}; nothing was imported")

    def _time_left(self, name: str) -> float:
        """The time the next request may take: ``timeout``, or less before the deadline."""
        if self.deadline is None:
            return self.timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise ImportFailed(f"{name}: {DEADLINE_PASSED}")
        return min(self.timeout, left)

    def _read(self, response: Any, name: str, until: float) -> str:
        size = response.headers.get("Content-Length", "")
        if size.isdigit() and int(size) > self.max_bytes:
            raise ImportFailed(_too_large(name, self.max_bytes))
        chunks, total = [], 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > self.max_bytes:
                raise ImportFailed(_too_large(name, self.max_bytes))
            if time.monotonic() > until:  # a server trickling bytes: a stall all the same
                raise ImportFailed(f"{name}: the answer took longer than {self.timeout:.0f} s")
            chunks.append(chunk)
        try:
            return b"".join(chunks).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFailed(f"{name}: the answer is not UTF-8 text") from exc

    def close(self) -> None:
        self.http.close()


def parse_answer(text: str, name: str) -> Any:
    from citydip.errors import DataError
    from citydip.ingest.jsontext import parse_json

    try:
        return parse_json(text, name)
    except DataError as exc:
        raise ImportFailed(f"{name}: the answer is not JSON ({exc.problem})") from exc


def retry_after(value: str) -> float | None:
    """Seconds from a Retry-After header (seconds or an HTTP date); None when absent."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _first_line(text: str) -> str:
    """A server's words on one line, without markup."""
    return " ".join(re.sub(r"<[^>]*>", " ", text).split())[:200]


def _too_large(name: str, limit: int) -> str:
    return f"{name}: the answer is larger than {limit:,} bytes (the limit); nothing was imported"


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
    *,
    progress: Progress | None = None,
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
    return wikidata_batch(store, record, source, url, digest, progress=progress)
