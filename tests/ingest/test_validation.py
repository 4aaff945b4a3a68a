"""One validation for every importer (issue 24): impossible dates, coordinates, names, ids
and titles are one DataError naming file, line and field, and nothing is stored."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.ingest.test_import_failures import dump

from citydip.errors import DataError, InvalidInput
from citydip.ingest import validate
from citydip.ingest.edges import edges_batch
from citydip.ingest.importing import run_import
from citydip.ingest.pairs import pairs_batch
from citydip.ingest.table import table_batch
from citydip.ingest.wikidata import wikidata_file_batch
from citydip.store import Store

AT = validate.At("f.csv", 3)
BAD_DATES = ["1959-13-45", "2020-02-30", "1999-99-99", "1995-00-00", "-050", "0000", "garbage"]
BAD_DATES += ["1900-02-29", "99999", "2500", "0499", "1959-1", "1959-05-1", " ", "1959-05-01x"]
GOOD_DATES = ["1959", "1959-05", "1959-05-31", "2000-02-29", "2024-12-31", "0836", "2100"]


@pytest.mark.parametrize("text", BAD_DATES)
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(DataError) as info:
        validate.date(text, AT, "start")
    assert str(info.value).startswith("f.csv:3: start: ")


@pytest.mark.parametrize("text", GOOD_DATES)
def test_real_dates_are_kept_as_written(text: str) -> None:
    assert validate.date(text, AT, "start") == text


@pytest.mark.parametrize(
    ("lat", "lon"),
    [("inf", "0"), ("0", "-inf"), ("nan", "1"), ("999", "0"), ("0", "180.5"), (True, 1)],
)
def test_impossible_coordinates_are_refused(lat: Any, lon: Any) -> None:
    with pytest.raises(DataError, match=r"f\.csv:3: lat: "):
        validate.coordinates(lat, lon, AT, "lat")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("x" * 301, "too long"),
        ("\x01\x02\x03", "only control characters"),
        ("Lyon\ufffe", "non-character U+FFFE"),
        ("Ly\uffffon", "non-character U+FFFF"),
        ("Lyon\U0010fffe", "non-character"),
        ("", "empty"),
        (42, "expected text"),
    ],
)
def test_bad_names_are_refused(value: Any, problem: str) -> None:
    with pytest.raises(DataError, match=re.escape(problem)):
        validate.name(value, AT, "partner")


def test_names_are_cleaned_not_refused_for_stray_controls() -> None:
    assert validate.name(" Ly\x07on ", AT, "partner") == "Lyon"
    assert validate.name("x" * 300, AT, "partner") == "x" * 300


@pytest.mark.parametrize("value", ["Q0", "Q", "q90", "Q90x", "Q" + "1" * 12, 90, None, "../etc"])
def test_bad_qids_are_refused(value: Any) -> None:
    with pytest.raises(DataError, match="QID"):
        validate.qid(value, AT, "partner")


@pytest.mark.parametrize("value", ["0", "-5", "9" * 30, "12a", 2**40, True, 1.5])
def test_bad_geonames_ids_are_refused(value: Any) -> None:
    with pytest.raises(DataError, match="GeoNames id"):
        validate.geonames_id(value, AT, "geonames")


def test_a_title_too_long_names_its_argument() -> None:
    with pytest.raises(InvalidInput) as info:
        validate.option_text("t" * 100_000, "title")
    assert info.value.field == "title" and len(str(info.value)) < 200


def sparql(**fields: str) -> bytes:
    row = {
        "city": {"type": "uri", "value": "http://www.wikidata.org/entity/Q38283"},
        "partner": {"type": "uri", "value": "http://www.wikidata.org/entity/Q16552"},
    }
    for key, value in fields.items():
        row[key] = {"type": "literal", "value": value}
    head = ["city", "partner", *fields]
    return json.dumps({"head": {"vars": head}, "results": {"bindings": [row]}}).encode()


def entities(partner: Any = "Q16552", time: str = "+1957-10-29T00:00:00Z", **facts: Any) -> bytes:
    statement = {
        "rank": "normal",
        "mainsnak": {
            "snaktype": "value",
            "datavalue": {"value": {"id": partner}},
        },
        "qualifiers": {
            "P580": [{"snaktype": "value", "datavalue": {"value": {"time": time, "precision": 11}}}]
        },
    }
    claims: dict[str, Any] = {"P190": [statement]}
    if "lat" in facts:
        point = {"latitude": facts["lat"], "longitude": 0}
        claims["P625"] = [
            {"rank": "normal", "mainsnak": {"snaktype": "value", "datavalue": {"value": point}}}
        ]
    if "geonames" in facts:
        claims["P1566"] = [
            {
                "rank": "normal",
                "mainsnak": {"snaktype": "value", "datavalue": {"value": facts["geonames"]}},
            }
        ]
    label = facts.get("label", "Yokohama")
    item = {"labels": {"en": {"value": label}}, "claims": claims}
    return json.dumps({"entities": {"Q38283": item}}).encode()


LONG = "x" * 100_000
CASES: list[tuple[str, bytes, Any, str]] = [
    ("t.csv", b"partner,start\nLyon,1959-13-45\n", table_batch, "t.csv:2: start: "),
    ("t.csv", b"partner,start\nLyon,2020-02-30\n", table_batch, "t.csv:2: start: "),
    ("t.csv", b"partner,end\nLyon,1995-00-00\n", table_batch, "t.csv:2: end: "),
    ("t.csv", b"partner,start\nLyon,-050\n", table_batch, "t.csv:2: start: "),
    ("t.jsonl", b'{"partner": "Lyon", "start": -50}\n', table_batch, "t.jsonl:1: start: "),
    ("t.csv", f"partner\n{LONG}\n".encode(), table_batch, "t.csv:2: partner: 100,000 char"),
    ("t.csv", b"partner\n\x01\x02\n", table_batch, "t.csv:2: partner: only control"),
    ("t.csv", "partner\nLyon\ufffe\n".encode(), table_batch, "t.csv:2: partner: holds"),
    ("t.csv", f"partner,notes\nLyon,{LONG}\n".encode(), table_batch, "t.csv:2: notes: "),
    ("t.csv", f"partner,country\nLyon,{LONG}\n".encode(), table_batch, "t.csv:2: country: "),
    ("p.csv", b"city1,country1,city2,country2,lat1,lng1\nA,FR,B,JP,inf,0\n", pairs_batch, "lat1"),
    ("p.csv", b"city1,country1,city2,country2,lat1,lng1\nA,FR,B,JP,999,0\n", pairs_batch, "lat1"),
    ("p.csv", f"city1,country1,city2,country2\n{LONG},FR,B,JP\n".encode(), pairs_batch, "city1"),
    ("p.csv", "city1,country1,city2,country2\nA\uffff,FR,B,JP\n".encode(), pairs_batch, "city1"),
    ("e.tsv", f"Q1\tQ{'1' * 100_000}\n".encode(), edges_batch, "e.tsv:1: b: "),
    ("s.json", sparql(start="garbage"), wikidata_file_batch, "result 1: 'garbage'"),
    ("s.json", sparql(start="1959-13-45T00:00:00Z"), wikidata_file_batch, "no month 13"),
    ("s.json", sparql(partnerLabel=LONG), wikidata_file_batch, "partnerLabel: 100,000"),
    ("s.json", sparql(partnerCoord="Point(0 inf)"), wikidata_file_batch, "partnerCoord"),
    ("s.json", sparql(partnerGeonames="9" * 40), wikidata_file_batch, "partnerGeonames"),
    ("w.json", entities(time="garbage"), wikidata_file_batch, "P580 start time"),
    ("w.json", entities(time="-0050-01-01T00:00:00Z"), wikidata_file_batch, "P580 start time"),
    ("w.json", entities(time="+2020-02-30T00:00:00Z"), wikidata_file_batch, "no day 30"),
    ("w.json", entities(partner=16552), wikidata_file_batch, "partner: 16552 is not"),
    ("w.json", entities(partner="../../etc"), wikidata_file_batch, "partner: '../../etc'"),
    ("w.json", entities(lat=float("inf")), wikidata_file_batch, "P625 coordinates"),
    ("w.json", entities(lat=999), wikidata_file_batch, "off the globe"),
    ("w.json", entities(geonames="9" * 30), wikidata_file_batch, "P1566 GeoNames id"),
    ("w.json", entities(label=LONG), wikidata_file_batch, "Q38283 label: 100,000"),
]


@pytest.mark.parametrize(("name", "content", "build", "message"), CASES)
def test_bad_values_fail_the_import_and_store_nothing(
    store: Store, tmp_path: Path, name: str, content: bytes, build: Any, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.replace(b"\\ufffe", "\ufffe".encode()))
    before = dump(store)
    kwargs = {"city": "Yokohama"} if build is table_batch else {}
    with pytest.raises(DataError) as info:
        run_import(store, build(store, path, **kwargs))
    text = str(info.value)
    assert text.startswith(str(tmp_path)) and message in text, text
    assert "\n" not in text and len(text) < 400
    assert dump(store) == before


def test_a_huge_title_is_refused_before_anything_is_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("city1,country1,city2,country2\nLyon,FR,Yokohama,JP\n", encoding="utf-8")
    before = dump(store)
    with pytest.raises(InvalidInput) as info:
        pairs_batch(store, path, title="t" * 100_000)
    assert info.value.field == "title"
    assert dump(store) == before
