"""What the model knows about a candidate pair of places, computed for every candidate at once.

For a place ``u`` and every vertex ``w`` of a graph, ``source_features`` gives one row of
FEATURES: graph evidence (common partners, Adamic–Adar, resource allocation, degrees),
geography (distance, and how far that distance lies from the distances ``u`` and ``w``
usually twin at), past choices (ties between the two countries in the whole graph; the
share of ``u``'s partners in ``w``'s country and of ``w``'s in ``u``'s), homophily (same
country or continent, both ports, both capitals, population gap) and shared memberships.
Everything comes from the graph it is given: on a training graph, from training ties only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from citydip.analysis.linkpred.arrays import Bools, Floats, GraphArrays, Ints

FEATURES = (
    "degree_product",
    "candidate_degree",
    "common_partners",
    "adamic_adar",
    "resource_allocation",
    "log_distance",
    "distance_unknown",
    "distance_off_profile",
    "candidate_distance_off_profile",
    "same_country",
    "same_continent",
    "country_pair_ties",
    "share_in_candidate_country",
    "candidate_share_in_country",
    "both_ports",
    "both_capitals",
    "population_gap",
    "population_unknown",
    "shared_memberships",
    "smaller_degree",
    "larger_degree",
    "random_walk_3",
    "random_walk_4",
    "hops",
    "same_component",
    "country_pair_lift",
    "jaccard",
    "salton",
)
MAX_HOPS = 5  # farther places (or none reachable) count as this many steps apart


@dataclass(frozen=True)
class Context:
    """Whole-graph quantities every source row reuses."""

    arrays: GraphArrays
    country_ties: Floats  # (countries, countries) tie counts
    mean_log_distance: Floats  # per vertex, of its partners (NaN without any)
    global_log_distance: float
    inverse_log_degree: Floats  # Adamic–Adar weight of a middle vertex
    inverse_degree: Floats
    edge_row: Ints  # the vertex each entry of ``indices`` belongs to
    members: dict[str, Ints]  # organization → vertices
    component: Ints  # per vertex, its connected component
    country_ends: Floats  # per country, tie ends (for the lift of a pair of countries)
    shares: dict[int, Floats] = field(default_factory=dict)  # country → shares_in, once


def context(a: GraphArrays) -> Context:
    k = len(a.countries)
    ties = np.zeros((k, k), dtype=np.float64)
    if len(a.edges):
        cu, cv = a.country[a.edges[:, 0]], a.country[a.edges[:, 1]]
        known = (cu >= 0) & (cv >= 0)
        np.add.at(ties, (cu[known], cv[known]), 1.0)
        np.add.at(ties, (cv[known], cu[known]), 1.0)
        np.fill_diagonal(ties, ties.diagonal() / 2)
    edge_row = np.repeat(np.arange(a.n), np.diff(a.indptr))
    logd = np.log10(1.0 + a.pair_distances_km(edge_row, a.indices)) if a.n else np.zeros(0)
    ok = ~np.isnan(logd)
    sums = np.bincount(edge_row[ok], weights=logd[ok], minlength=a.n)
    counts = np.bincount(edge_row[ok], minlength=a.n)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
        inv_log = np.where(a.degree > 1, 1.0 / np.log(np.maximum(a.degree, 2)), 0.0)
        inv = np.where(a.degree > 0, 1.0 / np.maximum(a.degree, 1), 0.0)
    members: dict[str, list[int]] = {}
    for v, orgs in enumerate(a.memberships):
        for org in orgs:
            members.setdefault(org, []).append(v)
    return Context(
        component=_components(a),
        country_ends=ties.sum(axis=1) + ties.diagonal(),
        arrays=a,
        country_ties=ties,
        mean_log_distance=mean,
        global_log_distance=float(logd[ok].mean()) if ok.any() else 3.5,
        inverse_log_degree=inv_log,
        inverse_degree=inv,
        edge_row=edge_row,
        members={org: np.array(vs, dtype=np.int64) for org, vs in members.items()},
    )


def _components(a: GraphArrays) -> Ints:
    """Connected components by label propagation over the edge list (min label wins)."""
    label = np.arange(a.n, dtype=np.int64)
    if not len(a.edges):
        return label
    u, w = a.edges[:, 0], a.edges[:, 1]
    while True:
        low = np.minimum(label[u], label[w])
        new = label.copy()
        np.minimum.at(new, u, low)
        np.minimum.at(new, w, low)
        new = new[new]  # pointer jumping
        if np.array_equal(new, label):
            return label
        label = new


# Up to this many targets, the walk's last two steps are summed near the targets alone.
FEW_TARGETS = 64


def partners_of(a: GraphArrays, rows: Ints) -> tuple[Ints, Ints]:
    """The partners of each of ``rows``, one after another, and how many each row has."""
    starts, ends = a.indptr[rows], a.indptr[rows + 1]
    lengths = ends - starts
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return a.indices[np.arange(lengths.sum()) + offsets], lengths


def row_sums(a: GraphArrays, rows: Ints, values: Floats) -> Floats:
    """For each of ``rows``, the sum of ``values`` over its partners."""
    if not len(rows):
        return np.zeros(0)
    partners, lengths = partners_of(a, rows)
    cells = values[partners]
    owner = np.repeat(np.arange(len(rows)), lengths)
    return np.bincount(owner, weights=cells, minlength=len(rows)).astype(np.float64)


def walk_probabilities(
    ctx: Context, u: int, ra: Floats, targets: Ints | None = None
) -> list[Floats]:
    """Random-walk probabilities of being at each vertex 1..4 steps from ``u`` (the first
    two from its partners and resource allocation, ``ra``, without a pass over the graph).
    With a few ``targets``, the third and fourth steps are computed only where the targets'
    values read them (zero elsewhere): a model's training pairs read no other."""
    a = ctx.arrays
    inverse = ctx.inverse_degree[u]
    first = np.zeros(a.n)
    first[a.neighbours(u)] = inverse
    second = ra * inverse
    second[u] = inverse * float(ctx.inverse_degree[a.neighbours(u)].sum())
    carried = second * ctx.inverse_degree
    third: Floats
    fourth: Floats
    if targets is None or len(targets) > FEW_TARGETS:
        third = np.asarray(
            np.bincount(ctx.edge_row, weights=carried[a.indices], minlength=a.n), np.float64
        )
        carried_on = (third * ctx.inverse_degree)[a.indices]
        fourth = np.asarray(
            np.bincount(ctx.edge_row, weights=carried_on, minlength=a.n), np.float64
        )
    else:  # the third step where the fourth reads it (the targets' partners), then the fourth
        ends = np.unique(targets)
        near = np.unique(np.concatenate([ends, *(a.neighbours(int(t)) for t in ends)]))
        third = np.zeros(a.n)
        third[near] = row_sums(a, near, carried)
        fourth = np.zeros(a.n)
        fourth[ends] = row_sums(a, ends, third * ctx.inverse_degree)
    return [first, second, third, fourth]


