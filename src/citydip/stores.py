"""Which store to use (--db, CITYDIP_DB, or the embedded default) and how to build one."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from citydip.errors import InvalidInput, StoreError
from citydip.paths import DEFAULT_DIR_ENV, data_home
from citydip.progress import Progress, chosen
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
    """--db PATH first, then CITYDIP_DB, then the embedded default store; an empty path
    given is an error, never the default store."""
    if explicit is not None and not str(explicit).strip():
        raise InvalidInput("the store's path is empty; give a file name", field="db")
    if explicit:
        return Path(explicit)
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    return default_db_path()


def open_db(
    explicit: str | os.PathLike[str] | None = None,
    *,
    progress: Progress | None = None,
    create: bool = False,
) -> Store:
    """Open the chosen store; the embedded default store is built on first use from the
    curated data and the world dataset.

    A store chosen by path (``--db``, ``CITYDIP_DB``) that does not exist is an error
    unless ``create`` (an import): a typo must not hide the user's data behind a new store.
    A build tells ``progress`` its stages (see :func:`build_store`).
    """
    path = chosen_db_path(explicit)
    if path.exists():
        return open_store(path, create=create)
    if explicit or os.environ.get(DB_ENV):
        if not path.parent.is_dir():
            raise StoreError(f"{path.parent}: no such folder (check the store's path)")
        if not create:
            raise StoreError(f"{path}: no store there; a rebuild or an import creates one")
    return build_store(path, progress=progress, warm=True)


def build_store(
    path: Path,
    *,
    empty: bool = False,
    world: bool = True,
    progress: Progress | None = None,
    warm: bool = False,
    replacing: StoreCheck | None = None,
) -> Store:
    """Create a new store at ``path`` (atomically), seeded with the curated data and, unless
    ``world`` is False, the world dataset shipped in the package; with ``warm``, a world
    store gets its costly derived results computed too (``analysis.warm``). ``replacing``:
    what a rebuild found at ``path`` before building; if the file changed meanwhile (an
    import landed), nothing is replaced. ``progress`` is told the stages done (curated
    data; the world, its membership lists and derived results), task ``Building PATH``."""
    from citydip.files import remove_stale_temporaries
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
    report, task = chosen(progress), f"Building {path}"
    stages = 0 if data is None else 1 if world_data is None else 4 if warm else 3
    report(task, 0, stages)
    try:
        store = open_store(tmp)
    except StoreError:
        tmp.unlink(missing_ok=True)
        raise
    try:
        if data is not None:
            seed_store(store, data)
            store.set_meta("seeded_from", "curated")
            report(task, 1, stages)
        if world_data is not None:
            load_world(store, world_data, progress=progress)
            store.set_meta("seeded_from", "curated+world")
            report(task, 2, stages)
            _load_networks(store)
            report(task, 3, stages)
        seeded = [str(r[0]) for r in store.conn.execute("SELECT DISTINCT source_id FROM claims")]
        store.set_meta("seeded_sources", json.dumps(sorted(seeded)))
        if warm and world_data is not None:
            from citydip.analysis.warm import warm_caches

            warm_caches(store)  # the first network, conflicts, home page read these
            report(task, stages, stages)
    except BaseException:
        store.close()
        tmp.unlink(missing_ok=True)
        raise
    store.close()
    try:
        with _write_lock(path, replacing):
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise StoreError(f"{path}: cannot replace the store ({exc.strerror})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return open_store(path)


def _load_networks(store: Store) -> None:
    """The shipped membership lists (C40, Eurocities, GPM signatories), beside the world."""
    from citydip.ingest.networks import load_networks, networks_path

    if networks_path().exists():
        load_networks(store)


CHANGED = "was written while it was being rebuilt (an import?); nothing was replaced, run it again"


@contextmanager
def _write_lock(path: Path, replacing: StoreCheck | None = None) -> Iterator[None]:
    """Hold the write lock of the store at ``path`` (if there is one) while it is replaced:
    a command writing to it finishes first, or the replacement is refused. With
    ``replacing``, the file must still be what the rebuild's check found."""
    found = _kind_of(path)
    if replacing is not None and (
        (replacing.kind in ("missing", "empty") and found != replacing.kind)
        or (replacing.kind == "citydip" and found != "sqlite")
    ):
        raise StoreError(f"{path}: {CHANGED}")
    if found in ("missing", "empty"):
        yield
        return
    conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
    try:
        locked = True
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            busy = "locked" in str(exc).lower() or "busy" in str(exc).lower()
            if busy or replacing is None or replacing.kind == "citydip":
                raise store_failure(path, exc) from exc
            locked = False  # not a store (replacing it was confirmed): no lock to take
        checked = locked and replacing is not None and replacing.kind == "citydip"
        if checked and replacing is not None and _contents(conn) != replacing.contents:
            raise StoreError(f"{path}: {CHANGED}")
        yield
    finally:
        conn.close()


