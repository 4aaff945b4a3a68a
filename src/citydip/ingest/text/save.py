"""A document's extracted claims saved in the store as ``proposed``, for review.

    save_extraction(store, extraction) -> SavedDocument(source id, claim ids)

The document becomes a source (kind ``other``, id ``doc-`` + a hash of its text), the
names the store lacks become entities, and every claim is stored with
``method="extracted"``, ``review="proposed"``, its sentence as locator and its span,
type and confidence as qualifiers. Views read accepted claims only, so nothing extracted
shows until it is accepted (``knowledge.review``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from citydip.ingest.text.claims import ExtractedClaim, Ref
from citydip.ingest.text.extract import Extraction
from citydip.store.database import Store
from citydip.store.models import Claim, Entity, JsonObject, Source
from citydip.text import slugify

ENTITY_TYPES = {
    "place": "place",
    "org": "organization",
    "programme": "programme",
    "event": "event",
    "award": "award",
    "doc": "document",
    "asset": "asset",
}


@dataclass
class SavedDocument:
    source_id: str
    claim_ids: list[int]
    new_entities: list[str]


def document_source_id(extraction: Extraction) -> str:
    digest = hashlib.sha1(extraction.document.text.encode("utf-8")).hexdigest()[:12]
    return f"doc-{digest}"


def save_extraction(store: Store, extraction: Extraction) -> SavedDocument:
    """Store a document's claims as proposed, in one transaction; saving twice adds nothing."""
    source_id = document_source_id(extraction)
    doc = extraction.document
    new_entities: list[str] = []
    with store.transaction():
        store.add_source(
            Source(
                id=source_id,
                title=doc.title,
                kind="other",
                description=f"Claims extracted from {doc.path} ({doc.format}, "
                f"{len(doc.text):,} characters)",
            )
        )
        for claim in extraction.claims:
            subject = _entity_id(store, claim.subject, new_entities)
            obj = _entity_id(store, claim.object, new_entities) if claim.object else None
            store.add_claim(_to_claim(claim, source_id, subject, obj))
    ids = [c.id for c in store.claims(source_id=source_id, review=None) if c.id is not None]
    return SavedDocument(source_id, ids, new_entities)


def _entity_id(store: Store, ref: Ref | None, created: list[str]) -> str:
    assert ref is not None
    if ref.id and store.entity(ref.id) is not None:
        return ref.id
    if ref.geonames_id is not None:
        found = store.entity_ids_by("geonames_id").get(ref.geonames_id)
        if found:
            return found
    base = slugify(ref.name)[:60]
    entity_id, n = base, 1
    while (existing := store.entity(entity_id)) is not None:
        if existing.name == ref.name:
            return entity_id
        n += 1
        entity_id = f"{base}-{n}"
    kind = ENTITY_TYPES.get(ref.label.lower(), "organization")
    store.add_entity(
        Entity(
            id=entity_id,
            type=kind,
            name=ref.name,
            country=ref.country,
            geonames_id=ref.geonames_id,
            level="city" if kind == "place" else None,
        )
    )
    created.append(entity_id)
    return entity_id


def _to_claim(claim: ExtractedClaim, source_id: str, subject: str, obj: str | None) -> Claim:
    qualifiers: JsonObject = {
        "claim_type": claim.type,
        "confidence": round(claim.confidence, 2),
        "span": [claim.start, claim.end],
        "rule": claim.rule,
    }
    if claim.metric:
        qualifiers["metric"] = claim.metric
    if claim.qualifier:
        qualifiers["qualifier"] = claim.qualifier
    if claim.type in ("first_tie", "latest_tie"):
        qualifiers["ordinal"] = claim.type.split("_")[0]
    return Claim(
        subject=subject,
        predicate=claim.predicate,
        source_id=source_id,
        object=obj,
        value=claim.value,
        start=str(claim.year) if claim.year else None,
        end=str(claim.end_year) if claim.end_year else None,
        kind=claim.kind,
        role=claim.role,
        status=claim.status,
        qualifiers=qualifiers,
        locator=claim.sentence[:500],
        method="extracted",
        review="proposed",
    )
