"""What memberships tell about the twinning graph: shared members, and ties among members.

A **group** is an organisation's members (accepted ``member_of`` claims naming it) or a
declaration's signatories (accepted ``signed`` claims). Members are places; with
``merge_admin`` a district counts as its city, as in the graph.

**Co-membership** of two groups: how many places belong to both, and what share of each
that is (and the Jaccard index, shared / either).

**Ties among members**: ``observed`` is the number of graph edges joining two members.
Two expectations are stated beside it:

- ``expected_density``: as if ties fell at the graph's density ``d = E / (N(N-1)/2)`` on
  the pairs of members that have ties (``n(n-1)/2 · d``);
- ``expected_degree``: as if every place kept its number of ties and partners were drawn
  at random (the configuration model): a pair ``i, j`` is tied with expectation
  ``k_i k_j / 2E``, summed over member pairs: ``((Σk)² − Σk²) / 4E``. Members are
  often large, well-tied cities, so this is the fairer chance baseline.

``ratio`` is observed over the degree-preserving expectation: above 1, members twin with
each other more than their ties alone would predict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from citydip.analysis.network.graph import GraphFilter, build_network
from citydip.errors import InvalidInput
from citydip.store.database import Store

EXPECTATION = (
    "expected_degree: ties among members if every place kept its number of ties and "
    "partners were random (configuration model, sum of k_i·k_j/2E over member pairs); "
    "expected_density: the graph's density times the pairs of members with ties"
)


@dataclass(frozen=True)
class MemberTies:
    """One group: its members, how many have ties, observed and expected ties among them."""

    id: str
    name: str
    kind: str  # "members" or "signatories"
    members: int
    with_ties: int
    observed: int
    expected_density: float
    expected_degree: float

    @property
    def ratio(self) -> float | None:
        return self.observed / self.expected_degree if self.expected_degree else None

    def to_dict(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "members": self.members,
            "with_ties": self.with_ties,
            "observed": self.observed,
            "expected_density": round(self.expected_density, 3),
            "expected_degree": round(self.expected_degree, 3),
            "ratio": None if ratio is None else round(ratio, 3),
        }


@dataclass(frozen=True)
class CoMembership:
    """Two groups and the places in both."""

    a: str
    b: str
    shared: int
    share_of_a: float
    share_of_b: float
    jaccard: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "shared": self.shared,
            "share_of_a": round(self.share_of_a, 4),
            "share_of_b": round(self.share_of_b, 4),
            "jaccard": round(self.jaccard, 4),
        }


@dataclass
class NetworkOrgs:
    """Every group of at least ``min_members`` members, their pairs, and the graph's size."""

    groups: list[MemberTies]
    pairs: list[CoMembership]
    nodes: int
    edges: int
    filters: str
    expectation: str = EXPECTATION

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": [g.to_dict() for g in self.groups],
            "pairs": [p.to_dict() for p in self.pairs],
            "nodes": self.nodes,
            "edges": self.edges,
            "filters": self.filters,
            "expectation": self.expectation,
        }


def member_groups(store: Store) -> dict[str, tuple[str, str, set[str]]]:
    """Group id → (name, kind, member place ids) for organisations and declarations."""
    groups: dict[str, tuple[str, str, set[str]]] = {}
    rows = store.conn.execute(
        "SELECT c.predicate, c.object, o.name, o.acronym, c.subject FROM claims c "
        "JOIN entities o ON o.id = c.object JOIN entities s ON s.id = c.subject "
        "WHERE c.predicate IN ('member_of', 'signed') AND c.review = 'accepted' "
        "AND s.type = 'place'"
    )
    for predicate, obj, name, acronym, subject in rows:
        kind = "members" if predicate == "member_of" else "signatories"
        key = obj if kind == "members" else f"{obj}#signed"
        label = acronym or name
        groups.setdefault(key, (label, kind, set()))[2].add(str(subject))
    return groups


def network_orgs(
    store: Store,
    organizations: list[str] | None = None,
    min_members: int = 5,
    filters: GraphFilter | None = None,
) -> NetworkOrgs:
    """Co-membership and ties among members for the groups named (all when None)."""
    if min_members < 1:
        raise InvalidInput(f"{min_members}: give 1 or more", field="min_members")
    groups = member_groups(store)
    if organizations:
        wanted = _chosen(store, groups, organizations)
        groups = {k: v for k, v in groups.items() if k in wanted}
    else:
        groups = {k: v for k, v in groups.items() if len(v[2]) >= min_members}
    network = build_network(store, filters)
    graph = network.graph
    degree = dict(zip(network.index, graph.degree(list(network.index.values())), strict=True))
    nodes, edges = graph.vcount(), graph.ecount()
    density = edges / (nodes * (nodes - 1) / 2) if nodes > 1 else 0.0
    neighbours: dict[str, set[str]] = defaultdict(set)
    names = graph.vs["id"] if nodes else []
    for a, b in graph.get_edgelist():
        neighbours[names[a]].add(names[b])
        neighbours[names[b]].add(names[a])
    out, members_of = [], {}
    for key, (label, kind, places) in groups.items():
        nodes_of = {network.merged.get(p, p) for p in places}
        members_of[key] = nodes_of
        tied = [p for p in nodes_of if p in network.index]
        observed = sum(len(neighbours[p] & nodes_of) for p in tied) // 2
        total = sum(degree[p] for p in tied)
        squares = sum(degree[p] ** 2 for p in tied)
        by_degree = (total**2 - squares) / (4 * edges) if edges else 0.0
        pairs = len(tied) * (len(tied) - 1) / 2
        out.append(
            MemberTies(
                key, label, kind, len(nodes_of), len(tied), observed, pairs * density, by_degree
            )
        )
    out.sort(key=lambda g: (-g.members, g.name))
    co = []
    for first, second in combinations(out, 2):
        a, b = members_of[first.id], members_of[second.id]
        shared = len(a & b)
        co.append(
            CoMembership(
                first.id,
                second.id,
                shared,
                shared / len(a) if a else 0.0,
                shared / len(b) if b else 0.0,
                shared / len(a | b) if a | b else 0.0,
            )
        )
    co.sort(key=lambda c: (-c.shared, c.a, c.b))
    return NetworkOrgs(out, co, nodes, edges, network.filters.describe())


def _chosen(
    store: Store, groups: dict[str, tuple[str, str, set[str]]], names: list[str]
) -> set[str]:
    """The group keys named (an organisation's id, name or acronym; a declaration's too)."""
    from citydip.knowledge.lookup import find_entity

    keys = set()
    for name in names:
        entity = find_entity(store, name, type=None)
        found = [k for k in (entity.id, f"{entity.id}#signed") if k in groups]
        if not found:
            raise InvalidInput(f"{entity.name}: no members recorded", field="organizations")
        keys.update(found)
    return keys
