"""The web cache keeps what a write cannot change (issues 21 and 24): a review records its
scope (store.derived.record_scope), and answers are keyed by what they read. A write must
still change every answer that reads what it changed, on a real store through the app."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import TOKEN, Client

from citydip import api
from citydip.store import open_store
from citydip.store.derived import DerivedCache, reached
from citydip.store.models import Claim

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def claim_id(db: Path, subject: str, predicate: str, obj: str) -> int:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT id FROM claims WHERE subject = ? AND predicate = ? AND object = ? "
            "AND method = 'extracted'",
            (subject, predicate, obj),
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def count_claims(db: Path, subject: str) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT id FROM claims WHERE subject = ? AND predicate = 'count' "
            "AND method = 'extracted' ORDER BY id",
            (subject,),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times the app computed each of these answers."""
    counted: Counter[str] = Counter()

    def counting(name: str) -> None:
        real = getattr(api, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counted[name] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(api, name, wrapper)

    for name in ("city_profile", "compare_cities", "network_stats", "search_cities"):
        counting(name)
    counting("list_conflicts")
    return counted


def write(writer: Client, claim: int, decision: str = "accept") -> None:
    time.sleep(0.01)  # the file's stamp tells the server that the store changed
    assert writer.post(f"/api/claims/{claim}/{decision}", headers=AUTH).status_code == 200


def memberships(profile: dict[str, Any]) -> set[str]:
    return {m["organization"]["id"] for m in profile["memberships"]}


def test_a_review_changes_what_reads_it_and_keeps_the_rest(
    writer: Client, writable_db: Path, calls: Counter[str]
) -> None:
    lyon = writer.get("/api/cities/Lyon").json()
    yokohama = writer.get("/api/cities/Yokohama").json()
    compared = writer.get("/api/compare", params={"cities": "Lyon,Yokohama"}).json()
    stats = writer.get("/api/network/stats").json()
    found = writer.get("/api/cities", params={"q": "Yoko"}).json()
    conflicts = writer.get("/api/conflicts", params={"city": "Yokohama"}).json()
    before = calls.copy()
    assert "eurocities" not in memberships(lyon)

    write(writer, claim_id(writable_db, "lyon", "member_of", "eurocities"))

    lyon_after = writer.get("/api/cities/Lyon").json()
    assert "eurocities" in memberships(lyon_after)  # computed again, with the new claim
    assert calls["city_profile"] == before["city_profile"] + 1
    after = writer.get("/api/compare", params={"cities": "Lyon,Yokohama"}).json()
    assert after != compared and calls["compare_cities"] == before["compare_cities"] + 1
    # nothing these read changed: kept, not computed again
    assert writer.get("/api/cities/Yokohama").json() == yokohama
    assert writer.get("/api/network/stats").json() == stats
    assert writer.get("/api/cities", params={"q": "Yoko"}).json() == found
    assert writer.get("/api/conflicts", params={"city": "Yokohama"}).json() == conflicts
    assert calls["city_profile"] == before["city_profile"] + 1
    for name in ("network_stats", "search_cities", "list_conflicts"):
        assert calls[name] == before[name], name

    write(writer, claim_id(writable_db, "lyon", "member_of", "eurocities"), "reject")
    assert "eurocities" not in memberships(writer.get("/api/cities/Lyon").json())


def test_a_tie_review_changes_the_network_answers(writer: Client, writable_db: Path) -> None:
    stats = writer.get("/api/network/stats").json()
    ties = {h["id"]: h["ties"] for h in writer.get("/api/cities", params={"q": "Lyon"}).json()}
    page = writer.get("/network").text
    write(writer, claim_id(writable_db, "lyon", "twinned_with", "birmingham"))
    assert writer.get("/api/network/stats").json()["edges"] == stats["edges"] + 1
    hits = writer.get("/api/cities", params={"q": "Lyon"}).json()
    assert {h["id"]: h["ties"] for h in hits}["lyon"] == ties["lyon"] + 1
    assert writer.get("/network").text != page


def test_a_write_that_records_no_scope_changes_everything(
    writer: Client, writable_db: Path, calls: Counter[str]
) -> None:
    yokohama = writer.get("/api/cities/Yokohama").json()
    writer.get("/api/network/stats")
    before = calls.copy()
    time.sleep(0.01)
    with open_store(writable_db) as store, store.transaction():  # as an import writes
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="member_of",
                object="iclei",
                source_id="hostile-src",
            )
        )
    assert writer.get("/api/cities/Yokohama").json() != yokohama
    writer.get("/api/network/stats")
    assert calls["network_stats"] == before["network_stats"] + 1


