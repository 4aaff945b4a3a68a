"""The identity rules (docs/identity.md) on small real inputs: ids never merge or split,
districts and admin units are places of their own, unplaced names keep their ties."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from citydip.ingest.edges import edges_batch
from citydip.ingest.importing import run_import
from citydip.ingest.pairs import pairs_batch
from citydip.store import Store
from citydip.store.models import Entity

DATA = Path(__file__).resolve().parents[1] / "data" / "identity"


@pytest.fixture
def identity_store(store: Store) -> Store:
    run_import(store, pairs_batch(store, DATA / "pairs.csv"))
    run_import(store, edges_batch(store, DATA / "edges.tsv", DATA / "names.tsv"))
    return store


def _named(store: Store, name: str) -> list[Entity]:
    rows = store.conn.execute("SELECT DISTINCT entity_id FROM names WHERE name = ?", (name,))
    return store.entities(ids=[r[0] for r in rows])


def _partners(store: Store, entity_id: str) -> set[str]:
    return {
        c.object if c.subject == entity_id else c.subject
        for c in store.claims(involving=entity_id, predicate="twinned_with")
    }


def test_a_district_is_a_place_of_its_own_inside_its_city(identity_store: Store) -> None:
    [district] = _named(identity_store, "Budapest XI – Újbuda")
    [budapest] = [e for e in _named(identity_store, "Budapest") if e.level == "city"]
    assert district.id != budapest.id
    assert (district.level, district.parent, district.country) == ("district", budapest.id, "HU")
    # the district's tie stays the district's; the city's stay the city's
    wadowice = _named(identity_store, "Wadowice")[0].id
    assert wadowice in _partners(identity_store, district.id)
    assert wadowice not in _partners(identity_store, budapest.id)
    # located where the input put it, not on its city
    assert (district.lat, district.lon, district.placement) == (47.4729, 19.0352, "input")
    pankow = _named(identity_store, "Berlin – Pankow")[0]
    assert pankow.placement == "parent" and pankow.parent == _named(identity_store, "Berlin")[0].id


def test_a_county_and_its_seat_are_two_places(identity_store: Store) -> None:
    county = [e for e in _named(identity_store, "Landkreis Rastatt")]
    [town] = _named(identity_store, "Rastatt")
    assert len(county) == 1 and county[0].id != town.id
    # the gazetteer holds the Landkreis: placed at the centroid of its places, not its seat
    assert (county[0].level, county[0].placement) == ("county", "centroid")
    assert "county Rastatt" in (county[0].description or "")
    assert (county[0].lat, county[0].lon) != (town.lat, town.lon)
    # the Wikidata item of the county joined it (same name, country and level), not the town
    assert county[0].wikidata_id == "Q8182" and town.wikidata_id is None
    [gmina] = _named(identity_store, "Gmina Siechnice")
    assert gmina.level == "municipality"


def test_names_nobody_can_place_are_places_and_keep_their_ties(identity_store: Store) -> None:
    [xyzzy] = _named(identity_store, "Xyzzyville")
    assert xyzzy.placement == "input" and (xyzzy.lat, xyzzy.lon) == (45.1, 14.2)
    assert len(_partners(identity_store, xyzzy.id)) == 2  # Fano and Lisbon, both rows kept
    # three junk names in one country are not one place
    junk = _named(identity_store, "%") + _named(identity_store, "*")
    assert len({e.id for e in junk}) == 2 and {e.country for e in junk} == {"FR"}


def test_two_spellings_of_one_place_merge_with_recorded_evidence(identity_store: Store) -> None:
    one, other = _named(identity_store, "Constanța"), _named(identity_store, "Constanta")
    assert [e.id for e in one] == [e.id for e in other]
    evidence = dict((n, why) for n, _, why in identity_store.name_evidence(one[0].id))
    assert "GeoNames 680963" in (evidence["Constanta"] or "")


def test_two_wikidata_items_with_one_label_stay_two_places(identity_store: Store) -> None:
    items = _named(identity_store, "São Paulo")
    assert sorted(e.wikidata_id or "" for e in items) == ["Q174", "Q175"]
    assert len({e.id for e in items}) == 2
    assert _partners(identity_store, items[0].id) != _partners(identity_store, items[1].id)


def test_one_qid_one_entity_across_reimports(identity_store: Store) -> None:
    before = {e.id: e.wikidata_id for e in identity_store.entities()}
    again = run_import(
        identity_store, edges_batch(identity_store, DATA / "edges.tsv", DATA / "names.tsv")
    )
    assert again.added == 0
    assert {e.id: e.wikidata_id for e in identity_store.entities()} == before
    qids = [e.wikidata_id for e in identity_store.entities() if e.wikidata_id]
    assert len(qids) == len(set(qids))
    with pytest.raises(sqlite3.IntegrityError):
        identity_store.conn.execute(
            "UPDATE entities SET wikidata_id = 'Q174' WHERE wikidata_id = 'Q175'"
        )


def _random_edge_list(path: Path, seed: int) -> list[tuple[str, str]]:
    """A random connected graph of QIDs labelled with real, often shared, place names."""
    rng = random.Random(seed)
    labels = ["Springfield", "Paris", "Portland", "San José", "Victoria", "Kingston",
              "Córdoba", "Frankfurt", "Newcastle", "Valencia", "Santiago", "Hamilton"]  # fmt: skip
    qids = [f"Q{n}" for n in rng.sample(range(10_000_000, 10_100_000), 120)]
    edges = {tuple(sorted((qids[i], qids[rng.randrange(i)]))) for i in range(1, len(qids))}
    while len(edges) < 260:
        a, b = rng.sample(qids, 2)
        edges.add(tuple(sorted((a, b))))
    lines = [f"{a}\t{b}" for a, b in sorted(edges)]
    path.write_text("item\tpartner\n" + "\n".join(lines) + "\n", encoding="utf-8")
    names = path.with_suffix(".names.tsv")
    names.write_text("".join(f"{q}\t{rng.choice(labels)}\n" for q in qids), encoding="utf-8")
    return sorted(edges)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", [1, 2])
def test_importing_an_edge_list_reproduces_it(store: Store, tmp_path: Path, seed: int) -> None:
    import igraph

    from citydip.analysis.network.graph import GraphFilter, build_network

    path = tmp_path / "edges.tsv"
    raw = _random_edge_list(path, seed)
    summary = run_import(store, edges_batch(store, path, path.with_suffix(".names.tsv")))
    qid_of = {e.id: e.wikidata_id for e in store.entities() if e.wikidata_id}
    network = build_network(store, GraphFilter.of(sources=[summary.source]))
    g = network.graph
    ends = [(qid_of[g.vs[a]["id"]], qid_of[g.vs[b]["id"]]) for a, b in g.get_edgelist()]
    got = {tuple(sorted(pair)) for pair in ends}
    assert got == set(raw)
    nodes = sorted({q for e in raw for q in e})
    index = {q: i for i, q in enumerate(nodes)}
    expected = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in raw])
    assert (g.vcount(), g.ecount()) == (expected.vcount(), expected.ecount())
    assert sorted(g.degree()) == sorted(expected.degree())
    assert g.transitivity_undirected() == pytest.approx(expected.transitivity_undirected())


def test_namesakes_told_apart_by_a_qualifier_stay_apart(identity_store: Store) -> None:
    one, two = (
        _named(identity_store, "Behringen (Bispingen)"),
        _named(identity_store, "Behringen (Stadtilm)"),
    )
    assert len(one) == len(two) == 1 and one[0].id != two[0].id
    assert "kept apart" in (one[0].description or "")


def test_input_coordinates_pick_a_namesake_or_keep_a_name_apart(identity_store: Store) -> None:
    springfield = _named(identity_store, "Springfield")
    assert [(e.country, e.placement) for e in springfield] == [("US", "geonames")]
    assert springfield[0].lon is not None and abs(springfield[0].lon + 89.64) < 0.5
    # a row that puts Fano in Sicily, 700 km from the one Fano of Italy GeoNames knows: the
    # geocoder's point does not override the gazetteer's unique same-country match
    [fano] = _named(identity_store, "Fano")
    assert (fano.placement, fano.country) == ("geonames", "IT")
    assert fano.lat is not None and abs(fano.lat - 43.84) < 0.1


def test_coordinates_outside_the_stated_country_are_not_believed(identity_store: Store) -> None:
    [cambridge] = _named(identity_store, "Cambridge")
    assert (cambridge.country, cambridge.placement) == ("US", "geonames")
    assert cambridge.lon is not None and cambridge.lon < -60  # Massachusetts, not England


def test_units_and_villages_from_the_wider_data_are_places_of_their_own(store: Store) -> None:
    from citydip.ingest.places import NameQuery, PlaceResolver

    resolver = PlaceResolver(store, context="test")
    english, native, lacking, village = resolver.resolve(
        [
            NameQuery("Järva County", "Estonia"),
            NameQuery("Järvamaa", "Estonia"),
            NameQuery("Miskolc District", "Hungary"),
            NameQuery("Swainswick", "England"),
        ]
    )
    new = resolver.new
    # two spellings of one unit the gazetteer holds: one county, at its centroid, with its id
    assert english.entity_id == native.entity_id and english.unit == "admin unit"
    county = new[english.entity_id]
    assert (county.level, county.placement, county.geonames_id) == ("county", "centroid", 591961)
    evidence = {name: why for (_, name), why in resolver.evidence.items()}
    assert "GeoNames 591961" in evidence["Järvamaa"]
    # a unit the data lacks is still placed at its seat
    district = new[lacking.entity_id]
    assert (district.level, district.placement) == ("district", "seat")
    assert "its seat is Miskolc" in (district.description or "")
    # a village without a GeoNames id: a place of its own where the data puts it
    hamlet = new[village.entity_id]
    assert hamlet.id.startswith("name-gb-") and hamlet.geonames_id is None
    assert hamlet.placement == "gazetteer" and hamlet.lat is not None
