"""What Wikidata says about the items of P190 ties: coordinates, GeoNames ids, countries.

Read from SPARQL rows (``<var>Coord``, ``<var>Geonames``, ``<var>Country``) or from a
wbgetentities item (P625, P1566), kept in a ``WikidataRecord``, and put on the new places
the gazetteer could not place (``keep_item_facts``): one GeoNames id still names one place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from citydip.errors import DataError
from citydip.ingest import validate
from citydip.store.database import Store
from citydip.store.models import Entity

if TYPE_CHECKING:
    from citydip.ingest.wikidata import WikidataRecord

WKT_POINT = re.compile(r"^\s*Point\(\s*(-?[0-9.eE+-]+)\s+(-?[0-9.eE+-]+)\s*\)\s*$")


def keep_least(table: dict[str, Any], qid: str, value: Any) -> None:
    """Several values for one item: the least, so that the order of the rows does not matter."""
    table[qid] = min(table[qid], value) if qid in table else value


def sparql_item_facts(
    record: WikidataRecord, qid: str, values: dict[str, str], var: str, label: str, number: int
) -> None:
    """``<var>Label``, ``<var>Country``, ``<var>Coord`` (WKT), ``<var>Geonames`` of one row.

    An item with several values (two GeoNames ids) keeps the smallest, so that the row order
    of a response does not matter.
    """
    at = validate.At(label)
    if values.get(f"{var}Label"):
        record.labels[qid] = validate.name(
            values[f"{var}Label"], at, f"result {number}: {var}Label"
        )
    facts: list[tuple[dict[str, Any], Any]] = []
    if values.get(f"{var}Country"):
        country = validate.name(values[f"{var}Country"], at, f"result {number}: {var}Country")
        facts.append((record.countries, country))
    if values.get(f"{var}Coord"):
        match = WKT_POINT.match(values[f"{var}Coord"])
        if match is None:
            if values[f"{var}Coord"].startswith("<"):  # a point on another globe
                return
            raise DataError(label, None, f"result {number}: {var}Coord", "not a WKT Point")
        point = validate.coordinates(
            match.group(2), match.group(1), at, f"result {number}: {var}Coord"
        )
        facts.append((record.coords, point))
    if values.get(f"{var}Geonames"):
        text = values[f"{var}Geonames"]
        gid = validate.geonames_id(text, at, f"result {number}: {var}Geonames")
        facts.append((record.geonames, gid))
    for table, value in facts:
        keep_least(table, qid, value)


def entity_item_facts(
    record: WikidataRecord, qid: str, claims: Any, label: str = "wikidata"
) -> None:
    """P625 coordinates and P1566 GeoNames ids of a wbgetentities item (best values).
    A fact missing or shaped otherwise is left out (a help, never a reason to refuse the
    item's ties); a value that is there and wrong (a latitude of 999, an id of 30 digits)
    is a DataError: it would be stored."""
    at = validate.At(label)
    try:
        points = [s["mainsnak"]["datavalue"]["value"] for s in _best(claims.get("P625"))]
        ids = [s["mainsnak"]["datavalue"]["value"] for s in _best(claims.get("P1566"))]
    except (KeyError, TypeError, AttributeError, ValueError):
        return
    point = points[0] if points and isinstance(points[0], dict) else {}
    if point.get("latitude") is not None:
        field = f"{qid} P625 coordinates"
        record.coords[qid] = validate.coordinates(
            point.get("latitude"), point.get("longitude"), at, field
        )
    numeric = sorted(validate.geonames_id(i, at, f"{qid} P1566 GeoNames id") for i in ids)
    if numeric:
        record.geonames[qid] = numeric[0]


def _best(statements: Any) -> list[dict[str, Any]]:
    valued = [s for s in statements or [] if has_value(s.get("mainsnak"))]
    preferred = [s for s in valued if s.get("rank") == "preferred"]
    return preferred or [s for s in valued if s.get("rank") != "deprecated"]


def has_value(snak: Any) -> bool:
    return isinstance(snak, dict) and snak.get("snaktype") == "value"


def keep_item_facts(store: Store, entities: list[Entity], record: WikidataRecord) -> None:
    """Wikidata's GeoNames id, coordinates and country on new places the gazetteer left bare.

    A GeoNames id is kept only when no other entity (in the store or in this batch) has it:
    one GeoNames id names one place.
    """
    taken = set(store.entity_ids_by("geonames_id")) | {e.geonames_id for e in entities}
    for entity in entities:
        qid = entity.wikidata_id
        if entity.type != "place" or not qid:
            continue
        if entity.lat is None and qid in record.coords:
            entity.lat, entity.lon = record.coords[qid]
            entity.placement = "input"
        geonames_id = record.geonames.get(qid)
        if entity.geonames_id is None and geonames_id and geonames_id not in taken:
            entity.geonames_id = geonames_id
            taken.add(geonames_id)
        country = record.countries.get(qid, "").strip().upper()
        if entity.country is None and re.match(r"^[A-Z]{2}$", country):
            entity.country = country
        if entity.population is None and record.populations.get(qid):
            entity.population = record.populations[qid]
