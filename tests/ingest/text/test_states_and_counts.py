"""A state after its city, counts of ties in prose, and a year before 1000 (issue 22,
blind round), on short sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import ties

from citydip.ingest.text.claims import ExtractedClaim
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def dated(claims: list[ExtractedClaim]) -> set[tuple[str, str, int | None]]:
    """(subject, object, year) of every tie."""
    return {(c.subject.name, c.object.name, c.year) for c in ties(claims).values() if c.object}


def counts(claims: list[ExtractedClaim]) -> set[tuple[str, str | None, str | None]]:
    return {(c.subject.name, c.value, c.metric) for c in claims if c.type == "count"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toledo, Ohio has been twinned with Lyon since 1990.", ("Toledo", "Lyon", 1990)),
        (
            "Springfield, Illinois has been twinned with Lyon since 1990.",
            ("Springfield", "Lyon", 1990),
        ),
        (
            "Lyon has been twinned with Springfield, Illinois since 1990.",
            ("Lyon", "Springfield", 1990),
        ),
    ],
)
def test_a_state_after_its_city_says_where_the_city_lies(
    registry: Registry, text: str, expected: tuple[str, str, int]
) -> None:
    found = dated(extract_claims(text, registry))
    assert found == {expected}


def test_friendly_ties_with_a_number_of_cities_count_the_country_s_ties(
    registry: Registry,
) -> None:
    claims = extract_claims(
        "China has established friendly ties with 220 Japanese cities and 73 Korean cities.",
        registry,
    )
    assert counts(claims) == {("China", "220", "friendship"), ("China", "73", "friendship")}


def test_a_second_number_after_and_counts_only_after_a_tie_count(registry: Registry) -> None:
    claims = extract_claims("Lyon has sister city ties with 12 cities and 3 regions.", registry)
    assert counts(claims) == {("Lyon", "12", "sister"), ("Lyon", "3", "sister")}
    # no tie cue before the first number: neither is a count of ties
    plain = extract_claims("The festival drew 40 bands and 3 orchestras from Lyon.", registry)
    assert counts(plain) == set()


def test_a_year_before_1600_ends_its_clause_after_in(registry: Registry) -> None:
    claims = extract_claims("The twinning between Bergen and Lübeck was formed in 836.", registry)
    assert dated(claims) == {("Bergen", "Lübeck", 836)}


def test_a_small_number_after_in_is_no_year_when_a_noun_follows(registry: Registry) -> None:
    from citydip.ingest.text import normalise
    from citydip.ingest.text.tokens import tokenize

    doc = tokenize("Lyon has members in 140 countries and was founded in 836.")
    years = [year for _, year in normalise.years_in(doc)]
    assert years == [836]


def test_a_possessive_inside_a_place_name_keeps_the_name_whole(registry: Registry) -> None:
    claims = extract_claims(
        "Councillors in Bishop's Stortford voted to keep its twinning with Friedberg.", registry
    )
    assert {(s, o) for s, o, _ in dated(claims)} == {("Bishops Stortford", "Friedberg")}
    # a city's possessive before another place stays a possessive
    other = extract_claims("Lyon's twin town Birmingham hosted the event.", registry)
    assert {(s, o) for s, o, _ in dated(other)} == {("Lyon", "Birmingham")}


def test_a_first_tie_and_a_later_tie_of_the_same_pair_are_one_claim(
    registry: Registry,
) -> None:
    claims = extract_claims(
        "Durham's first sister city relationship was with Kostroma, in 1968.\n\n"
        "In March the council ended the twinning with Kostroma.\n",
        registry,
    )
    found = [c for c in claims if c.type in ("tie", "first_tie", "latest_tie")]
    assert [(c.type, c.object.name if c.object else "", c.year, c.status) for c in found] == [
        ("first_tie", "Kostroma", 1968, "ended")
    ]


def test_an_entry_s_own_kind_wins_over_its_heading_s(registry: Registry) -> None:
    text = (
        "Marbach am Neckar - City and Partnerships\n\n"
        "Twinned towns\n\n"
        "Lyon, France\n\n"
        "Lyon lies on the Rhone and has 500,000 inhabitants. Partnership since 1987.\n\n"
        "Bergen, Norway\n\n"
        "Bergen lies on the coast. Our towns were linked in 1990.\n"
    )
    claims = extract_claims(text, registry)
    kinds = {c.object.name: (c.year, c.kind) for c in claims if c.type == "tie" and c.object}
    assert kinds.get("Lyon") == (1987, "partner")
    assert kinds.get("Bergen", (None, None))[1] != "partner"


def test_both_before_the_partners_keeps_them_partners(registry: Registry) -> None:
    text = (
        "Town twinning news\n\nHarpenden has a successful partnership with both Alzey and Cosne.\n"
    )
    found = {o for _, o, _ in dated(extract_claims(text, registry))}
    assert "Alzey" in found and len(found) == 2
    brewery = "Town twinning news\n\nHarpenden has a partnership with a brewery in Leeds.\n"
    assert dated(extract_claims(brewery, registry)) == set()
