"""The evidence rules the place resolver applies to Wikidata items and namesakes
(docs/identity.md): one settlement under several items, items tied to each other kept
apart, labels with no country, municipalities and their towns, known districts, curated
namesakes, and the gazetteer believed over a geocoder. :class:`ItemRules` is a part of
:class:`citydip.ingest.places.PlaceResolver`, kept apart to keep each module readable.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from citydip.ingest.districts import DistrictIndex
from citydip.ingest.place_evidence import country_code, distance
from citydip.progress import silent
from citydip.store.database import Store
from citydip.store.models import Entity
from citydip.text import fold

# Two spellings of one name in one country are one place, and a name joins the GeoNames place
# the gazetteer chose, unless the input locates them further apart than this.
SAME_PLACE_KM = 50.0
# Two Wikidata items of one name and country whose coordinates lie this close to the place the
# gazetteer chose are one settlement (a city and its municipality): one place, both QIDs.
SAME_SETTLEMENT_KM = 10.0
# A label with no country and no coordinates lands on a gazetteer place only when that place
# is at least this large, or the only one of its name: a small namesake abroad is no evidence.
COUNTRYLESS_MIN_POPULATION = 15_000
# An item nobody could place is the located town that other sources tie to the same
# partners: to at least this many of them and half (with no likeness of names, three in four,
# and no other place tied to a third as many).
SHARED_PARTNERS = 3
# How alike two names must be (rapidfuzz ratio of their transliterated folds) to count as a
# likeness (50: "Bad Borseck" and "Borsec"; enough for the one place tied to two of the item's
# partners), or to make one of the places tied to the item's partners that place by name
# (75: "Tscherwen Brjag" and "Cherven Bryag").
LIKE_NAMES = 50.0
SAME_NAMES = 75.0
# A label's qualifier that says the item is a unit ("Santiago del Estero (Provinz)").
_UNIT_QUALIFIER = re.compile(
    r"^(.*?)\s*\((?:provinz|province|bundesstaat|state|region|departement|département)\)$",
    re.IGNORECASE,
)
# Words that name a town's own government ("Umeå Municipality" is Umeå's).
_MUNICIPALITY_WORDS = {"municipality", "kommune", "kommun", "gemeente", "municipio", "comune"}


@dataclass(frozen=True)
class NameQuery:
    """A place as a row writes it: name, country, region, Wikidata QID, coordinates."""

    name: str
    country: str = ""
    region: str = ""
    qid: str = ""
    lat: float | None = None
    lon: float | None = None

    @property
    def point(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None


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


class ItemRules:
    """The evidence rules over the resolver's state (declared here, set by the resolver)."""

    store: Store
    by_geonames: dict[int, str]
    by_qid: dict[str, str]
    qid_of: dict[str, str]
    held: dict[str, set[str]]
    new: dict[str, Entity]
    districts: DistrictIndex
    _neighbours: dict[str, set[str]]
    _labels: dict[str, set[str]]
    _trusted: dict[NameQuery, bool]

    def point_of(self, query: NameQuery) -> tuple[float, float] | None:
        raise NotImplementedError

    def _give_qid(self, entity_id: str, qid: str, why: str = "") -> None:
        raise NotImplementedError

    def _wikidata_entity(
        self,
        query: NameQuery,
        level: str = "city",
        note: str | None = None,
        parent: str | None = None,
        country: str | None = None,
    ) -> str:
        raise NotImplementedError

    def _locate(self, entity_id: str, where: Any, placement: str) -> None:
        raise NotImplementedError

    evidence: dict[tuple[str, str], str]

    def _unit_holder(self, geonames_id: int, level: str) -> str | None:
        raise NotImplementedError

    def _name(self, entity_id: str, name: str, evidence: str) -> None:
        raise NotImplementedError

    def _partners(self, entity_id: str) -> set[str]:
        raise NotImplementedError

    def _gazetteer_over_geocoder(self, results: dict[NameQuery, Any], rows: list[Any]) -> None:
        """A point far from the place the gazetteer chose does not override the gazetteer
        when the name, in its country, resolves to that same place without the point: the
        point came from a web geocoder, and is then not believed (docs/identity.md)."""
        from citydip.gazetteer import resolve_many

        far = []
        for (query, result), row in zip(results.items(), rows, strict=True):
            point = self.point_of(query)
            if point is None or not query.country or result.status != "resolved":
                continue
            if result.unit != "place" or result.place is None:
                continue
            if distance(point, (result.place.lat, result.place.lon)) > SAME_PLACE_KM:
                far.append((query, result, {**row, "lat": "", "lon": ""}))
        if not far:
            return
        again = resolve_many([row for _, _, row in far], progress=silent)
        for (query, result, _), plain in zip(far, again, strict=True):
            chosen = plain.place if plain.status == "resolved" else None
            if chosen is not None and chosen.geonames_id == result.place.geonames_id:
                self._trusted[query] = False  # the gazetteer's unique choice stands

    def _joined(
        self, entity_id: str, query: NameQuery, why: str, reason: str, unit: str = "place"
    ) -> Match:
        """The item joins the place: its QID and its label go there, with ``why``."""
        self._give_qid(entity_id, query.qid, why)
        self._name(entity_id, query.name, why)
        return Match(entity_id, "resolved", query.name, reason, unit)

    def _tied(self, entity_id: str | None, qid: str) -> bool:
        """Whether the item is tied to an item the place holds: two twinned items are two
        places (Kilchberg ZH and Kilchberg BL, Mělník and Melnik), whatever their names."""
        if not qid or entity_id is None:
            return False
        return bool(self._neighbours.get(qid, set()) & self.held.get(entity_id, set()))

    def _same_settlement(self, query: NameQuery, place: Any) -> float | None:
        """How far the item lies from the place, when its country is the place's and its
        coordinates lie within SAME_SETTLEMENT_KM; else None."""
        point = self.point_of(query)
        if point is None or country_code(query.country) != place.country:
            return None
        if self._tied(self.by_geonames.get(place.geonames_id), query.qid):
            return None
        km = distance(point, (place.lat, place.lon))
        return km if km <= SAME_SETTLEMENT_KM else None

    def _weak_label(self, query: NameQuery, result: Any) -> bool:
        """A Wikidata label with no country and no coordinates that names a small place
        while other places share the name: no evidence for that place."""
        if not query.qid or query.country or self.point_of(query) is not None:
            return False
        place = result.place
        if place is None or result.unit != "place":
            return False
        small = (place.population or 0) < COUNTRYLESS_MIN_POPULATION
        return small and len(result.candidates) > 1

    def _curated_namesake(self, name: str, code: str | None) -> str | None:
        """The one curated place of this name and country that GeoNames did not place."""
        if not code:
            return None
        rows = self.store.conn.execute(
            "SELECT DISTINCT e.id FROM names n JOIN entities e ON e.id = n.entity_id "
            "WHERE n.folded = ? AND e.country = ? AND e.type = 'place' "
            "AND e.geonames_id IS NULL AND e.id NOT LIKE 'gn-%' AND e.id NOT LIKE 'wd-%' "
            "AND e.id NOT LIKE 'name-%'",
            (fold(name), code),
        ).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def _namesake_by_ties(
        self, query: NameQuery, country: str | None
    ) -> tuple[str, list[str]] | None:
        """The one place of the store called as the item's label (in its country, when
        known) that holds no Wikidata item and that other sources tie to the item's own
        partners: the tie evidence, for places the gazetteer does not hold."""
        code = country or (country_code(query.country) if query.country else None)
        rows = self.store.conn.execute(
            "SELECT DISTINCT e.id, e.country FROM names n JOIN entities e ON e.id = n.entity_id "
            "WHERE n.folded = ? AND e.type = 'place' AND e.wikidata_id IS NULL",
            (fold(query.name),),
        ).fetchall()
        near = {self.by_qid[q] for q in self._neighbours.get(query.qid, ()) if q in self.by_qid}
        hits = []
        for entity_id, where in rows:
            if (code and where and where != code) or str(entity_id) in self.qid_of:
                continue
            if self._tied(str(entity_id), query.qid or ""):
                continue
            shared = sorted(self._partners(str(entity_id)) & near)
            if shared:
                hits.append((str(entity_id), shared))
        return hits[0] if len(hits) == 1 else None

    def _municipality(self, query: NameQuery, code: str | None) -> Match | None:
        """A municipality item joins the town it is named after and governs."""
        found = self._seat_town(query, code)
        if found is None:
            return None
        town, km = found
        why = (
            f"Wikidata {query.qid}: the municipality of {town}, {km:.1f} km from it in the "
            "same country: one settlement, one government"
        )
        return self._joined(town, query, why, "one settlement")

    def _seat_town(self, query: NameQuery, code: str | None) -> tuple[str, float] | None:
        """The town a municipality item is named after ("Umeå Municipality", "Gemeente
        Delfzijl"): the one town of that name in its country within SAME_SETTLEMENT_KM of the
        item, not tied to it."""
        words = query.name.split()
        core = " ".join(w for w in words if fold(w) not in _MUNICIPALITY_WORDS)
        point = self.point_of(query)
        if not query.qid or not code or point is None or not core or core == query.name:
            return None
        rows = self.store.conn.execute(
            "SELECT DISTINCT e.id, e.lat, e.lon FROM names n JOIN entities e "
            "ON e.id = n.entity_id WHERE n.folded = ? AND e.country = ? AND e.type = 'place' "
            "AND e.level = 'city' AND e.lat IS NOT NULL",
            (fold(core), code),
        ).fetchall()
        found = {str(i): (float(a), float(b)) for i, a, b in rows}
        for e in self.new.values():
            named = fold(e.name) == fold(core) and e.country == code and e.level == "city"
            if named and e.lat is not None and e.lon is not None:
                found[e.id] = (e.lat, e.lon)
        near = [
            (i, km)
            for i, where in found.items()
            if (km := distance(point, where)) <= SAME_SETTLEMENT_KM and not self._tied(i, query.qid)
        ]
        return near[0] if len(near) == 1 else None

    def _district_qid(self, entity_id: str, query: NameQuery, why: str) -> None:
        """A Wikidata item written as a district takes that district (its QID free)."""
        if query.qid and query.qid not in self.by_qid:
            self._give_qid(entity_id, query.qid, f"Wikidata {query.qid}: {why}")

    def _names_of(self, entity_id: str) -> set[str]:
        rows = self.store.conn.execute("SELECT name FROM names WHERE entity_id = ?", (entity_id,))
        return {str(r[0]) for r in rows}

    def _district_item(self, query: NameQuery) -> str | None:
        """The one known district a Wikidata item's label names, in the item's country and,
        when the item has coordinates, within SAME_PLACE_KM of the district's city."""
        code = country_code(query.country) if query.country else None
        point = self.point_of(query)
        found = []
        for entity_id, parent in self.districts.named(query.name):
            if self._tied(entity_id, query.qid):
                continue
            country, lat, lon = self.districts.parents.get(parent, ("", None, None))
            if code and country and code != country:
                continue
            if point is not None and (
                lat is None or lon is None or distance(point, (lat, lon)) > SAME_PLACE_KM
            ):
                continue
            found.append(entity_id)
        return found[0] if len(set(found)) == 1 else None

    def _unit_of_city(self, query: NameQuery, city: Any, held: str | None) -> Match | None:
        """A second item whose label names a city that holds its own item is the city's
        first-level division named after it, when the gazetteer holds exactly one: São Paulo
        state (Q175) beside São Paulo (Q174), the Brussels-Capital Region (Q9005, labelled
        "Brüssel" like Q239). The unit's name must be the label, or, when both items carry
        one label, the city's name (with a unit word: "Brussels Capital")."""
        from citydip.gazetteer import unit_named_after

        if not held or held == query.qid or not query.qid:
            return None  # a contested place nobody holds yet: no second item to tell apart
        label = query.name
        if qualified := _UNIT_QUALIFIER.match(label):
            label = qualified.group(1)
        names = [label]
        if fold(query.name) in {fold(n) for n in self._labels.get(held, ())}:
            names.append(city.name)  # two items of one label: the city's and the unit's
        unit = unit_named_after(city, names)
        if unit is None:
            return None
        level = unit.level or "region"
        same = fold(unit.name) in {fold(n) for n in names}
        shown = f"{unit.name if same else city.name} ({level})"
        note = (
            f"Wikidata {query.qid}: its label names {city.name}, which holds {held}; the "
            f"{level} of {city.name} named after it (GeoNames {unit.geonames_id})"
        )
        entity_id = self._wikidata_entity(
            NameQuery(shown, query.country, qid=query.qid), level, note, country=unit.country
        )
        self._name(entity_id, query.name, f"Wikidata {query.qid}")
        self._locate(entity_id, unit, "centroid")
        located = self.new.get(entity_id)
        if located is not None and self._unit_holder(unit.geonames_id, level) is None:
            located.geonames_id = unit.geonames_id
            located.population = unit.population or None
        why = "the unit named after its city"
        return Match(entity_id, "resolved", query.name, why, "admin unit")

    def _by_shared_partners(self, query: NameQuery, match: Match) -> Match | None:
        """An item left unplaced that is a located place other sources already hold under
        another spelling: the one place, among those tied to the item's partners, whose name
        is the label's ("Nischni Tagil" is Nizhny Tagil, "Tscherwen Brjag" Cherven Bryag;
        Wikidata's 2016 labels are German), or the one town tied to nearly all of its
        partners ("Jerischmarkt" is Câmpia Turzii). Kept apart when several places qualify,
        the place holds an item of its own, or it is tied to the item."""
        entity_id = f"wd-{query.qid}"
        entity = self.new.get(entity_id)
        if not query.qid or match.entity_id != entity_id or entity is None:
            return None
        if entity.lat is not None or entity.parent:
            return None
        near = {self.by_qid[q] for q in self._neighbours.get(query.qid, ()) if q in self.by_qid}
        counts = Counter(x for p in near for x in self._partners(p) if x not in near)
        counts.pop(entity_id, None)
        kind = _kind(entity.level)
        alike = [
            x
            for x in counts
            if self._free_town(x, entity.country, query.qid, kind)
            and self._likeness(query.name, x) >= SAME_NAMES
        ]
        if not alike:  # a looser likeness, where the place is tied to two of its partners
            alike = [
                x
                for x, shared in counts.items()
                if shared >= 2
                and self._free_town(x, entity.country, query.qid, kind)
                and self._likeness(query.name, x) >= LIKE_NAMES
            ]
        if len(alike) == 1:
            town, why = alike[0], "whose name is like its label"
        else:
            town, why = self._by_partners_alone(query, entity, near, counts) or ("", "")
        if not town:
            return None
        del self.new[entity_id]  # the item is that place, not a place of its own
        for key in [k for k in self.evidence if k[0] == entity_id]:
            del self.evidence[key]
        self.by_qid.pop(query.qid, None)
        self.qid_of.pop(entity_id, None)
        self.held.pop(entity_id, None)
        shared = counts[town]
        why = (
            f"Wikidata {query.qid}: other sources tie {town} to {shared} of its "
            f"{len(near)} partners, {why}"
        )
        return self._joined(town, query, why, "placed by shared partners")

    def _by_partners_alone(
        self, query: NameQuery, entity: Entity, near: set[str], counts: Counter[str]
    ) -> tuple[str, str] | None:
        """The one town tied to nearly all of an unplaced town item's partners."""
        ranked = counts.most_common(2)
        if entity.level != "city" or len(near) < 2 or not ranked:
            return None
        town, shared = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        placed = self.new.get(town) or self.store.entity(town)
        if placed is None or placed.parent:
            return None
        if not self._free_town(town, entity.country, query.qid, "town"):
            return None
        if not (shared >= SHARED_PARTNERS and 2 * shared >= len(near) and 2 * second <= shared):
            return None
        alone = 4 * shared >= 3 * len(near) and 3 * second <= shared
        if alone or self._likeness(query.name, town) >= LIKE_NAMES:
            return town, f"the next place to {second}"
        return None

    def _free_town(self, entity_id: str, country: str | None, qid: str, kind: str) -> bool:
        """A located place of the country (when known) and kind (a town or district, or a
        unit) that holds no item and is not tied to this one."""
        town = self.new.get(entity_id) or self.store.entity(entity_id)
        if town is None or town.type != "place" or _kind(town.level) != kind:
            return False
        if town.lat is None or entity_id in self.qid_of:
            return False
        if country and town.country and town.country != country:
            return False
        return not self._tied(entity_id, qid)

    def _likeness(self, label: str, entity_id: str) -> float:
        """How alike the label is to the place's likest name (0–100), unit words aside."""
        from rapidfuzz import fuzz

        names = self._names_of(entity_id)
        town = self.new.get(entity_id)
        if town is not None:
            names.add(town.name)
        key = _bare(label)
        return max((float(fuzz.ratio(key, _bare(n))) for n in names), default=0.0)


def _kind(level: str | None) -> str:
    return "town" if level in ("city", "district", "", None) else "unit"


# Words of a name that say what kind of place it is, not which ("London Borough of Barnet").
_KIND_WORDS = {
    *("district", "province", "provinz", "borough", "london", "of", "shire", "county"),
    *("komitat", "city", "stadt", "municipality", "gemeinde", "und", "and", "the"),
    *("landkreis", "kanton", "canton", "rajon", "raion", "opstina", "kleingebiet"),
}


def _bare(name: str) -> str:
    """A name transliterated and folded, without its kind words."""
    from citydip.gazetteer.index import name_keys

    keys = name_keys(name)
    words = (keys[-1] if keys else "").split()
    return " ".join(w for w in words if w not in _KIND_WORDS)
