"""The partner model: a logistic regression over FEATURES, fitted on one graph only.

Fitting never sees the ties it will be judged on. From the graph it is given (the training
graph in an evaluation, the whole store for suggestions), ``fit_model`` hides a share of the
ties (FIT_SHARE), computes the features of those hidden ties and of sampled non-ties on what
remains, and fits an L2-regularised logistic regression by Newton's method: the hidden ties
look to the model exactly as unknown future ties will. Half the non-ties are random pairs
(what the AUC is measured on), half a hidden tie's place with a random place (the contrast
a ranking of that place's candidates makes). Deterministic for a seed.

The baselines are the classic single scores: common partners, Adamic–Adar, preferential
attachment (degree product) and geographic distance (nearer is likelier).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from citydip.analysis.linkpred.arrays import Floats, GraphArrays, Ints
from citydip.analysis.linkpred.features import FEATURES, context, pair_features

MODEL_VERSION = 1
FIT_SHARE = 0.15  # of the graph's ties, hidden to make the positive examples
MAX_POSITIVES = 6000
NEGATIVES_PER_POSITIVE = 2
ANCHORED_SHARE = 1 / 2  # of the non-ties, pairs of a hidden tie's place with a random one
MIN_FIT = 10  # hidden ties needed to fit; fewer gets the fixed model
L2 = 1.0
BASELINES = ("adamic_adar", "preferential_attachment", "common_neighbours", "geographic_distance")


@dataclass(frozen=True)
class Model:
    """Weights over standardised FEATURES (and the means and scales used)."""

    weights: list[float]
    intercept: float
    mean: list[float]
    scale: list[float]
    positives: int
    negatives: int

    def score(self, rows: Floats) -> Floats:
        """Log-odds of a tie for each row of features."""
        per_unit = np.asarray(self.weights) / np.asarray(self.scale)
        offset = self.intercept - float(np.asarray(self.mean) @ per_unit)
        return np.asarray(rows @ per_unit + offset)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": MODEL_VERSION,
            "features": list(FEATURES),
            "weights": self.weights,
            "intercept": self.intercept,
            "mean": self.mean,
            "scale": self.scale,
            "positives": self.positives,
            "negatives": self.negatives,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model | None:
        if data.get("version") != MODEL_VERSION or data.get("features") != list(FEATURES):
            return None
        return cls(
            data["weights"],
            data["intercept"],
            data["mean"],
            data["scale"],
            data["positives"],
            data["negatives"],
        )


def edge_keys(edges: Ints, n: int) -> set[int]:
    lo, hi = np.minimum(edges[:, 0], edges[:, 1]), np.maximum(edges[:, 0], edges[:, 1])
    return set((lo * n + hi).tolist())


def random_non_edges(
    rng: np.random.Generator, n: int, count: int, taken: set[int], avoid: set[int] | None = None
) -> Ints:
    """``count`` distinct random pairs of distinct vertices that are in neither key set."""
    out: list[tuple[int, int]] = []
    seen: set[int] = set()
    avoid = avoid or set()
    tries = 0
    while len(out) < count and tries < 50 * count + 1000:
        tries += 1
        a, b = (int(x) for x in rng.integers(0, n, size=2))
        if a == b:
            continue
        key = min(a, b) * n + max(a, b)
        if key in taken or key in avoid or key in seen:
            continue
        seen.add(key)
        out.append((a, b))
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def anchored_non_edges(
    rng: np.random.Generator, n: int, positives: Ints, count: int, taken: set[int]
) -> Ints:
    """``count`` pairs of a positive's first place with a random place not tied to it (the
    contrast a ranking of that place's candidates makes)."""
    out: list[tuple[int, int]] = []
    seen: set[int] = set()
    tries = 0
    while len(positives) and len(out) < count and tries < 50 * count + 1000:
        tries += 1
        u = int(positives[len(out) % len(positives)][tries % 2])
        w = int(rng.integers(0, n))
        key = min(u, w) * n + max(u, w)
        if w == u or key in taken or key in seen:
            continue
        seen.add(key)
        out.append((u, w))
    return np.array(out, dtype=np.int64).reshape(-1, 2)


def hide_ties(arrays: GraphArrays, count: int, rng: np.random.Generator) -> tuple[Ints, Ints]:
    """Up to ``count`` ties chosen at random, never a place's last one (a place left with no
    tie has nothing to rank from); the other ties train."""
    degree = arrays.degree.astype(np.int64).copy()
    test: list[int] = []
    for i in rng.permutation(len(arrays.edges)).tolist():
        if len(test) == count:
            break
        u, w = arrays.edges[i]
        if degree[u] > 1 and degree[w] > 1:
            degree[u] -= 1
            degree[w] -= 1
            test.append(i)
    chosen = np.array(sorted(test), dtype=np.int64)
    return chosen, np.setdiff1d(np.arange(len(arrays.edges)), chosen)


def fixed_model() -> Model:
    """The model of a graph too small to fit one: common partners, Adamic–Adar and the
    country-pair lift, unit weights on the raw features (``positives`` 0 says so)."""
    weights = [0.0] * len(FEATURES)
    for name, weight in (
        ("common_partners", 1.0),
        ("adamic_adar", 1.0),
        ("country_pair_lift", 0.3),
    ):
        weights[FEATURES.index(name)] = weight
    return Model(weights, 0.0, [0.0] * len(FEATURES), [1.0] * len(FEATURES), 0, 0)


def fit_model(arrays: GraphArrays, seed: int = 0) -> Model:
    """Fit the model on ``arrays`` alone (see the module's description); a graph where
    fewer than MIN_FIT ties can be hidden gets ``fixed_model()``."""
    rng = np.random.default_rng(seed)
    m = len(arrays.edges)
    hide = min(max(1, round(FIT_SHARE * m)), MAX_POSITIVES, max(m - 1, 0))
    hidden, kept = hide_ties(arrays, hide, rng)
    if len(hidden) < MIN_FIT:
        return fixed_model()
    positives = arrays.edges[hidden]
    rest = arrays.with_edges(arrays.edges[kept])
    taken = edge_keys(arrays.edges, arrays.n)
    wanted = NEGATIVES_PER_POSITIVE * len(positives)
    anchored = round(ANCHORED_SHARE * wanted)
    negatives = np.concatenate(
        [
            random_non_edges(rng, arrays.n, wanted - anchored, taken),
            anchored_non_edges(rng, arrays.n, positives, anchored, taken),
        ]
    )
    ctx = context(rest)
    pairs = np.concatenate([positives, negatives])
    x = pair_features(ctx, pairs[:, 0], pairs[:, 1])
    y = np.concatenate([np.ones(len(positives)), np.zeros(len(negatives))])
    return logistic(x, y, len(positives), len(negatives))


def logistic(x: Floats, y: Floats, positives: int, negatives: int) -> Model:
    """An L2-regularised logistic regression (Newton's method on standardised features),
    positives and negatives weighted to count equally."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    z = np.column_stack([(x - mean) / scale, np.ones(len(x))])
    sample = np.where(y > 0, 0.5 / max(positives, 1), 0.5 / max(negatives, 1))
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2 / max(len(x), 1))
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (sample * (p - y)) + penalty * beta
        hess = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return Model(
        [float(b) for b in beta[:-1]],
        float(beta[-1]),
        [float(v) for v in mean],
        [float(v) for v in scale],
        positives,
        negatives,
    )
