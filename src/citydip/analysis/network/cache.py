"""Whole-graph results kept in the store, so the next command does not compute them again.

The twinning graph of a world store takes seconds to build and its betweenness a minute to
compute; a city's metrics need both. They are kept in the store's ``derived`` table as
compressed JSON, keyed by what they are (``network:<filters>``, ``centralities:<filters>``)
and by the store's revision, which every committed write changes: a cache never outlives
the data it was computed from. A store that cannot take the cache (read-only) just computes.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from citydip.store.database import Store, keep_derived, read_derived


class DerivedCache:
    """JSON values cached in a store under one prefix (the graph's filters), for the
    revision the store had when the cache was made."""

    def __init__(self, store: Store, prefix: str) -> None:
        self.path = store.path
        self.revision = store.revision
        self.prefix = prefix

    def get(self, key: str) -> Any | None:
        raw = read_derived(self.path, f"{key}:{self.prefix}", self.revision)
        if raw is None:
            return None
        try:
            return json.loads(zlib.decompress(raw))
        except (zlib.error, ValueError):
            return None  # a damaged entry is computed again

    def put(self, key: str, value: Any) -> None:
        try:
            data = json.dumps(value, separators=(",", ":"), allow_nan=False).encode()
        except ValueError:
            return  # not a finite JSON value (a NaN centrality): computed next time too
        keep_derived(self.path, f"{key}:{self.prefix}", self.revision, zlib.compress(data, 3))
