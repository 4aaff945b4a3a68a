"""The compact index of a store's names for text extraction (issue 22): the built
``Registry`` pickled beside the store file (``.<store>.text-names.pickle``), stamped with the
store file's size and time, so that reading a short text does not rebuild every name of the
world data. A stale, damaged or unreadable index is rebuilt; a read-only folder only means
the registry is built each time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citydip.store.database import Store

if TYPE_CHECKING:
    from citydip.ingest.text.registry import Registry

INDEX_VERSION = "4"
_frozen: list[bool] = []  # whether a loaded index was frozen out of the collector's view


def index_path(store: Store | None) -> Path | None:
    path = getattr(store, "path", None)
    if store is None or path is None or not Path(path).is_file():
        return None
    return Path(path).with_name(f".{Path(path).name}.text-names.pickle")


def _code() -> str:
    """A digest of the code that builds a registry: an index built by other code (an older
    release, a changed rule for country names) is stale even when the store is not."""
    import hashlib

    if not _digests:
        here = Path(__file__).resolve().parent
        digest = hashlib.sha1(INDEX_VERSION.encode())
        for path in (here / "registry.py", here.parents[1] / "gazetteer" / "countries.py"):
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(path.name.encode())
        _digests.append(digest.hexdigest())
    return _digests[0]


_digests: list[str] = []


def _stamp(store: Store) -> tuple[Any, ...]:
    """What the index was built from: the code, the store file's (and its log's) size and
    time."""
    stamps: list[Any] = [_code()]
    for suffix in ("", "-wal"):
        try:
            info = os.stat(f"{store.path}{suffix}")
        except OSError:
            continue
        stamps.append((suffix, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


def read_index(index: Path, store: Store) -> Registry | None:
    """The registry the index holds, if it is as new as the store.

    The cyclic garbage collector is paused while the index loads (its tens of thousands of
    names are all kept: scanning them as they are made is wasted), and the first index a
    process loads is then moved out of its view (``gc.freeze``, once: what a process holds at
    that point is never collected): a long text's reading, which makes and drops many small
    objects, does not rescan the names at every full collection.
    """
    import gc
    import pickle

    enabled = gc.isenabled()
    gc.disable()
    try:
        with index.open("rb") as handle:
            stamp, registry = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    from citydip.ingest.text.registry import Registry

    if stamp != _stamp(store) or not isinstance(registry, Registry):
        return None
    if not _frozen:
        _frozen.append(True)
        gc.freeze()
    return registry


def write_index(index: Path, store: Store, registry: Registry) -> None:
    import pickle
    import tempfile

    registry._links, registry._words = {}, None
    registry.__dict__.pop("_lookups", None)
    registry.__dict__.pop("_places", None)
    registry.__dict__.pop("_scans", None)
    try:
        with tempfile.NamedTemporaryFile("wb", dir=index.parent, delete=False) as handle:
            pickle.dump((_stamp(store), registry), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, index)
    except OSError:
        return  # a read-only folder: the registry is built each time
