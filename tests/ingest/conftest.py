"""Fixtures the ingest tests share: the extraction's name registry of a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.ingest.text.registry import Registry


def _registry(db: Path) -> Registry:
    from citydip.store import open_store

    with open_store(db) as store:
        return Registry.from_store(store)


@pytest.fixture(scope="session")
def world_registry(world_db: Path) -> Registry:
    """The names of the default store's world (built once per run)."""
    return _registry(world_db)


@pytest.fixture(scope="session")
def curated_registry(curated_db: Path) -> Registry:
    """The names of the curated store only."""
    return _registry(curated_db)
