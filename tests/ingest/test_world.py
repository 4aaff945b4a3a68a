"""The world dataset shipped in the package, as the default store holds it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SHARED

from citydip.analysis.network.graph import GraphFilter, build_network
from citydip.ingest.world import load_world, read_world
from citydip.knowledge.lookup import find_city
from citydip.store import Store, open_store
from citydip.stores import build_store

WIKIDATA = "wikidata-p190-2016"
PAIRS = "hekman-twincities-2026"


def _tie_sources(store: Store, a: str, b: str) -> set[str]:
    return {
        c.source_id
        for c in store.claims(involving=a, predicate="twinned_with")
        if b in (c.subject, c.object)
    }


def test_the_default_store_knows_cities_from_the_world_lists(world_store: Store) -> None:
    bristol = find_city(world_store, "Bristol")
    assert (bristol.country, bristol.wikidata_id) == ("GB", "Q23154")
    hanover = find_city(world_store, "Hannover")
    assert _tie_sources(world_store, bristol.id, hanover.id) >= {PAIRS, WIKIDATA}
    # every tie keeps its source, and the sources are the credited datasets
    sources = {s.id: s for s in world_store.sources()}
    assert sources[PAIRS].kind == sources[WIKIDATA].kind == "dataset"


def test_world_ties_land_on_curated_places(world_store: Store) -> None:
    yokohama = world_store.entity("yokohama")
    assert yokohama is not None and yokohama.wikidata_id == "Q38283"
    partners = {
        c.object if c.subject == "yokohama" else c.subject
        for c in world_store.claims(involving="yokohama", source_id=WIKIDATA)
    }
    assert "san-diego" in partners and not any(p.startswith("gn-1848354") for p in partners)
    # curated places without a QID in the YAML got theirs from the crawl
    with_qid = {e.id for e in world_store.entities(type="place") if e.wikidata_id}
    assert "cleveland" in with_qid


def _imported(store: Store, source: str) -> list[tuple[str, str]]:
    claims = store.claims(source_id=source, predicate="twinned_with")
    return [(c.subject, c.object) for c in claims if c.method == "imported"]


def _qid_pairs(store: Store, source: str) -> set[tuple[str, str]]:
    """The ties of a Wikidata source as the QID pairs its statements name (the claim's
    ``wikidata`` qualifier): one place may hold several items, so ids are not QIDs."""
    pairs = set()
    for claim in store.claims(source_id=source, predicate="twinned_with"):
        if claim.method == "imported":
            a, b = str(claim.qualifiers["wikidata"]).split(">")
            pairs.add((min(a, b), max(a, b)))
    return pairs


def test_the_wikidata_crawl_comes_back_exactly(world_store: Store) -> None:
    import igraph

    edges = _qid_pairs(world_store, WIKIDATA)
    nodes = sorted({n for e in edges for n in e})
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in edges])
    assert (g.vcount(), g.ecount()) == (10_055, 17_401)
    assert len(g.connected_components()) == 1 and max(g.degree()) == 98
    assert g.assortativity_degree(directed=False) == pytest.approx(0.3498, abs=5e-5)
    assert g.transitivity_undirected() == pytest.approx(0.1142, abs=5e-5)


def test_every_qid_of_the_crawl_names_the_place_its_ties_are_on(world_store: Store) -> None:
    holder = world_store.entity_ids_by("wikidata_id")
    for claim in world_store.claims(source_id=WIKIDATA, predicate="twinned_with"):
        if claim.method != "imported":
            continue
        a, b = str(claim.qualifiers["wikidata"]).split(">")
        assert (holder[a], holder[b]) == (claim.subject, claim.object)


@pytest.mark.skipif(
    not (SHARED / "data" / "wikidata-p190-2016").exists(), reason="../shared/data is absent"
)
def test_the_crawl_in_the_store_is_the_raw_edge_list(world_store: Store) -> None:
    raw = set()
    for line in (SHARED / "data/wikidata-p190-2016/relations.tsv").read_text().splitlines():
        a, b = line.split()
        raw.add((min(a, b), max(a, b)))
    assert _qid_pairs(world_store, WIKIDATA) == raw


@pytest.mark.skipif(
    not (SHARED / "data" / "wikidata-p190-2021").exists(), reason="../shared/data is absent"
)
def test_every_tie_of_the_2021_run_is_in_the_store(world_store: Store) -> None:
    import re

    text = (SHARED / "data/wikidata-p190-2021/sister_cities.gexf").read_text()
    raw = {
        (min(a, b), max(a, b))
        for a, b in re.findall(r'<edge source="(Q\d+)" target="(Q\d+)"', text)
    }
    assert len(raw) > 8_000
    assert _qid_pairs(world_store, "wikidata-p190-2021") == raw


def test_every_row_of_the_pair_list_is_a_tie(world_store: Store) -> None:
    data = read_world()
    rows = data["claims"][PAIRS]
    assert len(rows) >= 26_000
    network = build_network(world_store, GraphFilter.of(sources=[PAIRS]))
    g = network.graph
    edges = {tuple(sorted((g.vs[a]["id"], g.vs[b]["id"]))) for a, b in g.get_edgelist()}
    pairs = {tuple(sorted(pair)) for pair in _imported(world_store, PAIRS)}
    assert all(a != b for a, b in pairs)
    # every imported pair is an edge (curated claims may add more), except the ties the
    # curated data names as a likely confusion of another place
    confused = {
        tuple(sorted((c.subject, c.object or "")))
        for c in world_store.claims(predicate="twinned_with")
        if c.method != "imported" and c.qualifiers.get("likely_confusion")
    }
    assert pairs - edges <= confused


def test_external_ids_are_held_once(world_store: Store) -> None:
    for column in ("wikidata_id", "geonames_id"):
        rows = world_store.conn.execute(
            f"SELECT {column}, COUNT(*) FROM entities WHERE {column} IS NOT NULL "
            f"GROUP BY {column}, CASE WHEN '{column}' = 'geonames_id' THEN level END "
            "HAVING COUNT(*) > 1"
        ).fetchall()
        assert rows == []


def test_loading_the_world_again_adds_nothing(world_store: Store) -> None:
    before = (world_store.count("entities"), world_store.count("claims"))
    load_world(world_store)
    assert (world_store.count("entities"), world_store.count("claims")) == before


def test_a_place_holding_another_qid_is_not_merged(tmp_path: Path) -> None:
    store = build_store(tmp_path / "x.db", world=False)
    data: dict[str, Any] = read_world()
    columns = data["entities"]["columns"]
    bristol = next(
        dict(zip(columns, row, strict=True))
        for row in data["entities"]["rows"]
        if row[columns.index("wikidata_id")] == "Q23154"
    )
    with store.transaction():  # a store where Bristol's GeoNames place is another item
        store.conn.execute(
            "INSERT INTO entities (id, type, name, level, geonames_id, wikidata_id) "
            "VALUES ('other', 'place', 'Bristol', 'city', ?, 'Q999999999')",
            (bristol["geonames_id"],),
        )
    load_world(store, data)
    holder = store.conn.execute(
        "SELECT id, geonames_id FROM entities WHERE wikidata_id = 'Q23154'"
    ).fetchone()
    assert holder[0] != "other" and holder[1] is None
    store.close()


def test_the_network_is_cached_until_the_store_changes(world_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    path.write_bytes(world_db.read_bytes())
    store = open_store(path)
    first = build_network(store)
    cached = store.conn.execute("SELECT revision FROM derived").fetchall()
    assert [r[0] for r in cached] == [store.revision]
    again = build_network(store)
    assert (again.nodes, again.edges) == (first.nodes, first.edges)
    from citydip.ingest.importing import run_import
    from citydip.ingest.pairs import pairs_batch

    csv = tmp_path / "new.csv"
    csv.write_text("city1,country1,city2,country2\nXyzzy Hamlet,France,Bristol,UK\n")
    run_import(store, pairs_batch(store, csv))
    after = build_network(store)
    assert after.edges == first.edges + 1
    store.close()


def test_the_digest_shipped_beside_the_world_file_is_its_own() -> None:
    from citydip.ingest.world import world_digest

    assert world_digest() == world_digest(computed=True) != ""


def test_no_tie_joins_a_place_to_itself(world_store: Store) -> None:
    # twinned namesakes (Kilchberg ZH and BL) are two places; a merge never makes a self-tie
    rows = world_store.conn.execute(
        "SELECT COUNT(*) FROM claims WHERE predicate = 'twinned_with' AND subject = object"
    ).fetchone()
    assert rows[0] == 0


def test_curated_places_geonames_cities_lack_are_located(store: Store) -> None:
    from citydip.ingest.world_build import curated_points
    from citydip.ingest.world_items import ItemEvidence, ItemFacts

    evidence = ItemEvidence()
    evidence.add(ItemFacts("Q16635", "Guam", country="US", lat=13.5, lon=144.8))
    curated = {e.id for e in store.entities(type="place")}
    points = {row[0]: row[1:] for row in curated_points(store, curated, evidence)}
    california = points["california"]
    assert california[2] == "centroid" and 32 < california[0] < 42  # the state's centroid
    assert points["guam"] == [13.5, 144.8, "wikidata"]  # Wikidata's point, plausible in GU
    taipei = store.entity("taipei")
    assert taipei is not None
    assert points["shilin"] == [taipei.lat, taipei.lon, "parent"]  # a district at its city
    assert "yokohama" not in points  # GeoNames already locates it
    store.locate_places((eid, *where) for eid, where in points.items())
    located = store.entity("california")
    assert located is not None and located.placement == "centroid"
