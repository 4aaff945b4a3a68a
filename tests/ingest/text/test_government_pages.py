"""City governments read as their cities, acronyms a text defines for them, office-holder
lines on a network's page and agreement-listing pages of a city (issue 22), each on short
texts written for these tests."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import pair, ties

from citydip.ingest.text.claims import ExtractedClaim
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.mentions import government_place
from citydip.ingest.text.registry import Registry


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Seoul Metropolitan Government", "Seoul"),
        ("Colombo Municipal Council", "Colombo"),
        ("Municipal Government of Kuala Lumpur", "Kuala Lumpur"),
        ("Kumasi Metropolitan Assembly", "Kumasi"),
        ("Autonomous City of Buenos Aires", "Buenos Aires"),
        ("City and County of Denver", "Denver"),
        ("Accra Metropolitan Municipality", "Accra"),
        ("Kyoto City Hall", "Kyoto"),
        ("City Hall of Lyon", "Lyon"),
        ("Mairie de Paris", "Paris"),
        ("Municipality of Izmir", "zmir"),
    ],
)
def test_a_government_name_names_its_city(registry: Registry, name: str, city: str) -> None:
    found = government_place(name, registry)
    assert found is not None and city in found.name


@pytest.mark.parametrize(
    "name", ["British Council", "City Council", "Government of Japan", "Town Hall", "Sister City"]
)
def test_other_bodies_are_no_city(registry: Registry, name: str) -> None:
    assert government_place(name, registry) is None


def test_a_government_as_a_partner_and_as_a_subject(registry: Registry) -> None:
    text = (
        "The Busan Metropolitan Government signed a sister city agreement with the "
        "Municipal Government of Kuala Lumpur in 2019."
    )
    found = ties(extract_claims(text, registry))
    assert pair("Busan", "Kuala Lumpur") in found
    assert found[pair("Busan", "Kuala Lumpur")].year == 2019


def test_an_agreement_listing_page_of_a_city(registry: Registry) -> None:
    text = (
        "City of Durban\n\n"
        "Bremen Municipal Council, Federal Republic of Germany\n\n"
        "Twinning Agreement\n"
        "Date signed: 14/03/2011\n\n"
        "Purpose:\nTo exchange experience in port management and culture.\n\n"
        "Chennai Municipal Corporation, Republic of India\n\n"
        "Memorandum of Understanding\n"
        "Date signed: 02/10/2016\n\n"
        "Purpose:\nTo work together on water supply.\n"
    )
    found = ties(extract_claims(text, registry))
    bremen = found.get(pair("Durban", "Bremen"))
    chennai = found.get(pair("Durban", "Chennai"))
    assert bremen is not None and bremen.year == 2011 and bremen.kind == "sister"
    assert chennai is not None and chennai.year == 2016 and chennai.kind == "partner"
    assert len(found) == 2


def test_a_heading_and_a_title_without_an_agreement_line_make_no_tie(registry: Registry) -> None:
    text = (
        "City of Durban\n\n"
        "Bremen Municipal Council, Federal Republic of Germany\n\n"
        "Port visit\n\n"
        "A delegation from the port toured the harbour in May.\n"
    )
    assert not ties(extract_claims(text, registry))


def _members(claims: list[ExtractedClaim]) -> dict[str, tuple[str, str | None]]:
    return {
        c.subject.name: (c.object.name if c.object else "", c.role)
        for c in claims
        if c.type == "membership"
    }


def test_office_holders_on_a_network_page(registry: Registry) -> None:
    text = (
        "Mayors for Peace\n\n"
        "Mayors for Peace 2022-2025 Executive Board\n\n"
        "Secretary General Ms. Jane Example\n"
        "President Hiroshima City Government, Japan\n"
        "Vice President   Municipal Government of Hanover, Germany\n"
        "Executive Board Peace Education Trust, Norway\n"
        "Manchester City Council, United Kingdom\n"
        "Granollers City Council\n"
        "Auditor Ypres City, Belgium\n\n"
        "The Board meets once a year and sets the work plan of the Secretariat.\n"
    )
    found = _members(extract_claims(text, registry))
    assert found.get("Hiroshima") == ("Mayors for Peace", "president")
    assert found.get("Hannover", found.get("Hanover")) == ("Mayors for Peace", "executive")
    assert found.get("Manchester") == ("Mayors for Peace", "executive")
    assert found.get("Granollers") == ("Mayors for Peace", "executive")
    assert found.get("Ypres", found.get("Ieper")) == ("Mayors for Peace", "executive")
    assert not {"Peace Education Trust", "Norway", "Jane Example"} & set(found)


def test_bare_lines_hold_no_office_without_one_before_them(registry: Registry) -> None:
    text = (
        "Mayors for Peace\n\n"
        "Cities we visited this year\n\n"
        "Manchester City Council, United Kingdom\n"
        "Granollers City Council, Spain\n"
    )
    assert not _members(extract_claims(text, registry))


def test_an_acronym_the_text_defines_for_a_city_government(registry: Registry) -> None:
    text = (
        "The mayor of Tulsa met the Kumasi Metropolitan Assembly (KMA) on Monday. "
        "Tulsa signed a twinning agreement with the KMA in 2004."
    )
    found = ties(extract_claims(text, registry))
    tie = found.get(pair("Tulsa", "Kumasi"))
    assert tie is not None and tie.year == 2004


def test_a_bracketed_code_that_is_no_abbreviation_defines_nothing(registry: Registry) -> None:
    text = (
        "Kinshasa (DRC) hosted the meeting. Tulsa signed a twinning agreement with the DRC in 2004."
    )
    assert pair("Tulsa", "Kinshasa") not in ties(extract_claims(text, registry))


def test_a_network_s_regional_section_is_its_own_body(registry: Registry) -> None:
    text = "The Mayor of Durban, President of UCLG Africa, opened the forum."
    found = _members(extract_claims(text, registry))
    assert found.get("Durban") == ("UCLG Africa", "president")


def test_a_mayor_s_office_in_another_body_is_no_role_in_the_network(registry: Registry) -> None:
    text = (
        "Mayors for Peace held its assembly in Hiroshima. Mr. Ken Sample, Mayor of Nagasaki "
        "and President of the AMB, opened it with Ms. Ann Example, Mayor of Hiroshima and "
        "current president of Mayors for Peace."
    )
    found = _members(extract_claims(text, registry))
    assert found.get("Hiroshima") == ("Mayors for Peace", "president")
    assert "Nagasaki" not in found


def test_office_rows_of_a_network_s_table(registry: Registry) -> None:
    text = (
        "Mayors for Peace\n\n"
        "President | Hiroshima City Government, Japan\n"
        "Vice President | Municipal Government of Hanover, Germany\n"
        "Secretary General | Ms. Jane Example\n"
        "Executive Board | Manchester City Council, Granollers City Council\n\n"
        "Mayors for Peace works with its member cities towards a world without nuclear arms.\n"
    )
    found = _members(extract_claims(text, registry))
    assert found.get("Hiroshima") == ("Mayors for Peace", "president")
    assert found.get("Hannover", found.get("Hanover")) == ("Mayors for Peace", "executive")
    assert found.get("Manchester") == ("Mayors for Peace", "executive")
    assert found.get("Granollers") == ("Mayors for Peace", "executive")


def test_a_headline_in_capitals_names_only_what_is_known(registry: Registry) -> None:
    text = (
        "Twinning news\n\n"
        "BRASS BAND CONCERT FOR THE MAYOR'S FINALE\n\n"
        "Residents and French guests packed St Mary's Church in FROME. The concert raised "
        "money for local charities and celebrated links with Chateau-Gontier.\n\n"
        "CLOSER FRIENDSHIP WITH WARMINSTER USA\n\n"
        "Frome Town Council welcomed guests from Warminster, Pennsylvania, to mark five years "
        "of friendship.\n"
    )
    claims = extract_claims(text, registry)
    names = {c.subject.name for c in claims} | {c.object.name for c in claims if c.object}
    assert "Finale" not in names
    assert not any(name.isupper() and " " in name for name in names)


def test_an_agreement_record_in_one_block(registry: Registry) -> None:
    text = (
        "City of Durban\n\n"
        "Bremen Municipal Council, Federal Republic of Germany\n"
        "Twinning Agreement\n"
        "Date signed: 14/03/2011\n"
        "Purpose: To exchange experience in port management and culture.\n\n"
        "Chennai Municipal Corporation, Republic of India\n"
        "Memorandum of Understanding\n"
        "Date signed: 02/10/2016\n"
    )
    claims = [c for c in extract_claims(text, registry) if c.type == "tie"]
    found = ties(claims)
    bremen = found.get(pair("Durban", "Bremen"))
    assert bremen is not None and bremen.year == 2011 and bremen.kind == "sister"
    assert bremen.sentence.startswith("Bremen Municipal Council")  # cites the partner's line
    chennai = found.get(pair("Durban", "Chennai"))
    assert chennai is not None and chennai.year == 2016


def test_member_headings_of_a_network_page(registry: Registry) -> None:
    text = (
        "Mayors for Peace\n\n"
        "Full Members\n\n"
        "Manchester City Council, United Kingdom\n"
        "Municipal Government of Hanover, Germany\n\n"
        "Associate Members\n\n"
        "Peace Education Trust, Norway\n"
        "League of Historic Towns, Belgium\n"
    )
    found = _members(extract_claims(text, registry))
    assert found.get("Manchester") == ("Mayors for Peace", "member")
    assert found.get("Hannover", found.get("Hanover")) == ("Mayors for Peace", "member")
    assert set(found) <= {"Manchester", "Hannover", "Hanover"}


def test_a_city_s_memberships_heading_is_no_member_list(registry: Registry) -> None:
    text = "Lyon\n\nMemberships\n\nManchester City Council\nTurin City Council\n"
    assert not _members(extract_claims(text, registry))


def test_an_acronym_the_text_defines_for_a_network(registry: Registry) -> None:
    text = (
        "The Mayor of Dakar is President of the Asian Mayors Network (AMN). "
        "Lagos joined the AMN in 2012."
    )
    claims = extract_claims(text, registry)
    found = _members(claims)
    assert found.get("Dakar") == ("Asian Mayors Network", "president")
    assert found.get("Lagos") == ("Asian Mayors Network", "member")
    lagos = next(c for c in claims if c.type == "membership" and c.subject.name == "Lagos")
    assert lagos.year == 2012
