"""A document's claims against the store and against each other.

    check_extraction(store, extraction) -> Check(agreements, new, contradictions)

- agreement: the store holds the same statement (same subject, predicate and object, or
  the same number for a count or population), with its sources;
- new: the store holds nothing on it (or the subject is not in the store);
- contradiction: the store says otherwise (another count for the same metric, a member
  said not to be one, another start year for a tie, a tie the document denies or calls
  ended or suspended while the store has it active), or the document says two things
  (53 in the text, 52 in the table; ties "formalized between 1961 and 2024" next to one
  signed in 2025; a tie it also denies). Each contradiction gives both sides with their
  sources or sentences, and each document side its extraction confidence.
- uncertain: what would be a contradiction within the document when a side was not
  extracted confidently (below ``CONFIDENT``): a misreading is more likely than a text
  contradicting itself, so it is listed apart, with each side's confidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, cast

from citydip.ingest.text.claims import ExtractedClaim
from citydip.ingest.text.extract import Extraction
from citydip.knowledge.reconcile import SourceIndex, reconcile_ties
from citydip.store.database import Store
from citydip.store.models import CitedSource, Claim, Json, JsonObject

OPPOSITE = {
    "member_of": "not_member_of",
    "not_member_of": "member_of",
    "twinned_with": "not_twinned_with",
    "not_twinned_with": "twinned_with",
}
CONFIDENT = 0.65  # both sides of a self-contradiction must be extracted at least this surely
TIE_TYPES = ("tie", "first_tie", "latest_tie")


@dataclass
class Check:
    """The outcome of checking one document."""

    document: JsonObject
    agreements: list[JsonObject] = field(default_factory=list)
    new: list[JsonObject] = field(default_factory=list)
    contradictions: list[JsonObject] = field(default_factory=list)
    uncertain: list[JsonObject] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "summary": {
                "agreements": len(self.agreements),
                "new": len(self.new),
                "contradictions": len(self.contradictions),
                "uncertain": len(self.uncertain),
            },
            "agreements": self.agreements,
            "new": self.new,
            "contradictions": self.contradictions,
            "uncertain": self.uncertain,
        }


def check_extraction(store: Store, extraction: Extraction) -> Check:
    """Compare every extracted claim with the store, then the claims with each other."""
    sources = SourceIndex(store)
    check = Check(extraction.to_dict()["document"])
    for claim in extraction.claims:
        _against_store(store, sources, claim, check)
    for item in _within_document(extraction.claims):
        sides = item["document"]
        if all(side["confidence"] >= CONFIDENT for side in sides):
            check.contradictions.append(item)
        else:
            item["note"] += " (a side was not extracted confidently: check the sentences)"
            check.uncertain.append(item)
    return check


def _side(claim: ExtractedClaim, value: str | None = None) -> dict[str, Any]:
    return {
        "value": value if value is not None else _said(claim),
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "confidence": round(claim.confidence, 2),
    }


def _said(claim: ExtractedClaim) -> str:
    if claim.object is not None:
        return claim.object.name + (f" ({claim.year})" if claim.year else "")
    return str(claim.value)


def _store_side(sources: SourceIndex, value: str, claims: list[Claim]) -> dict[str, Any]:
    as_of = sorted({str(c.qualifiers["as_of"]) for c in claims if c.qualifiers.get("as_of")})
    out: dict[str, Any] = {
        "value": value,
        "as_of": as_of[-1] if as_of else None,
        "sources": sources.cite([c.source_id for c in claims]),
    }
    quotes = [c.locator for c in claims if c.locator]
    if quotes:
        out["quote"] = quotes[0]
    return out


def _against_store(store: Store, sources: SourceIndex, claim: ExtractedClaim, check: Check) -> None:
    subject = claim.subject.id
    item: dict[str, Any] = {"claim": claim.to_dict()}
    if subject is None or store.entity(subject) is None:
        item["note"] = "the subject is not in the store"
        check.new.append(item)
        return
    if claim.type in ("count", "population"):
        _numbers(store, sources, claim, item, check)
    elif claim.type in (*TIE_TYPES, "non_tie"):
        _tie(store, sources, claim, item, check)
    elif claim.type == "date_range":
        _date_range(store, sources, claim, item, check)
    else:
        _relation(store, sources, claim, item, check)


def _number(value: str | None) -> float | None:
    found = re.findall(r"\d+(?:\.\d+)?", (value or "").replace(",", ""))
    return float(found[0]) if found else None


def _numbers(
    store: Store, sources: SourceIndex, claim: ExtractedClaim, item: dict[str, Any], check: Check
) -> None:
    assert claim.subject.id is not None
    stored = store.claims(subject=claim.subject.id, predicate=claim.predicate)
    if claim.type == "count":
        stored = [c for c in stored if c.qualifiers.get("metric") == claim.metric]
    if not stored:
        check.new.append(item)
        return
    said = _number(claim.value)
    by_value: dict[str, list[Claim]] = defaultdict(list)
    for c in stored:
        by_value[str(c.value)].append(c)
    same = [c for c in stored if _consistent(said, claim.qualifier, _number(c.value))]
    if same:
        item["store"] = [_store_side(sources, str(same[0].value), same)]
        check.agreements.append(item)
    others = {v: cs for v, cs in by_value.items() if not any(c in same for c in cs)}
    if others:
        label = claim.metric or "population"
        check.contradictions.append(
            {
                "subject": claim.subject.to_dict(),
                "property": f"{label} count" if claim.type == "count" else "population",
                "kind": "store",
                "document": _side(claim),
                "store": [_store_side(sources, v, cs) for v, cs in sorted(others.items())],
                "note": "the store holds other values"
                + ("; some are stated as of other dates" if len(others) > 0 else ""),
            }
        )
    elif not same:
        check.new.append(item)


def _consistent(said: float | None, qualifier: str | None, stored: float | None) -> bool:
    if said is None or stored is None:
        return False
    if qualifier in ("more than", "at least"):
        return stored >= said
    if qualifier in ("about", "nearly"):
        return abs(stored - said) <= 0.1 * said
    if qualifier == "fewer than":
        return stored <= said
    return stored == said


def _tie(
    store: Store, sources: SourceIndex, claim: ExtractedClaim, item: dict[str, Any], check: Check
) -> None:
    """A tie (or a denied tie) against the store's reconciled ties and its denials."""
    assert claim.subject.id is not None
    partner = claim.object.id if claim.object else None
    ties = [t for t in reconcile_ties(store, involving=claim.subject.id, sources=sources)]
    tie = next((t for t in ties if t.partner == partner), None)
    partner_name = claim.object.name if claim.object else "?"
    denials = _denials(store, claim.subject.id, partner) if claim.type != "non_tie" else []
    if denials:
        check.contradictions.append(
            _against(sources, claim, "tie", "tie", "not_twinned_with", denials, partner_name)
        )
        return
    if tie is None:
        check.new.append(item)
        return
    side = {"value": f"{tie.kind}, {tie.status}, since {tie.start or '?'}"}
    item["store"] = [{**side, "sources": sources.cite(tie.source_ids)}]
    conflict: tuple[str, str, str] | None = None
    if claim.type == "non_tie":
        conflict = ("tie", "not twinned", f"{tie.kind} tie ({tie.status})")
    elif claim.year is not None and tie.year is not None and claim.year != tie.year:
        conflict = ("tie start", str(claim.year), str(tie.year))
    elif claim.status in ("ended", "suspended") and tie.status == "active":
        conflict = ("tie status", str(claim.status), tie.status)
    if conflict is None:
        check.agreements.append(item)
        return
    check.contradictions.append(
        {
            "subject": claim.subject.to_dict(),
            "property": conflict[0],
            "kind": "store",
            "document": _side(claim, conflict[1]),
            "store": [{"value": conflict[2], "sources": _json(sources.cite(tie.source_ids))}],
            "note": f"with {partner_name}",
        }
    )


