"""Names and Wikidata items of imported rows → entity ids, under the identity rules.

The rules (docs/identity.md), in order:

1. **An external id names one place.** A Wikidata QID already in the store names the entity
   that holds it; a new QID joins the entity of the GeoNames place its label resolves to
   only when that entity has no QID yet and no other QID of the batch resolves there too
   (two items called "São Paulo" — the state and the city — are two places). Otherwise the
   item is an entity of its own, ``wd-<QID>``. One QID never becomes two entities, and two
   QIDs never one: the store's unique indexes enforce it.
2. **Districts and admin units are places of their own.** A city district the gazetteer
   places inside a city ("Kőbánya (Budapest)", "Berlin – Pankow") becomes a ``district``
   with that city as its ``parent``; an admin unit ("Landkreis Rastatt", "Gmina Siechnice")
   becomes a place at its level, located at its seat. Folding districts into their city is
   a query-time choice (``merge_districts``), never made here.
3. **No tie is dropped.** A name nobody can place becomes ``name-<country>-<slug>``: its name,
   its country, flagged ``unplaced`` — or located where the input says it is.
4. **Merges need evidence, and are recorded.** Every name that joins an entity carries the
   reason (a GeoNames id, a QID, the same name and country), shown by ``citydip place``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from citydip.ingest.districts import (
    DistrictIndex,
    core_of,
    display_name,
    district_part,
    is_the_city,
)
from citydip.ingest.place_evidence import (
    KnownIds,
    contested_places,
    country_code,
    distance,
    label_level,
    placed_by_ties,
    qualified_namesakes,
    unit_level,
)
from citydip.ingest.place_items import SAME_PLACE_KM, ItemRules
from citydip.ingest.place_items import Match as Match  # the importers' records, re-exported
from citydip.ingest.place_items import NameQuery as NameQuery
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Entity
from citydip.text import fold, slugify

IMPORTED_PREFIXES = ("gn-", "wd-", "name-")
UNRESOLVED_NOTE = "imported name the gazetteer could not place"


@dataclass
class PlaceResolver(ItemRules):
    """Maps names and QIDs to entity ids, collecting the new entities to insert.

    ``context`` names where the names come from (a file, a response): it goes into the
    evidence recorded for every name that joins an entity.
    """

    store: Store
    progress: Progress | None = None  # told the names resolved
    context: str = ""
    new: dict[str, Entity] = field(default_factory=dict)
    evidence: dict[tuple[str, str], str] = field(default_factory=dict)
    qids: dict[str, str] = field(default_factory=dict)  # existing entity id → new QID
    further: dict[str, tuple[str, str]] = field(default_factory=dict)  # QID → (entity, why)

    def __post_init__(self) -> None:
        self.by_geonames: dict[int, str] = {
            int(k): v for k, v in self.store.entity_ids_by("geonames_id").items()
        }
        self.by_qid: dict[str, str] = {
            str(k): v for k, v in self.store.entity_ids_by("wikidata_id").items()
        }
        self.qid_of: dict[str, str] = {v: k for k, v in self.by_qid.items()}
        self.held: dict[str, set[str]] = {}  # entity → every QID it holds
        for qid, entity_id in self.by_qid.items():
            self.held.setdefault(entity_id, set()).add(qid)
        self._points: dict[str, tuple[float, float] | None] = {}
        self._apart: dict[NameQuery, str] = {}
        self._trusted: dict[NameQuery, bool] = {}
        self.districts = DistrictIndex(self.store)
        self._neighbours: dict[str, set[str]] = {}
        self._labels: dict[str, set[str]] = {}

    # -- resolving ----------------------------------------------------------------------------

    def resolve(
        self,
        queries: Sequence[NameQuery],
        neighbours: dict[str, set[str]] | None = None,
        aliases: dict[str, list[str]] | None = None,
    ) -> list[Match]:
        """One match per query; identical queries are resolved once.

        ``neighbours`` (QID → the QIDs it is tied to) lets a Wikidata item whose label is
        ambiguous, or shared with another item, join the one candidate place that already
        has ties with its neighbours in the store (from other sources): the tie evidence.
        ``aliases`` (QID → its other labels) tell two items of one label apart.
        """
        from citydip.gazetteer import resolve_many

        distinct = list(dict.fromkeys(queries))
        self._neighbours = neighbours or {}
        self._labels = {q.qid: {q.name, *(aliases or {}).get(q.qid, ())} for q in distinct if q.qid}
        pending = [q for q in distinct if not (q.qid and q.qid in self.by_qid)]
        rows = []
        for q in pending:
            point = self.point_of(q)
            rows.append(
                {
                    "name": q.name if q.name != q.qid else "",
                    "country": q.country,
                    "region": q.region,
                    "lat": "" if point is None else point[0],
                    "lon": "" if point is None else point[1],
                }
            )
        results = dict(
            zip(pending, resolve_many(rows, progress=self.progress, total=len(rows)), strict=True)
        )
        self._gazetteer_over_geocoder(results, rows)
        for query, result in results.items():
            if self._weak_label(query, result):  # tie evidence may still pick a candidate
                why = "a label with no country that names several places"
                results[query] = replace(result, status="ambiguous", place=None, reason=why)
        contested = contested_places(results, self.by_geonames, self.qid_of)
        self._apart = qualified_namesakes(results)
        known = KnownIds(self.by_qid, self.by_geonames, self.qid_of)
        chosen = placed_by_ties(results, contested, neighbours or {}, known, self._partners)
        matches: dict[NameQuery, Match] = {}
        # items with a country and coordinates claim their places before bare labels do
        for query in sorted(distinct, key=lambda q: (not q.country, q.point is None)):
            held = self.by_geonames.get(chosen[query][0].geonames_id) if query in chosen else None
            if query in chosen and not self._tied(held, query.qid):
                matches[query] = self._confirmed(query, *chosen[query])
            elif query in results:
                matches[query] = self._place(query, results[query], contested)
            else:
                matches[query] = self.qid_match(query.qid, query.name)
        for query, match in matches.items():  # once every item has had its own evidence
            if (moved := self._by_shared_partners(query, match)) is not None:
                matches[query] = moved
        return [matches[q] for q in queries]

    def point_of(self, query: NameQuery) -> tuple[float, float] | None:
        """The coordinates a row gives, when they can lie in its country: a geocoder that
        put "Cambridge, United States" in England is not believed."""
        point = query.point
        if point is not None and point[0].is_integer() and point[1].is_integer():
            return None  # a whole-degree point is a geocoder's country-level fallback
        if point is None or not query.country:
            return point
        if query not in self._trusted:
            from citydip.gazetteer.grid import plausible

            self._trusted[query] = plausible(*point, country_code(query.country))
        return point if self._trusted[query] else None

    def _partners(self, entity_id: str) -> set[str]:
        rows = self.store.conn.execute(
            "SELECT subject, object FROM claims WHERE predicate = 'twinned_with' "
            "AND (subject = ?1 OR object = ?1)",
            (entity_id,),
        )
        return {b if a == entity_id else a for a, b in rows}

    def _confirmed(self, query: NameQuery, place: Any, shared: list[str]) -> Match:
        entity_id = self._geonames_entity(place)
        names = ", ".join(shared[:3]) + (" …" if len(shared) > 3 else "")
        why = (
            f"Wikidata {query.qid}: its label {query.name!r} names GeoNames "
            f"{place.geonames_id}, which other sources already tie to its partners ({names})"
        )
        return self._joined(entity_id, query, why, "placed by shared ties")

    def _place(self, query: NameQuery, result: Any, contested: set[int]) -> Match:
        place = result.place if result.status == "resolved" else None
        if place is None:
            countries = {c.country for c in result.candidates}
            country = countries.pop() if len(countries) == 1 else None
            if query.qid and not query.country:  # namesakes say nothing of an item's country
                country = None
            return self._unplaced(query, result.status, result.reason, country)
        if query.qid and label_level(query.name) == "country":  # a country is no town
            note = f"a country's name; the gazetteer's {place.name} is a town of it"
            level_code = country_code(query.name)
            entity_id = self._wikidata_entity(query, "country", note, country=level_code)
            return Match(entity_id, "wikidata", query.name, note, "admin unit")
        if result.unit == "parent":
            return self._district(query, place, result.reason)
        if result.unit in ("seat", "admin"):
            return self._admin_unit(query, place, result)
        if not place.geonames_id:  # a village from data without GeoNames ids
            note = f"placed by the gazetteer ({place.name}, {place.country}; no GeoNames id)"
            entity_id = self._own_place(query, "city", note, country=place.country)
            self._locate(entity_id, place, "gazetteer")
            return Match(entity_id, "resolved", query.name, result.reason, "place")
        if query in self._apart:
            note = (
                f"one of several places written {self._apart[query]!r} with a qualifier that "
                f"the gazetteer all placed at {place.name} (GeoNames {place.geonames_id}): "
                "kept apart"
            )
            return Match(self._own_place(query, "city", note), "resolved", query.name, note)
        point = self.point_of(query)
        if point is not None and distance(point, (place.lat, place.lon)) > SAME_PLACE_KM:
            # the input says the place is elsewhere: no merge without evidence
            km = distance(point, (place.lat, place.lon))
            note = (
                f"the input locates it {km:.0f} km from {place.name} ({place.country}, "
                f"GeoNames {place.geonames_id}), the gazetteer's choice: kept apart"
            )
            return Match(self._own_place(query, "city", note), "resolved", query.name, note)
        held = self.qid_of.get(self.by_geonames.get(place.geonames_id, ""))
        if query.qid and (place.geonames_id in contested or held not in (None, query.qid)):
            apart_km = self._same_settlement(query, place)
            if apart_km is not None:
                entity_id = self._geonames_entity(place)
                why = (
                    f"Wikidata {query.qid}: same name and country, and its coordinates lie "
                    f"{apart_km:.1f} km from {place.name} (GeoNames {place.geonames_id}): "
                    "one settlement"
                )
                return self._joined(entity_id, query, why, "one settlement")
            if (unit := self._unit_of_city(query, place, held)) is not None:
                return unit
            reason = f"another Wikidata item also resolves to GeoNames {place.geonames_id}"
            note = f"its label names {place.name} ({place.country}), which another item holds"
            entity_id = self._wikidata_entity(query, note=note, country=place.country)
            return Match(entity_id, "wikidata", query.name, reason)
        if self._tied(self.by_geonames.get(place.geonames_id), query.qid):
            note = f"its label names {place.name} ({place.country}), whose item it is tied to"
            entity_id = self._wikidata_entity(query, note=note, country=place.country)
            return Match(entity_id, "wikidata", query.name, note)
        entity_id = self._geonames_entity(place)
        why = f"GeoNames {place.geonames_id}: the gazetteer resolved {query.name!r}"
        if query.country:
            why += f" in {query.country}"
        if query.qid:
            why = f"Wikidata {query.qid}; {why}"
            self._give_qid(entity_id, query.qid, why)
        self._name(entity_id, query.name, why)
        return Match(entity_id, "resolved", query.name, result.reason, "place")

    def _geonames_entity(self, place: Any) -> str:
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
                lat=place.lat,
                lon=place.lon,
                population=place.population,
                placement="geonames",
            )
            self._name(entity_id, place.name, f"GeoNames {place.geonames_id}")
        return entity_id

    def _give_qid(self, entity_id: str, qid: str, why: str = "") -> None:
        self.by_qid[qid] = entity_id
        self.held.setdefault(entity_id, set()).add(qid)
        if self.qid_of.get(entity_id, qid) != qid:  # a further item of the same place
            self.further[qid] = (entity_id, why)
            return
        self.qid_of[entity_id] = qid
        entity = self.new.get(entity_id)
        if entity is not None:
            entity.wikidata_id = qid
        else:
            self.qids[entity_id] = qid

    def _district(self, query: NameQuery, city: Any, reason: str | None) -> Match:
        """A city district GeoNames lacks: a place of its own inside its city, one place
        however it is written ("Berlin – Pankow", "Pankow (Berlin)")."""
        parent = self._geonames_entity(city)
        part = district_part(query.name, {city.name, *self._names_of(parent)})
        known_district = self.districts.find(parent, part)
        if self._tied(parent, query.qid) or self._tied(known_district, query.qid):
            note = f"district of {city.name}; tied to an item that place holds, so not it"
            entity_id = self._wikidata_entity(
                query, "district", note, parent=parent, country=city.country
            )
            return Match(entity_id, "wikidata", query.name, reason, "district")
        if label_level(part) not in ("city", "district") and not core_of(
            " ".join(w for w in part.split() if label_level(w) == "city")
        ):  # "Plovdiv Province" is no district "Province" of Plovdiv: a unit at its level
            note = f"{label_level(part)} named after {city.name}"
            entity_id = self._own_place(query, label_level(part), note, country=city.country)
            self._locate(entity_id, city, "seat")
            return Match(entity_id, "resolved", query.name, reason, "admin unit")
        if is_the_city(part, city.name):  # "Municipiul Buzău" is Buzău
            why = f"{query.name!r} names {city.name} (GeoNames {city.geonames_id}) itself"
            if query.qid:
                self._give_qid(parent, query.qid, f"Wikidata {query.qid}: {why}")
            self._name(parent, query.name, why)
            return Match(parent, "resolved", query.name, reason, "place")
        why = f"the district {part!r} of {city.name}"
        known = self.districts.find(parent, part)
        if known is not None:
            self._district_qid(known, query, why)
            self._name(known, query.name, why)
            return Match(known, "resolved", query.name, reason, "district")
        note = f"district of {city.name} (GeoNames {city.geonames_id})"
        canonical = replace(query, name=f"{city.name} – {core_of(part)}", qid="")
        entity_id = self._own_place(
            canonical, "district", note, parent=parent, country=city.country
        )
        if canonical.name != query.name:  # the key is no name anybody wrote
            self.evidence.pop((entity_id, canonical.name), None)
        self._district_qid(entity_id, query, why)
        self._name(entity_id, query.name, why)
        located = self.new.get(entity_id)
        if located is not None:
            located.name = display_name(city.name, part)
            located.names = [n for n in located.names if n[0] != canonical.name]
            if located.placement == "unplaced":
                located.lat, located.lon, located.placement = city.lat, city.lon, "parent"
        self.districts.add(entity_id, parent, part)
        self.districts.parents.setdefault(parent, (city.country, city.lat, city.lon))
        return Match(entity_id, "resolved", query.name, reason, "district")

    def _admin_unit(self, query: NameQuery, seat: Any, result: Any) -> Match:
        """An admin unit (county, gmina, Landkreis…): a place at its level, located at its
        own centroid when the gazetteer holds the unit (``unit="admin"``), else at its seat.
        A unit at the district level that names a known city district is that district."""
        level_of = (seat.level if result.unit == "admin" else None) or unit_level(result.admin_kind)
        district = self._district_item(query) if level_of == "district" else None
        if district is not None and not (query.qid and district in self.qid_of):
            why = f"its name names the district {district}"
            self._district_qid(district, query, why)
            self._name(district, query.name, why)
            return Match(district, "resolved", query.name, "a known district", "district")
        code = seat.country if seat is not None else None
        if result.unit == "seat" and seat is not None and seat.geonames_id:
            self._geonames_entity(seat)  # the seat town, so that its municipality can join it
        if (joined := self._municipality(query, code)) is not None:
            return joined
        if result.unit == "admin":
            unit = seat
            level = unit.level or unit_level(result.admin_kind)
            known = f"GeoNames {unit.geonames_id}" if unit.geonames_id else "no GeoNames id"
            inside = f" in {unit.parent}" if unit.parent else ""
            note = f"{level} {unit.name}{inside} ({known}), at the centroid of its places"
            holder = self._unit_holder(unit.geonames_id, level)
            if holder is not None and not query.qid:  # another spelling of a unit we hold
                why = f"GeoNames {unit.geonames_id}: the gazetteer resolved {query.name!r}"
                self._name(holder, query.name, f"{why} to the {level} {unit.name}")
                return Match(holder, "resolved", query.name, result.reason, "admin unit")
            entity_id = self._own_place(query, level, note, country=unit.country)
            self._locate(entity_id, unit, "centroid")
            located = self.new.get(entity_id)
            free = holder is None and unit.geonames_id
            if located is not None and free and located.geonames_id is None:
                located.geonames_id = unit.geonames_id
            return Match(entity_id, "resolved", query.name, result.reason, "admin unit")
        level = unit_level(result.admin_kind)
        note = f"{level}; its seat is {seat.name} (GeoNames {seat.geonames_id})"
        entity_id = self._own_place(query, level, note, country=seat.country)
        self._locate(entity_id, seat, "seat")
        return Match(entity_id, "resolved", query.name, result.reason, "admin unit")

    def _unit_holder(self, geonames_id: int, level: str) -> str | None:
        """The place that already holds this GeoNames id at this level, if any."""
        if not geonames_id:
            return None
        for entity in self.new.values():
            if (entity.geonames_id, entity.level) == (geonames_id, level):
                return entity.id
        row = self.store.conn.execute(
            "SELECT id FROM entities WHERE geonames_id = ? AND level = ?", (geonames_id, level)
        ).fetchone()
        return str(row[0]) if row else None

    def _locate(self, entity_id: str, where: Any, placement: str) -> None:
        """Put a new place the input did not locate at the gazetteer's position."""
        located = self.new.get(entity_id)
        if located is not None and located.placement == "unplaced":
            located.lat, located.lon, located.placement = where.lat, where.lon, placement

    def _unplaced(
        self, query: NameQuery, status: str, reason: str | None, country: str | None = None
    ) -> Match:
        """A name or item nobody can place; ``country`` when every candidate shares it."""
        if query.qid:
            district = self._district_item(query)
            if district is not None and district not in self.qid_of:
                why = f"Wikidata {query.qid}: its label names the district {district}"
                return self._joined(district, query, why, "a known district", "district")
            tied = self._namesake_by_ties(query, country)
            if tied is not None:
                holder, shared = tied
                names = ", ".join(shared[:3]) + (" …" if len(shared) > 3 else "")
                why = (
                    f"Wikidata {query.qid}: its label {query.name!r} names {holder}, which "
                    f"other sources already tie to its partners ({names})"
                )
                return self._joined(holder, query, why, "placed by shared ties")
            level = label_level(query.name)
            code = country or country_code(query.country)
            if (joined := self._municipality(query, code)) is not None:
                return joined
            if code:  # the same name, country and level as a place of a name list: that place
                entity_id = self._own_place(query, level, None, country=code)
            else:
                entity_id = self._wikidata_entity(query, level=level, country=country)
            return Match(entity_id, "wikidata", query.name, reason)
        note = f"{UNRESOLVED_NOTE} ({status}: {reason or 'no reason given'})"
        entity_id = self._own_place(query, "city", note)
        return Match(entity_id, status, query.name, reason)

    def _own_place(
        self,
        query: NameQuery,
        level: str,
        note: str | None,
        parent: str | None = None,
        country: str | None = None,
    ) -> str:
        """A place that GeoNames does not hold: ``wd-<QID>`` or ``name-<country>-<slug>``."""
        code = country or country_code(query.country)
        curated = self._curated_namesake(query.name, code) if parent is None else None
        if curated is not None and self._tied(curated, query.qid):
            curated = None
        if curated is not None and (not query.qid or curated not in self.qid_of):
            why = f"same name and country ({code}) as the curated place"
            if query.qid:
                self._give_qid(curated, query.qid, f"Wikidata {query.qid}: {why}")
            self._name(curated, query.name, why)
            return curated
        entity_id = self.name_entity_id(query, code)
        if query.qid:
            namesake = self.new.get(entity_id) or self.store.entity(entity_id)
            tied = namesake is not None and self._tied(namesake.id, query.qid)
            if namesake is None or namesake.level != level or namesake.id in self.qid_of or tied:
                return self._wikidata_entity(query, level, note, parent, country)
            # the same name, country and level, placed the same way: one place
            why = f"Wikidata {query.qid}: same name, country and level"
            self._give_qid(entity_id, query.qid, why)
            self._name(entity_id, query.name, why)
            return entity_id
        if entity_id not in self.new and self.store.entity(entity_id) is None:
            point = self.point_of(query)
            self.new[entity_id] = Entity(
                id=entity_id,
                type="place",
                name=query.name.strip() or "?",
                country=code,
                level=level,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                description=note,
                parent=parent,
                placement="input" if point else "unplaced",
            )
            self._points[entity_id] = point
            self._name(entity_id, query.name, f"name as written ({query.country or 'no country'})")
        else:
            self._name(entity_id, query.name, f"same name and country ({query.country})")
        return entity_id

    def name_entity_id(self, query: NameQuery, code: str | None) -> str:
        """``name-<country>-<slug>``; a spelling far from its namesake gets a place suffix."""
        country = (code or slugify(query.country) or "xx").lower()
        slug = slugify(query.name)
        if not slug or not any(ch.isalnum() for ch in query.name):
            digest = hashlib.sha1(fold(query.name).encode() or query.name.encode()).hexdigest()
            slug = "h" + digest[:10]
        entity_id = f"name-{country}-{slug}"
        point = self.point_of(query)
        known = self._known_point(entity_id)
        if point and known and distance(point, known) > SAME_PLACE_KM:
            entity_id += f"-{round(point[0])}-{round(point[1])}".replace("--", "-m")
        return entity_id

    def _known_point(self, entity_id: str) -> tuple[float, float] | None:
        if entity_id in self._points:
            return self._points[entity_id]
        entity = self.new.get(entity_id) or self.store.entity(entity_id)
        point = (
            (entity.lat, entity.lon)
            if entity and entity.lat is not None and entity.lon is not None
            else None
        )
        self._points[entity_id] = point
        return point

    def _wikidata_entity(
        self,
        query: NameQuery,
        level: str = "city",
        note: str | None = None,
        parent: str | None = None,
        country: str | None = None,
    ) -> str:
        entity_id = f"wd-{query.qid}"
        label = query.name if query.name and query.name != query.qid else query.qid
        if entity_id not in self.new and self.store.entity(entity_id) is None:
            point = self.point_of(query)
            self.new[entity_id] = Entity(
                id=entity_id,
                type="place",
                name=label,
                level=level,
                country=country or country_code(query.country),
                wikidata_id=query.qid,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                description=note,
                parent=parent,
                placement="input" if point else "unplaced",
            )
            self._name(entity_id, label, f"Wikidata {query.qid}")
        self.by_qid[query.qid] = entity_id
        self.qid_of[entity_id] = query.qid
        self.held.setdefault(entity_id, set()).add(query.qid)
        return entity_id

    def qid_match(self, qid: str, label: str = "") -> Match:
        """A Wikidata item without gazetteer context: an existing entity or ``wd-<QID>``."""
        if qid in self.by_qid:
            entity_id = self.by_qid[qid]
            if label and label != qid:
                self._name(entity_id, label, f"Wikidata {qid}")
            return Match(entity_id, "resolved", label or qid)
        return Match(self._wikidata_entity(NameQuery(label or qid, qid=qid)), "wikidata", qid)

    def name_entity(self, query: NameQuery, status: str, reason: str | None) -> str:
        """An entity standing for a name that did not resolve (or must stay apart)."""
        note = f"{UNRESOLVED_NOTE} ({status}: {reason or 'no reason given'})"
        return self._own_place(query, "city", note)

    def alias(self, entity_id: str, name: str, evidence: str) -> None:
        """Record another name of a place (an item's label in another language), unless it
        is another place's own name: Wikidata's German label of St. Petersburg, Florida is
        "Saint Petersburg", which names the city in Russia."""
        key = fold(name)
        if any(fold(e.name) == key for e in self.new.values() if e.id != entity_id):
            return
        row = self.store.conn.execute(
            "SELECT 1 FROM names n JOIN entities e ON e.id = n.entity_id WHERE n.folded = ? "
            "AND n.name = e.name AND e.id != ? AND e.type = 'place' LIMIT 1",
            (key, entity_id),
        ).fetchone()
        if row is None:
            self._name(entity_id, name, evidence)

    def _name(self, entity_id: str, name: str, evidence: str) -> None:
        name = name.strip()
        if not name:
            return
        where = f" ({self.context})" if self.context else ""
        said = self.evidence.get((entity_id, name))
        why = evidence + where
        if said is None:
            self.evidence[(entity_id, name)] = why
        elif why.split(":")[0] not in said:
            self.evidence[(entity_id, name)] = f"{said}; {why}"
        entity = self.new.get(entity_id)
        if entity is not None and name != entity.name and (name, "") not in entity.names:
            entity.names.append((name, ""))

    # -- results ------------------------------------------------------------------------------

    def entities(self) -> list[Entity]:
        return list(self.new.values())

    def names(self) -> list[tuple[str, str, str]]:
        """(entity id, name, evidence) for every name these rows gave an entity."""
        return [(eid, name, why) for (eid, name), why in sorted(self.evidence.items())]

    def place_qids(self) -> list[tuple[str, str, str]]:
        """(entity id, QID, evidence): further Wikidata items of one place."""
        return sorted((eid, qid, why) for qid, (eid, why) in self.further.items())

    def wikidata_ids(self) -> list[tuple[str, str]]:
        """(entity id, QID): entities already in the store that get their Wikidata item."""
        return sorted(self.qids.items())
