"""update wikidata --memberships: P463 for the known networks, over a real loopback server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from citydip.ingest.wikidata_members import (
    MEMBERS_SOURCE_ID,
    known_networks,
    members_query,
    update_members,
)
from citydip.ingest.wikidata_online import Client
from citydip.store import Store

ANSWER = Path(__file__).resolve().parents[1] / "data" / "wikidata-members" / "p463.json"


class P463Server:
    """Answers every query with ``self.body`` and keeps the queries asked."""

    def __init__(self) -> None:
        self.body = ANSWER.read_bytes()
        self.queries: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.queries.append(parse_qs(urlsplit(self.path).query)["query"][0])
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def p463() -> Iterator[P463Server]:
    server = P463Server()
    yield server
    server.close()


def _update(store: Store, server: P463Server) -> Any:
    client = Client(None, min_interval=0.0, retries=0)
    try:
        return update_members(store, client, server.url)
    finally:
        client.close()


def test_the_query_names_the_known_networks(store: Store) -> None:
    networks = {n.id for n in known_networks(store)}
    assert {"c40", "iclei", "uclg", "citynet"} <= networks
    query = members_query(known_networks(store))
    assert '"C40 Cities Climate Leadership Group"@en' in query
    assert "p:P463" in query and "wdt:P625" in query


def test_statements_become_member_of_claims(store: Store, p463: P463Server) -> None:
    summary = _update(store, p463)
    assert summary.added == 2 and len(p463.queries) == 1
    claims = {c.subject: c for c in store.claims(source_id=MEMBERS_SOURCE_ID)}
    assert claims["yokohama"].object == "c40"  # the curated city, by its QID or name
    seoul = next(c for s, c in claims.items() if s != "yokohama")
    entity = store.entity(seoul.subject)
    assert entity is not None and entity.country == "KR"
    assert (seoul.object, seoul.start, seoul.role) == ("c40", "2006", "member")
    urls = [r["url"] for r in seoul.qualifiers["references"]]
    assert urls == ["https://www.c40.org/cities/seoul/", "https://example.org/seoul-c40"]
    # the row naming an organisation the store does not know is left out
    assert all(c.object == "c40" for c in claims.values())


def test_a_later_answer_withdraws_what_is_gone(store: Store, p463: P463Server) -> None:
    _update(store, p463)
    again = _update(store, p463)
    assert (again.added, again.unchanged) == (0, 2)
    data = json.loads(p463.body)
    data["results"]["bindings"] = [
        r for r in data["results"]["bindings"] if "Q8684" not in r["city"]["value"]
    ]
    p463.body = json.dumps(data).encode()
    later = _update(store, p463)
    assert later.updated == 1 and len(later.withdrawn) == 1


def test_coverage_names_wikidata(store: Store, p463: P463Server) -> None:
    from citydip.analysis.memberships import coverage

    _update(store, p463)
    assert "Wikidata P463 (" in coverage(store).line


def test_update_wikidata_with_memberships_asks_after_the_ties(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    from citydip.api import update_wikidata
    from citydip.ingest.wikidata_update import UpdateOptions

    # the shared P190 server answers a query it does not page ("bad") with the P463 answer
    sparql_server.always["bad"] = (200, {}, ANSWER.read_bytes())
    options = UpdateOptions(
        endpoint=sparql_server.url, page_size=5, min_interval=0.0, backoff=0.0, memberships=True
    )
    summary = update_wikidata(store, options, folder=tmp_path / "pages")
    assert summary.imported.added > 0 and sparql_server.names()[-1] == "bad"
    assert summary.memberships is not None and summary.memberships.added == 2
    assert summary.to_dict()["memberships"]["source"] == MEMBERS_SOURCE_ID
