"""Shared fixtures of the extraction tests: the default store's names as ``registry``."""

from __future__ import annotations

import pytest

from citydip.ingest.text.registry import Registry


@pytest.fixture
def registry(world_registry: Registry) -> Registry:
    """The names of the default store's world (built once per run)."""
    return world_registry
