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
    """The embedded default store, named by the curated and world data it was built from."""
    from citydip.ingest.curated_files import curated_digest
    from citydip.ingest.world import world_digest
    from citydip.store.schema import SCHEMA_VERSION

    world = world_digest()
    suffix = f"-w{world}" if world else ""
    return data_home() / f"default-v{SCHEMA_VERSION}-{curated_digest()}{suffix}.db"


def chosen_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db PATH first, then CITYDIP_DB, then the embedded default store."""
    if explicit:
        return Path(explicit)
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return default_db_path()


Progress = Callable[[str, int], None]  # (what was just loaded, how many)


def open_db(
    explicit: str | os.PathLike[str] | None = None,
    on_build: Callable[[Path], AbstractContextManager[Progress | None]] | None = None,
) -> Store:
    """Open the chosen store; the embedded default store is built on first use from the
    curated data and the world dataset.

    ``on_build(path)`` gives a context manager held while building (a progress display);
    what it yields, if callable, is told each step.
    """
    path = chosen_db_path(explicit)
    if path.exists():
        return open_store(path)
    with on_build(path) if on_build else nullcontext() as advance:
        return build_store(path, progress=advance if callable(advance) else None)


def build_store(
    path: Path, empty: bool = False, world: bool = True, progress: Progress | None = None
) -> Store:
    """Create a new store at ``path`` (atomically), seeded with the curated data and, unless
    ``world`` is False, the world dataset shipped in the package."""
    from citydip.ingest.curated import load_curated, seed_store
    from citydip.ingest.world import load_world, read_world, world_path

    data = None if empty else load_curated()  # validate before touching the disk
    with_world = world and not empty and world_path().exists()
    world_data = read_world() if with_world else None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    store = open_store(tmp)
    try:
        if data is not None:
            seed_store(store, data)
            store.set_meta("seeded_from", "curated")
            if progress:
                progress("curated data", len(data.claims))
        if world_data is not None:
            load_world(store, world_data, progress)
            store.set_meta("seeded_from", "curated+world")
    except BaseException:
        store.close()
        tmp.unlink(missing_ok=True)
        raise
    store.close()
    os.replace(tmp, path)
    return open_store(path)


def rebuild(
    explicit: str | os.PathLike[str] | None = None, empty: bool = False, world: bool = True
) -> Path:
    """Recreate the chosen store from the curated (and world) data; imports are dropped."""
    path = chosen_db_path(explicit)
    build_store(path, empty=empty, world=world).close()
    return path
