"""The Store: one SQLite file of entities, names, sources and claims."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citydip.errors import StoreError
from citydip.store.models import CLAIM_STATEMENT_FIELDS, Claim, Entity, Source
from citydip.store.models import ENTITY_COLUMNS as _ENTITY_COLUMNS
from citydip.store.models import SOURCE_COLUMNS as _SOURCE_COLUMNS
from citydip.store.schema import MIGRATIONS, SCHEMA_VERSION
from citydip.text import clean_text, fold


def claim_fingerprint(claim: Claim) -> str:
    """A stable hash of what a claim says and who says it; re-adding it changes nothing."""
    parts = [getattr(claim, name) or "" for name in CLAIM_STATEMENT_FIELDS]
    parts.append(json.dumps(claim.qualifiers, sort_keys=True, ensure_ascii=False))
    parts.append(claim.source_id)
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


class Store:
    """A connection to a citydip store; use :func:`open_store` to get one."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.conn = connection
        self.path = path
        self.file_id = _file_id(path)

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All or nothing: on any exception every write since the start is rolled back.

        The write lock is taken first; a store replaced meanwhile (``citydip rebuild``) is
        refused, so that no write lands in a file nobody will read again."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_failure(self.path, exc) from exc
        if self.replaced:
            self.conn.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: the store was replaced (rebuilt) while this command ran; "
                "nothing was written, run it again"
            )
        try:
            yield self
            if self.schema_version >= 2:
                self.conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'"
                )
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                # SQLite may have rolled back itself (a full disk, an I/O error)
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:
                raise store_failure(self.path, exc) from exc  # the disk, the file: not the data
            raise

    @property
    def replaced(self) -> bool:
        """The file at the store's path is no longer the one it opened (a rebuild replaced
        it, or it is gone)."""
        return _file_id(self.path) != self.file_id

    @property
    def revision(self) -> str:
        """Changes with every committed write: what derived caches are keyed on."""
        return f"{self.get_meta('store_id') or self.path}:{self.get_meta('revision') or 0}"

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # -- writing ----------------------------------------------------------------------------

    def add_entity(self, entity: Entity) -> None:
        """Insert or replace an entity and index its names."""
        values = [_clean(getattr(entity, col)) for col in _ENTITY_COLUMNS]
        placeholders = ", ".join("?" for _ in _ENTITY_COLUMNS)
        self.conn.execute(
            f"INSERT OR REPLACE INTO entities ({', '.join(_ENTITY_COLUMNS)}) "
            f"VALUES ({placeholders})",
            values,
        )
        names = [(str(values[_ENTITY_COLUMNS.index("name")]), ""), *list(entity.names)]
        if entity.acronym:
            names.append((entity.acronym, ""))
        self.add_names(entity.id, names)

    def add_names(
        self, entity_id: str, names: Iterable[tuple[str, str]], evidence: str | None = None
    ) -> None:
        """Index names of an entity; ``evidence`` says why a name joined it (a merge)."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO names (entity_id, name, lang, folded, evidence) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (entity_id, name, lang, fold(name), evidence)
                for name, lang in ((clean_text(n, one_line=True), g) for n, g in names)
                if name.strip()
            ],
        )

    def add_name_evidence(self, rows: Iterable[tuple[str, str, str | None]]) -> None:
        """(entity id, name, evidence) rows: names that joined entities, and why (a name
        already there adds this evidence to what it had)."""
        self.conn.executemany(
            "INSERT INTO names (entity_id, name, lang, folded, evidence) "
            "VALUES (?, ?, '', ?, ?) ON CONFLICT (entity_id, name) DO UPDATE SET evidence = "
            "CASE WHEN names.evidence IS NULL THEN excluded.evidence "
            "WHEN excluded.evidence IS NULL OR instr(names.evidence, excluded.evidence) > 0 "
            "THEN names.evidence ELSE names.evidence || '; ' || excluded.evidence END",
            [
                (eid, name, fold(name), why)
                for eid, name, why in ((e, clean_text(n, one_line=True), w) for e, n, w in rows)
                if name.strip()
            ],
        )

    def set_wikidata_ids(self, pairs: Iterable[tuple[str, str]]) -> None:
        """(entity id, QID): give entities that have no QID yet their Wikidata item."""
        self.conn.executemany(
            "UPDATE entities SET wikidata_id = ?1 WHERE id = ?2 AND wikidata_id IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM entities WHERE wikidata_id = ?1) "
            "AND NOT EXISTS (SELECT 1 FROM place_qids WHERE qid = ?1)",
            [(qid, eid) for eid, qid in pairs],
        )

    def locate_places(self, rows: Iterable[tuple[str, float, float, str]]) -> None:
        """(entity id, lat, lon, placement): locate places that have no coordinates yet."""
        self.conn.executemany(
            "UPDATE entities SET lat = ?2, lon = ?3, placement = ?4 WHERE id = ?1 "
            "AND lat IS NULL AND type = 'place'",
            list(rows),
        )

    def add_place_qids(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """(entity id, QID, evidence): further Wikidata items of a place (docs/identity.md).
        A QID that already names a place is left where it is."""
        self.conn.executemany(
            "INSERT OR IGNORE INTO place_qids (qid, entity_id, evidence) SELECT ?2, ?1, ?3 "
            "WHERE NOT EXISTS (SELECT 1 FROM entities WHERE wikidata_id = ?2)",
            list(rows),
        )

    def place_qids(self, entity_id: str) -> list[tuple[str, str]]:
        """(QID, evidence) of the further Wikidata items a place holds."""
        rows = self.conn.execute(
            "SELECT qid, evidence FROM place_qids WHERE entity_id = ? ORDER BY qid", (entity_id,)
        )
        return [(str(q), str(e)) for q, e in rows]

    def add_source(self, source: Source) -> None:
        values = [_clean(getattr(source, col)) for col in _SOURCE_COLUMNS]
        self.conn.execute(
            f"INSERT OR REPLACE INTO sources ({', '.join(_SOURCE_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _SOURCE_COLUMNS)})",
            values,
        )

    def add_claim(self, claim: Claim) -> bool:
        """Store a claim; returns False when the same claim from the same source was there."""
        recorded = claim.recorded_at or datetime.now(UTC).isoformat(timespec="seconds")
        cursor = self.conn.execute(
            'INSERT OR IGNORE INTO claims (subject, predicate, object, value, start, "end", kind, '
            "role, status, qualifiers, source_id, locator, method, review, recorded_at, "
            "fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                claim.subject,
                claim.predicate,
                claim.object,
                _clean(claim.value),
                claim.start,
                claim.end,
                claim.kind,
                claim.role,
                claim.status,
                json.dumps(_clean(claim.qualifiers), sort_keys=True, ensure_ascii=False),
                claim.source_id,
                claim.locator,
                claim.method,
                claim.review,
                recorded,
                claim_fingerprint(claim),
            ),
        )
        return cursor.rowcount == 1

    # -- reading ----------------------------------------------------------------------------

    def entity(self, entity_id: str) -> Entity | None:
        row = self.conn.execute(
            f"SELECT {', '.join(_ENTITY_COLUMNS)} FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return None if row is None else _entity_from_row(row)

    def entities(self, ids: Iterable[str] | None = None, type: str | None = None) -> list[Entity]:
        where = _Where().isin("id", ids).eq("type", type)
        sql = f"SELECT {', '.join(_ENTITY_COLUMNS)} FROM entities{where.sql} ORDER BY id"
        return [_entity_from_row(row) for row in self.conn.execute(sql, where.params)]

    def entity_map(self, ids: Iterable[str]) -> dict[str, Entity]:
        return {e.id: e for e in self.entities(ids=set(ids))}

    def children(self, entity_id: str) -> list[str]:
        """Ids of the entities whose parent is ``entity_id`` (a city's districts)."""
        rows = self.conn.execute(
            "SELECT id FROM entities WHERE parent = ? ORDER BY id", (entity_id,)
        )
        return [str(r[0]) for r in rows]

    def name_evidence(self, entity_id: str) -> list[tuple[str, str, str | None]]:
        """(name, language, evidence) of every name of an entity."""
        rows = self.conn.execute(
            "SELECT name, lang, evidence FROM names WHERE entity_id = ? ORDER BY lang, name",
            (entity_id,),
        )
        return [(str(r[0]), str(r[1]), r[2]) for r in rows]

    def names_of(self, entity_id: str) -> list[tuple[str, str]]:
        rows = self.conn.execute(
            "SELECT name, lang FROM names WHERE entity_id = ? ORDER BY lang, name", (entity_id,)
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def ids_by_folded_name(self, folded: str, type: str | None = None) -> list[str]:
        sql = "SELECT DISTINCT n.entity_id FROM names n"
        params: list[Any] = [folded]
        if type:
            sql += " JOIN entities e ON e.id = n.entity_id WHERE n.folded = ? AND e.type = ?"
            params.append(type)
        else:
            sql += " WHERE n.folded = ?"
        return [str(r[0]) for r in self.conn.execute(sql + " ORDER BY 1", params)]

    def all_names(self, type: str | None = None) -> list[tuple[str, str]]:
        """Every (name, entity id) pair, for suggestions."""
        sql = "SELECT n.name, n.entity_id FROM names n JOIN entities e ON e.id = n.entity_id"
        params: list[Any] = []
        if type:
            sql += " WHERE e.type = ?"
            params.append(type)
        return [(str(r[0]), str(r[1])) for r in self.conn.execute(sql, params)]

    def source(self, source_id: str) -> Source | None:
        row = self.conn.execute(
            f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
        return None if row is None else Source(**dict(zip(_SOURCE_COLUMNS, row, strict=True)))

    def sources(self, ids: Iterable[str] | None = None) -> list[Source]:
        where = _Where().isin("id", ids)
        sql = f"SELECT {', '.join(_SOURCE_COLUMNS)} FROM sources{where.sql} ORDER BY id"
        rows = self.conn.execute(sql, where.params)
        return [Source(**dict(zip(_SOURCE_COLUMNS, row, strict=True))) for row in rows]

    def claims(
        self,
        subject: str | None = None,
        predicate: str | Iterable[str] | None = None,
        object: str | None = None,
        involving: str | None = None,
        review: str | None = "accepted",
        source_id: str | None = None,
        ids: Iterable[int] | None = None,
    ) -> list[Claim]:
        """Claims matching every given filter; ``involving`` matches subject or object."""
        where = _Where().eq("subject", subject).eq("object", object).isin("id", ids)
        if involving is not None:
            where.add("(subject = ? OR object = ?)", [involving, involving])
        predicates = [predicate] if isinstance(predicate, str) else predicate
        where.isin("predicate", predicates).eq("review", review).eq("source_id", source_id)
        if review is not None and review != "accepted":  # the partial index claims_not_accepted
            where.add("review != 'accepted'", [])
        sql = (
            'SELECT id, subject, predicate, object, value, start, "end", kind, role, status, '
            f"qualifiers, source_id, locator, method, review, recorded_at FROM claims{where.sql}"
        )
        return [_claim_from_row(r) for r in self.conn.execute(sql + " ORDER BY id", where.params)]

    def count(self, table: str) -> int:
        if table not in {"entities", "names", "sources", "claims"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- bulk import (ingest.importing) -----------------------------------------------------

    def entity_ids_by(self, column: str) -> dict[Any, str]:
        """Every non-null ``geonames_id`` or ``wikidata_id`` → the id of the entity holding it."""
        if column not in {"geonames_id", "wikidata_id"}:
            raise ValueError(column)
        rows = self.conn.execute(
            f"SELECT {column}, id FROM entities WHERE {column} IS NOT NULL ORDER BY id DESC"
        )
        found = {value: str(entity_id) for value, entity_id in rows}
        if column == "wikidata_id":  # a place's further items name it too
            found.update(
                (str(q), str(e))
                for q, e in self.conn.execute("SELECT qid, entity_id FROM place_qids")
            )
        return found

    def add_missing_entities(self, entities: Iterable[Entity]) -> int:
        """Insert entities whose id is not in the store yet (never replaces); returns how many."""
        items = list(entities)
        before = self.count("entities")
        self.conn.executemany(
            f"INSERT OR IGNORE INTO entities ({', '.join(_ENTITY_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _ENTITY_COLUMNS)})",
            [[_clean(getattr(e, col)) for col in _ENTITY_COLUMNS] for e in items],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO names (entity_id, name, lang, folded) VALUES (?, ?, ?, ?)",
            [
                (e.id, name, lang, fold(name))
                for e in items
                for name, lang in ((_clean(n), g) for n, g in [(e.name, ""), *e.names])
                if name.strip()
            ],
        )
        return self.count("entities") - before

    def claim_states(self, source_id: str) -> dict[str, tuple[int, str]]:
        """Fingerprint → (claim id, review state) of every claim of one source."""
        rows = self.conn.execute(
            "SELECT fingerprint, id, review FROM claims WHERE source_id = ?", (source_id,)
        )
        return {str(fp): (int(cid), str(review)) for fp, cid, review in rows}

    def add_claims(self, claims: Iterable[Claim]) -> None:
        """Insert many claims at once; claims already there (same fingerprint) are skipped."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.conn.executemany(
            'INSERT OR IGNORE INTO claims (subject, predicate, object, value, start, "end", kind, '
            "role, status, qualifiers, source_id, locator, method, review, recorded_at, "
            "fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.subject,
                    c.predicate,
                    c.object,
                    _clean(c.value),
                    c.start,
                    c.end,
                    c.kind,
                    c.role,
                    c.status,
                    json.dumps(_clean(c.qualifiers), sort_keys=True, ensure_ascii=False),
                    c.source_id,
                    c.locator,
                    c.method,
                    c.review,
                    c.recorded_at or now,
                    claim_fingerprint(c),
                )
                for c in claims
            ],
        )

    def set_review(self, claim_ids: Iterable[int], review: str) -> None:
        """Set the review state of claims by id (an import withdrawing or restoring them)."""
        self.conn.executemany(
            "UPDATE claims SET review = ? WHERE id = ?", [(review, cid) for cid in claim_ids]
        )


class _Where:
    """A WHERE clause built from optional filters; a None filter adds nothing."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, params: list[Any]) -> _Where:
        self.parts.append(condition)
        self.params.extend(params)
        return self

    def eq(self, column: str, value: Any) -> _Where:
        return self if value is None else self.add(f"{column} = ?", [value])

    def isin(self, column: str, values: Iterable[Any] | None) -> _Where:
        if values is None:
            return self
        items = list(values)
        return self.add(f"{column} IN ({', '.join('?' for _ in items)})", items)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


def _entity_from_row(row: tuple[Any, ...]) -> Entity:
    data = dict(zip(_ENTITY_COLUMNS, row, strict=True))
    for flag in ("port", "capital"):
        data[flag] = None if data[flag] is None else bool(data[flag])
    return Entity(**data)


def _claim_from_row(row: tuple[Any, ...]) -> Claim:
    (
        cid,
        subject,
        predicate,
        obj,
        value,
        start,
        end,
        kind,
        role,
        status,
        qualifiers,
        source_id,
        locator,
        method,
        review,
        recorded_at,
    ) = row
    return Claim(
        id=cid,
        subject=subject,
        predicate=predicate,
        object=obj,
        value=value,
        start=start,
        end=end,
        kind=kind,
        role=role,
        status=status,
        qualifiers=json.loads(qualifiers),
        source_id=source_id,
        locator=locator,
        method=method,
        review=review,
        recorded_at=recorded_at,
    )


def open_store(path: str | Path, create: bool = True) -> Store:
    """Open (and migrate) the store at ``path``; with ``create`` False it must exist, and
    an SQLite file with nothing in it is refused rather than made a store (reading never
    turns another file into a citydip store).

    A zero-byte file is not a store (a failed copy, a full disk): it is refused, never
    silently turned into an empty store."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    exists = path.exists()
    if not create and not exists:
        raise StoreError(f"{path}: no store there; rebuild it or choose another store")
    if exists and path.stat().st_size == 0:
        raise StoreError(f"{path}: the store file is empty (0 bytes); rebuild it or restore a copy")
    if not exists and not path.parent.is_dir():
        raise StoreError(f"{path.parent}: no such folder (check the store's path)")
    try:
        # A web request may open the store in one worker thread and close it in another
        # (FastAPI runs a dependency's setup and teardown apart): one store is used by one
        # request at a time, and SQLite's own locking is serialized.
        conn = sqlite3.connect(
            str(path), isolation_level=None, timeout=10.0, check_same_thread=False
        )
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(conn, str(path))
        try:
            _migrate(store, adopt=create or not exists)
        except BaseException:
            conn.close()
            raise
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise store_failure(path, exc, opening=True) from exc
    return store


def store_failure(path: str | Path, exc: sqlite3.Error, opening: bool = False) -> StoreError:
    """One line saying what went wrong with the store at ``path``, in the user's terms."""
    text = str(exc)
    low = text.lower()
    if "full" in low:
        problem = "the disk is full; nothing was written"
    elif "readonly" in low or "read-only" in low:
        problem = "the store is read-only (file or folder permissions); nothing was written"
    elif "locked" in low or "busy" in low:
        problem = "another citydip command is writing to the store; try again when it is done"
    elif opening and "not a database" in low:
        problem = f"not a citydip store ({text})"
    elif "malformed" in low or "not a database" in low or "corrupt" in low:
        problem = f"the store is corrupt ({text}); rebuild it or restore a copy"
    elif "unable to open" in low:
        problem = "cannot open the store file (missing folder or permissions)"
    elif opening:
        problem = f"not a citydip store ({text})"
    else:
        problem = f"store error: {text}"
    return StoreError(f"{path}: {problem}")


def _file_id(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _clean(value: Any) -> Any:
    """Text with control characters and escape sequences removed, in any nesting."""
    if isinstance(value, str):
        return clean_text(value, one_line=True)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def read_derived(path: str | Path, key: str, revision: str) -> bytes | None:
    """A cached derived value (network centralities…) computed at ``revision``, if any."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).absolute()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(
            "SELECT value FROM derived WHERE key = ? AND revision = ?", (key, revision)
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None if row is None else bytes(row[0])


def keep_derived(path: str | Path, key: str, revision: str, value: bytes) -> bool:
    """Cache a derived value computed at ``revision`` in the store at ``path`` (through a
    connection of its own: the caller's may be closed by now). False when the store cannot
    take it (read-only, locked, gone): a cache is never worth a failure, nor a revision."""
    try:
        conn = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute(
            "INSERT OR REPLACE INTO derived (key, revision, value) VALUES (?, ?, ?)",
            (key, revision, value),
        )
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return True


def _migrate(store: Store, adopt: bool = True) -> None:
    """Bring the store to the current schema; an SQLite file holding anything else
    (tables, views…) is refused, and so is one holding nothing unless ``adopt``."""
    version = store.schema_version
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{store.path}: store schema {version} is newer than this citydip ({SCHEMA_VERSION}); "
            "upgrade citydip"
        )
    if version == 0 and _has_foreign_tables(store):
        raise StoreError(f"{store.path}: not a citydip store (it has other tables or views)")
    if version == 0 and not adopt:
        raise StoreError(
            f"{store.path}: not a citydip store (an SQLite file with nothing in it); "
            "an import or a rebuild makes one"
        )
    for number in range(version, SCHEMA_VERSION):
        with store.transaction():
            for statement in _statements(MIGRATIONS[number]):
                store.conn.execute(statement)
            store.conn.execute(f"PRAGMA user_version = {number + 1}")


def _has_foreign_tables(store: Store) -> bool:
    row = store.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return bool(row[0])


def _statements(script: str) -> list[str]:
    """The statements of a migration, split where SQLite says one is complete (a trigger's
    body holds semicolons of its own)."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip())
    return statements
