"""General constructions of English that texts by others use (issue 22, second pass), each
on short sentences written for these tests: lines that pair two places, with no intro."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


@pytest.fixture
def registry(world_registry: Registry) -> Registry:
    return world_registry


def test_copied_table_rows_that_pair_two_places_with_a_date(registry: Registry) -> None:
    text = (
        "Sister City Relations Between Germany and Japan\n\n"
        "Kobe City Hamburg, Germany May 3, 1965\n"
        "Nagoya City Bremen June 1, 1971\n"
        "Osaka City Leipzig, Saxony April 2, 1990\n"
    )
    claims = extract_claims(text, registry)
    found = ties(claims)
    assert pair("Kobe", "Hamburg") in found
    assert pair("Nagoya", "Bremen") in found
    assert {c.year for c in claims if c.type == "tie"} == {1965, 1971, 1990}


def test_lines_joining_two_places_with_and_under_a_heading_with_no_subject(
    registry: Registry,
) -> None:
    text = (
        "The first twinnings in Europe\n\n"
        "Lyon and Turin, 1958\n"
        "Reims and Salzburg, 1964\n"
        "Toulouse and Bologna, 1981\n"
    )
    found = ties(extract_claims(text, registry))
    assert pair("Lyon", "Turin") in found
    assert pair("Reims", "Salzburg") in found
    assert pair("Toulouse", "Bologna") in found


def test_two_partners_on_a_line_of_a_citys_own_list_stay_its_partners(
    registry: Registry,
) -> None:
    text = "Lyon is twinned with:\nTurin and Birmingham (1958)\nFrankfurt\n"
    found = ties(extract_claims(text, registry))
    assert pair("Lyon", "Turin") in found and pair("Lyon", "Birmingham") in found
    assert pair("Turin", "Birmingham") not in found


def test_a_compass_word_before_a_country_is_part_of_its_name(registry: Registry) -> None:
    text = "The regional West Australia city of Perth reviews its sister city relationships."
    claims = extract_claims(text, registry)
    names = {c.subject.name for c in claims} | {c.object.name for c in claims if c.object}
    assert "West" not in names


def test_an_ordinal_before_a_verb_names_no_first_tie(registry: Registry) -> None:
    text = (
        "A motion by councillor Ann Lee - first reported by a local paper - to end Perth's "
        "sister-city relationship with Kobe was defeated."
    )
    claims = extract_claims(text, registry)
    assert not [c for c in claims if c.type == "first_tie"]
    assert pair("Perth", "Kobe") in ties(claims)


def test_an_unknown_name_continuing_a_partner_list_is_a_place_when_a_country_follows(
    registry: Registry,
) -> None:
    text = "Leeds is twinned with Bucheon and Qorvantu City in Uganda and Mayor Tom Smith."
    found = ties(extract_claims(text, registry))
    assert pair("Leeds", "Bucheon-si") in found or pair("Leeds", "Bucheon") in found
    assert any("Qorvantu" in name for key in found for name in key)
    assert not any("Smith" in name for key in found for name in key)


def test_a_partner_after_a_verb_that_ends_ties_is_a_place_even_unknown(
    registry: Registry,
) -> None:
    text = (
        "Towns across the country are ending their twinning links.\n\n"
        "Leeds is to cut all ties with Qorvantu; Exeter severed its links with Molvask "
        "District. Exeter had been twinned with Molvask since 1990."
    )
    claims = extract_claims(text, registry)
    found = ties(claims)
    assert found[pair("Leeds", "Qorvantu")].status == "ended"
    assert found[pair("Exeter", "Molvask")].status == "ended"
    assert pair("Exeter", "Molvask District") not in found


def test_links_with_an_unknown_name_and_no_ending_verb_stay_unread(registry: Registry) -> None:
    text = "Towns are ending their twinning links.\n\nLeeds keeps links with Qorvantu."
    assert pair("Leeds", "Qorvantu") not in ties(extract_claims(text, registry))


def test_they_after_a_tie_names_its_two_sides(registry: Registry) -> None:
    text = (
        "Guests marked the anniversary of the sister city arrangement between Leeds and "
        "Bucheon.\n\nTrade grew, and as it deepened, they signed a formal sister city "
        "agreement in 1999."
    )
    found = ties(extract_claims(text, registry))
    tie = found.get(pair("Leeds", "Bucheon-si")) or found[pair("Leeds", "Bucheon")]
    assert tie.year == 1999


def test_they_with_no_tie_just_read_names_no_one(registry: Registry) -> None:
    text = "Councillors met in Leeds. They said a sister city agreement would help trade."
    assert not ties(extract_claims(text, registry))


@pytest.mark.parametrize("lead", ["Its partner", "The new partner", "The twin", "Its twin"])
def test_a_partner_named_in_the_next_sentence_by_apposition(registry: Registry, lead: str) -> None:
    text = f"Leeds signed a twinning agreement last year. {lead}, Bucheon, sent a choir."
    found = ties(extract_claims(text, registry))
    assert pair("Leeds", "Bucheon-si") in found or pair("Leeds", "Bucheon") in found


def test_partner_alone_mid_sentence_names_no_tie(registry: Registry) -> None:
    text = "Leeds twinned with Lyon in 1960. A business partner, Bucheon Trade, joined the fair."
    found = ties(extract_claims(text, registry))
    assert not any("Bucheon" in name for key in found for name in key)


def test_the_council_or_the_authority_is_the_texts_own_place(registry: Registry) -> None:
    text = (
        "Leeds council reviews its twinning ties\n\n"
        "Leeds City Council met on Monday.\n\n"
        "The authority has built up a close relationship with the city of Bucheon since 1990."
    )
    found = ties(extract_claims(text, registry))
    assert pair("Leeds", "Bucheon-si") in found or pair("Leeds", "Bucheon") in found


def test_the_council_with_no_main_place_names_no_one(registry: Registry) -> None:
    text = "The council has built up a close relationship with the city of Bucheon."
    assert not ties(extract_claims(text, registry))


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Leeds pulled out of its partnership with Tver.", "ended"),
        ("Leeds withdrew from its twinning with Tver.", "ended"),
        ("Leeds dropped its twin town Tver.", "ended"),
        ("The twinning between Leeds and Tver was put on ice.", "suspended"),
        ("Leeds has put its twinning with Tver on hold.", "suspended"),
        ("Leeds and Tver are in talks over a twinning agreement.", "proposed"),
        ("Leeds held talks with its twin town Tver.", "active"),
    ],
)
def test_statuses_in_news_phrasing(registry: Registry, sentence: str, status: str) -> None:
    assert ties(extract_claims(sentence, registry))[pair("Leeds", "Tver")].status == status


def test_a_year_after_the_partner_of_an_ended_tie_is_its_end(registry: Registry) -> None:
    tie = ties(extract_claims("Leeds suspended its twinning with Tver in 2022.", registry))[
        pair("Leeds", "Tver")
    ]
    assert (tie.status, tie.end_year, tie.year) == ("suspended", 2022, None)


@pytest.mark.parametrize(
    "text",
    [
        "Leeds has been twinned with Tver since 1990 but suspended the link in 2022.",
        "Leeds has been twinned with Tver since 1990. In 2022 the council suspended the link.",
    ],
)
def test_a_later_clause_suspends_the_tie_it_calls_the_link(registry: Registry, text: str) -> None:
    tie = ties(extract_claims(text, registry))[pair("Leeds", "Tver")]
    assert (tie.status, tie.year, tie.end_year) == ("suspended", 1990, 2022)


def test_a_call_to_cut_the_ties_changes_nothing(registry: Registry) -> None:
    text = "Leeds has been twinned with Tver since 1990. Councillors urged Leeds to cut the ties."
    assert ties(extract_claims(text, registry))[pair("Leeds", "Tver")].status == "active"
