"""The revised identity rules (docs/identity.md) on small inputs written like the real ones:
several QIDs of one settlement, labels in another language, districts written three ways,
namesakes told apart by their partners, labels with no country, the gazetteer over a
geocoder, and the evidence an audit reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from citydip.ingest.importing import run_import
from citydip.ingest.pairs import pairs_batch
from citydip.ingest.wikidata import WikidataRecord, WikidataTie, wikidata_batch
from citydip.ingest.world_build import english_unit_label, namesakes_by_partner
from citydip.store import Store
from citydip.store.models import Source

CRAWL = Source(id="crawl-test", title="a P190 crawl", kind="dataset")


def _pairs(store: Store, tmp_path: Path, rows: list[str]) -> None:
    path = tmp_path / "pairs.csv"
    header = "city1,country1,city2,country2,lat1,lng1,lat2,lng2\n"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    run_import(store, pairs_batch(store, path))


def _crawl(store: Store, record: WikidataRecord, source: Source = CRAWL) -> None:
    run_import(store, wikidata_batch(store, record, source, "crawl.tsv", "digest"))


def _holder(store: Store, qid: str) -> str:
    return store.entity_ids_by("wikidata_id")[qid]


def _partners(store: Store, entity_id: str) -> set[str]:
    return {
        c.object if c.subject == entity_id else c.subject
        for c in store.claims(involving=entity_id, predicate="twinned_with")
    }


def test_a_city_and_its_municipality_are_one_place_with_both_qids(store: Store) -> None:
    record = WikidataRecord(
        ties=[WikidataTie("Q727", "Q1781", "a:1"), WikidataTie("Q9899", "Q1781", "a:2")],
        labels={"Q727": "Amsterdam", "Q9899": "Amsterdam", "Q1781": "Budapest"},
        countries={"Q727": "NL", "Q9899": "NL", "Q1781": "HU"},
        coords={"Q727": (52.3728, 4.8936), "Q9899": (52.366, 4.9), "Q1781": (47.4983, 19.0408)},
    )
    _crawl(store, record)
    place = _holder(store, "Q727")
    assert _holder(store, "Q9899") == place
    assert place.startswith("gn-")  # GeoNames' Amsterdam, with its coordinates
    entity = store.entity(place)
    assert entity is not None and entity.lat is not None and entity.population
    further = store.place_qids(place)
    assert len(further) == 1 and "one settlement" in further[0][1]


def test_a_qid_still_names_one_place(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="names one place"):
        store.conn.execute(
            "INSERT INTO place_qids (qid, entity_id, evidence) VALUES ('Q38283', 'taipei', 'x')"
        )  # Yokohama's QID
    store.add_place_qids([("taipei", "Q38283", "x")])  # the store's own call leaves it be
    assert _holder(store, "Q38283") == "yokohama"


def test_items_far_apart_stay_two_places(store: Store) -> None:
    record = WikidataRecord(
        ties=[WikidataTie("Q900001", "Q1781", "a:1"), WikidataTie("Q900002", "Q1781", "a:2")],
        labels={"Q900001": "São Paulo", "Q900002": "São Paulo", "Q1781": "Budapest"},
        countries={"Q900001": "BR", "Q900002": "BR", "Q1781": "HU"},
        coords={"Q900001": (-23.55, -46.63), "Q900002": (-22.0, -48.5), "Q1781": (47.5, 19.04)},
    )
    _crawl(store, record)
    assert _holder(store, "Q900001") != _holder(store, "Q900002")


def test_a_german_label_joins_the_placed_capital(store: Store, tmp_path: Path) -> None:
    _pairs(store, tmp_path, ["Vienna,Austria,Bratislava,Slovakia,,,,"])
    vienna = next(iter(_partners(store, _holder_of_name(store, "Bratislava"))))
    record = WikidataRecord(
        ties=[WikidataTie("Q1741", "Q1780", "a:1")],
        labels={"Q1741": "Vienna", "Q1780": "Bratislava"},
        countries={"Q1741": "AT", "Q1780": "SK"},
        coords={"Q1741": (48.2083, 16.3725), "Q1780": (48.1439, 17.1097)},
        aliases={"Q1741": ["Wien"]},
    )
    _crawl(store, record)
    assert _holder(store, "Q1741") == vienna
    names = {n for n, _, _ in store.name_evidence(vienna)}
    assert {"Vienna", "Wien"} <= names
    entity = store.entity(vienna)
    assert (
        entity is not None and entity.name == "Vienna"
    )  # the German label is a name, not the title


def _holder_of_name(store: Store, name: str) -> str:
    row = store.conn.execute("SELECT entity_id FROM names WHERE name = ?", (name,)).fetchone()
    return str(row[0])


def test_a_district_written_three_ways_is_one_place(store: Store, tmp_path: Path) -> None:
    _pairs(
        store,
        tmp_path,
        [
            "Berlin – Charlottenburg-Wilmersdorf,Germany,Kyiv,Ukraine,,,,",
            "Charlottenburg-Wilmersdorf (Berlin),Germany,Sopot,Poland,,,,",
            "Budapest XI – Újbuda,Hungary,Wadowice,Poland,,,,",
            "Budapest XI,Hungary,Kraków,Poland,,,,",
        ],
    )
    one = _holder_of_name(store, "Berlin – Charlottenburg-Wilmersdorf")
    assert _holder_of_name(store, "Charlottenburg-Wilmersdorf (Berlin)") == one
    district = store.entity(one)
    assert district is not None and district.level == "district" and district.parent
    assert district.name == "Charlottenburg-Wilmersdorf"
    record = WikidataRecord(
        ties=[WikidataTie("Q158095", "Q1899", "a:1")],
        labels={"Q158095": "Charlottenburg-Wilmersdorf", "Q1899": "Kyiv"},
        countries={"Q158095": "DE", "Q1899": "UA"},
        coords={"Q158095": (52.5, 13.28), "Q1899": (50.45, 30.52)},
    )
    _crawl(store, record)
    assert _holder(store, "Q158095") == one
    assert _holder_of_name(store, "Budapest XI") == _holder_of_name(store, "Budapest XI – Újbuda")


def test_namesakes_are_told_apart_by_their_partners(store: Store, tmp_path: Path) -> None:
    # the list names every Springfield "Springfield, United States"; a geocoder put them all
    # in Illinois. Wikidata ties Wittenberg to Springfield, Ohio.
    _pairs(
        store,
        tmp_path,
        [
            "Wittenberg,Germany,Springfield,United States,51.8671,12.6484,39.799,-89.644",
            "Jining,China,Springfield,United States,35.4151,116.5871,39.799,-89.644",
        ],
    )
    illinois = _holder_of_name(store, "Springfield")
    wittenberg = _holder_of_name(store, "Wittenberg")
    record = WikidataRecord(
        ties=[WikidataTie("Q40325", "Q6999", "a:1")],
        labels={"Q40325": "Springfield", "Q6999": "Wittenberg"},
        countries={"Q40325": "US", "Q6999": "DE"},
        coords={"Q40325": (39.927, -83.804), "Q6999": (51.866, 12.646)},
    )
    _crawl(store, record)
    ohio = _holder(store, "Q40325")
    assert ohio != illinois and _holder(store, "Q6999") == wittenberg
    moved = namesakes_by_partner(store, "import-pairs-pairs", [CRAWL.id])
    assert len(moved) == 1
    [(subject, obj, why)] = moved.values()
    assert {subject, obj} == {wittenberg, ohio} and "another source ties" in why
    # the other row stays where it was: nothing says it is another Springfield's
    jining = _holder_of_name(store, "Jining")
    assert not any(jining in (s, o) for s, o, _ in moved.values())


def test_a_label_with_no_country_does_not_land_on_a_small_namesake(store: Store) -> None:
    record = WikidataRecord(
        ties=[WikidataTie("Q25230", "Q1781", "a:1")],
        labels={"Q25230": "Guernsey", "Q1781": "Budapest"},
    )
    _crawl(store, record)
    guernsey = store.entity(_holder(store, "Q25230"))
    assert guernsey is not None and guernsey.id == "wd-Q25230"
    assert guernsey.placement == "unplaced" and guernsey.country != "US"


def test_an_alternate_name_yields_to_a_town_of_that_name(store: Store, tmp_path: Path) -> None:
    _pairs(store, tmp_path, ["Turi,Italy,Roeser,Luxembourg,,,,", "Turin,Italy,Lyon,France,,,,"])
    turi, turin = (
        store.entity(_holder_of_name(store, "Turi")),
        store.entity(_holder_of_name(store, "Turin")),
    )
    assert turi is not None and turin is not None and turi.id != turin.id
    assert turi.population is not None and turi.population < 50_000


def test_german_unit_labels_read_in_english() -> None:
    assert english_unit_label("Präfektur Saitama") == "Saitama Prefecture"
    assert english_unit_label("Emirat Dubai") == "Emirate of Dubai"
    assert english_unit_label("Wien") is None


def test_a_unit_label_is_a_unit_not_a_town(store: Store) -> None:
    record = WikidataRecord(
        ties=[WikidataTie("Q613", "Q1781", "a:1")],
        labels={"Q613": "Emirate of Dubai", "Q1781": "Budapest"},
        countries={"Q613": "AE", "Q1781": "HU"},
        coords={"Q613": (25.0, 55.5), "Q1781": (47.5, 19.04)},
    )
    _crawl(store, record)
    emirate = store.entity(_holder(store, "Q613"))
    assert emirate is not None and emirate.level == "region" and emirate.country == "AE"


def test_two_twinned_namesakes_stay_two_places(store: Store) -> None:
    # Kilchberg (Zurich) and Kilchberg (Basel-Land) are twinned: tied items are two places,
    # whatever the gazetteer makes of their labels
    record = WikidataRecord(
        ties=[WikidataTie("Q66633", "Q119603", "a:1"), WikidataTie("Q119603", "Q66633", "a:2")],
        labels={"Q66633": "Kilchberg", "Q119603": "Kilchberg"},
        countries={"Q66633": "CH", "Q119603": "CH"},
        coords={"Q66633": (47.3247, 8.5469), "Q119603": (47.3253, 8.5441)},
    )
    _crawl(store, record)
    one, two = _holder(store, "Q66633"), _holder(store, "Q119603")
    assert one != two
    assert all(c.subject != c.object for c in store.claims(source_id=CRAWL.id))


def test_a_german_label_joins_the_town_the_lists_tie_to_its_partners(
    store: Store, tmp_path: Path
) -> None:
    _pairs(
        store,
        tmp_path,
        ["Covasna,Romania,Szeged,Hungary,,,,", "Covasna,Romania,Debrecen,Hungary,,,,"],
    )
    covasna = _holder_of_name(store, "Covasna")
    record = WikidataRecord(  # the 2016 crawl's German label, no country, no coordinates
        ties=[WikidataTie("Q900010", "Q900011", "a:1"), WikidataTie("Q900010", "Q900012", "a:2")],
        labels={"Q900010": "Kovasna", "Q900011": "Szeged", "Q900012": "Debrecen"},
        countries={"Q900011": "HU", "Q900012": "HU"},
    )
    _crawl(store, record)
    assert _holder(store, "Q900010") == covasna
    why = {n: w or "" for n, _, w in store.name_evidence(covasna)}["Kovasna"]
    assert "2 of its 2 partners" in why


def test_an_unplaced_label_stays_apart_when_two_towns_share_its_partners(
    store: Store, tmp_path: Path
) -> None:
    _pairs(
        store,
        tmp_path,
        [
            "Covasna,Romania,Szeged,Hungary,,,,",
            "Covasna,Romania,Debrecen,Hungary,,,,",
            "Coventry,United Kingdom,Szeged,Hungary,,,,",
            "Coventry,United Kingdom,Debrecen,Hungary,,,,",
        ],
    )
    record = WikidataRecord(  # a label like neither town, whose partners both towns share
        ties=[WikidataTie("Q900010", "Q900011", "a:1"), WikidataTie("Q900010", "Q900012", "a:2")],
        labels={"Q900010": "Zillenmarkt", "Q900011": "Szeged", "Q900012": "Debrecen"},
        countries={"Q900011": "HU", "Q900012": "HU"},
    )
    _crawl(store, record)
    assert _holder(store, "Q900010") == "wd-Q900010"


def test_a_second_item_of_a_city_label_is_the_state_named_after_it(store: Store) -> None:
    record = WikidataRecord(
        ties=[WikidataTie("Q174", "Q1781", "a:1"), WikidataTie("Q175", "Q1781", "a:2")],
        labels={"Q174": "São Paulo", "Q175": "São Paulo", "Q1781": "Budapest"},
        countries={"Q174": "BR", "Q175": "BR", "Q1781": "HU"},
        coords={"Q174": (-23.55, -46.63), "Q1781": (47.4983, 19.0408)},
    )
    _crawl(store, record)
    city, state = store.entity(_holder(store, "Q174")), store.entity(_holder(store, "Q175"))
    assert city is not None and state is not None and city.id != state.id
    assert city.level == "city" and city.geonames_id == 3448439
    assert state.level == "state" and state.geonames_id == 3448433
    assert state.name == "São Paulo (state)" and state.lat is not None
    assert state.placement == "centroid"


def test_a_district_label_of_a_city_is_not_its_state(store: Store) -> None:
    record = WikidataRecord(  # Wieden is a district of Vienna, not the state of Vienna
        ties=[WikidataTie("Q1741", "Q1781", "a:1"), WikidataTie("Q268001", "Q1781", "a:2")],
        labels={"Q1741": "Vienna", "Q268001": "Wieden", "Q1781": "Budapest"},
        countries={"Q1741": "AT", "Q268001": "AT", "Q1781": "HU"},
        coords={"Q1741": (48.2083, 16.3725), "Q1781": (47.4983, 19.0408)},
        aliases={"Q1741": ["Wien"]},
    )
    _crawl(store, record)
    wieden = store.entity(_holder(store, "Q268001"))
    assert wieden is not None and wieden.level != "state"
    assert wieden.id != _holder(store, "Q1741")


def test_a_borough_written_with_its_city_is_the_curated_district(
    store: Store, tmp_path: Path
) -> None:
    _pairs(store, tmp_path, ["Seoul – Seocho,South Korea,Manhattan (New York),United States,,,,"])
    manhattan = store.entity("manhattan")
    assert manhattan is not None and manhattan.parent == "new-york-city"
    assert manhattan.level == "district" and manhattan.lat is not None
    assert _partners(store, "manhattan")  # the row's tie sits on the district
