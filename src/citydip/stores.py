"""Which store to use (--db, CITYDIP_DB, or the embedded default) and how to build one."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from citydip.errors import InvalidInput, StoreError
from citydip.files import remove_stale_temporaries
from citydip.paths import DEFAULT_DIR_ENV, data_home
from citydip.store.database import Store, open_store, store_failure

__all__ = ["DB_ENV", "DEFAULT_DIR_ENV", "build_store", "data_home", "open_db", "rebuild"]

DB_ENV = "CITYDIP_DB"


def default_db_path() -> Path:
    """The embedded default store, named by the curated and world data it was built from."""
    from citydip.ingest.curated_files import curated_digest
    from citydip.ingest.world import world_digest
    from citydip.store.schema import SCHEMA_VERSION

    world = world_digest()
    suffix = f"-w{world}" if world else ""
    suffix += _networks_suffix()
    return data_home() / f"default-v{SCHEMA_VERSION}-{curated_digest()}{suffix}.db"


def _networks_suffix() -> str:
    """``-m<hash>`` of the shipped membership lists (a new store when they change)."""
    from citydip.ingest.networks import networks_digest

    digest = networks_digest()
    return f"-m{digest}" if digest else ""


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
    create: bool = False,
) -> Store:
    """Open the chosen store; the embedded default store is built on first use from the
    curated data and the world dataset.

    A store chosen by path (``--db``, ``CITYDIP_DB``) that does not exist is an error
    unless ``create`` (an import): a typo must not hide the user's data behind a new store.
    ``on_build(path)`` gives a context manager held while building (a progress display);
    what it yields, if callable, is told each step.
    """
    path = chosen_db_path(explicit)
    if path.exists():
        return open_store(path)
    if explicit or os.environ.get(DB_ENV):
        if not path.parent.is_dir():
            raise StoreError(f"{path.parent}: no such folder (check the store's path)")
        if not create:
            raise StoreError(f"{path}: no store there; a rebuild or an import creates one")
    with on_build(path) if on_build else nullcontext() as advance:
        return build_store(path, progress=advance if callable(advance) else None, warm=True)


def build_store(
    path: Path,
    empty: bool = False,
    world: bool = True,
    progress: Progress | None = None,
    warm: bool = False,
) -> Store:
    """Create a new store at ``path`` (atomically), seeded with the curated data and, unless
    ``world`` is False, the world dataset shipped in the package; with ``warm``, a world
    store gets its costly derived results computed too (``analysis.warm``)."""
    from citydip.ingest.curated import load_curated, seed_store
    from citydip.ingest.world import load_world, read_world, world_path

    data = None if empty else load_curated()  # validate before touching the disk
    with_world = world and not empty and world_path().exists()
    world_data = read_world() if with_world else None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the folder ({exc.strerror})") from exc
    remove_stale_temporaries(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        store = open_store(tmp)
    except StoreError:
        tmp.unlink(missing_ok=True)
        raise
    try:
        if data is not None:
            seed_store(store, data)
            store.set_meta("seeded_from", "curated")
            if progress:
                progress("curated data", len(data.claims))
        if world_data is not None:
            load_world(store, world_data, progress)
            store.set_meta("seeded_from", "curated+world")
            _load_networks(store, progress)
        seeded = [str(r[0]) for r in store.conn.execute("SELECT DISTINCT source_id FROM claims")]
        store.set_meta("seeded_sources", json.dumps(sorted(seeded)))
        if warm and world_data is not None:
            from citydip.analysis.warm import warm_caches

            warm_caches(store)  # the first network, conflicts, home page read these
    except BaseException:
        store.close()
        tmp.unlink(missing_ok=True)
        raise
    store.close()
    with _write_lock(path):
        try:
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{path}: cannot replace the store ({exc.strerror})") from exc
    return open_store(path)


def _load_networks(store: Store, progress: Progress | None) -> None:
    """The shipped membership lists (C40, Eurocities, GPM signatories), beside the world."""
    from citydip.ingest.networks import load_networks, networks_path

    if networks_path().exists():
        summary = load_networks(store)
        if progress:
            progress("memberships", summary.claims)


@contextmanager
def _write_lock(path: Path) -> Iterator[None]:
    """Hold the write lock of the store at ``path`` (if there is one) while it is replaced:
    a command writing to it finishes first, or the replacement is refused."""
    if not path.exists() or path.stat().st_size == 0:
        yield
        return
    conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    try:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_failure(path, exc) from exc
        yield
    finally:
        conn.close()


@dataclass
class StoreCheck:
    """What rebuilding the store at ``path`` would replace."""

    path: Path
    exists: bool
    schema: int = 0
    imported_claims: int = 0
    imported_sources: list[str] = field(default_factory=list)


def check_rebuild(explicit: str | os.PathLike[str] | None = None) -> StoreCheck:
    """What a rebuild of the chosen store would drop; a store of a newer schema (from a
    newer citydip) is refused: rebuilding it would lose what this version cannot read."""
    from citydip.store.schema import SCHEMA_VERSION

    path = chosen_db_path(explicit)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    if not path.exists() or path.stat().st_size == 0:
        return StoreCheck(path, exists=path.exists())
    try:
        conn = sqlite3.connect(f"file:{path.absolute()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        raise store_failure(path, exc, opening=True) from exc
    try:
        schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if schema > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: store schema {schema} is newer than this citydip ({SCHEMA_VERSION}); "
                "upgrade citydip instead of rebuilding it"
            )
        row = conn.execute("SELECT value FROM meta WHERE key = 'seeded_sources'").fetchone()
        if row is not None:
            seeded = list(json.loads(row[0]))
            marks = ", ".join("?" for _ in seeded) or "''"
            rows = conn.execute(
                f"SELECT source_id, COUNT(*) FROM claims WHERE source_id NOT IN ({marks}) "
                "GROUP BY source_id ORDER BY source_id",
                seeded,
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT source_id, COUNT(*) FROM claims WHERE source_id LIKE 'import-%' "
                "OR source_id LIKE 'doc-%' GROUP BY source_id ORDER BY source_id"
            ).fetchall()
    except sqlite3.Error:
        return StoreCheck(path, exists=True)  # unreadable: rebuilding is the cure
    finally:
        conn.close()
    return StoreCheck(
        path,
        exists=True,
        schema=schema,
        imported_claims=sum(int(r[1]) for r in rows),
        imported_sources=[str(r[0]) for r in rows],
    )


def rebuild(
    explicit: str | os.PathLike[str] | None = None,
    empty: bool = False,
    world: bool = True,
    drop_imports: bool = False,
) -> Path:
    """Recreate the chosen store from the curated (and world) data. A store of a newer
    schema is refused; one holding imported claims only with ``drop_imports``."""
    check = check_rebuild(explicit)
    if check.imported_claims and not drop_imports:
        raise InvalidInput(
            f"{check.path}: rebuilding drops {check.imported_claims:,} imported claims "
            f"({', '.join(check.imported_sources[:5])}); confirm to drop them"
        )
    build_store(check.path, empty=empty, world=world, warm=True).close()
    return check.path
