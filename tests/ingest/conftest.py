"""Fixtures the ingest tests share: the extraction's name registry of a real store."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

import pytest

from citydip.ingest.text.claims import ExtractedClaim
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


def ties(
    claims: Iterable[ExtractedClaim], kinds: Collection[str] = ("tie",)
) -> dict[frozenset[str], ExtractedClaim]:
    """The extracted claims of these kinds (default: ties) by the two names they join
    (``pair``); a claim with no object is keyed by its subject and ''."""
    return {
        frozenset((c.subject.name, c.object.name if c.object else "")): c
        for c in claims
        if c.type in kinds
    }


def pair(a: str, b: str) -> frozenset[str]:
    """Two names as ``ties`` keys them: in either order."""
    return frozenset((a, b))


def tie_states(
    text: str, registry: Registry
) -> dict[frozenset[str], tuple[str | None, int | None]]:
    """The ties extracted from ``text`` by their pair: (status, start year)."""
    from citydip.ingest.text.extract import extract_claims

    return {p: (c.status, c.year) for p, c in ties(extract_claims(text, registry)).items()}


def text_ties(
    text: str, registry: Registry, kinds: Collection[str] = ("tie",)
) -> dict[frozenset[str], ExtractedClaim]:
    """The claims of these kinds (default: ties) extracted from ``text`` (a line end added),
    by their pair (``ties``)."""
    from citydip.ingest.text.extract import extract_claims

    return ties(extract_claims(text + "\n", registry), kinds)


def text_years(text: str, registry: Registry) -> dict[frozenset[str], int | None]:
    """The start year of each tie extracted from ``text``, by its pair."""
    return {p: c.year for p, c in text_ties(text, registry).items()}


def text_claims(text: str, registry: Registry, kind: str) -> list[ExtractedClaim]:
    """The claims of one type extracted from ``text`` (a line end added), in order."""
    from citydip.ingest.text.extract import extract_claims

    return [c for c in extract_claims(text + "\n", registry) if c.type == kind]
