"""Derive the shipped world dataset from the raw open datasets (run by the maintainers).

``scripts/build_world_data.py`` calls :func:`build_world`. It imports, into a scratch store
seeded with the curated data, the way any user's import would run:

1. the Wikipedia pair list (``city1,country1,city2,country2``), each name placed by the
   gazetteer with its country and — where the geocoded copy of the list has them — the
   coordinates found for it, which break ties between namesakes and locate names the
   gazetteer cannot place;
2. the Wikidata P190 edge list with its labels, one entity per QID.

Then it writes the places, names (with their evidence) and ties that the imports added,
compact and facts only, to ``data/world/world.json.gz``. Curated places are referred to by
their ids and keep their curated records; the loader (:mod:`citydip.ingest.world`) maps
them again by QID and GeoNames id, so a newer curated dataset still fits.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citydip.ingest.world import CLAIM_FIELDS, WORLD_FORMAT, entity_row
from citydip.store.models import ENTITY_COLUMNS, Source

PAIRS_SOURCE = Source(
    id="hekman-twincities-2026",
    title="twincities — scrape of Wikipedia's lists of twin towns and sister cities",
    kind="dataset",
    author="Hekman",
    publisher="GitHub (Hekman/twincities)",
    date="2026-02-08",
    url="https://github.com/Hekman/twincities",
    description="City pairs from Wikipedia's continent lists; no kind or year recorded.",
)
WIKIDATA_SOURCE = Source(
    id="wikidata-p190-2016",
    title="sister-cities — crawl of Wikidata property P190 (twinned administrative body)",
    kind="dataset",
    author="L3viathan",
    publisher="GitHub (L3viathan/sister-cities)",
    date="2016-09-12",
    url="https://github.com/L3viathan/sister-cities",
    description="Undirected ties between Wikidata items; no kind or year recorded.",
)
LICENCES = {
    PAIRS_SOURCE.id: "MIT (the scrape, (c) 2026 Erik Hekman), of text from Wikipedia under "
    "CC BY-SA 4.0 (Wikipedia contributors)",
    WIKIDATA_SOURCE.id: "CC0 1.0 (Wikidata)",
}


@dataclass(frozen=True)
class WorldInputs:
    """The raw files, as laid out in the project's shared data folder."""

    pairs: Path
    geocoded: Path | None
    relations: Path
    names: Path

    @classmethod
    def in_folder(cls, data: Path) -> WorldInputs:
        wiki = data / "twin-towns-wikipedia"
        geocoded = wiki / "pairs-geocoded.csv"
        return cls(
            pairs=wiki / "pairs.csv",
            geocoded=geocoded if geocoded.exists() else None,
            relations=data / "wikidata-p190-2016" / "relations.tsv",
            names=data / "wikidata-p190-2016" / "names.tsv",
        )


def build_world(
    inputs: WorldInputs, out: Path, say: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    """Import the inputs into a scratch store and write the world file; returns its header."""
    from citydip.ingest.curated import load_curated, seed_store
    from citydip.ingest.edges import edges_batch
    from citydip.ingest.importing import run_import
    from citydip.ingest.pairs import pairs_batch
    from citydip.store.database import open_store

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        store = open_store(scratch / "world.db")  # the curated data only (stores is above us)
        seed_store(store, load_curated())
        curated = {e.id for e in store.entities()}
        pairs = _pairs_with_coordinates(inputs, scratch / "pairs.csv")
        say(f"importing {inputs.pairs.name} ({pairs} rows)")
        run_import(
            store,
            pairs_batch(store, scratch / "pairs.csv", progress=True, source=PAIRS_SOURCE),
            count_conflicts=False,
        )
        say(f"importing {inputs.relations.name} with {inputs.names.name}")
        batch = edges_batch(
            store, inputs.relations, inputs.names, progress=True, source=WIKIDATA_SOURCE
        )
        run_import(store, batch, count_conflicts=False)
        data = _export(store, curated, inputs)
        store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_name(out.name + ".tmp")
    with gzip.GzipFile(tmp_out, "wb", mtime=0) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    tmp_out.replace(out)
    return {k: data[k] for k in ("format", "built", "inputs", "licences")}


def _pairs_with_coordinates(inputs: WorldInputs, out: Path) -> int:
    """The pair list with lat/lng columns from its geocoded copy, row by row where the rows
    match, else by (name, country) as geocoded elsewhere in the list."""
    rows = list(csv.DictReader(inputs.pairs.open(encoding="utf-8-sig", newline="")))
    by_row: dict[tuple[str, ...], tuple[str, ...]] = {}
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    if inputs.geocoded is not None:
        with inputs.geocoded.open(encoding="utf-8-sig", newline="") as handle:
            for g in csv.DictReader(handle):
                key = (g["city1"], g["country1"], g["city2"], g["country2"])
                by_row.setdefault(key, (g["lat1"], g["lng1"], g["lat2"], g["lng2"]))
                by_name.setdefault((g["city1"], g["country1"]), (g["lat1"], g["lng1"]))
                by_name.setdefault((g["city2"], g["country2"]), (g["lat2"], g["lng2"]))
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["city1", "country1", "city2", "country2", "lat1", "lng1", "lat2", "lng2"])
        for row in rows:
            key = (row["city1"], row["country1"], row["city2"], row["country2"])
            found = by_row.get(key)
            if found is None:
                one = by_name.get((row["city1"], row["country1"]), ("", ""))
                two = by_name.get((row["city2"], row["country2"]), ("", ""))
                found = (*one, *two)
            writer.writerow([*key, *found])
    return len(rows)


def _export(store: Any, curated: set[str], inputs: WorldInputs) -> dict[str, Any]:
    sources = [PAIRS_SOURCE.id, WIKIDATA_SOURCE.id]
    entities = [e for e in store.entities(type="place") if e.id not in curated]
    names = store.conn.execute(
        "SELECT entity_id, name, evidence FROM names WHERE evidence IS NOT NULL "
        "ORDER BY entity_id, name"
    ).fetchall()
    claims: dict[str, list[list[Any]]] = {}
    for source_id in sources:
        rows = []
        for claim in store.claims(source_id=source_id, predicate="twinned_with"):
            if claim.method != "imported":
                continue
            record = {f: getattr(claim, f) for f in CLAIM_FIELDS}
            rows.append([record[f] for f in CLAIM_FIELDS])
        claims[source_id] = rows
    return {
        "format": WORLD_FORMAT,
        "built": datetime.now(UTC).strftime("%Y-%m-%d"),
        "inputs": [_describe(p) for p in _paths(inputs)],
        "licences": LICENCES,
        "sources": [asdict(PAIRS_SOURCE), asdict(WIKIDATA_SOURCE)],
        "entities": {"columns": list(ENTITY_COLUMNS), "rows": [entity_row(e) for e in entities]},
        "names": [list(row) for row in names],
        "curated_qids": [
            [e.id, e.wikidata_id] for e in store.entities(ids=curated) if e.wikidata_id
        ],
        "claims": claims,
    }


def _paths(inputs: WorldInputs) -> list[Path]:
    paths = [inputs.pairs, inputs.geocoded, inputs.relations, inputs.names]
    return [p for p in paths if p is not None]


def _describe(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {
        "file": f"{path.parent.name}/{path.name}",
        "sha1": hashlib.sha1(data).hexdigest(),
        "lines": data.count(b"\n"),
    }
