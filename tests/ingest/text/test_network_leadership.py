"""A network's news about its leaders: "Mayor A of Phoenix, Arizona will take over as Chair"
in a text about "Climate Mayors" (a body of mayors named by its head noun, not linked to the
"Global Covenant of Mayors for Climate & Energy" by sharing two of its words), two mayors
joined by "and" sharing one role, a state after its city ("Mount Vernon, New York" is no
New York City), "Vice-Chairs" no verb, a title-case headline's verb no part of a name
("Climate Mayors Announces ..."), "Chair of Climate Mayors" read as a role of, and a board
listed one office holder per line after "The nine mayors appointed to the board are:".
Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import text_claims

from citydip.ingest.text.registry import Registry

LEAD = (
    "Climate Mayors Announces 2025 Leadership Team\n\n"
    "Today, Climate Mayors announced a new leadership team. "
)


def _roles(text: str, registry: Registry) -> dict[str, tuple[str, str | None]]:
    return {
        c.subject.name: (c.object.name if c.object else "", c.role)
        for c in text_claims(text, registry, "membership")
    }


def test_a_chair_named_in_a_network_news(registry: Registry) -> None:
    text = LEAD + "Mayor Kate Gallego of Phoenix, Arizona will take over as Chair for 2025."
    assert _roles(text, registry) == {"Phoenix": ("Climate Mayors", "chair")}


def test_chair_of_an_unknown_body(registry: Registry) -> None:
    text = "Mayor Kate Gallego of Phoenix was elected Chair of Climate Mayors."
    assert _roles(text, registry) == {"Phoenix": ("Climate Mayors", "chair")}


def test_two_mayors_share_one_role(registry: Registry) -> None:
    text = LEAD + (
        "Mayor Lauren McLean of Boise, Idaho and Mayor Andre Dickens of Atlanta, Georgia "
        "will serve as Vice-Chairs in the new Climate Mayors leadership team."
    )
    found = _roles(text, registry)
    assert set(found) == {"Boise", "Atlanta"}
    assert {role for _, role in found.values()} == {"executive"}  # a vice-chair


def test_a_state_after_its_city_is_no_member(registry: Registry) -> None:
    text = LEAD + (
        "Climate Mayors is proud to welcome Mayor Shawyn Patterson-Howard of Mount Vernon, "
        "New York and Leirion Gaylor Baird of Lincoln, Nebraska as new members."
    )
    assert set(_roles(text, registry)) == {"Mount Vernon", "Lincoln"}


def test_a_board_listed_one_holder_per_line(registry: Registry) -> None:
    text = (
        "The board of the Global Covenant of Mayors for Climate & Energy was announced.\n"
        "The nine mayors appointed to the board are:\n"
        "• Kasim Reed (Mayor of Atlanta, USA)\n"
        "• Anne Hidalgo (Mayor of Paris, France)\n"
        "• Park Won-soon (Mayor of Seoul, South Korea)\n"
    )
    found = _roles(text, registry)
    assert set(found) == {"Atlanta", "Paris", "Seoul"}
    assert set(found.values()) == {("Global Covenant of Mayors for Climate & Energy", "board")}


def test_mayors_of_a_visit_are_no_body(registry: Registry) -> None:
    text = (
        "Respective Mayors, Fujita Goji (Sanyo-Onoda) and Peter Flannery (Moreton Bay), "
        "met in 2023."
    )
    assert not _roles(text, registry)


def test_a_plural_role_before_a_list_of_holders(registry: Registry) -> None:
    lead = "UCLG is a world organization of cities. "
    text = lead + (
        "The co-presidents are the Mayor of Barcelona, the Mayor of Istanbul and the "
        "Governor of Tokyo."
    )
    found = _roles(text, registry)
    assert set(found) == {"Barcelona", "Istanbul", "Tokyo"}
    assert {role for _, role in found.values()} == {"president"}
    one = lead + "The president is the Mayor of Barcelona, and the Mayor of Istanbul attended."
    assert set(_roles(one, registry)) == {"Barcelona"}


def test_an_office_left_leaves_a_member(registry: Registry) -> None:
    text = LEAD + (
        "With Mayor Justin M. Bibb of Cleveland Ohio concluding his term as Chair of the "
        "organization, Mayor Kate Gallego of Phoenix will take over as Chair."
    )
    assert _roles(text, registry) == {
        "Cleveland": ("Climate Mayors", "member"),
        "Phoenix": ("Climate Mayors", "chair"),
    }
