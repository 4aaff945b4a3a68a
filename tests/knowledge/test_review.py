"""Extracted claims are stored as proposed and shown only once accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.errors import InvalidInput, NotFound
from citydip.ingest.text.extract import extract_file
from citydip.ingest.text.save import save_extraction
from citydip.knowledge.review import proposed, review_claims
from citydip.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "text"


def test_save_review_accept_and_reject(store: Store) -> None:
    extraction = extract_file(DATA / "lyon.md", store)
    before = len(store.claims(subject="lyon"))
    saved = save_extraction(store, extraction)
    assert len(saved.claim_ids) == len(extraction.claims)
    source = store.source(saved.source_id)
    assert source is not None and source.title == "Lyon abroad"
    assert len(store.claims(subject="lyon")) == before  # proposed claims feed no view
    waiting = proposed(store, saved.source_id)
    assert {c.method for c in waiting} == {"extracted"}
    assert all(c.locator for c in waiting)
    # saving the same document again adds nothing
    assert save_extraction(store, extraction).claim_ids == saved.claim_ids
    tie = next(c for c in waiting if c.predicate == "twinned_with")
    assert review_claims(store, "accepted", ids=[tie.id or 0]) == 1
    accepted = store.claims(subject="lyon", predicate="twinned_with", source_id=saved.source_id)
    assert [c.id for c in accepted] == [tie.id]
    assert review_claims(store, "rejected", source_id=saved.source_id) == len(waiting) - 1
    assert proposed(store, saved.source_id) == []
    assert len(store.claims(subject="lyon")) == before + 1


def test_review_errors(store: Store) -> None:
    with pytest.raises(NotFound, match="no extracted claim with id 999999"):
        review_claims(store, "accepted", ids=[999999])
    with pytest.raises(InvalidInput, match="give claim ids"):
        review_claims(store, "accepted")
    curated = store.claims(subject="taipei")[0]
    with pytest.raises(NotFound):
        review_claims(store, "rejected", ids=[curated.id or 0])
