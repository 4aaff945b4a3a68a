"""The server's review writes (issue 24): decisions wait for the writer without holding a
worker thread, the writer's connection follows a replaced store file, and the answers a
review cannot change (the bibliography) stay cached across it."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.conftest import TOKEN, Client, free_port, review_of

from citydip import api
from citydip.store import open_store
from citydip.store.models import Source

AUTH = {"Authorization": f"Bearer {TOKEN}"}
WRITES = 60  # more than the worker threads anyio lends (40)


def extracted(db: Path) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id FROM claims WHERE method = 'extracted' ORDER BY id")
        return [int(r[0]) for r in rows]
    finally:
        conn.close()


def held_writer(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """The writer held inside its batch: ``entered`` is set when it gets there, and it
    writes only once ``release`` is set."""
    from citydip.api import documents

    real = documents.review_in_turn
    entered, release = threading.Event(), threading.Event()

    def held(store: Any, decisions: Any) -> Any:
        entered.set()
        release.wait(60)
        return real(store, decisions)

    monkeypatch.setattr(documents, "review_in_turn", held)
    return entered, release


@pytest.fixture
def loopback(writable_db: Path) -> Iterator[tuple[str, Any]]:
    """The app with a token served by uvicorn on a loopback port, in this process (so that
    a test can hold its writer); its URL and the app."""
    import uvicorn

    from citydip.web.app import create_app

    app = create_app(writable_db, TOKEN)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_waiting_writes_hold_no_worker_thread(
    loopback: tuple[str, Any], writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the writer is held, more writes than the pool has threads wait for it, and a
    read that needs a worker thread is still answered; then every write is answered."""

    url, _ = loopback
    claims = extracted(writable_db)
    entered, release = held_writer(monkeypatch)

    async def run() -> tuple[int, list[int]]:
        limits = httpx.Limits(max_connections=WRITES + 1)
        async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:
            writes = [
                asyncio.create_task(
                    client.post(f"/api/claims/{claims[n % len(claims)]}/accept", headers=AUTH)
                )
                for n in range(WRITES)
            ]
            while not entered.is_set():
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.5)  # the other writes have arrived and wait
            try:  # a miss: computed in a worker thread
                read = await asyncio.wait_for(client.get("/api/claims?format=csv"), 60)
            finally:
                release.set()
            answered = await asyncio.gather(*writes)
        return read.status_code, [r.status_code for r in answered]

    read, writes = asyncio.run(run())
    assert read == 200
    assert writes == [200] * WRITES
    assert {review_of(writable_db, c) for c in claims} == {"accepted"}


def test_a_write_after_the_store_is_replaced_lands_in_the_new_file(
    loopback: tuple[str, Any], writable_db: Path, tmp_path: Path
) -> None:
    """The writer keeps its connection between writes; a store replaced meanwhile (as a
    rebuild replaces it) is opened again, and the write goes to the new file."""
    url, app = loopback
    first, second = extracted(writable_db)[:2]
    copy = tmp_path / "copy.db"
    shutil.copyfile(writable_db, copy)
    with httpx.Client(base_url=url, timeout=60) as client:
        assert client.post(f"/api/claims/{first}/accept", headers=AUTH).status_code == 200
        assert app.state.stores._writer is not None  # kept for the next decision
        copy.replace(writable_db)
        reply = client.post(f"/api/claims/{second}/reject", headers=AUTH)
        assert reply.status_code == 200, reply.text
        assert review_of(writable_db, second) == "rejected"
        assert review_of(writable_db, first) == "proposed"  # the new file: not the old one's
        queue = {c["id"] for c in client.get("/api/claims").json()}
    assert first in queue and second not in queue


def test_the_writer_thread_ends_and_closes_its_connection_once_idle(
    writable_db: Path,
) -> None:
    from citydip.web.app import Stores

    stores = Stores(writable_db)
    claim = extracted(writable_db)[0]
    result = asyncio.run(stores.decide("accepted", claim))
    assert result.state == "accepted" and review_of(writable_db, claim) == "accepted"
    deadline = time.monotonic() + 30
    while any(t.name == "citydip-writer" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the writer thread never ended"
        time.sleep(0.05)
    assert stores._writer is None


def test_the_bibliography_outlives_a_review_not_an_import(
    writer: Client, writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    real = api.bibliography

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args[1:])
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "bibliography", counted)
    before = writer.get("/api/sources").json()
    claim = extracted(writable_db)[0]
    time.sleep(0.01)  # the file's stamp tells the server that the store changed
    assert writer.post(f"/api/claims/{claim}/accept", headers=AUTH).status_code == 200
    assert writer.get("/api/sources").json() == before
    assert len(made) == 1  # kept across the review
    time.sleep(0.01)
    with open_store(writable_db) as store, store.transaction():  # as an import writes
        store.add_source(Source(id="new-source", title="A new source", kind="report"))
    after = writer.get("/api/sources").json()
    assert len(made) == 2 and len(after) == len(before) + 1
    assert "new-source" in {s["id"] for s in after}


def test_a_decision_whose_request_went_away_stops_no_other_answer(
    writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decision whose event loop is closed before its batch is written is still written,
    and the decisions written with it are still answered."""
    from citydip.web.app import Stores

    stores = Stores(writable_db)
    first, gone, kept = extracted(writable_db)[:3]
    entered, release = held_writer(monkeypatch)
    answers: dict[int, Any] = {}

    def decide(claim: int) -> None:
        answers[claim] = asyncio.run(stores.decide("accepted", claim))

    holder = threading.Thread(target=decide, args=(first,), daemon=True)
    holder.start()
    assert entered.wait(30)
    loop = asyncio.new_event_loop()  # a request that goes away while its decision waits
    task = loop.create_task(stores.decide("accepted", gone))
    loop.run_until_complete(asyncio.sleep(0.05))
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        loop.run_until_complete(task)
    loop.close()
    waiting = threading.Thread(target=decide, args=(kept,), daemon=True)
    waiting.start()
    deadline = time.monotonic() + 30
    while len(stores._queued) < 2:
        assert time.monotonic() < deadline, "the decisions were not queued"
        time.sleep(0.01)
    release.set()
    holder.join(60)
    waiting.join(60)
    assert not waiting.is_alive(), "a decision written with a closed loop's was never answered"
    assert set(answers) == {first, kept}
    assert {review_of(writable_db, c) for c in (first, gone, kept)} == {"accepted"}
