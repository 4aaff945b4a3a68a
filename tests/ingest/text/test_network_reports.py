"""What a network's meeting report and a council report write: members listed after a
second colon ("The following is a list of attendees: Full members: ..."), also when a copied
table lost its commas; cities an acceptance refers back to ("accept mentioned above cities
as Members of the Union"); and a decade ("in the late 1980's") that is no year. Sentences
written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry

CITYNET_INTRO = (
    "Representatives from 54 full members attended the Sixth Session of the General Council "
    "of CITYNET. "
)


def members(text: str, registry: Registry) -> set[tuple[str, str]]:
    return {
        (c.subject.name, c.object.name)
        for c in extract_claims(text + "\n", registry)
        if c.type == "membership" and c.object is not None
    }


def test_members_after_the_second_colon(registry: Registry) -> None:
    text = (
        CITYNET_INTRO + "The following is a list of attendees: Full members: Bandung, Bangkok, "
        "Dhaka, Hanoi."
    )
    found = members(text, registry)
    assert {place for place, _ in found} == {"Bandung", "Bangkok", "Dhaka", "Hanoi"}
    assert {org for _, org in found} == {"CITYNET"}


def test_members_of_a_copied_table_without_commas(registry: Registry) -> None:
    text = (
        CITYNET_INTRO + "The following is a list of attendees: Full members: Name of City "
        "Bandung Bangkok Dhaka Hanoi Jakarta"
    )
    assert {"Bandung", "Bangkok", "Dhaka", "Hanoi", "Jakarta"} <= {
        place for place, _ in members(text, registry)
    }


def test_a_list_of_attendees_alone_names_no_members(registry: Registry) -> None:
    text = CITYNET_INTRO + "The following is a list of attendees: Bandung, Bangkok, Dhaka."
    assert members(text, registry) == set()


def test_cities_accepted_as_members_are_the_ones_named_before(registry: Registry) -> None:
    text = (
        "The Secretary General informed the Board about applications for membership "
        "submitted by the cities of: Espoo (Finland), Malbork (Poland), Tartu (Estonia).\n\n"
        "The Board decided to accept mentioned above cities as Members of the Union of the "
        "Baltic Cities."
    )
    assert {place for place, _ in members(text, registry)} == {"Espoo", "Malbork", "Tartu"}


def test_applications_alone_make_no_members(registry: Registry) -> None:
    text = (
        "The Secretary General informed the Board about applications for membership of the "
        "Union of the Baltic Cities submitted by the cities of: Espoo (Finland), Malbork "
        "(Poland).\n\nThe Board will discuss them in June."
    )
    assert members(text, registry) == set()


def test_a_decade_is_no_start_year(registry: Registry) -> None:
    text = "Merced has been twinned with Somoto since the late 1980's.\n"
    assert ties(extract_claims(text, registry))[pair("Merced", "Somoto")].year is None


def test_ties_formed_at_a_time_are_no_count_of_all(registry: Registry) -> None:
    text = (
        "In the 1970s the City of Fort Collins entered into two Sister City relationships.\n"
        "Lyon has formed 12 sister city partnerships.\n"
    )
    counts = {
        (c.subject.name, c.value) for c in extract_claims(text, registry) if c.type == "count"
    }
    assert counts == {("Lyon", "12")}


def test_places_recognised_as_sister_cities_to_a_city(registry: Registry) -> None:
    text = (
        "The City of Merced adopted resolutions recognizing Albury, Australia and Dubbo, "
        "Australia as official Sister Cities to the City of Merced.\n"
    )
    assert set(ties(extract_claims(text, registry))) == {
        pair("Merced", "Albury"),
        pair("Merced", "Dubbo"),
    }