def test_pages_follow_a_review_too(writer: Client, writable_db: Path) -> None:
    page = writer.get("/compare", params={"cities": "Lyon,Yokohama"}).text
    conflicts = writer.get("/conflicts", params={"city": "Lyon"}).text
    home = writer.get("/").text
    write(writer, claim_id(writable_db, "lyon", "member_of", "eurocities"))
    assert writer.get("/compare", params={"cities": "Lyon,Yokohama"}).text != page
    assert writer.get("/").text == home  # places and ties only: the same page
    count = count_claims(writable_db, "lyon")[0]  # a stated tie count: a conflict with the list
    write(writer, count)
    assert writer.get("/conflicts", params={"city": "Lyon"}).text != conflicts


def test_what_a_claim_reaches(writable_db: Path) -> None:
    with open_store(writable_db) as store:
        # Lyon runs the programme: its profile shows what the programme's claims say
        programme = reached(store, [("smart-lyon-initiative", None)])
        assert {"smart-lyon-initiative", "lyon"} <= programme
        assert reached(store, [("lyon", "eurocities")]) >= {"lyon", "eurocities"}


def stored(db: Path, read: Callable[[DerivedCache], Any]) -> Any:
    with open_store(db) as store:
        return read(DerivedCache(store))


def test_stored_network_results_outlive_a_review_that_changes_no_tie(writable_db: Path) -> None:
    from citydip.analysis.network.graph import GraphFilter

    key = f"stats:v1:light:{GraphFilter().key()}"
    with open_store(writable_db) as store:
        api.network_stats(store, heavy=False)
    assert stored(writable_db, lambda cache: cache.get(key)) is not None
    with open_store(writable_db) as store:
        api.review(store, "accepted", ids=[claim_id(writable_db, "lyon", "member_of", "iclei")])
    assert stored(writable_db, lambda cache: cache.get(key)) is not None  # carried over
    assert stored(writable_db, lambda cache: cache.get("conflicts:v2")) is None
    with open_store(writable_db) as store:
        tie = claim_id(writable_db, "lyon", "twinned_with", "birmingham")
        api.review(store, "accepted", ids=[tie])
    assert stored(writable_db, lambda cache: cache.get(key)) is None  # a tie changed


@pytest.mark.parametrize(
    "url",
    [
        "/api/cities?q=Yoko",
        "/api/cities?q=Yoko&format=csv",
        "/api/conflicts?city=Yokohama&limit=2",
        "/api/cities/Yokohama",
        "/compare?cities=Lyon,Yokohama",
        "/",
    ],
)
def test_a_cached_answer_served_again_is_the_same_answer(writer: Client, url: str) -> None:
    for encoding in ("gzip", "identity"):
        first = writer.get(url, headers={"Accept-Encoding": encoding})
        again = writer.get(url, headers={"Accept-Encoding": encoding})  # not routed again
        assert first.status_code == again.status_code == 200
        assert first.content == again.content and len(first.content) > 50
        assert dict(first.headers) == dict(again.headers)
    assert writer.app.state.stores.urls  # the second requests were answered from the cache


