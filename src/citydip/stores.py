"""Which store to use (--db, CITYDIP_DB, or the embedded default) and how to build one."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from citydip.paths import DEFAULT_DIR_ENV, data_home
from citydip.store.database import Store, open_store

__all__ = ["DB_ENV", "DEFAULT_DIR_ENV", "build_store", "data_home", "open_db", "rebuild"]

DB_ENV = "CITYDIP_DB"


def default_db_path() -> Path:
    """The embedded default store, named by the curated data it was built from."""
    from citydip.ingest.curated import curated_digest
    from citydip.store.schema import SCHEMA_VERSION

    return data_home() / f"default-v{SCHEMA_VERSION}-{curated_digest()}.db"


def chosen_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db PATH first, then CITYDIP_DB, then the embedded default store."""
    if explicit:
        return Path(explicit)
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return default_db_path()


def open_db(
    explicit: str | os.PathLike[str] | None = None,
    on_build: Callable[[Path], AbstractContextManager[object]] | None = None,
) -> Store:
    """Open the chosen store; a store that does not exist yet is built from curated data.

    ``on_build(path)`` gives a context manager held while building (a progress display).
    """
    path = chosen_db_path(explicit)
    if path.exists():
        return open_store(path)
    with on_build(path) if on_build else nullcontext():
        return build_store(path)


def build_store(path: Path, empty: bool = False) -> Store:
    """Create a new store at ``path`` (atomically), seeded with the curated data."""
    from citydip.ingest.curated import load_curated, seed_store

    data = None if empty else load_curated()  # validate before touching the disk
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    store = open_store(tmp)
    try:
        if data is not None:
            seed_store(store, data)
            store.set_meta("seeded_from", "curated")
    finally:
        store.close()
    os.replace(tmp, path)
    return open_store(path)


def rebuild(explicit: str | os.PathLike[str] | None = None, empty: bool = False) -> Path:
    """Recreate the chosen store from the curated data; imported claims are dropped."""
    path = chosen_db_path(explicit)
    build_store(path, empty=empty).close()
    return path