def neighbour_scores(ctx: Context, u: int) -> tuple[Floats, Floats, Floats]:
    """Common partners, Adamic–Adar and resource allocation of ``u`` with every vertex."""
    a = ctx.arrays
    middle = a.neighbours(u)
    if not len(middle):
        zero = np.zeros(a.n)
        return zero, zero, zero
    two_hop, lengths = partners_of(a, middle)
    via = np.repeat(middle, lengths)
    cn = np.bincount(two_hop, minlength=a.n).astype(np.float64)
    aa = np.bincount(two_hop, weights=ctx.inverse_log_degree[via], minlength=a.n).astype(float)
    ra = np.bincount(two_hop, weights=ctx.inverse_degree[via], minlength=a.n).astype(float)
    for arr in (cn, aa, ra):
        arr[u] = 0.0
    return cn, aa, ra


def shares_in(ctx: Context, country: int) -> Floats:
    """For every vertex, the share of its partners in ``country`` (computed once per
    country: the sources of one country share it)."""
    a = ctx.arrays
    if country < 0:
        return np.zeros(a.n)
    known = ctx.shares.get(country)
    if known is None:
        hits = np.bincount(ctx.edge_row[a.country[a.indices] == country], minlength=a.n)
        known = ctx.shares[country] = np.asarray(hits / np.maximum(a.degree, 1.0))
    return known