def _json(cited: list[CitedSource]) -> Json:
    """Cited sources as plain JSON (a TypedDict is a dict of JSON values)."""
    return cast("Json", cited)


def _denials(store: Store, subject: str, partner: str | None) -> list[Claim]:
    if partner is None:
        return []
    return store.claims(subject=subject, predicate="not_twinned_with", object=partner) + (
        store.claims(subject=partner, predicate="not_twinned_with", object=subject)
    )


def _against(
    sources: SourceIndex,
    claim: ExtractedClaim,
    prop: str,
    said: str,
    opposite: str,
    claims: list[Claim],
    about: str,
) -> dict[str, Any]:
    return {
        "subject": claim.subject.to_dict(),
        "property": prop,
        "kind": "store",
        "document": _side(claim, said),
        "store": [_store_side(sources, opposite, claims)],
        "note": f"about {about}",
    }


def _date_range(
    store: Store, sources: SourceIndex, claim: ExtractedClaim, item: dict[str, Any], check: Check
) -> None:
    assert claim.subject.id is not None
    ties = [t for t in reconcile_ties(store, involving=claim.subject.id, sources=sources) if t.year]
    if not ties or claim.year is None or claim.end_year is None:
        check.new.append(item)
        return
    outside = [t for t in ties if not claim.year <= (t.year or 0) <= claim.end_year]
    if not outside:
        check.agreements.append(item)
        return
    entities = store.entity_map(t.partner for t in outside)
    check.contradictions.append(
        {
            "subject": claim.subject.to_dict(),
            "property": "ties' date range",
            "kind": "store",
            "document": _side(claim),
            "store": [
                {
                    "value": f"{_name(entities, t.partner)} {t.year}",
                    "sources": _json(sources.cite(t.source_ids)),
                }
                for t in sorted(outside, key=lambda t: t.year or 0)
            ],
            "note": f"{len(outside)} tie(s) in the store began outside {claim.value}",
        }
    )


