"""The membership lists shipped in the package, loaded into a store in one go.

``data/networks/memberships.json`` is derived by ``scripts/build_memberships.py`` (through
:mod:`citydip.ingest.networks_build`) from the city-network lists, every member already
resolved to stable ids. Loading needs no gazetteer. Each member goes to the store's place

1. with the same Wikidata QID, else
2. with the same GeoNames id (at the same level; a place holding another QID is another
   item, and is not merged: identity rules, docs/identity.md), else
3. a new place, created as the file describes it (its GeoNames id, QID, coordinates).

A place of the store that has no coordinates (``unplaced``) gets the ones the list's
resolution found, placement ``gazetteer``.

Organisations reuse the entity of the same id (the curated C40), else of the same QID, else
are created. Each claim cites its list (network, date, URL); the lists are named in the
store's meta key ``membership_lists`` for the coverage line (analysis.memberships).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from citydip.errors import StoreError
from citydip.store.database import Store
from citydip.store.models import Claim, Entity, Source

NETWORKS_FORMAT = 1
PLACE_COLUMNS = (
    "key",
    "name",
    "country",
    "level",
    "geonames_id",
    "wikidata_id",
    "lat",
    "lon",
    "population",
    "placement",
    "parent",
)
LISTS_META = "membership_lists"


@dataclass(frozen=True)
class NetworksSummary:
    """What loading the membership lists added."""

    places: int
    merged: int
    claims: int
    sources: list[str]


def networks_path() -> Path:
    """The shipped membership lists inside the installed package."""
    return Path(str(resources.files("citydip") / "data" / "networks" / "memberships.json"))


def networks_digest(path: Path | None = None) -> str:
    """A short hash of the shipped lists ('' when the package has none), from the file the
    build wrote beside it, or hashed now when that is missing."""
    path = path or networks_path()
    if not path.exists():
        return ""
    written = path.with_name(path.name + ".sha1")
    if written.exists():
        return written.read_text(encoding="ascii").strip()[:12]
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def read_networks(path: Path | None = None) -> dict[str, Any]:
    """The parsed file; a broken or foreign file is a StoreError naming it."""
    path = path or networks_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: not a readable membership dataset ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != NETWORKS_FORMAT:
        raise StoreError(f"{path}: not a citydip membership dataset of format {NETWORKS_FORMAT}")
    return data


def load_networks(store: Store, data: dict[str, Any] | None = None) -> NetworksSummary:
    """Add the shipped membership lists to ``store`` in one transaction (module docstring)."""
    data = data or read_networks()
    with store.transaction():
        for record in data["sources"]:
            if store.source(record["id"]) is None:
                store.add_source(Source(**record))
        orgs = _organisations(store, data["organisations"])
        places, merged, names = _places(store, data["places"])
        claims = []
        for subject, predicate, obj, source, qualifiers, locator in data["claims"]["rows"]:
            claims.append(
                Claim(
                    subject=places[subject],
                    predicate=predicate,
                    object=orgs.get(obj, obj),
                    source_id=source,
                    role="member" if predicate == "member_of" else None,
                    qualifiers=qualifiers,
                    locator=locator,
                    method="imported",
                )
            )
            if qualifiers.get("listed_as"):
                listed = str(qualifiers["listed_as"])
                names.append((places[subject], listed, f"listed as {listed!r} ({locator})"))
        store.add_claims(claims)
        store.add_name_evidence(names)
        known = json.loads(store.get_meta(LISTS_META) or "[]")
        lists = [m for m in data["lists"] if m not in known]
        for m in lists:
            m["organization"] = orgs.get(m["organization"], m["organization"])
        store.set_meta(LISTS_META, json.dumps(known + lists, ensure_ascii=False))
    fresh = len(places) - merged
    return NetworksSummary(fresh, merged, len(claims), [s["id"] for s in data["sources"]])


def _organisations(store: Store, records: list[dict[str, Any]]) -> dict[str, str]:
    by_qid = {str(k): v for k, v in store.entity_ids_by("wikidata_id").items()}
    out: dict[str, str] = {}
    for record in records:
        held = store.entity(record["id"])
        if held is None and record.get("wikidata_id") in by_qid:
            out[record["id"]] = by_qid[record["wikidata_id"]]
            continue
        if held is None:
            parent = out.get(record.get("parent") or "", record.get("parent"))
            store.add_entity(Entity(**{**record, "parent": parent}))
        out[record["id"]] = record["id"]
    return out


def _places(
    store: Store, table: dict[str, Any]
) -> tuple[dict[str, str], int, list[tuple[str, str, str]]]:
    """File key → store entity id; how many were already there; (entity, name, why)."""
    columns = table["columns"]
    records = [dict(zip(columns, row, strict=True)) for row in table["rows"]]
    by_qid = {str(k): v for k, v in store.entity_ids_by("wikidata_id").items()}
    qid_of = {v: k for k, v in by_qid.items()}
    rows = store.conn.execute(
        "SELECT geonames_id, COALESCE(level, ''), id FROM entities WHERE geonames_id IS NOT NULL"
    )
    by_geonames = {(int(g), str(level)): str(eid) for g, level, eid in rows}
    out: dict[str, str] = {}
    fresh: list[Entity] = []
    located: list[tuple[float, float, str, str]] = []
    qids: list[tuple[str, str]] = []
    names: list[tuple[str, str, str]] = []
    merged = 0
    for record in records:  # parents come before their districts in the file
        key, qid, gid = record.pop("key"), record["wikidata_id"], record["geonames_id"]
        level = record["level"] or ""
        held = by_qid.get(qid or "")
        if held is None and gid is not None:
            held = by_geonames.get((int(gid), level))
            if held is not None and qid and held in qid_of:
                held = None  # that place is another Wikidata item
                record["geonames_id"] = None
        if held is None and store.entity(key) is not None:
            held = key  # the same name and country, loaded before (or named alike)
        if held is not None:
            out[key] = held
            merged += 1
            if record["lat"] is not None and record["lon"] is not None:
                how = "gazetteer" if record["placement"] == "geonames" else record["placement"]
                located.append((record["lat"], record["lon"], how, held))
            if qid and held not in qid_of and qid not in by_qid:
                qids.append((held, qid))
                by_qid[qid], qid_of[held] = held, qid
            continue
        entity_id = key
        record["parent"] = out.get(record["parent"] or "", record["parent"])
        entity = Entity(id=entity_id, type="place", **record)
        if qid:
            by_qid[qid], qid_of[entity_id] = entity_id, qid
        if record["geonames_id"] is not None:
            by_geonames[(int(record["geonames_id"]), level)] = entity_id
        fresh.append(entity)
        out[key] = entity_id
        why = f"GeoNames {gid}" if record["geonames_id"] else f"Wikidata {qid}" if qid else ""
        names.append((entity_id, entity.name, why or "name as listed"))
    store.add_missing_entities(fresh)
    store.set_wikidata_ids(qids)
    # a place the store could not locate is where the list's resolution puts it
    store.conn.executemany(
        "UPDATE entities SET lat = ?, lon = ?, placement = ? WHERE id = ? AND lat IS NULL "
        "AND placement = 'unplaced'",
        located,
    )
    return out, merged, names
