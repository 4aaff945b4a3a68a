"""Wikidata: wbgetentities (the real Weimar response), SPARQL JSON, and --online recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from citydip.errors import ImportFailed
from citydip.ingest.importing import run_import
from citydip.ingest.wikidata import load_json, parse_wikidata, wikidata_file_batch
from citydip.ingest.wikidata_online import Client, online_batch
from citydip.store import Store

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "wikidata-p190-2016"
WEIMAR = SHARED / "wbgetentities-Q3955-weimar.json"


def _weimar() -> Path:
    if not WEIMAR.exists():
        pytest.skip(f"shared data absent: {WEIMAR}")
    return WEIMAR


def test_weimar_yields_five_ties_with_dates_and_urls() -> None:
    record = parse_wikidata(load_json(_weimar()), "weimar.json")
    assert len(record.ties) == 5
    assert {t.subject for t in record.ties} == {"Q3955"}
    assert all(t.start and len(t.start) == 10 for t in record.ties)
    starts = {t.object: t.start for t in record.ties}
    assert starts["Q160927"] == "1995-02-18" and starts["Q202158"] == "1970-09-06"
    urls = {r["url"] for t in record.ties for r in t.references}
    assert urls == {"http://stadt.weimar.de/ueber-weimar/partnerstaedte/"}


def test_weimar_import_stores_claims(store: Store) -> None:
    summary = run_import(store, wikidata_file_batch(store, _weimar()))
    assert summary.added == 5
    claims = store.claims(source_id=summary.source)
    assert len({c.subject for c in claims}) == 1
    assert all(
        c.qualifiers["references"][0]["url"].startswith("http://stadt.weimar.de") for c in claims
    )


def test_sparql_groups_references_and_maps_roles(store: Store) -> None:
    record = parse_wikidata(load_json(DATA / "sparql-p190.json"), "sparql")
    assert len(record.ties) == 3
    san_diego = next(t for t in record.ties if t.object == "Q16552")
    assert [r["url"] for r in san_diego.references] == [
        "https://www.city.yokohama.lg.jp/sister-cities",
        "https://example.org/second-reference",
    ]
    summary = run_import(store, wikidata_file_batch(store, DATA / "sparql-p190.json"))
    assert summary.added == 3
    claims = {c.object: c for c in store.claims(subject="yokohama", source_id=summary.source)}
    assert claims["san-diego"].kind == "sister" and claims["san-diego"].start == "1957-10-29"
    assert claims["bremen"].kind == "partner"
    assert claims["odesa"].status == "ended" and claims["odesa"].end == "2023-01-01"


def _recorded(requests: list[httpx.Request]) -> httpx.MockTransport:
    weimar = json.loads(_weimar().read_text(encoding="utf-8"))
    labels = {
        "entities": {
            q: {"id": q, "labels": {"en": {"language": "en", "value": f"City {q}"}}}
            for q in ("Q160927", "Q202158", "Q2751", "Q3138", "Q145972")
        }
    }

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if len(requests) == 1:
            return httpx.Response(503, headers={"Retry-After": "0"})
        if request.url.params.get("props") == "labels":
            return httpx.Response(200, json=labels)
        return httpx.Response(200, json=weimar)

    return httpx.MockTransport(handler)


def test_online_retries_caches_and_identifies_itself(store: Store, tmp_path: Path) -> None:
    requests: list[httpx.Request] = []
    batch = online_batch(
        store, "Q3955", tmp_path / "cache", transport=_recorded(requests), min_interval=0
    )
    assert len(batch.claims) == 5
    assert len(requests) == 3  # one 503 retried, the entities, then the partners' labels
    assert requests[0].headers["User-Agent"].startswith("citydip/")
    again = online_batch(
        store, "Q3955", tmp_path / "cache", transport=_recorded([]), min_interval=0
    )
    assert len(again.claims) == 5 and len(list((tmp_path / "cache").iterdir())) == 2
    assert run_import(store, batch).added == 5


def test_online_gives_up_cleanly(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500)

    slept: list[float] = []
    client = Client(None, httpx.MockTransport(handler), 0, sleep=slept.append)
    with pytest.raises(ImportFailed, match="HTTP 500; nothing was imported"):
        client.get_json("https://query.wikidata.org/sparql", {"query": "SELECT"})
    assert len(slept) >= 4
    client.close()


def test_online_local_server(store: Store) -> None:
    """A real HTTP server on 127.0.0.1 answering the SPARQL query with the fixture."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    body = (DATA / "sparql-p190.json").read_bytes()
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("User-Agent", ""))
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        import citydip.ingest.wikidata_online as online

        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        old = online.SPARQL_URL
        online.SPARQL_URL = url
        try:
            batch = online_batch(store, "SELECT ?city ?partner WHERE {}", min_interval=0)
        finally:
            online.SPARQL_URL = old
    finally:
        server.shutdown()
        server.server_close()
    assert len(batch.claims) == 3 and seen and seen[0].startswith("citydip/")


def test_a_corrupt_response_cache_is_fetched_again(store: Store, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    online_batch(store, "Q3955", cache, transport=_recorded([]), min_interval=0)
    entries = sorted(cache.iterdir())
    entries[0].write_bytes(b'{"entities": {"Q3955": ')  # truncated by a kill or a full disk
    entries[1].write_bytes(b"\xff\xfe not text")
    requests: list[httpx.Request] = []
    again = online_batch(store, "Q3955", cache, transport=_recorded(requests), min_interval=0)
    assert len(again.claims) == 5 and len(requests) == 3  # both entries fetched again
    assert [p.name for p in sorted(cache.iterdir())] == [p.name for p in entries]
    assert not list(cache.glob("*.tmp"))
