"""Memberships that real texts state of bodies no registry knows, of the organization
the text is about before it names it, or through the office a city's head holds; and
"Greater X", a wider area than X. Sentences written for these tests."""

from __future__ import annotations

import pytest

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def members(text: str, registry: Registry) -> set[tuple[str, str]]:
    claims = extract_claims(text, registry)
    return {(c.subject.name, c.object.name) for c in claims if c.type == "membership" and c.object}


def test_a_place_a_member_of_a_body_no_registry_knows(registry: Registry) -> None:
    text = "Cusco is also a member of Andean Heritage Towns, a group of 40 towns, since 2003.\n"
    assert members(text, registry) == {("Cusco", "Andean Heritage Towns")}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Cusco is a member of Parliament.",  # one word: no body
        "Members of the Quechua Language Academy met in Cusco.",  # people, not the city
        "Cusco hosted it. One delegate must come from a member of the Metropolitan Section.",
    ],
)
def test_no_body_is_read_where_no_place_is_its_member(registry: Registry, text: str) -> None:
    assert not members(text + "\n", registry)


def test_new_members_of_the_association_named_later(registry: Registry) -> None:
    text = (
        "Three new cities join our association\n\n"
        "Our Board ratified the three new members of the association: Kazan, Lyon and "
        "Greater Porto. Eurocities now brings together 200 cities.\n"
    )
    found = members(text, registry)
    assert ("Kazan", "Eurocities") in found
    assert ("Lyon", "Eurocities") in found
    assert not any(city == "Porto" for city, _ in found)  # Greater Porto is wider


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mrs. Awa Diop, President of the Region of Dakar (Senegal) and President of UCLG "
            "Africa, opened the meeting.",
            ("Dakar", "UCLG Africa"),
        ),
        (
            "Mayor Johanna Rolland of Nantes, president of Eurocities, spoke.",
            ("Nantes", "Eurocities"),
        ),
    ],
)
def test_a_head_of_a_city_holding_an_office_of_a_network(
    registry: Registry, text: str, expected: tuple[str, str]
) -> None:
    assert members(text + "\n", registry) == {expected}


def test_a_head_of_a_city_with_no_office_of_a_network_is_no_member(registry: Registry) -> None:
    text = "Mrs. Awa Diop, President of the Region of Dakar, spoke at the UCLG Africa summit.\n"
    assert not members(text, registry)
