"""Costly derived results kept in the store, so the next command does not compute them again.

The twinning graph of a world store takes seconds to build and its betweenness a minute;
the conflicts of the whole store take seconds too. They are kept in the store's ``derived``
table as compressed JSON, keyed by what they are (``network:<filters>``,
``centralities:<filters>``, ``conflicts:v2``) and by the store's revision, which every
committed write changes: a cache never outlives the data it was computed from. A store that
cannot take the cache (read-only, locked) just computes; a damaged entry is computed again.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from citydip.store.database import Store, keep_derived, read_derived


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
