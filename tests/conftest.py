"""Fixtures: real temporary stores, a CLI runner that goes through citydip's own main()."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from citydip.store import Store, open_store
from citydip.stores import build_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# The gazetteer index takes a minute to build: kept between test runs in a temporary folder
# (never the user's data folder) and linked into each session's CITYDIP_HOME.
INDEX_CACHE = Path(tempfile.gettempdir()) / f"citydip-test-indexes-{os.getuid()}"


@pytest.fixture(scope="session", autouse=True)
def citydip_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test runs with CITYDIP_HOME in a temporary folder holding the gazetteer index."""
    from citydip.gazetteer import index as gazetteer_index

    home = tmp_path_factory.mktemp("citydip-home")
    patch = pytest.MonkeyPatch()
    patch.setenv("CITYDIP_HOME", str(home))
    patch.delenv("CITYDIP_GEONAMES_URL", raising=False)
    target = gazetteer_index.index_path()
    cached = INDEX_CACHE / target.name
    if not cached.exists():
        INDEX_CACHE.mkdir(parents=True, exist_ok=True)
        gazetteer_index.build_index(cached)
    link_index(cached, target)
    yield home
    gazetteer_index.close_all()
    patch.undo()


def link_index(cached: Path, target: Path) -> None:
    """Put the cached index at ``target`` (a hard link when the file system allows)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


@pytest.fixture(scope="session")
def curated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the curated data; tests copy it before writing."""
    path = tmp_path_factory.mktemp("curated") / "citydip.db"
    build_store(path, world=False).close()
    return path


@pytest.fixture(scope="session")
def world_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default store as users get it (curated + the shipped world data), built once."""
    path = tmp_path_factory.mktemp("world") / "citydip.db"
    build_store(path).close()
    return path


@pytest.fixture
def world_store(world_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private, writable copy of the world store."""
    path = tmp_path / "world.db"
    path.write_bytes(world_db.read_bytes())
    s = open_store(path)
    yield s
    s.close()


@pytest.fixture
def store(curated_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private, writable copy of the curated store."""
    path = tmp_path / "citydip.db"
    path.write_bytes(curated_db.read_bytes())
    s = open_store(path)
    yield s
    s.close()


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def _runner(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> Any:
    path = tmp_path / name
    path.write_bytes(db.read_bytes())
    monkeypatch.setenv("CITYDIP_DB", str(path))
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> Result:
        from citydip.cli import main

        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return Result(code, out.getvalue(), err.getvalue())

    run.db_path = path  # type: ignore[attr-defined]
    return run


@pytest.fixture
def cli(curated_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``citydip ARGS`` in-process against a copy of the curated store."""
    return _runner(curated_db, tmp_path, monkeypatch, "cli.db")


@pytest.fixture
def world_cli(world_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``citydip ARGS`` in-process against a copy of the world store."""
    return _runner(world_db, tmp_path, monkeypatch, "world-cli.db")


DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def pairs_sample() -> Path:
    """26 real rows of the Wikipedia twin-town list: Kyoto, Kraków, Prague and who lists them."""
    return DATA / "pairs-sample.csv"


@pytest.fixture
def sample_store(store: Store, pairs_sample: Path) -> Store:
    """The curated store with the pairs sample imported (single-source, one-sided ties)."""
    from citydip.ingest.importing import run_import
    from citydip.ingest.pairs import pairs_batch

    run_import(store, pairs_batch(store, pairs_sample))
    return store


def partners_in_csv(path: Path, city: str) -> set[str]:
    """The distinct partners of ``city`` in a city1,country1,city2,country2 file."""
    import csv

    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {r["city2"] for r in rows if r["city1"] == city} | {
        r["city1"] for r in rows if r["city2"] == city
    }


WIKIDATA_PAGES = Path(__file__).resolve().parent / "data" / "wikidata-update"


class SparqlServer:
    """A real HTTP server on 127.0.0.1 answering the update's count and page queries.

    It serves the recorded pages' rows with real keyset paging (``FILTER(?key > "…")``,
    ``LIMIT n``), so a test can drop statements (``drop``), or answer a request named
    ``count`` / ``page N`` with canned answers: ``once[name]`` (a queue) or ``always[name]``.
    ``delay[name]`` holds an answer back; ``log`` has (time, name, user agent) of every request.
    """

    def __init__(self) -> None:
        import threading
        from http.server import ThreadingHTTPServer

        self.vars: list[str] = []
        self.rows: list[dict[str, Any]] = []
        for path in sorted(WIKIDATA_PAGES.glob("page-*.json")):
            page = json.loads(path.read_text(encoding="utf-8"))
            self.vars = page["head"]["vars"]
            self.rows.extend(page["results"]["bindings"])
        self.drop: set[str] = set()
        self.once: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        self.always: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.delay: dict[str, float] = {}  # seconds before answering a request so named
        self.log: list[tuple[float, str, str]] = []

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that went away (a killed update) is part of the tests

        self.httpd = Quiet(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def statements(self) -> list[str]:
        keys = {r["statement"]["value"] for r in self.rows} - self.drop
        return sorted(keys)

    def names(self) -> list[str]:
        return [name for _, name, _ in self.log]

    def answer(self, query: str) -> tuple[str, int, dict[str, str], bytes]:
        import re

        if "COUNT(" in query:
            n = len(self.statements())
            value = {"datatype": "http://www.w3.org/2001/XMLSchema#integer", "type": "literal"}
            count = {
                "head": {"vars": ["statements"]},
                "results": {"bindings": [{"statements": {**value, "value": str(n)}}]},
            }
            return "count", 200, {}, json.dumps(count).encode()
        after = re.search(r'FILTER\(\?key > "((?:[^"\\]|\\.)*)"\)', query)
        limit = re.search(r"LIMIT (\d+)", query)
        if after is None or limit is None:
            return "bad", 400, {}, b"MalformedQueryException: not the update's page query"
        keys, size = self.statements(), int(limit.group(1))
        before = [k for k in keys if k <= after.group(1)]
        chosen = set([k for k in keys if k > after.group(1)][:size])
        name = f"page {len(before) // size + 1}"
        rows = [r for r in self.rows if r["statement"]["value"] in chosen]
        body = {"head": {"vars": self.vars}, "results": {"bindings": rows}}
        text = json.dumps(body, indent=2, ensure_ascii=False, separators=(",", " : "))
        return name, 200, {}, text.encode()

    def _handler(self) -> Any:
        import time
        from http.server import BaseHTTPRequestHandler
        from urllib.parse import parse_qs, urlsplit

        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                params = parse_qs(urlsplit(self.path).query)
                name, status, headers, body = server.answer(params.get("query", [""])[0])
                server.log.append((time.monotonic(), name, self.headers.get("User-Agent", "")))
                time.sleep(server.delay.get(name, 0.0))
                if server.once.get(name):
                    status, headers, body = server.once[name].pop(0)
                elif name in server.always:
                    status, headers, body = server.always[name]
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                headers = {"Content-Length": str(len(body)), **headers}
                for key, value in headers.items():
                    if value:  # "" leaves a header out: the body then ends with the connection
                        self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def sparql_server() -> Iterator[SparqlServer]:
    server = SparqlServer()
    yield server
    server.close()
