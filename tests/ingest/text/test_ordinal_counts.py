"""Counts of a city's ties that real texts state without "N sister cities": an ordinal of
a tie stated as a fact ("Charlotte's seventh Sister City"), kin nouns ("22 sisters"), and
a part of a count ("the other three twin cities") that is no count. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from citydip.ingest.text.extract import ExtractedClaim, extract_claims
from citydip.ingest.text.registry import Registry


def counts(text: str, registry: Registry) -> set[tuple[str, str, str | None]]:
    claims: list[ExtractedClaim] = extract_claims(text, registry)
    return {(c.subject.name, c.value or "", c.metric) for c in claims if c.type == "count"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mombasa became Seattle's ninth sister city in 2001.", ("Seattle", "9", "sister")),
        ("Gdansk is the fourth twin town of Bremen.", ("Bremen", "4", "sister")),
        ("Lyon signed its 6th partnership agreement, with Turin.", ("Lyon", "6", "partner")),
        (
            "Hue is the third city that Kyoto has a friendship agreement with.",
            ("Kyoto", "3", "friendship"),
        ),
    ],
)
def test_an_ordinal_tie_counts_its_owner(
    registry: Registry, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in counts(text + "\n", registry)


@pytest.mark.parametrize(
    "text",
    [
        "Mombasa could become Seattle's ninth sister city next year.",
        "Gdansk is the fourth twin town.",  # whose is not said
        "The council voted against making Gdansk Bremen's fourth twin town.",
    ],
)
def test_an_ordinal_of_a_prospect_or_of_no_one_is_no_count(registry: Registry, text: str) -> None:
    assert not counts(text + "\n", registry)


def test_kin_nouns_count_only_for_a_named_place(registry: Registry) -> None:
    assert ("Bremen", "14", "sister") in counts("Bremen has 14 sisters across Europe.\n", registry)
    text = "Bremen is a port. The Hanseatic City has 14 sisters across Europe.\n"
    assert not any(value == "14" for _, value, _ in counts(text, registry))


def test_the_other_few_of_a_city_are_no_count(registry: Registry) -> None:
    text = "Bremen's other three twin towns are Riga, Gdansk and Izmir.\n"
    assert not counts(text, registry)


def test_an_organizations_nth_member_gives_its_size(world_registry: Registry) -> None:
    text = "Lyon joins Seoul as the 1000th member of ICLEI.\n"
    counts = [c for c in extract_claims(text, world_registry) if c.type == "count"]
    assert [(c.subject.name, c.value, c.metric) for c in counts] == [
        ("ICLEI – Local Governments for Sustainability", "1000", "members")
    ]
    prospect = "Lyon could become the 1000th member of ICLEI.\n"
    assert not [c for c in extract_claims(prospect, world_registry) if c.type == "count"]


def test_members_joined_along_with_others(world_registry: Registry) -> None:
    text = "Lyon is the 15th French city to join ICLEI, along with cities like Lille and Nantes.\n"
    members = {
        c.subject.name for c in extract_claims(text, world_registry) if c.type == "membership"
    }
    assert {"Lyon", "Lille", "Nantes"} <= members