def _name(entities: dict[str, Any], entity_id: str) -> str:
    entity = entities.get(entity_id)
    return str(entity.name) if entity is not None else entity_id


def _relation(
    store: Store, sources: SourceIndex, claim: ExtractedClaim, item: dict[str, Any], check: Check
) -> None:
    assert claim.subject.id is not None
    target = claim.object.id if claim.object else None
    if target is None:
        item["note"] = "the object is not in the store"
        check.new.append(item)
        return
    same = store.claims(subject=claim.subject.id, predicate=claim.predicate, object=target)
    opposite = OPPOSITE.get(claim.predicate)
    against = (
        store.claims(subject=claim.subject.id, predicate=opposite, object=target)
        if opposite
        else []
    )
    if same:
        item["store"] = [_store_side(sources, claim.object.name if claim.object else "", same)]
        check.agreements.append(item)
    if against:
        check.contradictions.append(
            {
                "subject": claim.subject.to_dict(),
                "property": "membership",
                "kind": "store",
                "document": _side(claim, claim.type.replace("_", " ")),
                "store": [_store_side(sources, opposite or "", against)],
                "note": f"about {claim.object.name if claim.object else '?'}",
            }
        )
    if not same and not against:
        check.new.append(item)


def _pair(claim: ExtractedClaim) -> tuple[str, ...]:
    return tuple(sorted((claim.subject.key, claim.object.key if claim.object else "")))


def _within_document(claims: list[ExtractedClaim]) -> list[dict[str, Any]]:
    """Where the document contradicts itself: counts, ranges against first/latest ties,
    a tie it also denies."""
    out: list[dict[str, Any]] = []
    counts: dict[tuple[str, str, str], list[ExtractedClaim]] = defaultdict(list)
    for c in claims:
        if c.type in ("count", "population"):
            counts[(c.type, c.subject.key, c.metric or "")].append(c)
    for (kind, _, metric), every in counts.items():
        confident = [c for c in every if c.confidence >= CONFIDENT]
        group = confident if len({_number(c.value) for c in confident}) > 1 else every
        values = {_number(c.value) for c in group}
        if len(values) > 1:
            out.append(
                {
                    "subject": group[0].subject.to_dict(),
                    "property": f"{metric} count" if kind == "count" else "population",
                    "kind": "self-contradiction",
                    "document": [_side(c) for c in group],
                    "note": "the document states " + " and ".join(str(c.value) for c in group),
                }
            )
    denied = {_pair(c): c for c in claims if c.type == "non_tie"}
    for tie in claims:
        other = denied.get(_pair(tie)) if tie.type in TIE_TYPES else None
        if other is not None and tie.status in (None, "active"):
            out.append(
                {
                    "subject": tie.subject.to_dict(),
                    "property": "tie",
                    "kind": "self-contradiction",
                    "document": [_side(tie, "twinned"), _side(other, "not twinned")],
                    "note": f"the document both states and denies a tie with "
                    f"{tie.object.name if tie.object else '?'}",
                }
            )
    for rng in (c for c in claims if c.type == "date_range"):
        for tie in claims:
            if tie.type not in ("tie", "first_tie", "latest_tie") or tie.year is None:
                continue
            if tie.subject.key != rng.subject.key or rng.year is None or rng.end_year is None:
                continue
            if not rng.year <= tie.year <= rng.end_year:
                out.append(
                    {
                        "subject": rng.subject.to_dict(),
                        "property": "ties' date range",
                        "kind": "self-contradiction",
                        "document": [_side(rng), _side(tie)],
                        "note": f"ties formalized {rng.value}, yet the "
                        f"{tie.type.replace('_', ' ')} "
                        f"({tie.object.name if tie.object else '?'}) is of {tie.year}",
                    }
                )
    return out
