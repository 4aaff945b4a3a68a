"""Memberships as network pages and city pages write them: "The new members of the UNESCO
Creative Cities Network are:" over lines "Herakleion – Gastronomy" (the city before the
dash, even one the gazetteer lacks); "a member of several international organizations
..., including A, B and C"; "have committed to the Covenant of Mayors"; "it was joined by
A, B and C" in a text about a network (not "the cities were joined by"). Lines written
for these tests."""

from __future__ import annotations

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def members(text: str, registry: Registry) -> set[tuple[str, str]]:
    return {
        (c.subject.name, c.object.name if c.object else "")
        for c in extract_claims(text, registry)
        if c.type == "membership"
    }


def test_members_listed_with_their_field(registry: Registry) -> None:
    text = (
        "The new members of the UNESCO Creative Cities Network are:\n\n"
        "Herakleion – Gastronomy\nChiang Rai – Design\nHobart – Literature\n"
    )
    found = members(text, registry)
    assert {name for name, _ in found} == {"Herakleion", "Chiang Rai", "Hobart"}
    assert {org for _, org in found} == {"UNESCO Creative Cities Network"}


def test_a_member_of_several_networks_including(registry: Registry) -> None:
    text = (
        "Bangkok is a member of several international organizations and regional city "
        "government networks, including the C40 Cities Climate Leadership Group and ICLEI.\n"
    )
    found = members(text, registry)
    assert ("Bangkok", "C40 Cities Climate Leadership Group") in found
    assert any(name == "Bangkok" and org.startswith("ICLEI") for name, org in found)


def test_committed_to_a_covenant(registry: Registry) -> None:
    text = "Drohobych and Sambir have committed to the Covenant of Mayors with bold targets.\n"
    assert members(text, registry) == {
        ("Drohobych", "Covenant of Mayors"),
        ("Sambir", "Covenant of Mayors"),
    }


def test_a_network_joined_by_cities(registry: Registry) -> None:
    text = (
        "The League of Historical Cities was founded in Kyoto. The League consists of 71 "
        "historic cities, and in 2008, it was joined by Lviv and Odesa (Ukraine) and Minsk "
        "(Belarus).\n\nLater, the cities were joined by the war-damaged cities of Dijon and "
        "Turin.\n"
    )
    found = members(text, registry)
    assert {name for name, _ in found} >= {"Lviv", "Odesa", "Minsk"}
    assert not {name for name, _ in found} & {"Dijon", "Turin"}


def test_a_cohort_of_a_network(registry: Registry) -> None:
    text = (
        "The latest cohort of the C40 Cities Climate Leadership Group includes Nairobi, "
        "Jakarta and Buenos Aires.\n\nMembers of the C40 Cities Climate Leadership Group "
        "pledge to halve their emissions.\n"
    )
    found = members(text, registry)
    assert {name for name, _ in found} == {"Nairobi", "Jakarta", "Buenos Aires"}


def test_new_members_welcomed_before_a_colon(registry: Registry) -> None:
    text = "Eurocities is proud to welcome four new member cities: Lyon, Leeds, Turin and Oslo.\n"
    assert {city for city, _ in members(text, registry)} == {"Lyon", "Leeds", "Turin", "Oslo"}
    # a welcome to visitors names no members
    visit = "Eurocities welcomed delegations from four cities: Lyon, Leeds, Turin and Oslo.\n"
    assert members(visit, registry) == set()


def test_members_include_the_mayors_of(registry: Registry) -> None:
    text = (
        "Eurocities is a network of large European cities.\n\n"
        "Members include the mayors of Lyon, Leeds, Turin and Oslo.\n"
    )
    assert {(city, "Eurocities") for city in ("Lyon", "Leeds", "Turin", "Oslo")} <= members(
        text, registry
    )