def source_features(ctx: Context, u: int, targets: Ints | None = None) -> Floats:
    """FEATURES of ``u`` with each of ``targets`` (default every vertex): a
    ``len(targets) × len(FEATURES)`` array."""
    a = ctx.arrays
    t = np.arange(a.n) if targets is None else targets
    full_cn, full_aa, full_ra = neighbour_scores(ctx, u)
    probs = [p[t] for p in walk_probabilities(ctx, u, full_ra, targets)]
    cn, aa, ra = full_cn[t], full_aa[t], full_ra[t]
    hops = np.full(len(t), float(MAX_HOPS))
    for step in range(4, 0, -1):
        hops[probs[step - 1] > 0] = step
    hops[t == u] = 0.0
    degree = a.degree[t]
    dist = a.distances_km(u, targets)
    unknown = np.isnan(dist)
    logd = np.where(unknown, ctx.global_log_distance, np.log10(1.0 + np.nan_to_num(dist)))
    mu_u = ctx.mean_log_distance[u]
    mu_u = ctx.global_log_distance if np.isnan(mu_u) else mu_u
    mu = ctx.mean_log_distance[t]
    mu_w = np.where(np.isnan(mu), ctx.global_log_distance, mu)
    cu, ku = a.country[u], a.continent[u]
    country, continent = a.country[t], a.continent[t]
    known = (country >= 0) & (cu >= 0)
    safe = np.maximum(country, 0)
    pair_ties = np.where(known, ctx.country_ties[max(cu, 0)][safe], 0.0)
    total = max(float(ctx.country_ends.sum()), 1.0)
    expected = np.where(known, ctx.country_ends[max(cu, 0)] * ctx.country_ends[safe] / total, 0.0)
    theirs = a.country[a.neighbours(u)]
    per_country = np.bincount(theirs[theirs >= 0], minlength=len(a.countries) + 1)
    share_u = np.where(country >= 0, per_country[safe], 0) / max(a.degree[u], 1.0)
    pop_gap = np.abs(a.log_population[t] - a.log_population[u])
    pop_unknown = np.isnan(pop_gap)
    columns = (
        np.log1p(a.degree[u] * degree),
        np.log1p(degree),
        np.log1p(cn),
        aa,
        ra,
        logd,
        unknown.astype(np.float64),
        np.abs(logd - mu_u),
        np.abs(logd - mu_w),
        _flag((country == cu) & (cu >= 0)),
        _flag((continent == ku) & (ku >= 0)),
        np.log1p(pair_ties),
        share_u,
        shares_in(ctx, cu)[t],
        _flag(a.port[t] & a.port[u]),
        _flag(a.capital[t] & a.capital[u]),
        np.where(pop_unknown, 0.0, pop_gap),
        pop_unknown.astype(np.float64),
        np.log1p(shared_memberships(ctx, u)[t]),
        np.log1p(np.minimum(degree, a.degree[u])),
        np.log1p(np.maximum(degree, a.degree[u])),
        np.log10(1e-7 + probs[2]),
        np.log10(1e-7 + probs[3]),
        hops,
        _flag(ctx.component[t] == ctx.component[u]),
        np.log((1.0 + pair_ties) / (1.0 + expected)),
        cn / np.maximum(degree + a.degree[u] - cn, 1.0),
        cn / np.sqrt(np.maximum(degree * a.degree[u], 1.0)),
    )
    if len(columns) != len(FEATURES):
        raise AssertionError(f"{len(columns)} feature columns for {len(FEATURES)} features")
    out = np.empty((len(FEATURES), len(t)))  # one contiguous row a feature, returned turned
    for i, column in enumerate(columns):
        out[i] = column
    return out.T


def shared_memberships(ctx: Context, u: int) -> Floats:
    a = ctx.arrays
    out = np.zeros(a.n)
    for org in a.memberships[u] if a.memberships else ():
        out[ctx.members[org]] += 1.0
    out[u] = 0.0
    return out


def _flag(mask: Bools) -> Floats:
    return mask.astype(np.float64)


def pair_features(ctx: Context, us: Ints, ws: Ints) -> Floats:
    """FEATURES of each pair (``us[i]``, ``ws[i]``), computed source by source."""
    out = np.zeros((len(us), len(FEATURES)))
    order = np.argsort(us, kind="stable")
    sorted_us = us[order]
    bounds = np.flatnonzero(np.diff(sorted_us)) + 1
    for group in np.split(order, bounds):
        if not len(group):
            continue
        out[group] = source_features(ctx, int(us[group[0]]), ws[group])
    return out
