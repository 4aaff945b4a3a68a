"""Who ties with whom: port and capital mixing, population assortativity, tie distances.

Mixing of a yes/no attribute (port city, capital) compares the share of ties joining two
flagged places with what random ties would give if every place kept its degree (the
configuration model): with ``p`` the flagged places' share of all tie ends, a random tie
joins two of them with probability ``p²`` and one of them with ``2p(1-p)``. A ratio over 1
means such places seek each other out. Newman's nominal assortativity is given as well.

Population assortativity is the Pearson correlation, over ties, of the log10 populations
at the two ends (places with a known population only).

Tie distances are set against ``RANDOM_PAIRS`` random pairs of places with coordinates,
drawn with a fixed seed: how much closer are twins than chance?
"""

from __future__ import annotations

import math
import random
import statistics
from typing import Any

from citydip.analysis.geography import great_circle_km
from citydip.analysis.network.graph import Network

RANDOM_PAIRS = 10_000
SEED = 20130501
NEAR_KM = 1000.0


def homophily(network: Network, pairs: int = RANDOM_PAIRS, seed: int = SEED) -> dict[str, Any]:
    """Port–port and capital–capital mixing, same country/continent, population, distances."""
    g = network.graph
    return {
        "filters": network.filters.describe(),
        "edges": g.ecount(),
        "port": mixing(g, [bool(x) for x in g.vs["port"]]),
        "capital": mixing(g, [bool(x) for x in g.vs["capital"]]),
        "same_country": same_label(g, g.vs["country"]),
        "same_continent": same_label(g, g.vs["continent"]),
        "population_assortativity": population_assortativity(g),
        "distance": distance_against_random(g, pairs, seed),
    }


def mixing(graph: Any, flags: list[bool]) -> dict[str, Any]:
    """Observed and expected shares of ties between flagged places, and the assortativity."""
    m = graph.ecount()
    both = one = 0
    for source, target in graph.get_edgelist():
        hits = flags[source] + flags[target]
        both += hits == 2
        one += hits == 1
    ends = sum(d for d, f in zip(graph.degree(), flags, strict=True) if f)
    p = ends / (2 * m) if m else 0.0
    expected_both = p * p
    assortativity = graph.assortativity_nominal([int(f) for f in flags], directed=False)
    return {
        "places": sum(flags),
        "ties_both": both,
        "ties_one": one,
        "share_both": both / m if m else None,
        "expected_share_both": expected_both if m else None,
        "ratio_both": (both / m) / expected_both if m and expected_both else None,
        "assortativity": None if math.isnan(assortativity) else assortativity,
    }


def same_label(graph: Any, labels: list[str]) -> dict[str, Any]:
    """Share of ties within one country (or continent) against the degree-preserving chance."""
    same = known = 0
    for source, target in graph.get_edgelist():
        if labels[source] and labels[target]:
            known += 1
            same += labels[source] == labels[target]
    ends: dict[str, int] = {}
    for label, degree in zip(labels, graph.degree(), strict=True):
        if label:
            ends[label] = ends.get(label, 0) + degree
    total = sum(ends.values())
    expected = sum((e / total) ** 2 for e in ends.values()) if total else None
    share = same / known if known else None
    return {
        "ties_known": known,
        "share_same": share,
        "expected_share_same": expected,
        "ratio": share / expected if share is not None and expected else None,
    }


def population_assortativity(graph: Any) -> dict[str, Any]:
    """Pearson r of log10 population across ties whose two ends have a population."""
    known = [v for v, pop in enumerate(graph.vs["population"]) if pop and pop > 0]
    sub = graph.subgraph(known)
    values = [math.log10(p) for p in sub.vs["population"]]
    r = sub.assortativity(values, directed=False) if sub.ecount() else math.nan
    return {
        "places_with_population": len(known),
        "ties_used": sub.ecount(),
        "log10_population_r": None if math.isnan(r) else r,
    }


def distance_against_random(graph: Any, pairs: int, seed: int) -> dict[str, Any]:
    """Great-circle distances of tied places against random pairs of places."""
    lat, lon = graph.vs["lat"], graph.vs["lon"]
    placed = [v for v in range(graph.vcount()) if lat[v] is not None and lon[v] is not None]

    def km(a: int, b: int) -> float:
        return great_circle_km(lat[a], lon[a], lat[b], lon[b])

    tied = [
        km(a, b)
        for a, b in graph.get_edgelist()
        if lat[a] is not None and lon[a] is not None and lat[b] is not None and lon[b] is not None
    ]
    rng = random.Random(seed)
    chance: list[float] = []
    if len(placed) > 1:
        for _ in range(pairs):
            a, b = rng.sample(placed, 2)
            chance.append(km(a, b))
    return {
        "ties_with_coordinates": len(tied),
        "tied_mean_km": statistics.fmean(tied) if tied else None,
        "tied_median_km": statistics.median(tied) if tied else None,
        "random_pairs": len(chance),
        "random_mean_km": statistics.fmean(chance) if chance else None,
        "random_median_km": statistics.median(chance) if chance else None,
        "median_ratio": (
            statistics.median(tied) / statistics.median(chance) if tied and chance else None
        ),
        f"tied_within_{int(NEAR_KM)}km": _share_below(tied, NEAR_KM),
        f"random_within_{int(NEAR_KM)}km": _share_below(chance, NEAR_KM),
    }


def _share_below(values: list[float], limit: float) -> float | None:
    return sum(1 for x in values if x < limit) / len(values) if values else None
