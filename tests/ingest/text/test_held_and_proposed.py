"""Statuses real texts give without a status verb on the tie: ties put "on hold" or "on
pause" (their own sentence's, the last sentence's, or only "the latter"), a tie someone is
"interested in" or "in a process to" make, and a "between" pair that a quotation's end
closes. Sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def statuses(text: str, registry: Registry) -> dict[frozenset[str], str | None]:
    return {p: c.status for p, c in ties(extract_claims(text, registry)).items()}


def test_ties_of_a_sentence_put_on_hold(registry: Registry) -> None:
    text = (
        "Kirkenes keeps its friendship agreements with Murmansk and Vladivostok, but the "
        "cooperation will be on hold.\n"
    )
    found = statuses(text, registry)
    assert found[pair("Kirkenes", "Murmansk")] == "suspended"
    assert found[pair("Kirkenes", "Vladivostok")] == "suspended"


def test_the_latter_put_on_pause_is_the_last_tie_only(registry: Registry) -> None:
    text = (
        "Tromsø has three sister cities: Murmansk, Anchorage and Vladivostok. "
        "The latter put sister-city relations on pause.\n"
    )
    found = statuses(text, registry)
    assert found[pair("Tromsø", "Vladivostok")] == "suspended"
    assert found[pair("Tromsø", "Anchorage")] == "active"


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia is interested in building a sister city relationship between Dhaka and "
        "Riyadh.",
        "Dhaka is in the process of establishing a sister city relationship with Riyadh.",
        "Dhaka expressed the wish to formalise sister city relationships with Riyadh.",
    ],
)
def test_an_interest_or_a_process_is_a_proposal(registry: Registry, text: str) -> None:
    assert statuses(text + "\n", registry) == {pair("Dhaka", "Riyadh"): "proposed"}


def test_a_quotation_ends_a_between_pair(registry: Registry) -> None:
    text = (
        '"Steps will be taken to establish sister city ties between the capitals of the two '
        'countries," the ambassador said at a call on Mayor Islam at Gulshan in Dhaka.\n'
    )
    assert not ties(extract_claims(text, registry))


def test_a_list_of_ties_yet_to_be_made(registry: Registry) -> None:
    # an intro ending ":-", a "sisterly relationship", a list of ties still in the making
    text = (
        "Kathmandu has seven sister cities.\n\n"
        "Note: Kathmandu is in a process to establish a sisterly relationship with the "
        "following cities:-\n\n"
        "  1. Bangkok, Thailand.\n"
        "  2. Hanoi, Vietnam.\n"
    )
    found = statuses(text, registry)
    assert found == {
        pair("Kathmandu", "Bangkok"): "proposed",
        pair("Kathmandu", "Hanoi"): "proposed",
    }


def test_a_council_voting_against_a_proposal_denies_the_tie(registry: Registry) -> None:
    text = (
        "The City Council in Boulder, Colo., voted against a proposal to become a sister city "
        "with Nablus.\n"
    )
    claims = extract_claims(text, registry)
    assert not ties(claims)  # and not "Colo", the state's abbreviation, as a side
    denied = {(c.subject.name, c.object.name) for c in claims if c.type == "non_tie" and c.object}
    assert denied == {("Boulder", "Nablus")}


def test_voting_against_ending_a_tie_denies_nothing(registry: Registry) -> None:
    text = "Those who voted against terminating the friendship agreement with Murmansk lost.\n"
    assert not any(c.type == "non_tie" for c in extract_claims(text, registry))


def test_a_political_party_is_no_side_of_a_tie(registry: Registry) -> None:
    text = (
        "Kirkenes keeps its friendship agreements with Murmansk. Those who voted for "
        "terminating the friendship agreements were the Socialist Left Party and the Centre "
        "Party.\n"
    )
    found = ties(extract_claims(text, registry))
    assert not any("Party" in side for p in found for side in p)


def test_an_agreement_declared_invalid_is_a_denied_tie(registry: Registry) -> None:
    text = (
        "A sister-city agreement between Kaohsiung and the Maldivian capital, Male, was "
        "declared invalid by the Maldivian Ministry of Foreign Affairs.\n"
    )
    claims = extract_claims(text, registry)
    assert not ties(claims)
    assert [c.type for c in claims] == ["non_tie"]


def test_a_rejected_move_to_make_a_sister_city_denies_it(registry: Registry) -> None:
    text = (
        "Pasadena will have a new sister city.\n\nThe council approved the sister city "
        "relationship with Kyoto, rejecting a move by Councilman Paul Little to also make the "
        "Tibetan capital, Lhasa, a sister city.\n"
    )
    claims = extract_claims(text, registry)
    assert pair("Pasadena", "Lhasa") not in ties(claims)
    assert any(c.type == "non_tie" and c.object and c.object.name == "Lhasa" for c in claims)


def test_a_rejected_motion_to_end_a_tie_denies_nothing(registry: Registry) -> None:
    text = (
        "Tel Aviv's council rejected a motion by Deputy Mayor Giladi to rescind its twin city "
        "status with Gaza.\n"
    )
    assert not any(c.type == "non_tie" for c in extract_claims(text, registry))
