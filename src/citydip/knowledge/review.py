"""Extracted claims enter the store as ``proposed``; a person accepts or rejects them.

    proposed(store, source_id=None)    -> [Claim]
    review_claims(store, ids | source, "accepted" | "rejected") -> count changed

Saving a document's claims as proposed is ``ingest.text.save``. Views read accepted
claims only, so nothing extracted shows until it is accepted.
"""

from __future__ import annotations

from citydip.errors import CitydipError, InvalidInput, NotFound
from citydip.store.database import Store
from citydip.store.derived import record_scope
from citydip.store.models import Claim


def proposed(store: Store, source_id: str | None = None) -> list[Claim]:
    """Extracted claims waiting for review (of one document, or of all)."""
    return [
        c for c in store.claims(review="proposed", source_id=source_id) if c.method == "extracted"
    ]


def review_claims(
    store: Store,
    state: str,
    ids: list[int] | None = None,
    source_id: str | None = None,
    every: bool = False,
) -> int:
    """Accept or reject extracted claims by id, every proposed claim of a document, or all."""
    if state not in ("accepted", "rejected", "proposed"):
        raise InvalidInput(f"review: unknown state {state!r}; use accepted or rejected")
    if not ids and not source_id and not every:
        raise InvalidInput("review: give claim ids, a document source, or every proposed claim")
    extracted = {
        c.id: c
        for c in store.claims(review=None, source_id=source_id, ids=ids or None)
        if c.method == "extracted" and c.id is not None
    }
    if ids:
        missing = [i for i in ids if i not in extracted]
        if missing:
            raise NotFound(f"review: no extracted claim with id {', '.join(map(str, missing))}")
        chosen = ids
    else:
        chosen = [i for i, c in extracted.items() if c.review == "proposed"]
    with store.transaction():
        store.set_review(chosen, state)
        if chosen:
            record_scope(store, chosen)  # what caches may keep (store.derived)
    return len(chosen)


def review_in_turn(store: Store, decisions: list[tuple[str, int]]) -> list[CitydipError | None]:
    """Several decisions, each on one extracted claim, committed together in one transaction
    in their order (a later decision on a claim overrides an earlier one): for each, None
    when it is done, or the error that refused it (refusing nothing else)."""
    ids = sorted({claim_id for _, claim_id in decisions})
    extracted = {
        c.id for c in store.claims(review=None, ids=ids) if c.method == "extracted" and c.id
    }
    outcome: list[CitydipError | None] = []
    for state, claim_id in decisions:
        if state not in ("accepted", "rejected", "proposed"):
            outcome.append(
                InvalidInput(f"review: unknown state {state!r}; use accepted or rejected")
            )
        elif claim_id not in extracted:
            outcome.append(NotFound(f"review: no extracted claim with id {claim_id}"))
        else:
            outcome.append(None)
    chosen = [d for d, refused in zip(decisions, outcome, strict=True) if refused is None]
    if chosen:
        with store.transaction():
            for state, claim_id in chosen:
                store.set_review([claim_id], state)
            record_scope(store, sorted({claim_id for _, claim_id in chosen}))
    return outcome
