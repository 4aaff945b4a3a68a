"""The offline gazetteer: every input form of issue #3, ambiguity, unknowns, robustness."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citydip.gazetteer import STATUSES, Resolution, resolve, resolve_many
from citydip.gazetteer import index as gazetteer_index
from citydip.progress import silent

YOKOHAMA, ODESA, ODESSA_TX = 1848354, 698740, 5527554
FRANKFURT_ODER, BIRMINGHAM_GB = 2925535, 2655603


def resolved(name: str, country: str | None = None, **context: object) -> Resolution:
    result = resolve(name, country, **context)  # type: ignore[arg-type]
    assert result.status == "resolved", (name, country, result.reason)
    assert result.place is not None
    assert 0.0 < result.score <= 1.0
    return result


# -- the index ---------------------------------------------------------------------------


def test_index_is_versioned_and_lives_under_citydip_home(citydip_home: Path) -> None:
    path = gazetteer_index.index_path()
    assert path.parent == citydip_home
    assert f"v{gazetteer_index.INDEX_VERSION}" in path.name and path.exists()
    assert gazetteer_index.open_index() is gazetteer_index.open_index()  # one per process


def test_lookups_are_fast_once_the_index_is_open() -> None:
    names = ["Yokohama", "Odessa", "Kraków", "Lyon", "Toledo", "Springfield", "Nowhereville"]
    resolve("Lyon", "France")
    start = time.perf_counter()
    for i in range(300):
        resolve(names[i % len(names)], ["FR", "Ukraine", None][i % 3])
    assert time.perf_counter() - start < 3.0  # ~1,000/s at least, even on a busy machine


# -- input forms -------------------------------------------------------------------------


def test_city_alone() -> None:
    assert resolved("Yokohama").place.geonames_id == YOKOHAMA  # type: ignore[union-attr]


@pytest.mark.parametrize("country", ["Ukraine", "UA", "UKR", "ukraine"])
def test_city_with_country_as_name_or_code(country: str) -> None:
    assert resolved("Odessa", country).place.geonames_id == ODESA  # type: ignore[union-attr]


def test_country_decides_between_homonyms() -> None:
    assert resolved("Odessa", "United States").place.geonames_id == ODESSA_TX  # type: ignore[union-attr]
    assert resolved("Odessa, Ukraine").place.geonames_id == ODESA  # type: ignore[union-attr]


def test_city_region_country_in_one_string() -> None:
    place = resolved("Birmingham, England, United Kingdom").place
    assert place is not None and (place.geonames_id, place.admin1) == (BIRMINGHAM_GB, "ENG")
    assert resolved("Portland, Oregon, United States").place.admin1 == "OR"  # type: ignore[union-attr]
    assert resolved("Portland, Maine").place.admin1 == "ME"  # type: ignore[union-attr]
    assert resolved("Portland", region="Maine").place.admin1 == "ME"  # type: ignore[union-attr]


def test_city_with_qualifier() -> None:
    result = resolved("Frankfurt (Oder)", "Germany")
    assert result.place.geonames_id == FRANKFURT_ODER  # type: ignore[union-attr]
    assert resolved("Frankfurt", "Germany").place.name == "Frankfurt am Main"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("name", "country", "code"),
    [
        ("Cork", "Republic of Ireland", "IE"),
        ("Brno", "Czech Republic", "CZ"),
        ("Brno", "Czechia", "CZ"),
        ("Kaohsiung", "Taiwan", "TW"),
        ("Cardiff", "Wales", "GB"),
        ("Aberdeen", "Scotland", "GB"),
        ("Tbilisi", "Georgia (country)", "GE"),
        ("Batumi", "Georgia", "GE"),
        ("Hue", "Vietnam", "VN"),
        ("Daegu", "South Korea", "KR"),
        ("Athens", "Grece", "GR"),  # a misspelled country still counts
    ],
)
def test_country_aliases(name: str, country: str, code: str) -> None:
    assert resolved(name, country).place.country == code  # type: ignore[union-attr]


def test_georgia_the_state_when_the_country_has_no_such_place() -> None:
    place = resolved("Athens", "Georgia").place
    assert place is not None and (place.country, place.admin1) == ("US", "GA")


def test_constituent_country_narrows_the_region() -> None:
    place = resolved("Newport", "Wales").place
    assert place is not None and place.admin1 == "WLS"


@pytest.mark.parametrize(
    ("name", "country", "unit", "kind"),
    [
        ("Gmina Siechnice", "Poland", "Siechnice", "gmina"),
        ("Krosno County", "Poland", "Powiat krośnieński", "county"),
        ("County Kildare", "Ireland", "Kildare", "county"),
    ],
)
def test_admin_units_the_data_holds_resolve_as_units_and_say_so(
    name: str, country: str, unit: str, kind: str
) -> None:
    result = resolved(name, country)
    assert result.place.name == unit and result.place.kind == "admin"  # type: ignore[union-attr]
    assert (result.unit, result.admin_kind) == ("admin", kind)


def test_admin_units_the_data_lacks_resolve_to_their_seat_and_say_so() -> None:
    result = resolved("Miskolc District", "Hungary")
    assert result.place.name == "Miskolc" and result.place.kind == "city"  # type: ignore[union-attr]
    assert (result.unit, result.admin_kind) == ("seat", "district")


def test_a_named_place_is_not_a_seat() -> None:
    assert resolved("Kraków", "Poland").unit == "place"


def test_city_district_resolves_to_its_city() -> None:
    result = resolved("Berlin – Pankow", "Germany")
    assert result.unit == "parent" and result.place.name == "Berlin"  # type: ignore[union-attr]
    assert resolved("Budapest XIII", "Hungary").place.name == "Budapest"  # type: ignore[union-attr]


def test_admin_unit_the_data_lacks_without_a_namesake_town_is_unknown_with_reason() -> None:
    result = resolve("Welwyn Hatfield (borough)", "England")
    assert result.status == "unknown" and result.place is None
    assert "Welwyn Hatfield" in (result.reason or "") and "GB" in (result.reason or "")
    kreis = resolve("Hochsauerland (district)", "Germany")  # the Hochsauerlandkreis
    assert kreis.unit == "admin" and kreis.place is not None
    assert kreis.place.name == "Hochsauerlandkreis"


@pytest.mark.parametrize(
    ("name", "country", "geonames_id"),
    [
        ("横浜市", None, YOKOHAMA),
        ("Yokohama-shi", None, YOKOHAMA),
        ("Yokohama Shi", "JP", YOKOHAMA),
        ("Одесса", "UA", ODESA),
        ("Odesa", "Ukraine", ODESA),
        ("Taipei City", None, 1668341),
        ("Saigon", None, 1566083),
        ("Bombay", None, 1275339),
        ("Kiev", None, 703448),
        ("Pusan", None, 1838524),
        ("Lodz", "Poland", 3093133),
        ("Łódź", None, 3093133),
        ("Sankt Petersburg", "Russia", 498817),
        ("St. Petersburg", "Russia", 498817),
    ],
)
def test_scripts_transliterations_suffixes_and_old_names(
    name: str, country: str | None, geonames_id: int
) -> None:
    assert resolved(name, country).place.geonames_id == geonames_id  # type: ignore[union-attr]


def test_diacritic_variants_land_on_one_place() -> None:
    ids = {
        resolved(n, "Romania").place.geonames_id for n in ("Constanţa", "Constanța", "Constanta")
    }  # type: ignore[union-attr]
    assert len(ids) == 1


def test_misspelling_falls_back_to_a_fuzzy_match_within_the_country() -> None:
    result = resolved("Wroclawk", "Poland")
    assert result.place.name == "Wrocław" and result.score < 0.9  # type: ignore[union-attr]


# -- ambiguity and context ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Portland", {5746545, 4975802}),  # Oregon, Maine
        ("Vancouver", {6173331, 5814616}),  # British Columbia, Washington
        ("Birmingham", {BIRMINGHAM_GB, 4049979}),  # England, Alabama
    ],
)
def test_ambiguous_names_list_every_candidate(name: str, expected: set[int]) -> None:
    result = resolve(name)
    assert result.status == "ambiguous" and result.place is None
    assert expected <= {c.geonames_id for c in result.candidates}
    assert len(result.candidates) == len(result.scores)
    assert result.reason and "match" in result.reason


def test_nearness_breaks_a_tie() -> None:
    place = resolved("Portland", near=(43.66, -70.26)).place  # near Maine's Portland
    assert place is not None and place.admin1 == "ME"


def test_a_dominant_city_wins_without_context() -> None:
    assert resolved("Paris").place.country == "FR"  # type: ignore[union-attr]


# -- unknowns and robustness -------------------------------------------------------------


@pytest.mark.parametrize("name", ["Xyzzyqqvlorp", "", "   ", "!!!", "12345"])
def test_unknown_names_say_why(name: str) -> None:
    result = resolve(name)
    assert result.status == "unknown" and result.place is None and result.reason


def test_a_us_county_is_the_county_not_its_namesake_town() -> None:
    result = resolve("Cook County", "United States")
    assert result.status == "resolved" and result.unit == "admin" and result.place is not None
    assert (result.place.kind, result.place.level, result.place.parent) == (
        "admin",
        "county",
        "Illinois",
    )


def test_a_place_outside_the_given_region_is_not_taken() -> None:
    assert resolve("Coventry, New York, United States").status == "unknown"
    assert resolved("Coventry, Rhode Island").place.admin1 == "RI"  # type: ignore[union-attr]


def test_unknown_within_the_given_country() -> None:
    result = resolve("Yokohama", "France")
    assert result.status == "unknown" and "FR" in (result.reason or "")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=40), country=st.one_of(st.none(), st.text(max_size=12)))
def test_resolve_never_raises_on_arbitrary_unicode(name: str, country: str | None) -> None:
    result = resolve(name, country)
    assert result.status in STATUSES
    assert (result.place is not None) == (result.status == "resolved")


def test_resolve_many_keeps_order_and_resolves_repeats_once() -> None:
    rows = [
        {"name": "Odessa", "country": "Ukraine"},
        {"name": "Portland"},
        {"name": "Odessa", "country": "Ukraine"},
        {"name": "Portland", "lat": "43.66", "lon": "-70.26"},
    ]
    results = list(resolve_many(rows, progress=silent))
    assert [r.status for r in results] == ["resolved", "ambiguous", "resolved", "resolved"]
    assert results[0] is results[2]
    assert results[3].place is not None and results[3].place.admin1 == "ME"


def test_to_dict_has_the_json_shape() -> None:
    data = resolve("Odessa", "Ukraine").to_dict()
    assert data["status"] == "resolved"
    assert set(data["place"]) == {
        "name",
        "country",
        "admin1",
        "geonames_id",
        "lat",
        "lon",
        "population",
        "kind",
        "level",
        "parent",
    }
    assert data["candidates"][0]["geonames_id"] == ODESA and "score" in data["candidates"][0]
