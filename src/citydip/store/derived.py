"""Costly derived results kept in the store, so the next command does not compute them again.

The one cache of derived results, shared by the CLI, the web and the report. Each value is
kept in the store's ``derived`` table as compressed JSON, keyed by what it is and by the
store's revision, which every committed write changes (an import, a review decision, an
update; a rebuilt store is a new store with an id of its own): a cached value never
outlives the data it was computed from. A store that cannot take the cache (read-only,
locked) just computes; a damaged entry, or one of another shape, is computed again.

What is kept (``<filters>`` is ``GraphFilter.key()``; bump a key's version when its shape
changes):

- ``network:<filters>``: the twinning graph (analysis.network.graph);
- ``centralities:<filters>``, ``betweenness:<filters>`` (exact), ``betweenness~<k>:<filters>``
  (estimated from k sources): whole-graph centralities (analysis.network.city);
- ``stats:v1:<how>:<filters>``: network statistics; ``homophily:v1``, ``communities:v1``,
  ``countries:v1`` (api.network); ``overview:v2`` (analysis.network.overview);
- ``conflicts:v2``: the conflicts of the whole store (knowledge.conflicts);
- ``cities:v1:<country>:<sort>:<limit>:<merge>``: a listing of places without a search
  text (analysis.listing);
- ``city:v2:<id>:…`` and ``top:v1:<by>:…``: a city's network metrics, the best-ranked
  places (api.network);
- ``figure:all-ties:v1``: the map of every tie, /network/map (web.routes_pages);
- ``regions:v1``: the region of every GeoNames city of a new default store, by GeoNames id
  (knowledge.regions);
- ``scope:<number>``: what the review that made revision <number> changed (``record_scope``,
  below); results of places and ties only are kept under ``places_revision``.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

from citydip.store.database import Store, keep_derived, read_derived

T = TypeVar("T")


class DerivedCache:
    """JSON values cached in a store (under ``prefix``, if given), for the revision the
    store had when the cache was made."""

    def __init__(self, store: Store, prefix: str = "") -> None:
        self.path = store.path
        self.revision = store.revision
        self.prefix = prefix
        self._places: str | None = None

    def _key(self, key: str) -> str:
        return f"{key}:{self.prefix}" if self.prefix else key

    def _revision(self, key: str) -> str:
        """The revision an entry must have been computed at: for a result of places and
        ties only, the oldest one with the same places and ties (``places_revision``)."""
        if not places_scoped(key):
            return self.revision
        if self._places is None:
            self._places = places_revision(str(self.path), self.revision)
        return self._places

    def get(self, key: str) -> Any | None:
        full = self._key(key)
        raw = read_derived(self.path, full, self._revision(full))
        if raw is None:
            return None
        try:
            return json.loads(zlib.decompress(raw))
        except (zlib.error, ValueError):
            return None  # a damaged entry is computed again

    def put(self, key: str, value: Any) -> None:
        try:
            data = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        except ValueError:
            return  # not a finite JSON value (a NaN centrality): computed next time too
        full = self._key(key)
        keep_derived(self.path, full, self._revision(full), zlib.compress(data.encode(), 3))


def _same(value: Any) -> Any:
    return value


def remember(
    store: Store,
    key: str,
    compute: Callable[[], T],
    dump: Callable[[T], Any] = _same,
    load: Callable[[Any], T] = _same,
) -> T:
    """``compute()`` once per store revision: the value kept under ``key`` as JSON
    (``dump`` makes it JSON, ``load`` makes it again; an entry ``load`` refuses with
    KeyError, TypeError or ValueError is computed again)."""
    cache = DerivedCache(store)
    saved = cache.get(key)
    if saved is not None:
        try:
            return load(saved)
        except (KeyError, TypeError, ValueError):
            pass
    value = compute()
    cache.put(key, dump(value))
    return value


# -- what a write changed ---------------------------------------------------------------------
#
# A review decision changes the review state of a few claims and nothing else. Beside the
# revision it makes, it records its *scope* in the ``derived`` table (key ``scope:<number>``,
# written in the write's own transaction): whether a tie claim changed, and which entities'
# answers may read what changed. Caches then keep what does not read it:
#
# - results derived from places and ties only (the graph and everything computed from it, the
#   listings of places by tie count, the home page's map: ``places_scoped``) stay valid when
#   no tie claim changed: they are kept under the oldest revision with the same places and
#   ties (``places_revision``), which the scope names;
# - an answer about one entity X (its profile, comparison, conflicts, sources, identity)
#   reads places and ties, the claims that involve X, and the claims *stated by* the entities
#   X's own claims point to (a programme X runs, an organisation it belongs to). So when no
#   tie changed, a changed claim S → O reaches the answers about S, about O, and about the
#   entities with a claim (not a tie) pointing to S: the ``affected`` list (``reached``).
#
# Claims are never rewritten or deleted (only added, and their review state changed), and
# entities, names and sources change only through imports, which record no scope: any write
# that records no scope makes every cached result stale, as before.

SCOPE_KEEP = 64  # the newest scopes kept


def places_scoped(key: str) -> bool:
    """Whether a derived entry is computed from places and ties only (the graph with its
    filters, listings of places by tie count, the map of every tie)."""
    return ":k=" in key or key.startswith(("cities:v1:", "figure:all-ties:"))


def reached(store: Store, claims: list[tuple[str, str | None]]) -> set[str]:
    """The entities whose answers read the (subject, object) claims given, none a tie: the
    two ends, and every entity with a claim (not a tie) pointing to the subject."""
    found = {str(v) for pair in claims for v in pair if v is not None}
    for subject in {s for s, _ in claims}:
        rows = store.conn.execute(
            "SELECT DISTINCT subject FROM claims WHERE object = ? AND predicate != 'twinned_with'",
            (subject,),
        )
        found.update(str(r[0]) for r in rows)
    return found


def record_scope(store: Store, claim_ids: list[int]) -> None:
    """Inside the transaction that changes the review state of ``claim_ids``: record what
    the write changed for the revision it makes."""
    marks = ", ".join("?" for _ in claim_ids)
    rows = store.conn.execute(
        f"SELECT subject, predicate, object FROM claims WHERE id IN ({marks})", claim_ids
    ).fetchall()
    ties = any(predicate == "twinned_with" for _, predicate, _ in rows)
    old = store.revision
    number = int(store.get_meta("revision") or 0) + 1  # transaction() adds one at commit
    new = f"{old.rsplit(':', 1)[0]}:{number}"
    affected = [] if ties else sorted(reached(store, [(s, o) for s, _, o in rows]))
    before = _scope(store, old)
    places = new if ties else str(before.get("places") or old) if before else old
    scope = {"after": old, "ties": ties, "affected": affected, "places": places}
    store.conn.execute(
        "INSERT OR REPLACE INTO derived (key, revision, value) VALUES (?, ?, ?)",
        (f"scope:{number}", new, zlib.compress(json.dumps(scope).encode(), 3)),
    )
    store.conn.execute(
        "DELETE FROM derived WHERE key LIKE 'scope:%' AND CAST(substr(key, 7) AS INTEGER) < ?",
        (number - SCOPE_KEEP,),
    )


def _scope(store: Store, revision: str) -> dict[str, Any] | None:
    """The scope recorded for ``revision``, read through the store's own connection."""
    return scope_at(store.conn, revision)


def scope_at(conn: sqlite3.Connection, revision: str) -> dict[str, Any] | None:
    """The scope recorded for the write that made ``revision``, read through ``conn``."""
    row = conn.execute(
        "SELECT value FROM derived WHERE key = ? AND revision = ?",
        (f"scope:{revision.rsplit(':', 1)[-1]}", revision),
    ).fetchone()
    return None if row is None else _parse(bytes(row[0]))


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(zlib.decompress(raw))
    except (zlib.error, ValueError):
        return None
    return value if isinstance(value, dict) else None


def places_revision(path: str, revision: str) -> str:
    """The oldest revision whose places and ties are those of ``revision``: where results
    of places and ties only are kept (``revision`` itself unless the writes since recorded
    that they changed no tie)."""
    scope = read_scope(path, revision)
    return str(scope.get("places") or revision) if scope else revision


def read_scope(path: str, revision: str) -> dict[str, Any] | None:
    """The scope recorded for the write that made ``revision``, if that write recorded one
    (None for an import, a rebuild, or a scope too old to be kept)."""
    number = revision.rsplit(":", 1)[-1]
    raw = read_derived(path, f"scope:{number}", revision)
    return None if raw is None else _parse(raw)
