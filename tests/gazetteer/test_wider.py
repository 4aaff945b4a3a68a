"""The wider offline data (issue #10), on real rows of the packaged data: admin units in
their English and native forms at their level with a centroid and a parent, villages
ranked below towns, and the ambiguity contract kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from citydip.gazetteer import Resolution, resolve
from citydip.gazetteer.match import distance_km


def unit(name: str, country: str) -> Resolution:
    result = resolve(name, country)
    assert result.status == "resolved", (name, result.reason)
    assert result.unit == "admin" and result.place is not None, (name, result)
    assert result.place.kind == "admin"
    return result


@pytest.mark.parametrize(
    ("name", "country", "resolved_name", "level", "parent"),
    [
        ("Krosno County", "Poland", "Powiat krośnieński", "county", "Lubuskie"),  # alias
        ("Landkreis Würzburg", "Germany", "Landkreis Würzburg", "county", None),
        ("Kreis Kassel", "Germany", "Kassel", "county", "Regierungsbezirk Kassel"),
        ("Wetterau (district)", "Germany", "Wetteraukreis", "county", None),
        ("Wetterau", "Germany", "Wetteraukreis", "county", None),
        ("Gmina Siechnice", "Poland", "Siechnice", "municipality", "Powiat wrocławski"),
        ("Dębica (rural gmina)", "Poland", "Dębica", "municipality", "Powiat dębicki"),
        ("Yangpyeong-gun", "South Korea", "Yangpyeong-gun", None, "Gyeonggi-do"),
        ("Powiat dębicki", "Poland", "Powiat dębicki", "county", "Podkarpackie"),  # native
        ("Yavoriv Raion", "Ukraine", "Yavorivskyi Raion", "district", None),
        ("Berehove Raion", "Ukraine", "Berehove Raion", "district", "Zakarpatska oblast"),
        ("Hertfordshire", "England", "Hertfordshire", "county", "England"),
        ("Kaski District", "Nepal", "Kaski", None, "Gandaki"),
        ("Järva County", "Estonia", "Järvamaa", "county", None),
        ("Järvamaa", "EE", "Järvamaa", "county", None),  # native form
        ("Calabria", "Italy", "Calabria", "region", None),
        ("Orange County", "United States", "Orange County", "county", "California"),
    ],
)
def test_admin_unit_forms(
    name: str, country: str, resolved_name: str, level: str | None, parent: str | None
) -> None:
    place = unit(name, country).place
    assert place is not None and place.name == resolved_name
    if level:
        assert place.level == level
    if parent:
        assert place.parent == parent
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180 and (place.lat, place.lon) != (0, 0)


def test_units_with_a_geonames_id_keep_it() -> None:
    calabria = unit("Calabria", "Italy").place
    assert calabria is not None and calabria.geonames_id == 2525468
    # the centroid of its places lies in Calabria, not at Reggio (the largest city)
    assert distance_km((calabria.lat, calabria.lon), (38.91, 16.59)) < 60


def test_a_county_and_its_seat() -> None:
    county = unit("Landkreis Rastatt", "Germany").place
    town = resolve("Rastatt", "Germany")
    assert town.status == "resolved" and town.unit == "place" and town.place is not None
    assert county is not None and town.place.kind == "city" and town.place.population > 40000
    assert county.level == "county" and town.place.geonames_id != county.geonames_id
    # both near each other, but the unit sits at its own centroid
    assert 0 < distance_km((county.lat, county.lon), (town.place.lat, town.place.lon)) < 30
    powiat = unit("Krosno County", "Poland").place
    krosno = resolve("Krosno", "Poland").place
    assert krosno is not None and krosno.kind == "city" and krosno.name == "Krosno"
    assert powiat is not None and powiat.geonames_id != krosno.geonames_id


def test_two_units_of_one_name_are_ambiguous_with_every_candidate() -> None:
    result = resolve("Powiat krośnieński", "Poland")
    assert result.status == "ambiguous" and result.place is None
    assert len(result.candidates) == 2 and {c.kind for c in result.candidates} == {"admin"}
    assert {c.admin1 for c in result.candidates} == {"76", "80"}


def test_a_town_never_loses_to_a_hamlet_of_its_name() -> None:
    # one town and a dozen villages called Zwierzyniec in Poland
    result = resolve("Zwierzyniec", "Poland")
    assert result.status == "resolved" and result.place is not None
    assert result.place.kind == "city" and result.place.population > 1000
    villages = [c for c in result.candidates if c.kind == "village"]
    assert len(villages) >= 3, "the villages are candidates, ranked below the town"
    assert all(result.scores[0] > 3 * s for s in result.scores[1:])


def test_a_village_the_cities_lack() -> None:
    result = resolve("Swainswick", "England")
    assert result.status == "resolved" and result.place is not None
    assert result.place.kind == "village" and result.place.geonames_id == 0
    assert distance_km((result.place.lat, result.place.lon), (51.41, -2.35)) < 5
    oberweser = resolve("Oberweser", "Germany")
    assert oberweser.status == "resolved" and oberweser.place is not None


def test_two_villages_of_one_name_are_ambiguous() -> None:
    result = resolve("Achmore", "United Kingdom")
    assert result.status == "ambiguous" and len(result.candidates) == 2
    assert {c.kind for c in result.candidates} == {"village"}


def test_a_bare_name_is_the_town_not_its_namesake_unit() -> None:
    for name, country in (("Krosno", "PL"), ("Rastatt", "DE"), ("Siechnice", "PL")):
        result = resolve(name, country)
        assert result.unit == "place" and result.place is not None, name
        assert result.place.kind == "city", name


def test_a_package_version_is_read_from_its_dist_info_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from the folder's name, without falling back to importlib.metadata (which
    would not know this package: it is not installed)."""
    from citydip.gazetteer.wider import package_version

    (tmp_path / "notinstalled-1.2.3a0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert package_version("notinstalled") == "1.2.3a0"