SQLITE_HEADER = b"SQLite format 3\x00"
CITYDIP_TABLES = {"meta", "entities", "names", "sources", "claims"}


@dataclass
class StoreCheck:
    """What rebuilding the store at ``path`` would replace. ``kind``: ``missing``,
    ``empty`` (0 bytes), ``citydip``, ``foreign`` (an SQLite file of another program, or
    one with no tables) or ``unreadable`` (not SQLite, or a corrupt store)."""

    path: Path
    exists: bool
    schema: int = 0
    imported_claims: int = 0
    imported_sources: list[str] = field(default_factory=list)
    kind: str = "missing"
    contents: tuple[object, ...] = ()  # what the store held when checked (revision, counts)

    @property
    def dropped(self) -> str:
        """What a rebuild drops: ``5 imported claims (source ids…)``."""
        sources = ", ".join(self.imported_sources[:5])
        claims = "imported claim" if self.imported_claims == 1 else "imported claims"
        return f"{self.imported_claims:,} {claims} ({sources})"

    @property
    def confirm(self) -> str | None:
        """Why replacing this file needs a confirmation (forcing), or None."""
        if self.kind == "foreign":
            return "is an SQLite file but not a citydip store (another program's data?)"
        if self.kind == "unreadable":
            return "is not a readable citydip store (another kind of file, or a corrupt store)"
        return None


def _kind_of(path: Path) -> str:
    """What is at ``path``, as :class:`StoreCheck` names it; a folder or anything but a
    regular file is refused: a store is never built over it."""
    from citydip.files import os_problem  # tempfile, shutil: not at every command's start

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({os_problem(exc)})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path}: is a folder, not a store file")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            f"{path}: not a regular file (a device, a pipe or a socket); a store is never "
            "built over it"
        )
    if info.st_size == 0:
        return "empty"
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({os_problem(exc)})") from exc
    return "sqlite" if header == SQLITE_HEADER else "unreadable"


def _contents(conn: sqlite3.Connection) -> tuple[object, ...]:
    """The store's revision and sizes: they change with any write."""
    revision = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    claims = conn.execute("SELECT COUNT(*), MAX(id) FROM claims").fetchone()
    entities = conn.execute("SELECT COUNT(*) FROM entities").fetchone()
    sources = conn.execute("SELECT COUNT(*) FROM sources").fetchone()
    return (revision and revision[0], *claims, entities[0], sources[0])


def check_rebuild(explicit: str | os.PathLike[str] | None = None) -> StoreCheck:
    """What a rebuild of the chosen store would drop; a store of a newer schema (from a
    newer citydip) is refused: rebuilding it would lose what this version cannot read."""
    from citydip.store.schema import SCHEMA_VERSION

    path = chosen_db_path(explicit)
    kind = _kind_of(path)
    if kind != "sqlite":
        return StoreCheck(path, exists=kind != "missing", kind=kind)
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
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
        if schema == 0 or not tables >= CITYDIP_TABLES:
            return StoreCheck(path, exists=True, schema=schema, kind="foreign")
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
        contents = _contents(conn)
    except (sqlite3.Error, ValueError, TypeError):
        return StoreCheck(path, exists=True, kind="unreadable")  # forcing is the cure
    finally:
        conn.close()
    return StoreCheck(
        path,
        exists=True,
        schema=schema,
        imported_claims=sum(int(r[1]) for r in rows),
        imported_sources=[str(r[0]) for r in rows],
        kind="citydip",
        contents=contents,
    )


def rebuild(
    explicit: str | os.PathLike[str] | None = None,
    empty: bool = False,
    world: bool = True,
    drop_imports: bool = False,
    force: bool = False,
    checked: StoreCheck | None = None,
    *,
    progress: Progress | None = None,
) -> Path:
    """Recreate the chosen store from the curated (and world) data. A store of a newer
    schema, a folder and anything but a regular file are refused; a file that is not a
    citydip store (or a corrupt one) is replaced only with ``force``, a store holding
    imported claims only with ``drop_imports``. A store written while the new one was
    built (an import finishing) is kept: the rebuild is refused then. ``checked``: the
    :func:`check_rebuild` the caller confirmed (what it saw is what may be replaced)."""
    check = checked or check_rebuild(explicit)
    if check.confirm and not force:
        raise InvalidInput(f"{check.path} {check.confirm}: force to replace it", field="force")
    if check.imported_claims and not drop_imports:
        raise InvalidInput(
            f"{check.path}: rebuilding drops {check.dropped}; confirm to drop them",
            field="drop_imports",
        )
    build_store(
        check.path, empty=empty, world=world, warm=True, replacing=check, progress=progress
    ).close()
    return check.path
