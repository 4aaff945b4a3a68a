"""Possible partners of a place: the places not yet tied to it, ranked by the partner model,
each with reasons in plain words made from facts of the store.

The model (``model.fit_model``) is fitted on the store's whole twinning graph and kept in
the store's cache of derived results until its next write. Reasons say only what the graph
and the store hold: the partners both places share, the organizations both belong to, port
and capital flags, populations, the distance against the distances the city already twins
at, and the countries and continents where the city has (or lacks) partners.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from citydip.analysis.linkpred.arrays import GraphArrays, arrays_from_graph
from citydip.analysis.linkpred.features import FEATURES, Context, context, source_features
from citydip.analysis.linkpred.model import MODEL_VERSION, Model, fit_model
from citydip.errors import InvalidInput, NotFound
from citydip.gazetteer.geonames import country_name
from citydip.store.database import Store
from citydip.store.models import Entity, EntitySummary
from citydip.vocabulary import SUGGEST_KINDS

if TYPE_CHECKING:
    from citydip.analysis.network.graph import GraphFilter

COUSIN_MIN_SHARED = 2
MIN_KIND_TIES = 3  # ties of the asked kind before they alone describe the city's choices
SIMILAR_POPULATION = 0.5  # log10: within a factor of about three
NAMED_PARTNERS = 3
MAX_REASON_HOPS = 4  # the features follow walks of up to four ties
MODEL_SEED = 0


@dataclass(frozen=True)
class Suggestion:
    """One possible partner and why."""

    rank: int
    id: str
    name: str
    country: str | None
    score: float  # the model's log-odds: higher is likelier (relative, not a probability)
    shared_partners: list[str]
    shared_memberships: list[str]
    distance_km: float | None
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "score": round(self.score, 2),
            "shared_partners": self.shared_partners,
            "shared_memberships": self.shared_memberships,
            "distance_km": None if self.distance_km is None else round(self.distance_km),
            "reasons": self.reasons,
        }


@dataclass(frozen=True)
class Suggestions:
    """The ranked places for one city, and what was asked."""

    city: EntitySummary
    kind: str | None
    scope: str  # anywhere, within-country, abroad
    cousins: bool
    partners: int
    candidates: int
    rows: list[Suggestion] = field(default_factory=list)
    model: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "city": self.city,
            "kind": self.kind,
            "scope": self.scope,
            "cousins": self.cousins,
            "partners": self.partners,
            "candidates": self.candidates,
            "model": self.model,
            "suggestions": [r.to_dict() for r in self.rows],
        }


def memberships(store: Store) -> dict[str, frozenset[str]]:
    """Every place's organizations, from the store's ``member_of`` claims (any source)."""
    out: dict[str, set[str]] = {}
    for claim in store.claims(predicate="member_of"):
        if claim.object:
            out.setdefault(claim.subject, set()).add(claim.object)
    return {k: frozenset(v) for k, v in out.items()}


@dataclass
class Prepared:
    """The arrays, their context, each tie's kind and the fitted model of one store's graph."""

    arrays: GraphArrays
    ctx: Context
    model: Model
    kinds: list[str]  # per edge of ``arrays.edges``
    index: dict[str, int]

    def kinds_of(self, v: int) -> list[str]:
        """The kinds of ``v``'s ties, in the order of ``arrays.neighbours(v)``."""
        e = self.arrays.edges
        mine = np.flatnonzero((e[:, 0] == v) | (e[:, 1] == v))
        other = np.where(e[mine, 0] == v, e[mine, 1], e[mine, 0])
        by_partner = {int(p): self.kinds[int(i)] for p, i in zip(other, mine, strict=True)}
        return [by_partner[int(p)] for p in self.arrays.neighbours(v)]


