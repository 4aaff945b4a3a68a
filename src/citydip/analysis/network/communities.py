"""Communities of the twinning graph (Leiden) and the country-level network.

Communities: igraph's Leiden algorithm optimising modularity (resolution 1), iterated
until the partition is stable, with a fixed seed so that a graph gives the same partition
every run. Each community is described by its size, its countries and its best-tied places.

The country network: countries are nodes, and the weight of a pair is the number of ties
between their places; ties within one country are counted apart (``domestic``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from citydip.analysis.network.graph import Network
from citydip.analysis.network.stats import SEED, seeded

TOP_COUNTRIES = 5
TOP_PLACES = 5


def find_communities(network: Network, resolution: float = 1.0, seed: int = SEED) -> list[int]:
    """The Leiden community of every vertex (0 = the largest), also set as ``community``."""
    g = network.graph
    with seeded(seed):
        partition = g.community_leiden(
            objective_function="modularity", resolution=resolution, n_iterations=-1
        )
    sizes = Counter(partition.membership)
    order = {c: i for i, (c, _) in enumerate(sorted(sizes.items(), key=lambda x: (-x[1], x[0])))}
    membership = [order[c] for c in partition.membership]
    g.vs["community"] = membership
    return membership


def communities(
    network: Network, top: int = 10, resolution: float = 1.0, seed: int = SEED
) -> dict[str, Any]:
    """Leiden communities with modularity, and the country make-up of the ``top`` largest."""
    g = network.graph
    membership = find_communities(network, resolution, seed)
    members: dict[int, list[int]] = {}
    for v, c in enumerate(membership):
        members.setdefault(c, []).append(v)
    degrees = g.degree()
    described = []
    for c in sorted(members)[:top]:
        vs = members[c]
        countries = Counter(g.vs[v]["country"] for v in vs if g.vs[v]["country"])
        best = sorted(vs, key=lambda v: (-degrees[v], g.vs[v]["label"]))[:TOP_PLACES]
        lead = countries.most_common(1)
        described.append(
            {
                "community": c,
                "size": len(vs),
                "countries": len(countries),
                "top_countries": dict(countries.most_common(TOP_COUNTRIES)),
                "largest_country_share": lead[0][1] / len(vs) if lead else None,
                "best_tied": [g.vs[v]["label"] for v in best],
            }
        )
    return {
        "algorithm": "Leiden, modularity objective",
        "resolution": resolution,
        "seed": seed,
        "count": len(members),
        "modularity": g.modularity(membership),
        "communities": described,
        "filters": network.filters.describe(),
    }


def country_network(network: Network) -> Any:
    """An igraph Graph of countries: ``name`` per node, ``weight`` (ties) per edge."""
    import igraph

    g = network.graph
    countries = g.vs["country"]
    weights: Counter[tuple[str, str]] = Counter()
    for a, b in g.get_edgelist():
        ca, cb = countries[a], countries[b]
        if ca and cb and ca != cb:
            weights[(ca, cb) if ca < cb else (cb, ca)] += 1
    names = sorted({c for c in countries if c})
    index = {c: i for i, c in enumerate(names)}
    graph = igraph.Graph(n=len(names), edges=[(index[a], index[b]) for a, b in weights])
    graph.vs["name"] = names
    graph.es["weight"] = list(weights.values())
    return graph


def country_summary(network: Network, top: int = 15) -> dict[str, Any]:
    """The country network in numbers: countries, ties across and within, the heaviest."""
    g = network.graph
    countries = g.vs["country"]
    known = [
        (countries[a], countries[b]) for a, b in g.get_edgelist() if countries[a] and countries[b]
    ]
    domestic = Counter(a for a, b in known if a == b)
    cg = country_network(network)
    strength = cg.strength(weights="weight")
    partners = cg.degree()
    names = cg.vs["name"]
    pairs = sorted(
        ((names[e.source], names[e.target], e["weight"]) for e in cg.es),
        key=lambda x: (-x[2], x[0], x[1]),
    )
    ranked = sorted(range(cg.vcount()), key=lambda v: (-strength[v], names[v]))
    return {
        "countries": cg.vcount(),
        "country_pairs": cg.ecount(),
        "international_ties": sum(cg.es["weight"]) if cg.ecount() else 0,
        "domestic_ties": sum(domestic.values()),
        "ties_without_country": g.ecount() - len(known),
        "heaviest_pairs": [{"countries": [a, b], "ties": w} for a, b, w in pairs[:top]],
        "most_tied_countries": [
            {
                "country": names[v],
                "international_ties": int(strength[v]),
                "partner_countries": partners[v],
                "domestic_ties": domestic.get(names[v], 0),
            }
            for v in ranked[:top]
        ],
        "filters": network.filters.describe(),
    }
