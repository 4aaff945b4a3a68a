"""Ties a sentence names in passing: "sister cities Osaka and San Francisco broke their
sixty-year-old formal relationship" (the pair, ended), "Other paired cities included A and
B, C and D and E and F", "25 years of twinning", "sister city of Urayasu, Chiba." (Chiba
says where Urayasu lies), and what stays as it was: "Lyon's sister cities A and B", a
list "A, B, C", "broke ground on the sister city garden". Sentences written for these
tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def found(text: str, registry: Registry) -> dict[frozenset[str], str | None]:
    return {p: c.status for p, c in ties(extract_claims(text + "\n", registry)).items()}


def test_a_pair_after_a_plural_tie_noun(registry: Registry) -> None:
    text = (
        "Recently, sister cities Osaka and San Francisco publicly broke their sixty-year-old "
        "formal relationship."
    )
    assert found(text, registry) == {pair("Osaka", "San Francisco"): "ended"}


def test_a_possessed_plural_names_the_owner_s_partners(registry: Registry) -> None:
    out = found("Lyon's sister cities Osaka and San Francisco sent delegations.", registry)
    assert set(out) == {pair("Lyon", "Osaka"), pair("Lyon", "San Francisco")}


def test_pairs_listed_after_included(registry: Registry) -> None:
    text = (
        "Other paired cities included Coventry and Leipzig, Reading and Haarlem and Oxford "
        "and Leiden."
    )
    out = found(text, registry)
    assert set(out) == {
        pair("Coventry", "Leipzig"),
        pair("Reading", "Haarlem"),
        pair("Oxford", "Leiden"),
    }


def test_years_of_twinning(registry: Registry) -> None:
    assert pair("Lyon", "Leeds") in found(
        "Lyon and Leeds are celebrating 25 years of twinning.", registry
    )
    assert not found("The possibilities of partnership were discussed in Lyon.", registry)


def test_a_region_after_the_partner_is_where_it_lies(registry: Registry) -> None:
    out = found("They ran a race in Orlando's sister city of Urayasu, Chiba.", registry)
    assert set(out) == {pair("Orlando", "Urayasu")}
    out = found("Lyon is twinned with Leeds, Porto, Turin.", registry)
    assert set(out) == {pair("Lyon", "Leeds"), pair("Lyon", "Porto"), pair("Lyon", "Turin")}


def test_a_verb_on_something_else_ends_no_tie(registry: Registry) -> None:
    text = (
        "Lyon and Leeds became sister cities in 1990. The mayor broke ground on the new "
        "sister city garden."
    )
    assert found(text, registry)[pair("Lyon", "Leeds")] == "active"


def test_places_joined_by_a_hyphen_or_an_ampersand(registry: Registry) -> None:
    text = "Hammersmith & Fulham is twinned with Berlin-Neukoelln and Boulogne-Billancourt."
    out = found(text, registry)
    assert set(out) == {
        pair("Hammersmith and Fulham", "Neukölln"),  # the borough; the district of Berlin
        pair("Hammersmith and Fulham", "Boulogne-Billancourt"),
    }
    links = found("Links such as Los Angeles-Guangzhou and Tulsa-Jinhua matter.", registry)
    assert set(links) == {pair("Los Angeles", "Guangzhou"), pair("Tulsa", "Jinhua")}


def test_sibling_cities_are_sister_cities(registry: Registry) -> None:
    claims = ties(extract_claims("Lyon and Leeds are sibling cities.\n", registry))
    assert claims[pair("Lyon", "Leeds")].kind == "sister"


def test_an_agreement_signed_between_two_places_named_later(registry: Registry) -> None:
    text = (
        "In 2006, a sister city agreement was signed to encourage ties in the fields of "
        "education, arts, culture, and technology between Hyderabad and Miyoshi."
    )
    claims = ties(extract_claims(text + "\n", registry))
    assert claims[pair("Hyderabad", "Miyoshi")].year == 2006
    other = "A sister city agreement was signed by Lyon to boost flights between Leeds and Porto."
    assert pair("Leeds", "Porto") not in ties(extract_claims(other + "\n", registry))


def test_a_town_named_by_its_local_government(registry: Registry) -> None:
    text = (
        "The Nsawam-Adoagyiri Municipal Assembly and the City of Lansing have renewed their "
        "sister-city relationship."
    )
    assert set(found(text, registry)) == {pair("Nsawam-Adoagyiri", "Lansing")}
    council = "The Security Council discussed the twinning of Lyon with Leeds."
    assert set(found(council, registry)) == {pair("Lyon", "Leeds")}


def test_the_possessor_of_a_tie_noun_is_its_subject(registry: Registry) -> None:
    # an earlier place in the sentence ("Marathon", a town in Greece) is not the subject
    text = "The team ran the Half Marathon in Orlando's sister city of Urayasu, Chiba."
    assert set(found(text, registry)) == {pair("Orlando", "Urayasu")}


def test_the_two_alone_are_the_two_places_just_named(registry: Registry) -> None:
    text = (
        "Nanjing has suspended official exchanges with Nagoya. "
        "The two established sister-city ties in 1978."
    )
    claims = extract_claims(text + "\n", registry)
    assert {p: c.year for p, c in ties(claims).items()} == {pair("Nanjing", "Nagoya"): 1978}
    assert not [c for c in claims if c.type == "count"]  # "two" counts no ties


def test_the_two_towns_are_the_sides_of_the_tie_just_read(registry: Registry) -> None:
    # the list line's tie is the pair, not the last two cities named (Lyon came earlier)
    text = (
        "Twinned towns of Marbach\n\n"
        "Lyon, France\n\n"
        "Tongling, China\n\n"
        "Marbach has been linked to Tongling in friendship since 1990.\n\n"
        "The two towns were officially twinned on 8 November 2005."
    )
    assert pair("Lyon", "Tongling") not in found(text, registry)


def test_the_city_of_a_place_in_a_list_is_a_partner_not_a_locator(registry: Registry) -> None:
    text = "Lyon is twinned with Berwick Upon Tweed, the City of Springfield and Mianyang City."
    assert pair("Lyon", "Springfield") in found(text, registry)
    # "a district of Moscow" still says where Leningradsky lies
    assert pair("Lyon", "Moscow") not in found(
        "Lyon is twinned with Leningradsky, a district of Moscow.", registry
    )
