"""Fixtures: real temporary stores, a CLI runner that goes through citydip's own main()."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from citydip.store import Store, open_store
from citydip.stores import build_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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


DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def pairs_sample() -> Path:
    """26 real rows of the Wikipedia twin-town list: Kyoto, Kraków, Prague and who lists them."""
    return DATA / "pairs-sample.csv"


@pytest.fixture
def sample_store(store: Store, pairs_sample: Path) -> Store:
    """The curated store with the pairs sample imported (single-source, one-sided ties)."""
    from citydip.ingest.importing import run_import
    from citydip.ingest.pairs import pairs_batch

    run_import(store, pairs_batch(store, pairs_sample))
    return store


def partners_in_csv(path: Path, city: str) -> set[str]:
    """The distinct partners of ``city`` in a city1,country1,city2,country2 file."""
    import csv

    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {r["city2"] for r in rows if r["city1"] == city} | {
        r["city1"] for r in rows if r["city2"] == city
    }
