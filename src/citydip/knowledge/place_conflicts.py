"""Conflicts about a place itself (docs/reconciliation.md): the population GeoNames gives
against the populations sources state, and a stated period of agreements against the ties
dated outside it. ``knowledge.conflicts.find_conflicts`` adds them to the others."""

from __future__ import annotations

from typing import Any

from citydip.knowledge.conflicts import Conflict, number
from citydip.knowledge.reconcile import SourceIndex, Tie
from citydip.store.database import Store
from citydip.store.models import Entity

POPULATION_GAP = 1.5  # GeoNames and a source differ this many times: different areas


def population_conflicts(store: Store, city: Entity, sources: SourceIndex) -> list[Conflict]:
    """The GeoNames population against the populations sources state (metro vs city)."""
    if not city.population:
        return []
    stated = store.claims(subject=city.id, predicate="population")
    far = [
        c
        for c in stated
        if (n := number(str(c.value)))
        and max(n, city.population) >= POPULATION_GAP * min(n, city.population)
    ]
    if not far:
        return []
    values: list[dict[str, Any]] = [
        {
            "value": c.value,
            "as_of": c.qualifiers.get("as_of"),
            "sources": sources.cite([c.source_id]),
            "quote": c.locator,
        }
        for c in far
    ]
    values.append(
        {
            "value": str(city.population),
            "as_of": None,
            "derived": f"GeoNames record {city.geonames_id}",
            "sources": [],
        }
    )
    note = (
        "GeoNames' figure and the sourced one differ by more than half: they likely "
        "describe different areas (a metropolitan area against the city proper)"
    )
    return [Conflict(city, "population", "contradiction", values, note)]


def tie_period_conflicts(
    store: Store, city: Entity, ties: list[Tie], sources: SourceIndex
) -> list[Conflict]:
    """A stated period of agreements against ties the store dates outside it."""
    out = []
    for period in store.claims(subject=city.id, predicate="tie_period"):
        outside = [
            t
            for t in ties
            if t.city == city.id
            and t.status == "active"
            and t.year is not None
            and (
                (period.end and t.year > int(period.end[:4]))
                or (period.start and t.year < int(period.start[:4]))
            )
            and any(sources.kind(c.source_id) != "dataset" for c in t.claims)
        ]
        if not outside:
            continue
        values = [{"value": period.value, "sources": sources.cite([period.source_id])}]
        entities = store.entity_map({t.partner for t in outside})
        values += [
            {
                "value": f"{entities[t.partner].name} ({t.kind}, {t.start})",
                "sources": sources.cite(t.source_ids),
            }
            for t in outside
        ]
        note = "ties listed with a start outside the stated period"
        out.append(Conflict(city, "tie period", "contradiction", values, note))
    return out
