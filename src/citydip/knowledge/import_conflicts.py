"""Disagreements that imports bring: knowledge.conflicts calls :func:`import_conflicts`.

Rules (docs/importing.md), each over ties with at least one imported claim:
- one-sided: an imported source lists a→b, lists b's own ties too, but not b→a;
- tie status: a source says the tie ended (or is suspended) while another lists it active;
- withdrawn: a newer snapshot of an imported source no longer lists a tie others still do;
- not on the official list: a city with an official list (``lists_ties_of``) or with ties
  from official sources, and an imported tie that neither an official source nor curated
  data from a non-dataset source states; the
  partner's ties with other places of the city's country are shown (Taipei–Cincinnati is
  New Taipei's);
- unresolved place: an imported name the gazetteer could not place (unknown or ambiguous).
Kind and start-year disagreements are found for every tie by knowledge.conflicts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from citydip.knowledge.reconcile import SourceIndex
from citydip.store.database import Store
from citydip.store.models import Entity


@dataclass(frozen=True)
class _Row:
    subject: str
    object: str
    kind: str | None
    end: str | None
    status: str | None
    source: str
    method: str
    review: str
    qualifiers: str
    locator: str | None


def import_conflicts(store: Store, subject: str | None = None) -> list[dict[str, Any]]:
    """Every import conflict about one entity (by id), or about every entity."""
    sql = (
        'SELECT subject, object, kind, "end", status, source_id, method, review, qualifiers, '
        "locator FROM claims WHERE predicate = 'twinned_with'"
    )
    params: list[str] = []
    if subject is not None:
        sql += " AND (subject = ? OR object = ?)"
        params = [subject, subject]
    rows = [_Row(*r) for r in store.conn.execute(sql + " ORDER BY id", params)]
    ties: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in rows:
        a, b = (row.subject, row.object) if row.subject <= row.object else (row.object, row.subject)
        ties[(a, b)].append(row)
    ties = {k: v for k, v in ties.items() if any(r.method == "imported" for r in v)}
    if not ties:
        return []
    ctx = _Context(store, ties)
    out: list[dict[str, Any]] = []
    for (a, b), claims in sorted(ties.items()):
        accepted = [c for c in claims if c.review == "accepted"]
        for city, partner in ((a, b), (b, a)):
            if subject is not None and city != subject:
                continue
            out.extend(ctx.one_sided(city, partner, accepted))
            out.extend(ctx.not_official(city, partner, accepted))
        first = a if subject is None or a == subject else b
        other = b if first == a else a
        out.extend(ctx.status(first, other, accepted))
        out.extend(ctx.withdrawn(first, other, claims, accepted))
        out.extend(ctx.unresolved(first, other, accepted))
    return out


def conflicts_citing(store: Store, source_id: str) -> int:
    """How many import conflicts cite one source (an import's summary)."""
    return sum(
        1
        for conflict in import_conflicts(store)
        if any(s["id"] == source_id for v in conflict["values"] for s in v["sources"])
    )


class _Context:
    """What the rules need, loaded once: sources, entities, who lists whom."""

    def __init__(self, store: Store, ties: dict[tuple[str, str], list[_Row]]) -> None:
        self.sources = SourceIndex(store)
        self.lists: dict[str, set[str]] = defaultdict(set)  # source → subjects it lists
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        official = {s for s, src in self.sources.by_id.items() if src.kind == "official"}
        self.official_cities = {
            src.lists_ties_of for src in self.sources.by_id.values() if src.lists_ties_of
        }
        for subj, obj, source_id in store.conn.execute(
            "SELECT subject, object, source_id FROM claims "
            "WHERE predicate = 'twinned_with' AND review = 'accepted'"
        ):
            self.lists[source_id].add(subj)
            self.neighbours[subj].add(obj)
            self.neighbours[obj].add(subj)
            if source_id in official:
                self.official_cities.add(subj)
        ids = {e for key in ties for e in key}
        ids |= {n for key in ties for e in key for n in self.neighbours.get(e, ())}
        self.entities: dict[str, Entity] = store.entity_map(ids)

    def _summary(self, entity_id: str) -> dict[str, Any]:
        entity = self.entities.get(entity_id)
        return entity.summary() if entity else {"id": entity_id}

    def _name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def _conflict(
        self, city: str, partner: str, prop: str, kind: str, values: list[Any], note: str
    ) -> dict[str, Any]:
        return {
            "subject": self._summary(city),
            "object": self._summary(partner),
            "property": prop,
            "kind": kind,
            "values": [
                {"value": value, "sources": self.sources.cite(sorted(ids))} for value, ids in values
            ],
            "note": note,
        }

    def one_sided(self, city: str, partner: str, claims: list[_Row]) -> list[dict[str, Any]]:
        forward = {c.source for c in claims if c.subject == city and c.method == "imported"}
        backward = {c.source for c in claims if c.subject == partner}
        lone = sorted(s for s in forward - backward if partner in self.lists.get(s, ()))
        if not lone:
            return []
        values = [
            (f"{self._name(city)} lists {self._name(partner)}", lone),
            (f"{self._name(partner)}'s own list omits {self._name(city)}", lone),
        ]
        note = "listed on one side only in the same source"
        return [self._conflict(city, partner, "tie", "one-sided", values, note)]

    def not_official(self, city: str, partner: str, claims: list[_Row]) -> list[dict[str, Any]]:
        if city not in self.official_cities:
            return []
        if any(self._confirms(c) for c in claims):
            return []
        imported = sorted({c.source for c in claims if c.method == "imported"})
        if not imported:
            return []
        lists = sorted(s for s, src in self.sources.by_id.items() if src.lists_ties_of == city)
        values: list[tuple[str, list[str]]] = [("listed as a tie", imported)]
        values.append(("not on the official list" if lists else "no official source", lists))
        note = "an imported tie that no official source states"
        country = (self.entities.get(city) or Entity(city, "place", city)).country
        others = sorted(
            n
            for n in self.neighbours.get(partner, ())
            if n != city
            and country
            and self.entities.get(n)
            and self.entities[n].country == country
        )
        if others:
            names = ", ".join(self._name(o) for o in others)
            note += f"; {self._name(partner)} is tied to {names} in the same country"
        return [self._conflict(city, partner, "imported tie", "unconfirmed", values, note)]

    def _confirms(self, claim: _Row) -> bool:
        """An official source, or curated data from anything but a dataset."""
        source = self.sources.by_id.get(claim.source)
        kind = source.kind if source else "other"
        return kind == "official" or (claim.method == "curated" and kind != "dataset")

    def status(self, city: str, partner: str, claims: list[_Row]) -> list[dict[str, Any]]:
        ended: dict[str, list[str]] = defaultdict(list)
        for c in claims:
            state = c.status if c.status in ("ended", "suspended") else "ended" if c.end else None
            if state:
                label = f"{state} {c.end}" if c.end else state
                ended[label].append(c.source)
        if not ended:
            return []
        stopped = {s for ids in ended.values() for s in ids}
        active = sorted({c.source for c in claims if c.source not in stopped})
        if not active:
            return []
        values = [*sorted(ended.items()), ("listed as active", active)]
        note = "the tie ended or was suspended by one source's account; others still list it"
        return [self._conflict(city, partner, "tie status", "changed-over-time", values, note)]

    def withdrawn(
        self, city: str, partner: str, claims: list[_Row], accepted: list[_Row]
    ) -> list[dict[str, Any]]:
        gone = sorted(
            {c.source for c in claims if c.review == "rejected" and c.method == "imported"}
        )
        gone = [s for s in gone if not any(c.source == s for c in accepted)]
        if not gone or not accepted:
            return []
        values = [("no longer listed", gone), ("listed", sorted({c.source for c in accepted}))]
        note = "a newer snapshot of an imported source dropped the tie"
        return [self._conflict(city, partner, "tie", "changed-over-time", values, note)]

    def unresolved(self, city: str, partner: str, claims: list[_Row]) -> list[dict[str, Any]]:
        out = []
        for c in claims:
            qualifiers = json.loads(c.qualifiers)
            for role, entity_id in (("subject", c.subject), ("object", c.object)):
                state = qualifiers.get(f"{role}_status")
                if state:
                    other = c.object if role == "subject" else c.subject
                    note = (self.entities.get(entity_id) or Entity("", "", "")).description or ""
                    values = [(f"{self._name(entity_id)} ({state})", [c.source])]
                    out.append(
                        self._conflict(
                            other, entity_id, "partner place", "unresolved", values, note
                        )
                    )
        return out
