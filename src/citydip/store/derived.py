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
  ``countries:v1`` (api.network); ``overview:v1`` (analysis.network.overview);
- ``conflicts:v2``: the conflicts of the whole store (knowledge.conflicts);
- ``cities:v1:<country>:<sort>:<limit>:<merge>``: a listing of places without a search
  text (analysis.listing);
- ``city:v1:<id>:…`` and ``top:v1:<by>:…``: a city's network metrics, the best-ranked
  places (api.network);
- ``figure:all-ties:v1``: the home page's map of every tie (web.routes_pages);
- ``regions:v1``: the region of every GeoNames city of a new default store, by GeoNames id
  (knowledge.regions).
"""

from __future__ import annotations

import json
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

    def _key(self, key: str) -> str:
        return f"{key}:{self.prefix}" if self.prefix else key

    def get(self, key: str) -> Any | None:
        raw = read_derived(self.path, self._key(key), self.revision)
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
        keep_derived(self.path, self._key(key), self.revision, zlib.compress(data.encode(), 3))


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
