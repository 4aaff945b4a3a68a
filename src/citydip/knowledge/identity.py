"""Why a place is what it is: its external ids, level, parent, districts, and the evidence
behind every name it holds (docs/identity.md). ``citydip place NAME`` shows it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from citydip.store.database import Store
from citydip.store.models import Entity


@dataclass(frozen=True)
class NameEvidence:
    """One name of a place, in a language, and why it names this place."""

    name: str
    lang: str
    evidence: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "lang": self.lang, "evidence": self.evidence}


@dataclass
class PlaceIdentity:
    """A place, its ids, where it sits in the hierarchy, its names, and its ties by source."""

    place: Entity
    parent: Entity | None
    districts: list[Entity]
    names: list[NameEvidence]
    ties_by_source: dict[str, int] = field(default_factory=dict)
    further_qids: list[tuple[str, str]] = field(default_factory=list)  # (QID, evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place.summary() | {"description": self.place.description},
            "parent": self.parent.summary() if self.parent else None,
            "districts": [d.summary() for d in self.districts],
            "names": [n.to_dict() for n in self.names],
            "ties_by_source": self.ties_by_source,
            "further_wikidata_ids": [
                {"qid": qid, "evidence": why} for qid, why in self.further_qids
            ],
        }


def describe_place(store: Store, place: Entity) -> PlaceIdentity:
    """Everything that makes ``place`` one place."""
    parent = store.entity(place.parent) if place.parent else None
    districts = store.entities(ids=store.children(place.id))
    names = [NameEvidence(n, lang, why) for n, lang, why in store.name_evidence(place.id)]
    counts = Counter(
        c.source_id for c in store.claims(involving=place.id, predicate="twinned_with")
    )
    further = store.place_qids(place.id)
    return PlaceIdentity(place, parent, districts, names, dict(sorted(counts.items())), further)