def prepare(store: Store, filters: GraphFilter | None = None) -> Prepared:
    """Arrays, kinds and model of the store's graph (the ties ``filters`` keeps; None: the
    whole graph): from the store's cache of derived results when it has them for this
    revision, else built (and the model fitted) and kept."""
    from citydip.analysis.linkpred.arrays import arrays_from_bytes, arrays_to_bytes
    from citydip.analysis.network.graph import GraphFilter, build_network, require_ties
    from citydip.store.database import keep_derived, read_derived

    features = zlib.crc32(",".join(FEATURES).encode())
    key = f"partner-arrays:v{MODEL_VERSION}:{features:08x}"
    if filters is not None and filters != GraphFilter():
        key += f":{filters.key()}"
    raw = read_derived(store.path, key, store.revision)
    if raw is not None:
        try:
            arrays, kinds, extra = arrays_from_bytes(raw)
            model = Model.from_dict(extra["model"])
        except (ValueError, KeyError, OSError, TypeError):
            model = None
        if model is not None:
            return Prepared(arrays, context(arrays), model, kinds, _index(arrays))
    network = build_network(store, filters)
    require_ties(network, store)
    arrays = arrays_from_graph(network.graph, memberships(store))
    model = fit_model(arrays, MODEL_SEED)
    kinds = list(network.graph.es["kind"]) if network.edges else []
    keep_derived(
        store.path, key, store.revision, arrays_to_bytes(arrays, kinds, {"model": model.to_dict()})
    )
    return Prepared(arrays, context(arrays), model, kinds, _index(arrays))


def _index(arrays: GraphArrays) -> dict[str, int]:
    return {entity_id: i for i, entity_id in enumerate(arrays.ids)}


def suggest(
    store: Store,
    prepared: Prepared,
    city: Entity,
    vertex: int,
    top: int = 10,
    kind: str | None = None,
    within_country: bool | None = None,
    cousins: bool = False,
    kinds_of_ties: list[str] | None = None,
) -> Suggestions:
    """The ``top`` places not tied to ``city`` (vertex ``vertex``), best first."""
    if kind is not None and kind not in SUGGEST_KINDS:
        raise InvalidInput(f"{kind!r} is not one of {', '.join(SUGGEST_KINDS)}", field="kind")
    if not 1 <= top <= 1000:
        raise InvalidInput(f"{top} is not between 1 and 1000", field="top")
    a, ctx = prepared.arrays, prepared.ctx
    partners = a.neighbours(vertex)
    if not len(partners):
        raise NotFound(f"{city.name} has no ties to suggest partners from")
    rows = source_features(ctx, vertex)
    score = prepared.model.score(rows)
    keep = np.ones(a.n, dtype=np.bool_)
    keep[vertex] = False
    keep[partners] = False
    if within_country is not None and a.country[vertex] >= 0:
        same = a.country == a.country[vertex]
        keep &= same if within_country else ~same
    elif within_country is not None:
        raise InvalidInput(f"{city.name} has no known country", field="within_country")
    cn = np.expm1(rows[:, FEATURES.index("common_partners")])
    if cousins:
        keep &= cn >= COUSIN_MIN_SHARED - 1e-9
    candidates = np.flatnonzero(keep)
    primary = -cn[candidates] if cousins else -score[candidates]
    secondary = -score[candidates] if cousins else -cn[candidates]
    order = candidates[np.lexsort((candidates, secondary, primary))][:top]
    facts = _CityFacts.of(store, a, vertex, kind, kinds_of_ties or [])
    hops = rows[:, FEATURES.index("hops")]
    out = [
        _suggestion(store, a, facts, rank, int(w), float(score[w]), int(hops[w]))
        for rank, w in enumerate(order, 1)
    ]
    scope = {None: "anywhere", True: "within-country", False: "abroad"}[within_country]
    return Suggestions(
        city.summary(),
        kind,
        scope,
        cousins,
        len(partners),
        len(candidates),
        out,
        (
            f"logistic regression over {len(FEATURES)} features, fitted on "
            f"{prepared.model.positives} ties and {prepared.model.negatives} non-ties of this store"
        )
        if prepared.model.positives
        else "common partners, Adamic–Adar and country affinity (too few ties to fit a model)",
    )