def test_decisions_that_arrive_together_are_written_together(writable_db: Path) -> None:
    import threading

    from tests.web.conftest import review_of

    from citydip.api.documents import review_in_turn
    from citydip.api.records import ReviewResult
    from citydip.errors import CitydipError, NotFound
    from citydip.web.app import Stores

    conn = sqlite3.connect(writable_db)
    try:
        ids = [int(r[0]) for r in conn.execute("SELECT id FROM claims WHERE method = 'extracted'")]
    finally:
        conn.close()
    stores, answers = Stores(writable_db), {}

    def decide(claim: int) -> None:
        try:
            answers[claim] = stores.review("accepted", claim)
        except CitydipError as exc:
            answers[claim] = exc

    threads = [threading.Thread(target=decide, args=(c,)) for c in [*ids, 999_999]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert isinstance(answers.pop(999_999), NotFound)  # refused alone
    assert answers == {c: ReviewResult("accepted", 1, [c]) for c in ids}
    assert {review_of(writable_db, c) for c in ids} == {"accepted"}
    with open_store(writable_db) as store:  # in one batch, the later decision wins
        assert review_in_turn(store, [("rejected", ids[0]), ("accepted", ids[0])]) == [
            ReviewResult("rejected", 1, [ids[0]]),
            ReviewResult("accepted", 1, [ids[0]]),
        ]
    assert review_of(writable_db, ids[0]) == "accepted"


def test_readers_keep_the_revision_before_a_review_under_way(
    writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a review is written (its commit changes the file before it ends), readers get
    the revision before it without opening the store; once it is written, the new one."""
    import os
    import threading

    from citydip.api import documents
    from citydip.web.app import Stores

    stores = Stores(writable_db)
    before = stores.version()
    mtime = os.stat(writable_db).st_mtime_ns
    claim = claim_id(writable_db, "lyon", "member_of", "eurocities")
    real = documents.review_in_turn
    seen: dict[str, Any] = {}

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a reader opened the store during the write")

    def during(store: Any, decisions: Any) -> Any:
        outcome = real(store, decisions)  # committed: the file has changed
        seen["changed"] = os.stat(writable_db).st_mtime_ns != mtime

        def read() -> None:
            seen["worker"], seen["loop"] = stores.version(), stores.version(wait=False)

        with monkeypatch.context() as patched:
            patched.setattr(sqlite3, "connect", refused)
            reader = threading.Thread(target=read)
            reader.start()
            reader.join()
        return outcome

    monkeypatch.setattr(documents, "review_in_turn", during)
    stores.review("accepted", claim)
    assert seen == {"changed": True, "worker": before, "loop": before}
    after = stores.version()
    assert after != before
    assert dict(after[1])["revision"] == str(int(dict(before[1])["revision"]) + 1)


def test_the_event_loop_never_opens_the_store(
    writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed store seen from the loop (not ``wait``) gives no revision and no cached
    answer, without opening the store; a worker thread then reads the new revision."""
    from citydip.web.app import Stores

    stores = Stores(writable_db)
    before = stores.version()
    stores.cached(("answer",), lambda: "old")
    assert stores.peek(("answer",)) == "old"
    time.sleep(0.01)
    with open_store(writable_db) as store, store.transaction():
        store.set_meta("note", "a write by another process")

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the loop opened the store")

    with monkeypatch.context() as patched:
        patched.setattr(sqlite3, "connect", refused)
        assert stores.version(wait=False) is None
        assert stores.peek(("answer",)) is None
    after = stores.version()
    assert after is not None and after != before
    assert stores.cached(("answer",), lambda: "new") == "new"


def test_the_served_app_is_frozen_out_of_full_collections(writable_db: Path) -> None:
    """``citydip serve`` settles the app before serving: what it holds then is never walked
    by a full collection again."""
    import gc

    from citydip.web.app import create_app, settle

    create_app(writable_db, TOKEN)
    try:
        frozen = settle()
        # what is frozen may be freed since (a writer thread of an earlier test ending)
        assert frozen >= gc.get_freeze_count() > 10_000
        assert len(gc.get_objects(generation=2)) < frozen
    finally:
        gc.unfreeze()
