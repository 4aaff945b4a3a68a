"""The store on real SQLite files: round trip, idempotence, transactions, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from citydip.errors import StoreError
from citydip.store import Claim, Entity, Source, open_store
from citydip.store.schema import SCHEMA_VERSION


def _fill(path: Path) -> None:
    with open_store(path) as store, store.transaction():
        store.add_source(Source(id="s1", title="A page", kind="official", url="https://x.test"))
        store.add_entity(
            Entity(
                id="a",
                type="place",
                name="Ōsaka",
                country="JP",
                level="city",
                lat=34.7,
                lon=135.5,
                population=2_700_000,
                names=[("大阪市", "ja")],
                port=True,
            )
        )
        store.add_entity(Entity(id="b", type="place", name="Chicago", country="US", level="city"))
        store.add_claim(
            Claim(
                subject="a",
                predicate="twinned_with",
                object="b",
                kind="sister",
                start="1973-12-05",
                source_id="s1",
                qualifiers={"themes": ["trade"]},
                locator="since 1973",
            )
        )


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _fill(path)
    with open_store(path) as store:
        entity = store.entity("a")
        assert entity is not None
        assert (entity.name, entity.country, entity.lat, entity.port) == ("Ōsaka", "JP", 34.7, True)
        assert ("大阪市", "ja") in store.names_of("a")
        [claim] = store.claims(subject="a")
        assert claim.object == "b" and claim.kind == "sister" and claim.year == 1973
        assert claim.qualifiers == {"themes": ["trade"]}
        assert claim.locator == "since 1973" and claim.review == "accepted"
        assert store.source("s1") is not None and store.source("s1").url == "https://x.test"


def test_names_are_found_case_and_accent_insensitively(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _fill(path)
    with open_store(path) as store:
        assert store.ids_by_folded_name("osaka") == ["a"]
        assert store.ids_by_folded_name("大阪") == []  # folding keeps the script
        assert store.ids_by_folded_name("大阪市".casefold()) == ["a"]


def test_same_claim_twice_is_stored_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _fill(path)
    with open_store(path) as store:
        again = Claim(
            subject="a",
            predicate="twinned_with",
            object="b",
            kind="sister",
            start="1973-12-05",
            source_id="s1",
            qualifiers={"themes": ["trade"]},
        )
        assert store.add_claim(again) is False
        assert store.count("claims") == 1


def test_failed_transaction_leaves_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _fill(path)
    with open_store(path) as store:
        before = (store.count("entities"), store.count("claims"))
        with pytest.raises(sqlite3.IntegrityError), store.transaction():
            store.add_entity(Entity(id="c", type="place", name="Lyon", level="city"))
            store.add_claim(
                Claim(
                    subject="c",
                    predicate="twinned_with",
                    object="nowhere",
                    kind="sister",
                    source_id="s1",
                )
            )
        assert (store.count("entities"), store.count("claims")) == before


def test_new_store_has_current_schema_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "n.db") as store:
        assert store.schema_version == SCHEMA_VERSION


def test_store_from_the_future_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this citydip"):
        open_store(path)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a citydip store"):
        open_store(path)


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello, not a database at all" * 100)
    with pytest.raises(StoreError, match="not a citydip store"):
        open_store(path)


def _plan(store: Any, review: str) -> str:
    """How SQLite finds the claims of one review state, as ``Store.claims`` asks (the
    statement traced with its values bound)."""
    captured: list[str] = []
    store.conn.set_trace_callback(captured.append)
    store.claims(review=review)
    store.conn.set_trace_callback(None)
    sql = captured[-1]
    rows = store.conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    return " ".join(str(r[-1]) for r in rows)


def test_the_review_queue_is_read_through_its_index(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    _fill(path)
    with open_store(path) as store:
        with store.transaction():
            for n in range(3):
                store.add_claim(Claim(subject="a", predicate="count", value=str(n), source_id="s1"))
            last = max(c.id or 0 for c in store.claims())
            store.set_review([last], "proposed")
        assert [c.id for c in store.claims(review="proposed")] == [last]
        assert len(store.claims(review="accepted")) == 3
        assert "claims_not_accepted" in _plan(store, "proposed")
        assert "claims_not_accepted" in _plan(store, "rejected")
        assert "claims_not_accepted" not in _plan(store, "accepted")  # never for most claims


def test_a_store_of_schema_3_gains_the_review_index_and_keeps_its_claims(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _fill(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX claims_not_accepted")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with open_store(path, create=False) as store:
        assert store.schema_version == SCHEMA_VERSION == 4
        indexes = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "claims_not_accepted" in indexes
        assert [c.predicate for c in store.claims()] == ["twinned_with"]