@dataclass(frozen=True)
class _CityFacts:
    vertex: int
    partners: frozenset[int]
    countries: Counter[str]
    continents: Counter[str]
    median_km: float | None
    kind_words: str  # "partners", or "sister cities"...
    org_names: dict[str, str]

    @classmethod
    def of(
        cls, store: Store, a: GraphArrays, v: int, kind: str | None, kinds: list[str]
    ) -> _CityFacts:
        partners = [int(p) for p in a.neighbours(v)]
        chosen = partners
        words = "partners"
        if kind is not None:
            of_kind = [p for p, k in zip(partners, kinds, strict=False) if k == kind]
            if len(of_kind) >= MIN_KIND_TIES:
                chosen, words = of_kind, f"{kind} ties"
        countries = Counter(a.countries[a.country[p]] for p in chosen if a.country[p] >= 0)
        continents = Counter(a.continents[a.continent[p]] for p in chosen if a.continent[p] >= 0)
        km = a.distances_km(v, np.array(partners, dtype=np.int64))
        known = km[~np.isnan(km)]
        orgs = {o for m in a.memberships for o in m} if a.memberships else set()
        names = {e.id: e.acronym or e.name for e in store.entities(ids=sorted(orgs))}
        return cls(
            v,
            frozenset(partners),
            countries,
            continents,
            float(np.median(known)) if len(known) else None,
            words,
            names,
        )


def _suggestion(
    store: Store, a: GraphArrays, facts: _CityFacts, rank: int, w: int, score: float, hops: int
) -> Suggestion:
    v = facts.vertex
    shared = sorted(facts.partners & {int(x) for x in a.neighbours(w)}, key=lambda i: a.labels[i])
    shared_names = [a.labels[i] for i in shared]
    orgs = sorted(a.memberships[v] & a.memberships[w]) if a.memberships else []
    org_names = [facts.org_names.get(o, o) for o in orgs]
    km = float(a.distances_km(v, np.array([w], dtype=np.int64))[0])
    distance = None if np.isnan(km) else km
    reasons = []
    if shared_names:
        named = ", ".join(shared_names[:NAMED_PARTNERS])
        more = (
            f" and {len(shared_names) - NAMED_PARTNERS} more"
            if len(shared) > NAMED_PARTNERS
            else ""
        )
        word = "shared partner" if len(shared) == 1 else "shared partners"
        reasons.append(f"{len(shared)} {word}: {named}{more}")
    elif hops <= MAX_REASON_HOPS:
        reasons.append(f"{hops} ties apart in the twinning graph (no shared partner)")
    if org_names:
        reasons.append("both in " + ", ".join(org_names))
    if a.port[v] and a.port[w]:
        reasons.append("both port cities")
    if a.capital[v] and a.capital[w]:
        reasons.append("both capitals")
    pv, pw = a.log_population[v], a.log_population[w]
    if not np.isnan(pv) and not np.isnan(pw) and abs(pv - pw) <= SIMILAR_POPULATION:
        reasons.append(f"similar size: populations {_people(pv)} and {_people(pw)}")
    reasons += _geography(a, facts, w, distance)
    degree = int(a.degree[w])
    reasons.append(f"{degree} {'tie' if degree == 1 else 'ties'} of its own")
    return Suggestion(
        rank,
        a.ids[w],
        a.labels[w],
        a.countries[a.country[w]] if a.country[w] >= 0 else None,
        score,
        shared_names,
        org_names,
        distance,
        reasons,
    )


def _geography(a: GraphArrays, facts: _CityFacts, w: int, km: float | None) -> list[str]:
    out = []
    if km is not None:
        typical = (
            f" (its {facts.kind_words} lie at a median {facts.median_km:,.0f} km)"
            if facts.median_km is not None
            else ""
        )
        out.append(f"{km:,.0f} km away{typical}")
    code = a.countries[a.country[w]] if a.country[w] >= 0 else None
    continent = a.continents[a.continent[w]] if a.continent[w] >= 0 else None
    label = country_name(code) or code
    if code and code == (
        a.countries[a.country[facts.vertex]] if a.country[facts.vertex] >= 0 else None
    ):
        out.append(f"in the same country ({label})")
    elif continent and continent not in facts.continents:
        out.append(f"no {_singular(facts.kind_words)} yet in {continent}")
    elif code and code not in facts.countries:
        out.append(f"no {_singular(facts.kind_words)} yet in {label}")
    elif code:
        n = facts.countries[code]
        out.append(
            f"already {n} {facts.kind_words if n != 1 else _singular(facts.kind_words)} in {label}"
        )
    return out


def _singular(words: str) -> str:
    return {"partners": "partner", "sister ties": "sister tie"}.get(words, words.rstrip("s"))


def _people(log_population: float) -> str:
    value = 10**log_population
    if value >= 1e6:
        return f"{value / 1e6:.1f} million"
    return f"{round(value, -3):,.0f}"
