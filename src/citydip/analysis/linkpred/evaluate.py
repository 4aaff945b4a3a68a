"""How well the partner model finds hidden ties, measured in the same run as the baselines.

``evaluate`` hides a share of the graph's ties (chosen at random with the seed), fits the
model on the rest only, and scores every method on:

- ``auc``: the chance that a hidden tie scores above a random non-tie (pairs of places tied
  in no list), over the hidden ties and an equal number of such pairs; equal scores count
  one half;
- for each place that lost ties (``queries``), every place not tied to it in the training
  graph ranked: ``precision_at_10`` (hidden partners among the first ten, over ten),
  ``recall_at_10`` (over its hidden partners), ``mrr`` (one over the rank of its first
  hidden partner), averaged over the places. Equal scores are ordered by one random order
  drawn from the seed, the same for every method.

Where at least MIN_DATED ties carry a start year, a temporal split does the same with the
ties of the latest years hidden (those from the year at the ``1 - holdout`` quantile on).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from citydip.analysis.linkpred.arrays import Bools, Floats, GraphArrays, Ints
from citydip.analysis.linkpred.features import (
    FEATURES,
    Context,
    context,
    pair_features,
    source_features,
)
from citydip.analysis.linkpred.model import (
    BASELINES,
    Model,
    edge_keys,
    fit_model,
    hide_ties,
    random_non_edges,
)
from citydip.errors import InvalidInput
from citydip.progress import Progress, Steps, chosen

MIN_TIES = 50
MIN_HELD_OUT = 10
MIN_DATED = 50
TOP = 10
METHODS = ("model", *BASELINES)


@dataclass(frozen=True)
class Metrics:
    auc: float
    precision_at_10: float
    recall_at_10: float
    mrr: float

    def to_dict(self) -> dict[str, float]:
        return {
            "auc": round(self.auc, 4),
            "precision_at_10": round(self.precision_at_10, 4),
            "recall_at_10": round(self.recall_at_10, 4),
            "mrr": round(self.mrr, 4),
        }


@dataclass(frozen=True)
class Split:
    """One evaluation: how many ties trained and were hidden, and each method's metrics."""

    kind: str  # random or temporal
    train_ties: int
    held_out: int
    queries: int
    methods: dict[str, Metrics]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": self.kind,
            "train_ties": self.train_ties,
            "held_out": self.held_out,
            "queries": self.queries,
            "methods": {k: v.to_dict() for k, v in self.methods.items()},
            "note": self.note,
        }


@dataclass(frozen=True)
class Evaluation:
    graph: str  # the filters in words
    places: int
    ties: int
    holdout: float
    seed: int
    random: Split
    temporal: Split | None
    temporal_note: str
    model: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "graph": self.graph,
            "places": self.places,
            "ties": self.ties,
            "holdout": self.holdout,
            "seed": self.seed,
            "random": self.random.to_dict(),
            "temporal": self.temporal.to_dict() if self.temporal else None,
            "temporal_note": self.temporal_note,
            "model_weights": {k: round(v, 4) for k, v in self.model.items()},
        }


def evaluate(
    arrays: GraphArrays,
    holdout: float,
    seed: int,
    graph: str = "",
    *,
    progress: Progress | None = None,
) -> Evaluation:
    """The random split (and the temporal one where dates allow), model and baselines;
    ``progress`` is told each split's steps and the places it has ranked."""
    if not 0 < holdout < 1:
        raise InvalidInput(f"{holdout} is not between 0 and 1", field="holdout")
    m = len(arrays.edges)
    k = round(holdout * m)
    if m < MIN_TIES or k < MIN_HELD_OUT:
        raise InvalidInput(
            f"too few ties to evaluate: {m} ties ({graph or 'all ties'}) and {k} to hide; "
            f"at least {MIN_TIES} ties and {MIN_HELD_OUT} hidden are needed"
        )
    rng = np.random.default_rng(seed)
    test, train = hide_ties(arrays, k, rng)
    if len(test) < MIN_HELD_OUT:
        raise InvalidInput(
            f"too few ties to evaluate: only {len(test)} ties can be hidden without leaving a "
            f"place with none ({graph or 'all ties'}); at least {MIN_HELD_OUT} are needed"
        )
    random_split, model = run_split(arrays, train, test, seed, "random", progress)
    temporal, note = _temporal(arrays, holdout, seed, progress)

    return Evaluation(
        graph or "all ties",
        arrays.n,
        m,
        holdout,
        seed,
        random_split,
        temporal,
        note,
        dict(zip(FEATURES, model.weights, strict=True)),
    )


def _temporal(
    arrays: GraphArrays, holdout: float, seed: int, progress: Progress | None = None
) -> tuple[Split | None, str]:
    years = np.array([-1 if y is None else int(y) for y in arrays.start], dtype=np.int64)
    dated = np.flatnonzero(years >= 0)
    if len(dated) < MIN_DATED:
        return None, (
            f"no temporal split: only {len(dated)} of {len(years)} ties carry a start year "
            f"(at least {MIN_DATED} are needed)"
        )
    cut = int(np.quantile(years[dated], 1 - holdout))
    test = dated[years[dated] >= cut]
    if len(test) == len(dated):
        test = dated[years[dated] > cut]
    if len(test) < MIN_HELD_OUT:
        return None, f"no temporal split: only {len(test)} ties start in {cut} or later"
    train = np.setdiff1d(np.arange(len(years)), test)
    split, _ = run_split(arrays, train, test, seed, "temporal", progress)
    note = f"trained on ties before {cut} (and undated ones), tested on ties from {cut} on"
    return split, note


