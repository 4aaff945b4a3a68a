"""How networks list their members and officers: a board of one office holder per block
("Mr. Philippe Close" / "Mayor of Brussels (Belgium)" / "Vice-President of the OWHC"), new
members announced then listed one per line ("Batumi (Georgia) - Music"), a directory of
members with field labels ("City of Newark, CA, United States" / "Alan Nagy Title: Mayor
Population: 45810"), and names the gazetteer knows only whole ("Campina Grande",
"Merri-bek"). Texts written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import text_claims as claims

from citydip.ingest.text.registry import Registry

BOARD = """Results of the vote

During the congress, the new Board of Directors of the Organization of World Heritage Cities
was elected. Congratulations to all the elected cities.

Mr. Philippe Close
Mayor of Brussels (Belgium)
Vice-President of the OWHC

Mr. Mauricio Rodas
Mayor of Quito (Ecuador)
President of the OWHC
"""


def test_offices_held_through_a_mayor_listed_in_blocks(registry: Registry) -> None:
    found = {(c.subject.name, c.role) for c in claims(BOARD, registry, "membership")}
    assert ("Quito", "president") in found
    assert {place for place, _ in found} == {"Brussels", "Quito"}


def test_an_office_line_after_a_person_line_names_no_member(registry: Registry) -> None:
    text = BOARD.replace("Mayor of Brussels (Belgium)", "Director of Tourism")
    assert {c.subject.name for c in claims(text, registry, "membership")} == {"Quito"}


NEW_MEMBERS = """New cities join the UNESCO Creative Cities Network

New cities have joined the UNESCO Creative Cities Network (UCCN) this year.

The new UNESCO Creative Cities are:

Batumi (Georgia) - Music

Belfast (United Kingdom of Great Britain and Northern Ireland) - Music

Campina Grande (Brazil) - Media Arts

Cannes (France) - Film
"""


def test_new_members_listed_one_per_line(registry: Registry) -> None:
    found = {(c.subject.name, c.object.name) for c in claims(NEW_MEMBERS, registry, "membership")}
    places = {place for place, _ in found if place}
    assert {"Batumi", "Belfast", "Campina Grande", "Cannes"} <= places
    assert {org for _, org in found} == {"UNESCO Creative Cities Network"}


DIRECTORY = """All ICLEI Members
  - City of Newark, CA, United States
    Alan L. Nagy Title: Mayor Population: 45810 Member since: 27.11.2007
  - Village of Mount Kisco, NY, United States
    Peter Grunthal Title: Village Trustee Population: 11103 Member since: 01.03.2018
  - Municipality of Teresina, Brazil
    Firmino da Silveira Soares Filho Title: Mayor Population: 850198
"""


def test_a_directory_of_members_with_their_populations(registry: Registry) -> None:
    members = {c.subject.name for c in claims(DIRECTORY, registry, "membership")}
    assert members == {"Newark", "Mount Kisco", "Teresina"}
    populations = {(c.subject.name, c.value) for c in claims(DIRECTORY, registry, "population")}
    assert populations == {("Newark", "45810"), ("Mount Kisco", "11103"), ("Teresina", "850198")}


def test_a_name_with_a_lower_case_part_after_a_hyphen(registry: Registry) -> None:
    text = (
        "In 2000, Merri-bek City Council established a friendship relationship with the "
        "District of Aileu in Timor-Leste.\n"
    )
    assert {c.subject.name for c in claims(text, registry, "tie")} == {"Merri-bek"}


def test_regions_in_brackets_after_members_are_no_members(registry: Registry) -> None:
    text = (
        "Cittaslow Spain\n\nThe network has grown and three municipalities have been "
        "incorporated as members: Balmaseda (Euskadi), Begues (Catalunya) and Morella (País "
        "Valencià).\n"
    )
    members = {c.subject.name for c in claims(text, registry, "membership")}
    assert members == {"Balmaseda", "Begues", "Morella"}
