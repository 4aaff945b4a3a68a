"""Fixtures: real temporary stores, a CLI runner that goes through citydip's own main()."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from citydip.store import Store, open_store
from citydip.stores import build_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# The gazetteer index takes a minute to build: kept between test runs in a temporary folder
# (never the user's data folder) and linked into each session's CITYDIP_HOME.
INDEX_CACHE = Path(tempfile.gettempdir()) / f"citydip-test-indexes-{os.getuid()}"


@pytest.fixture(scope="session", autouse=True)
def citydip_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test runs with CITYDIP_HOME in a temporary folder holding the gazetteer index."""
    from citydip.knowledge import gazetteer_index

    home = tmp_path_factory.mktemp("citydip-home")
    patch = pytest.MonkeyPatch()
    patch.setenv("CITYDIP_HOME", str(home))
    patch.delenv("CITYDIP_GEONAMES_URL", raising=False)
    target = gazetteer_index.index_path()
    cached = INDEX_CACHE / target.name
    if not cached.exists():
        INDEX_CACHE.mkdir(parents=True, exist_ok=True)
        gazetteer_index.build_index(cached)
    link_index(cached, target)
    yield home
    gazetteer_index.close_all()
    patch.undo()


def link_index(cached: Path, target: Path) -> None:
    """Put the cached index at ``target`` (a hard link when the file system allows)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


@pytest.fixture(scope="session")
def curated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the curated data; tests copy it before writing."""
    path = tmp_path_factory.mktemp("curated") / "citydip.db"
    build_store(path, world=False).close()
    return path


@pytest.fixture(scope="session")
def world_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default store as users get it (curated + the shipped world data), built once."""
    path = tmp_path_factory.mktemp("world") / "citydip.db"
    build_store(path).close()
    return path


@pytest.fixture
def world_store(world_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private, writable copy of the world store."""
    path = tmp_path / "world.db"
    path.write_bytes(world_db.read_bytes())
    s = open_store(path)
    yield s
    s.close()


@pytest.fixture
def store(curated_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private, writable copy of the curated store."""
    path = tmp_path / "citydip.db"
    path.write_bytes(curated_db.read_bytes())
    s = open_store(path)
    yield s
    s.close()


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def _runner(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> Any:
    path = tmp_path / name
    path.write_bytes(db.read_bytes())
    monkeypatch.setenv("CITYDIP_DB", str(path))
    monkeypatch.setenv("COLUMNS", "200")

    def run(*args: str) -> Result:
        from citydip.cli import main

        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return Result(code, out.getvalue(), err.getvalue())

    run.db_path = path  # type: ignore[attr-defined]
    return run


@pytest.fixture
def cli(curated_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``citydip ARGS`` in-process against a copy of the curated store."""
    return _runner(curated_db, tmp_path, monkeypatch, "cli.db")


@pytest.fixture
def world_cli(world_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``citydip ARGS`` in-process against a copy of the world store."""
    return _runner(world_db, tmp_path, monkeypatch, "world-cli.db")
