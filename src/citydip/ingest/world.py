"""The world's twinning record shipped in the package, loaded into a store in one go.

``data/world/world.json.gz`` is derived by ``scripts/build_world_data.py`` (through
:mod:`citydip.ingest.world_build`) from two open datasets — the scrape of Wikipedia's lists
of twin towns and the 2016 crawl of Wikidata's P190 — with every place already resolved.
Loading it needs no gazetteer: entities, their names (with the evidence of every merge) and
the claims go in as they are, in one transaction.

A shipped place that the store already holds under the same Wikidata QID or the same GeoNames
id at the same level (a curated city) is that entity: its ties land on it, and the QID it
lacked is given to it. Curated sources keep their curated records.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from citydip.errors import StoreError
from citydip.progress import Progress, chosen
from citydip.store.database import Store
from citydip.store.models import ENTITY_COLUMNS, Claim, Entity, Source

WORLD_FORMAT = 1
LOADING = "Loading the world dataset"  # the task load_world reports (3 steps)
CLAIM_FIELDS = ("subject", "object", "start", "end", "kind", "status", "qualifiers", "locator")


@dataclass(frozen=True)
class WorldSummary:
    """What loading the world dataset added."""

    entities: int
    merged: int
    claims: int
    sources: list[str]


def world_path() -> Path:
    """The world dataset inside the installed package."""
    return Path(str(resources.files("citydip") / "data" / "world" / "world.json.gz"))


def world_digest(path: Path | None = None, computed: bool = False) -> str:
    """A short hash of the shipped world file ('' when the package has none): the one its
    build wrote beside it (``world.json.gz.sha1``, read at every start instead of hashing
    2.5 MB), or, with ``computed`` or without that file, hashed now."""
    path = path or world_path()
    if not path.exists():
        return ""
    written = path.with_name(path.name + ".sha1")
    if not computed and written.exists():
        return written.read_text(encoding="ascii").strip()[:12]
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def read_world(path: Path | None = None) -> dict[str, Any]:
    """The parsed world file; a broken or foreign file is a StoreError naming it."""
    path = path or world_path()
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError, EOFError) as exc:
        raise StoreError(f"{path}: not a readable world dataset ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != WORLD_FORMAT:
        raise StoreError(f"{path}: not a citydip world dataset of format {WORLD_FORMAT}")
    return data


def load_world(
    store: Store,
    data: dict[str, Any] | None = None,
    *,
    progress: Progress | None = None,
) -> WorldSummary:
    """Add the world dataset to ``store`` in one transaction (see the module docstring);
    ``progress`` is told its three steps (places, names, ties) as task ``LOADING``."""
    data = data or read_world()
    report = chosen(progress)
    report(LOADING, 0, 3)
    columns = data["entities"]["columns"]
    entities = [Entity(**dict(zip(columns, row, strict=True))) for row in data["entities"]["rows"]]
    with store.transaction():
        for record in data["sources"]:
            if store.source(record["id"]) is None:
                store.add_source(Source(**record))
        remap = _existing(store, entities)
        fresh = [e for e in entities if e.id not in remap]
        for entity in fresh:
            if entity.parent in remap:
                entity.parent = remap[entity.parent]
        store.add_missing_entities(fresh)
        report(LOADING, 1, 3)
        store.set_wikidata_ids(
            (remap[e.id], e.wikidata_id) for e in entities if e.id in remap and e.wikidata_id
        )
        store.set_wikidata_ids((eid, qid) for eid, qid in data.get("curated_qids", []))
        store.locate_places(
            (eid, lat, lon, how) for eid, lat, lon, how in data.get("curated_points", [])
        )
        store.add_place_qids(
            (remap.get(eid, eid), qid, why) for eid, qid, why in data.get("place_qids", [])
        )
        store.add_name_evidence(
            (remap.get(eid, eid), name, why) for eid, name, why in data["names"]
        )
        report(LOADING, 2, 3)
        claims = []
        for source_id, rows in data["claims"].items():
            for row in rows:
                fields = dict(zip(CLAIM_FIELDS, row, strict=True))
                fields["subject"] = remap.get(fields["subject"], fields["subject"])
                fields["object"] = remap.get(fields["object"], fields["object"])
                claims.append(
                    Claim(
                        predicate="twinned_with",
                        source_id=source_id,
                        method="imported",
                        **fields,
                    )
                )
        store.add_claims(claims)
        report(LOADING, 3, 3)
        store.set_meta("world", json.dumps(data.get("inputs", []), ensure_ascii=False))
    return WorldSummary(len(fresh), len(remap), len(claims), [s["id"] for s in data["sources"]])


def _existing(store: Store, entities: list[Entity]) -> dict[str, str]:
    """Shipped entity id → the store's entity with the same QID or GeoNames id and level."""
    by_qid = {str(k): v for k, v in store.entity_ids_by("wikidata_id").items()}
    rows = store.conn.execute(
        "SELECT geonames_id, COALESCE(level, ''), id FROM entities WHERE geonames_id IS NOT NULL"
    )
    by_geonames = {(int(g), str(level)): str(eid) for g, level, eid in rows}
    qid_of = {v: k for k, v in by_qid.items()}
    present = {str(row[0]) for row in store.conn.execute("SELECT id FROM entities")}
    remap: dict[str, str] = {}
    for entity in entities:
        held = by_qid.get(entity.wikidata_id or "")
        if held is None and entity.geonames_id is not None:
            held = by_geonames.get((int(entity.geonames_id), entity.level or ""))
            if held is not None and entity.wikidata_id and held in qid_of:
                # that place is another Wikidata item: two QIDs never become one entity
                entity.geonames_id, held = None, None
        if held is not None and held != entity.id:
            remap[entity.id] = held
        elif held is None and entity.id in present:
            remap[entity.id] = entity.id  # loaded before: nothing to add
    return remap


def entity_row(entity: Entity) -> list[Any]:
    """An entity as one row of the world file (its names travel apart, with evidence)."""
    return [getattr(entity, column) for column in ENTITY_COLUMNS]
