"""Fixtures for the web face: a store with hostile names and proposed claims, the app
in-process (httpx over ASGI), and a real ``citydip serve`` on a free loopback port."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from citydip.ingest.text.extract import extract_file
from citydip.ingest.text.save import save_extraction
from citydip.store import Store, open_store
from citydip.store.models import Claim, Entity, Source

DATA = Path(__file__).resolve().parents[1] / "data"
TOKEN = "test-token-7f3a"
HOSTILE = "<script>alert(1)</script>"
FORMULA = "=HYPERLINK(1)"


def seed_web_store(path: Path) -> None:
    """Add a place named like markup, a source titled like a formula, and proposed claims."""
    store = open_store(path)
    try:
        with store.transaction():
            store.add_source(Source(id="hostile-src", title=FORMULA, kind="news"))
            store.add_entity(
                Entity(id="hostile", type="place", name=HOSTILE, country="JP", lat=1.0, lon=2.0)
            )
            store.add_names("hostile", [(HOSTILE, "")])
            store.add_claim(
                Claim(
                    subject="yokohama",
                    predicate="twinned_with",
                    object="hostile",
                    source_id="hostile-src",
                    start="1999",
                    kind="friendship",
                )
            )
        save_extraction(store, extract_file(DATA / "text" / "lyon.md", store))
    finally:
        store.close()


@pytest.fixture(scope="session")
def web_db(curated_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The curated store plus the hostile names and proposed claims (read-only tests)."""
    path = tmp_path_factory.mktemp("web") / "web.db"
    path.write_bytes(curated_db.read_bytes())
    seed_web_store(path)
    return path


@pytest.fixture
def writable_db(web_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "writable.db"
    path.write_bytes(web_db.read_bytes())
    return path


@dataclass
class Client:
    """Requests to the app in-process, through httpx's ASGI transport."""

    app: Any

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
                return await c.request(method, url, **kwargs)

        return asyncio.run(go())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@pytest.fixture
def client(web_db: Path) -> Client:
    """A read-only app (no token) over the shared web store."""
    from citydip.web.app import create_app

    return Client(create_app(web_db, None))


@pytest.fixture
def writer(writable_db: Path) -> Client:
    """An app with a write token over a private copy of the web store."""
    from citydip.web.app import create_app

    return Client(create_app(writable_db, TOKEN))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    db: Path
    process: subprocess.Popen[bytes]


@pytest.fixture
def server(writable_db: Path, tmp_path: Path) -> Iterator[Server]:
    """``citydip serve`` as a subprocess on a free loopback port, stopped afterwards."""
    port = free_port()
    env = os.environ | {
        "CITYDIP_DB": str(writable_db),
        "CITYDIP_HOME": str(tmp_path / "home"),
        "CITYDIP_TOKEN": TOKEN,
    }
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "citydip", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url + "/api/sources", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError((tmp_path / "serve.log").read_text())
        time.sleep(0.1)
    try:
        yield Server(url, writable_db, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def review_of(db: Path, claim_id: int) -> str:
    store: Store = open_store(db)
    try:
        return next(c.review for c in store.claims(review=None) if c.id == claim_id)
    finally:
        store.close()
