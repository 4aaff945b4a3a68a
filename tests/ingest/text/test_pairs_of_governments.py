"""Pairs of city governments named one after another ("between Izmir Municipality and Tel
Aviv Municipality, Edirne Municipality and Bat Yam Municipality"), a partner after "the
protocol signed in 2007 with", a place never twinned with its own misspelling, and a tie
under discussion that a council then decides to end. Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def test_pairs_of_municipalities_after_between(registry: Registry) -> None:
    text = (
        "Sister city agreements are in force between Lyon Municipality and Turin "
        "Municipality, Bergen Municipality and Kraków Municipality.\n"
    )
    assert set(ties(extract_claims(text, registry))) == {
        pair("Lyon", "Turin"),
        pair("Bergen", "Kraków"),
    }


def test_a_place_after_a_comma_still_says_where_the_last_lies(registry: Registry) -> None:
    text = "A twinning was signed between Toledo, Ohio and Lyon.\n"
    assert set(ties(extract_claims(text, registry))) == {pair("Toledo", "Lyon")}


def test_the_partner_of_a_protocol_signed_with(registry: Registry) -> None:
    text = (
        "The Lyon city assembly discussed the sister city protocol signed in 2007 with "
        "Italy's Turin.\n"
    )
    tie = ties(extract_claims(text, registry))[pair("Lyon", "Turin")]
    assert tie.year == 2007


def test_no_tie_with_a_misspelling_of_itself(registry: Registry) -> None:
    text = "Pyathigorsk, Russia\n\nThe city signed a partnership agreement with Pyathigorsk.\n"
    assert not ties(extract_claims(text, registry))


def test_a_discussed_end_then_decided(registry: Registry) -> None:
    asked = (
        "In the proposal letter sent to the Lyon assembly, the sister city protocol signed "
        "with Turin in 2007 was requested to be re-evaluated.\n\n"
    )
    decided = "Lyon's council unanimously decided to terminate the 'sister city' protocol.\n"
    tie = ties(extract_claims(asked, registry))[pair("Lyon", "Turin")]
    assert tie.status == "proposed"  # under discussion
    tie = ties(extract_claims(asked + decided, registry))[pair("Lyon", "Turin")]
    assert tie.status == "ended"


def test_a_record_of_agreements_by_between_lines(registry: Registry) -> None:
    text = (
        "Between Lyon and Turin on 10/10/2001. By the Mayors of Lyon and Turin.\n"
        "Between Lyon and Bergen & Porto on 25/09/2002.\n\n"
        "The twinning agreements were signed by the mayors.\n"
    )
    found = ties(extract_claims(text, registry))
    assert {p: c.year for p, c in found.items()} == {
        pair("Lyon", "Turin"): 2001,
        pair("Lyon", "Bergen"): 2002,
        pair("Lyon", "Porto"): 2002,
    }
    plain = "Between Lyon and Turin lies the Alps.\n"  # no text about ties
    assert not ties(extract_claims(plain, registry))


def test_a_friendly_exchange_heading_frames_its_list(registry: Registry) -> None:
    text = (
        "Lyon keeps sisterhood and friendly exchange relationships.\n\n"
        "Friendly exchange city\n- Turin, Italy\n- Bergen, Norway\n"
    )
    found = ties(extract_claims(text, registry))
    assert {p: c.kind for p, c in found.items()} == {
        pair("Lyon", "Turin"): "friendship",
        pair("Lyon", "Bergen"): "friendship",
    }
