"""Names and Wikidata items of imported rows → entity ids, through the gazetteer.

Ids, in order of preference (docs/importing.md):
1. an entity already in the store with the same GeoNames id or Wikidata QID (the curated
   ``yokohama`` keeps its id, so imported ties land on it);
2. ``gn-<geonames id>`` for a name the gazetteer resolves;
3. ``wd-<QID>`` for a Wikidata item whose label the gazetteer cannot place;
4. ``name-<country>-<slug>`` for a name that is unknown or ambiguous: the claim is kept
   about that name, and the name is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from citydip.store.database import Store
from citydip.store.models import Entity
from citydip.text import slugify

IMPORTED_PREFIXES = ("gn-", "wd-", "name-")
UNRESOLVED_NOTE = "imported name the gazetteer could not place"


@dataclass(frozen=True)
class NameQuery:
    """A place as a row writes it: name, country, optional region and Wikidata QID."""

    name: str
    country: str = ""
    region: str = ""
    qid: str = ""


@dataclass(frozen=True)
class Match:
    """Where a name went: the entity id and how (resolved, ambiguous, unknown, wikidata)."""

    entity_id: str
    status: str
    written: str
    reason: str | None = None
    unit: str = "place"

    @property
    def unresolved(self) -> bool:
        return self.status in ("ambiguous", "unknown")


@dataclass
class PlaceResolver:
    """Maps names and QIDs to entity ids, collecting the new entities to insert."""

    store: Store
    progress: bool = False
    new: dict[str, Entity] = field(default_factory=dict)
    extra_names: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_geonames: dict[int, str] = {
            int(k): v for k, v in self.store.entity_ids_by("geonames_id").items()
        }
        # Only curated QIDs: an imported item is placed the same way on every import, so
        # re-importing a file gives the same ids (and adds nothing).
        self.by_qid: dict[str, str] = {
            str(k): v
            for k, v in self.store.entity_ids_by("wikidata_id").items()
            if not v.startswith(IMPORTED_PREFIXES)
        }

    def resolve(self, queries: Sequence[NameQuery]) -> list[Match]:
        """One match per query; identical queries are resolved once."""
        from citydip.knowledge.gazetteer import resolve_many

        distinct = list(dict.fromkeys(queries))
        pending = [q for q in distinct if self._needs_gazetteer(q)]
        rows = [{"name": q.name, "country": q.country, "region": q.region} for q in pending]
        results = dict(
            zip(pending, resolve_many(rows, progress=self.progress, total=len(rows)), strict=True)
        )
        matches: dict[NameQuery, Match] = {}
        for query in distinct:
            if query in results:
                matches[query] = self._from_resolution(query, results[query])
            else:
                matches[query] = self.qid_match(query.qid, query.name)
        return [matches[q] for q in queries]

    def _needs_gazetteer(self, query: NameQuery) -> bool:
        if not query.qid:
            return True
        return query.qid not in self.by_qid and bool(query.name) and query.name != query.qid

    def _from_resolution(self, query: NameQuery, result: Any) -> Match:
        place = result.place if result.status == "resolved" else None
        if query.qid and result.status == "ambiguous":
            # A Wikidata item has no country here: a candidate the curated data knows is
            # the one (only curated ids: what earlier imports created must not matter).
            known = [
                c
                for c in result.candidates
                if not self.by_geonames.get(c.geonames_id, "gn-").startswith(IMPORTED_PREFIXES)
            ]
            place = known[0] if len(known) == 1 else None
        if place is not None:
            entity_id = self.by_geonames.get(place.geonames_id)
            if entity_id is None:
                entity_id = f"gn-{place.geonames_id}"
                self.by_geonames[place.geonames_id] = entity_id
                self.new[entity_id] = Entity(
                    id=entity_id,
                    type="place",
                    name=place.name,
                    country=place.country,
                    level="city",
                    geonames_id=place.geonames_id,
                    wikidata_id=query.qid or None,
                    lat=place.lat,
                    lon=place.lon,
                    population=place.population,
                )
            if query.qid:
                self.by_qid.setdefault(query.qid, entity_id)
            self._add_name(entity_id, query.name)
            return Match(entity_id, "resolved", query.name, result.reason, result.unit)
        if query.qid:
            return Match(self._wikidata_entity(query), "wikidata", query.name, result.reason)
        entity_id = self.name_entity(query, result.status, result.reason)
        return Match(entity_id, result.status, query.name, result.reason)

    def _add_name(self, entity_id: str, name: str) -> None:
        entity = self.new.get(entity_id)
        if entity is not None and name and name != entity.name:
            if (name, "") not in entity.names:
                entity.names.append((name, ""))
        elif entity is None and name:
            self.extra_names.setdefault(entity_id, set()).add(name)

    def _wikidata_entity(self, query: NameQuery) -> str:
        entity_id = f"wd-{query.qid}"
        label = query.name if query.name and query.name != query.qid else query.qid
        if entity_id not in self.new:
            self.new[entity_id] = Entity(
                id=entity_id, type="place", name=label, level="city", wikidata_id=query.qid
            )
        self.by_qid[query.qid] = entity_id
        return entity_id

    def name_entity(self, query: NameQuery, status: str, reason: str | None) -> str:
        """``name-<country>-<slug>``: an entity standing for a name that did not resolve."""
        country = slugify(query.country) if query.country else "xx"
        entity_id = f"name-{country}-{slugify(query.name)}"
        if entity_id not in self.new:
            note = f"{UNRESOLVED_NOTE} ({status}: {reason or 'no reason given'})"
            self.new[entity_id] = Entity(
                id=entity_id,
                type="place",
                name=query.name.strip() or "?",
                country=None,
                level="city",
                description=note,
            )
        return entity_id

    def qid_match(self, qid: str, label: str = "") -> Match:
        """A Wikidata item without gazetteer context: an existing entity or ``wd-<QID>``."""
        if qid in self.by_qid:
            return Match(self.by_qid[qid], "resolved", label or qid)
        return Match(self._wikidata_entity(NameQuery(label or qid, qid=qid)), "wikidata", qid)

    def qid_apart(self, qid: str, label: str = "") -> Match:
        """``wd-<QID>`` even when the label resolved: two items of a tie that met in one place."""
        entity_id = f"wd-{qid}"
        if entity_id not in self.new:
            self.new[entity_id] = Entity(
                id=entity_id, type="place", name=label or qid, level="city", wikidata_id=qid
            )
        return Match(entity_id, "wikidata", label or qid)

    def entities(self) -> list[Entity]:
        return list(self.new.values())

    def names(self) -> list[tuple[str, str]]:
        """(entity id, name) pairs to add to entities that were already in the store."""
        return [(eid, name) for eid, names in self.extra_names.items() for name in sorted(names)]
