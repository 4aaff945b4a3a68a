"""The places audit on a store built by hand, where every count can be checked."""

from __future__ import annotations

from citydip.knowledge.audit import audit_places
from citydip.store import Store
from citydip.store.models import Claim, Entity, Source


def _place(eid: str, name: str, country: str, lat: float | None, lon: float | None) -> Entity:
    placement = "unplaced" if lat is None else "input"
    return Entity(
        eid, "place", name, country=country, level="city", lat=lat, lon=lon, placement=placement
    )


def test_the_audit_counts_splits_unplaced_and_misplaced(store: Store) -> None:
    places = [
        _place("a1", "Alphaville", "FR", 48.0, 2.0),
        _place("a2", "Alphaville", "FR", 48.1, 2.1),  # 13 km away: a split
        _place("a3", "Alphaville", "FR", 43.0, 5.0),  # 600 km: another town
        _place("b1", "Betaburg", "DE", None, None),  # unplaced, shares a partner with b2
        _place("b2", "Betaburg", "DE", 52.0, 10.0),
        _place("p", "Partner", "IT", 41.9, 12.5),
        _place("m", "Misplaced", "JP", 48.85, 2.35),  # Paris's coordinates, Japan's code
    ]
    source = Source(id="hand", title="by hand", kind="dataset")
    with store.transaction():
        store.add_source(source)
        store.add_missing_entities(places)
        store.add_name_evidence((p.id, p.name, "test") for p in places)
        store.add_claims(
            [
                Claim(
                    subject=s,
                    predicate="twinned_with",
                    object="p",
                    source_id="hand",
                    method="imported",
                )
                for s in ("b1", "b2", "m")
            ]
        )
    audit = audit_places(store)
    ids = [{p.id for p in c.places} for c in audit.splits]
    assert {"a1", "a2"} in ids and {"b1", "b2"} in ids
    assert not any("a3" in group for group in ids)
    assert audit.redundant >= 2
    assert "b1" in {p.id for p in audit.unplaced}
    assert "m" in {p.id for p in audit.misplaced}
    assert audit.counts()["ties_touching_unplaced"] >= 1