def run_split(
    arrays: GraphArrays,
    train: Ints,
    test: Ints,
    seed: int,
    kind: str,
    progress: Progress | None = None,
) -> tuple[Split, Model]:
    """Fit on the ``train`` ties, score every method on the ``test`` ties (``progress``:
    the fit and the pairs scored as steps, then the places ranked, one by one)."""
    step = Steps(progress, f"{kind.capitalize()} split: ")
    step("fitting the model")
    rng = np.random.default_rng(seed + 1)
    train_arrays = arrays.with_edges(arrays.edges[train], [arrays.start[i] for i in train])
    model = fit_model(train_arrays, seed)
    ctx = context(train_arrays)
    step("scoring hidden ties and non-ties")
    held = arrays.edges[test]
    negatives = random_non_edges(rng, arrays.n, len(held), edge_keys(arrays.edges, arrays.n))
    aucs = pair_aucs(ctx, model, held, negatives)
    step.finish()
    task = f"{kind.capitalize()} split: ranking places"
    ranking, queries = rank_metrics(ctx, model, held, rng, progress=progress, task=task)
    methods = {name: Metrics(aucs[name], *ranking[name]) for name in METHODS}
    return Split(kind, len(train), len(held), queries, methods), model


def pair_scores(ctx: Context, model: Model, pairs: Ints) -> dict[str, Floats]:
    """Every method's score of each pair."""
    a = ctx.arrays
    rows = pair_features(ctx, pairs[:, 0], pairs[:, 1])
    dist = a.pair_distances_km(pairs[:, 0], pairs[:, 1])

    return {
        "model": model.score(rows),
        "adamic_adar": rows[:, FEATURES.index("adamic_adar")],
        "preferential_attachment": a.degree[pairs[:, 0]] * a.degree[pairs[:, 1]],
        "common_neighbours": np.expm1(rows[:, FEATURES.index("common_partners")]),
        "geographic_distance": np.where(np.isnan(dist), -np.inf, -dist),
    }


def pair_aucs(ctx: Context, model: Model, positives: Ints, negatives: Ints) -> dict[str, float]:
    pos = pair_scores(ctx, model, positives)
    neg = pair_scores(ctx, model, negatives)
    return {name: auc(pos[name], neg[name]) for name in METHODS}


def auc(positive: Floats, negative: Floats) -> float:
    """P(a positive scores above a negative), equal scores counting one half."""
    scores = np.nan_to_num(np.concatenate([positive, negative]), nan=-np.inf)
    scores = np.where(
        np.isneginf(scores), np.nanmin(scores[np.isfinite(scores)], initial=0) - 1, scores
    )
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    average_rank = (ends - (counts - 1) / 2.0)[inverse]
    p, n = len(positive), len(negative)
    return float((average_rank[:p].sum() - p * (p + 1) / 2) / (p * n))


def rank_metrics(
    ctx: Context,
    model: Model,
    held: Ints,
    rng: np.random.Generator,
    *,
    progress: Progress | None = None,
    task: str = "Ranking places",
) -> tuple[dict[str, tuple[float, float, float]], int]:
    """Precision@10, recall@10 and MRR of each method over the places that lost ties
    (``progress`` told under ``task`` how many places are ranked)."""
    a = ctx.arrays
    hidden: dict[int, list[int]] = {}
    for u, w in held.tolist():
        hidden.setdefault(u, []).append(w)
        hidden.setdefault(w, []).append(u)
    tiebreak = rng.permutation(a.n).astype(np.float64) / max(a.n, 1)
    sums = {name: np.zeros(3) for name in METHODS}
    report, total = chosen(progress), len(hidden)
    report(task, 0, total)
    for done, u in enumerate(sorted(hidden), 1):
        rows = source_features(ctx, u)
        dist = a.distances_km(u)
        scores = {
            "model": model.score(rows),
            "adamic_adar": rows[:, FEATURES.index("adamic_adar")],
            "preferential_attachment": a.degree[u] * a.degree,
            "common_neighbours": np.expm1(rows[:, FEATURES.index("common_partners")]),
            "geographic_distance": np.where(np.isnan(dist), -np.inf, -dist),
        }
        excluded = np.zeros(a.n, dtype=np.bool_)
        excluded[u] = True
        excluded[a.neighbours(u)] = True
        relevant = np.array(sorted(set(hidden[u])), dtype=np.int64)
        for name, score in scores.items():
            sums[name] += _query_metrics(score, excluded, relevant, tiebreak)
        if done % 50 == 0 or done == total:
            report(task, done, total)
    count = len(hidden)
    means = {name: (s / max(count, 1)).tolist() for name, s in sums.items()}
    return {name: (m[0], m[1], m[2]) for name, m in means.items()}, count


def _query_metrics(score: Floats, excluded: Bools, relevant: Ints, tiebreak: Floats) -> Floats:
    """(precision@10, recall@10, reciprocal rank) of one place's ranking."""
    s = np.where(excluded | np.isnan(score), -np.inf, score)
    ranks = []
    for r in relevant:
        higher = (s > s[r]) | ((s == s[r]) & (tiebreak < tiebreak[r]))
        ranks.append(int(np.count_nonzero(higher & ~excluded)) + 1)
    hits = sum(1 for rank in ranks if rank <= TOP)
    return np.array([hits / TOP, hits / len(relevant), 1.0 / min(ranks)])
