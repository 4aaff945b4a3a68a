"""Documents: extract their claims, check them against the store, review what was saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from citydip.api.records import ProposedClaim, ReviewResult, SavedExtraction
from citydip.errors import CitydipError, InvalidInput
from citydip.progress import Progress, chosen
from citydip.store.database import Store
from citydip.vocabulary import REVIEW_DECISIONS, ReviewDecision, choice

if TYPE_CHECKING:
    from citydip.ingest.text.check import Check


def extract_document(
    store: Store,
    path: Path,
    *,
    save: bool = False,
    encoding: str = "utf-8",
    progress: Progress | None = None,
) -> SavedExtraction:
    """A document's candidate claims; with ``save`` stored as proposed, for review. A PDF's
    pages read are told to ``progress``."""
    from citydip.ingest.text.extract import extract_file

    extraction = extract_file(path, store, encoding=encoding, progress=chosen(progress))
    if not save:
        return SavedExtraction(extraction)
    from citydip.ingest.text.save import save_extraction

    saved = save_extraction(store, extraction)
    return SavedExtraction(extraction, saved.source_id, saved.claim_ids)


def check_document(
    store: Store, path: Path, *, encoding: str = "utf-8", progress: Progress | None = None
) -> Check:
    """A document's claims against the store and each other: agreements, new, contradictions."""
    from citydip.ingest.text.check import check_extraction
    from citydip.ingest.text.extract import extract_file

    extraction = extract_file(path, store, encoding=encoding, progress=chosen(progress))
    return check_extraction(store, extraction)


def proposed_claims(store: Store, source: str | None = None) -> list[ProposedClaim]:
    """Extracted claims waiting for review (of one document source, or of all)."""
    from citydip.knowledge.review import proposed

    claims = proposed(store, source)
    ids = {c.subject for c in claims} | {c.object for c in claims if c.object}
    names = {e.id: e.name for e in store.entities(ids=ids)}
    out = []
    for c in claims:
        assert c.id is not None
        confidence = c.qualifiers.get("confidence")
        out.append(
            ProposedClaim(
                id=c.id,
                subject=c.subject,
                subject_name=names.get(c.subject, c.subject),
                predicate=c.predicate,
                object=c.object,
                object_name=names.get(c.object, c.object) if c.object else None,
                value=c.value,
                start=c.start,
                source=c.source_id,
                confidence=float(confidence) if isinstance(confidence, int | float) else None,
                locator=c.locator,
            )
        )
    return out


def review(
    store: Store,
    state: ReviewDecision,
    *,
    ids: list[int] | None = None,
    source: str | None = None,
    every: bool = False,
) -> ReviewResult:
    """Accept or reject extracted claims by id, every proposed claim of a source, or all."""
    from citydip.knowledge.review import review_claims

    state = choice(state, REVIEW_DECISIONS, "state")
    changed = review_claims(store, state, ids=ids, source_id=source, every=every)
    return ReviewResult(state, changed, list(ids or []))


def review_in_turn(
    store: Store, decisions: list[tuple[ReviewDecision, int]]
) -> list[ReviewResult | CitydipError]:
    """Decisions on single claims (a state, a claim id), committed together in their order:
    for each, what it changed, or the error that refused it (the web's writes, batched)."""
    from citydip.knowledge.review import review_in_turn as decide

    checked: list[tuple[str, int]] = []
    refused: dict[int, CitydipError] = {}
    for n, (state, claim_id) in enumerate(decisions):
        try:
            choice(state, REVIEW_DECISIONS, "state")
        except InvalidInput as exc:
            refused[n] = exc
        checked.append((state, claim_id))
    outcome = decide(store, [d for n, d in enumerate(checked) if n not in refused])
    done = iter(outcome)
    results: list[ReviewResult | CitydipError] = []
    for n, (state, claim_id) in enumerate(decisions):
        error = refused.get(n) or next(done)
        results.append(error if error is not None else ReviewResult(state, 1, [claim_id]))
    return results
