"""Memberships a network's news writes without "member of": "is happy to welcome Kraków to
the network", "announces Jonava's membership", "existing member cities including A, B and
C", "ICLEI member cities such as A and B". Not an application ("Jonava's membership
application"), not guests ("happy to welcome the delegation from Kyiv"), not members named
alone ("The members such as ..."). Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import text_claims

from citydip.ingest.text.registry import Registry


def _members(text: str, registry: Registry) -> set[tuple[str, str]]:
    return {
        (c.subject.name, c.object.name if c.object else "")
        for c in text_claims(text, registry, "membership")
    }


def test_welcome_to_the_network(registry: Registry) -> None:
    text = "The Intercultural Cities programme is happy to welcome Kraków to the network."
    assert _members(text, registry) == {("Kraków", "Intercultural Cities")}
    guests = "The mayor of Kraków was happy to welcome the delegation from Kyiv."
    assert not _members(guests, registry)


def test_an_announced_membership(registry: Registry) -> None:
    text = (
        "It is with great joy that the Intercultural Cities programme announces Jonava's "
        "membership, the first city from Lithuania to join."
    )
    assert _members(text, registry) == {("Jonava", "Intercultural Cities")}
    applied = "The Intercultural Cities programme announces Jonava's membership application."
    assert not _members(applied, registry)
    suspended = "The Intercultural Cities programme said Jonava's membership was suspended."
    assert not _members(suspended, registry)


def test_member_cities_including(registry: Registry) -> None:
    text = (
        "The UNESCO Creative Cities Network grows. The new cities will join forces with "
        "existing member cities including Brazzaville, Dubai, Mexico City and Montréal."
    )
    found = _members(text, registry)
    assert {name for name, _ in found} == {"Brazzaville", "Dubai", "Mexico City", "Montréal"}
    assert {org for _, org in found} == {"UNESCO Creative Cities Network"}


def test_member_cities_such_as(registry: Registry) -> None:
    for text in (
        "ICLEI member cities such as Oslo and Lisbon signed the call.",
        "Member cities of ICLEI, including Oslo and Lisbon, signed the call.",
    ):
        found = _members(text, registry)
        assert {name for name, _ in found} == {"Oslo", "Lisbon"}, text
        assert all(org.startswith("ICLEI") for _, org in found)
    assert not _members("The members such as Oslo and Lisbon met in Paris.", registry)


def test_founders_listed_after_founded_by(registry: Registry) -> None:
    text = (
        "Eurocities was founded in 1986 by the mayors of six large cities: Barcelona, "
        "Birmingham, Frankfurt, Lyon, Milan and Rotterdam."
    )
    found = {(c.subject.name, c.role) for c in text_claims(text + "\n", registry, "membership")}
    assert {name for name, _ in found} >= {"Barcelona", "Birmingham", "Lyon", "Milan"}
    assert {role for _, role in found} == {"founder"}
    museum = "The museum was founded by donors from two cities: Lyon and Milan."
    assert not text_claims(museum, registry, "membership")
