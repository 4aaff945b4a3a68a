"""What council records and features write about a tie: a date before the verb that forms
it ("on January 3, 2012 establishing a sister city relationship between ..."), a region
between a city and its country ("the City of Tepatitlán de Morelos, Jalisco Mexico
confirming ..."), "selected Ponta Delgada as an official Sister City in March 1970", a
record's field lines ("Sponsors: Eric Engelbart"), "St. Paul, Minnesota and Nagasaki, Japan
established their relationship in 1955", and a state after a city naming its country.
Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.registry import Registry


def test_a_date_before_the_forming_verb(registry: Registry) -> None:
    text = (
        "Madison has sister cities. WHEREAS, the Common Council adopted Resolution, File "
        "#24840 on January 3, 2012 establishing a sister city relationship between the City "
        "of Madison, Wisconsin USA and the City of Tepatitlán de Morelos, Jalisco Mexico; and,"
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Madison", "Tepatitlán de Morelos")}
    assert found[pair("Madison", "Tepatitlán de Morelos")].year == 2012


def test_a_region_between_a_city_and_its_country_is_no_subject(registry: Registry) -> None:
    text = (
        "Authorizing the Mayor to execute a Memorandum of Understanding with the City of "
        "Tepatitlán de Morelos, Jalisco Mexico confirming a sister city relationship with the "
        "City of Madison, Wisconsin USA."
    )
    assert set(text_ties(text, registry)) == {pair("Tepatitlán de Morelos", "Madison")}


def test_selected_as_an_official_sister_city(registry: Registry) -> None:
    text = (
        "San Leandro has sister cities. The San Leandro Town Affiliation Committee selected "
        "Ponta Delgada as an official Sister City in March 1970."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("San Leandro", "Ponta Delgada")}
    assert found[pair("San Leandro", "Ponta Delgada")].year == 1970


def test_a_record_field_names_no_partner(registry: Registry) -> None:
    text = (
        "File #: 21-599    Version: 1 Name: Sister Cities visit\n"
        "Type: Staff Report Status: Agenda Ready\n"
        "In control: Rules Committee\n"
        "Meeting Date: 10/27/2021 Final action:\n"
        "Enactment date: Enactment #:\n"
        "Title: Staff Report for Discussion of Process By Which City Council Members May "
        "Travel to the Sister City of Ponta Delgada, Portugal\n"
        "Sponsors: Eric Engelbart\n"
        "Attachments: 1. Letter from Ponta Delgada Mayor Duarte"
    )
    assert not any("Engelbart" in p for pair_ in text_ties(text, registry) for p in pair_)


def test_their_relationship_formed_by_two_places(registry: Registry) -> None:
    text = (
        "The first US sister city relationship with Japan is 60 years old. St. Paul, "
        "Minnesota and Nagasaki, Japan established their relationship in 1955."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Saint Paul", "Nagasaki")}
    assert found[pair("Saint Paul", "Nagasaki")].year == 1955
    other = "Sister cities. The two mayors established their relationship in 1955."
    assert not text_ties(other, registry)


def test_the_year_of_the_act_that_named_the_ties(registry: Registry) -> None:
    text = (
        "Merced has sister cities. The City of Merced formed two such partnerships in early "
        "1963 by adopting resolutions recognizing Albury, Australia and Mercedes, Uruguay as "
        "official Sister Cities to the City of Merced."
    )
    found = text_ties(text, registry)
    assert {p: c.year for p, c in found.items()} == {
        pair("Merced", "Albury"): 1963,
        pair("Merced", "Mercedes"): 1963,
    }


def test_an_ending_voted_for_the_city_s_tie(registry: Registry) -> None:
    text = (
        "Wagga Wagga councillors met on Monday. Councillors voted to end the city's sister "
        "city relationship with Kunming."
    )
    found = text_ties(text, registry)
    assert {c.status for c in found.values()} == {"ended"}
