"""network orgs on a graph small enough to count by hand.

Places A–F tied A–B, A–C, B–C, C–D, D–E, E–F (6 ties, 6 places, density 6/15 = 0.4);
G has no ties. X's members: A, B, C, D, G; Y's: C, D, E; Z's: A only.

X: 4 members with ties (degrees 2, 2, 3, 2: Σk = 9, Σk² = 21), 4 ties among them
(A–B, A–C, B–C, C–D); expected by degree (81 − 21) / (4·6) = 2.5, by density 6 pairs · 0.4
= 2.4; ratio 4 / 2.5 = 1.6.
Y: degrees 3, 2, 2 (Σk = 7, Σk² = 17), 2 ties among them (C–D, D–E); expected
(49 − 17) / 24 = 4/3, by density 3 · 0.4 = 1.2.
X and Y share C and D: 2 of X's 5, 2 of Y's 3, Jaccard 2 / 6.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.analysis.network.orgs import network_orgs
from citydip.errors import InvalidInput
from citydip.store import Store, open_store
from citydip.store.models import Claim, Entity, Source

TIES = ("ab", "ac", "bc", "cd", "de", "ef")
MEMBERS = {"x": "abcdg", "y": "cde", "z": "a"}


@pytest.fixture
def small(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "small.db")
    with store.transaction():
        store.add_source(Source("list", "A list", "dataset"))
        for i, name in enumerate("abcdefg"):
            store.add_entity(Entity(name, "place", name.upper(), "JP", "city", lat=i, lon=i))
        for org in MEMBERS:
            store.add_entity(Entity(org, "organization", org.upper()))
        for a, b in TIES:
            store.add_claim(Claim(a, "twinned_with", "list", object=b, kind="sister"))
        for org, places in MEMBERS.items():
            for place in places:
                store.add_claim(Claim(place, "member_of", "list", object=org, role="member"))
    return store


def test_ties_among_members_against_both_expectations(small: Store) -> None:
    result = network_orgs(small, min_members=2)
    assert (result.nodes, result.edges) == (6, 6)
    groups = {g.id: g for g in result.groups}
    assert set(groups) == {"x", "y"}  # Z has one member, under min_members
    x, y = groups["x"], groups["y"]
    assert (x.members, x.with_ties, x.observed) == (5, 4, 4)
    assert x.expected_degree == pytest.approx(2.5)
    assert x.expected_density == pytest.approx(2.4)
    assert x.ratio == pytest.approx(1.6)
    assert (y.members, y.with_ties, y.observed) == (3, 3, 2)
    assert y.expected_degree == pytest.approx(4 / 3)
    assert y.expected_density == pytest.approx(1.2)


def test_co_membership(small: Store) -> None:
    [pair] = network_orgs(small, min_members=2).pairs
    assert (pair.a, pair.b, pair.shared) == ("x", "y", 2)
    assert pair.share_of_a == pytest.approx(2 / 5)
    assert pair.share_of_b == pytest.approx(2 / 3)
    assert pair.jaccard == pytest.approx(2 / 6)


def test_named_groups_and_bad_arguments(small: Store) -> None:
    result = network_orgs(small, ["Z", "Y"])
    assert {g.id for g in result.groups} == {"y", "z"}
    z = next(g for g in result.groups if g.id == "z")
    assert (z.observed, z.expected_degree) == (0, 0.0)
    with pytest.raises(InvalidInput):
        network_orgs(small, min_members=0)
