"""A city's diplomatic style and its possible partners; how well partners are predicted.

``city_typology`` reads the codebook (the shipped one or the user's) and scores a city's
evidence on its axes; ``recommend_partners`` ranks the places not yet tied to a city;
``evaluate_partners`` measures the partner model against baselines on hidden ties.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from citydip.errors import InvalidInput
from citydip.progress import Progress, Steps
from citydip.store.database import Store
from citydip.vocabulary import SUGGEST_KINDS, SuggestKind, choice

if TYPE_CHECKING:
    from citydip.analysis.linkpred.evaluate import Evaluation
    from citydip.analysis.linkpred.suggest import Prepared, Suggestions
    from citydip.analysis.network.graph import GraphFilter
    from citydip.analysis.typology import Typology

_PREPARED: dict[tuple[str, str, str], Prepared] = {}


def _prepared(store: Store, filters: GraphFilter) -> Prepared:
    """The graph's arrays and the fitted model, once per store revision and filter."""
    from citydip.analysis.linkpred.suggest import prepare

    key = (str(store.path), store.revision, filters.key())
    if key not in _PREPARED:
        _PREPARED.clear()
        _PREPARED[key] = prepare(store, filters)
    return _PREPARED[key]


def _sources(store: Store, sources: list[str] | None) -> GraphFilter:
    """The filter keeping the ties these sources state (none: every tie); an unknown source
    id is ``InvalidInput`` naming ``source``."""
    from citydip.analysis.network.graph import GraphFilter

    known = {s.id for s in store.sources()} if sources else set()
    for source in sources or []:
        if source not in known:
            raise InvalidInput(f"no source with id {source!r}", field="source")
    return GraphFilter.of(sources=sources)


def recommend_partners(
    store: Store,
    name: str,
    *,
    kind: SuggestKind | None = None,
    top: int = 10,
    within_country: bool | None = None,
    cousins: bool = False,
    sources: list[str] | None = None,
) -> Suggestions:
    """The places not yet tied to the city ``name``, best first, each with its reasons.

    ``kind`` (sister, friendship, partner) is the kind of tie sought: the city's choices
    so far are read from its ties of that kind when it has at least three. ``within_country``
    True keeps places in its country, False places abroad; ``cousins`` keeps places sharing
    at least two partners with it, most shared first. ``sources`` keeps the ties those
    sources state (as for :func:`evaluate_partners`): the model is fitted on them, and the
    city's partners and the reasons are read from them."""
    from citydip.analysis.linkpred.suggest import suggest
    from citydip.errors import NotFound
    from citydip.knowledge.lookup import find_city

    if kind is not None:
        kind = choice(kind, SUGGEST_KINDS, "kind")
    filters = _sources(store, sources)
    city = find_city(store, name)
    prepared = _prepared(store, filters)
    vertex = prepared.index.get(city.id)
    if vertex is None:
        among = "" if not sources else f" stated by {'/'.join(sorted(set(sources)))}"
        raise NotFound(f"{city.name} has no ties{among} to suggest partners from")
    kinds = prepared.kinds_of(vertex)
    found = suggest(store, prepared, city, vertex, top, kind, within_country, cousins, kinds)
    if sources:
        found = replace(found, model=f"{found.model} ({filters.describe()})")
    return found


def evaluate_partners(
    store: Store,
    *,
    sources: list[str] | None = None,
    holdout: float = 0.1,
    seed: int = 0,
    progress: Progress | None = None,
) -> Evaluation:
    """Hide ``holdout`` of the ties (those ``sources`` state, or all), fit the model on the
    rest, and measure it and the baselines on the hidden ones (see analysis/linkpred).
    ``progress`` is told each step, and each split's places ranked."""
    from citydip.analysis.linkpred.arrays import arrays_from_graph
    from citydip.analysis.linkpred.evaluate import evaluate
    from citydip.analysis.linkpred.suggest import memberships
    from citydip.analysis.network.graph import build_network

    if not 0 < holdout < 1:
        raise InvalidInput(f"{holdout} is not between 0 and 1", field="holdout")
    if not 0 <= seed < 2**32:
        raise InvalidInput(f"{seed} is not between 0 and 4294967295", field="seed")
    filters = _sources(store, sources)
    step = Steps(progress)
    step("Building the network")
    network = build_network(store, filters)
    arrays = arrays_from_graph(network.graph, memberships(store))
    step.finish()
    return evaluate(arrays, holdout, seed, filters.describe(), progress=progress)


def city_typology(store: Store, name: str, *, codebook: Path | None = None) -> Typology:
    """The diplomatic style of the city ``name``: a label, a score per axis, the evidence
    behind each, its confidence and what is missing, by the rules of ``codebook`` (default:
    the one shipped in the package)."""
    from citydip.analysis.profile import build_profile
    from citydip.analysis.typology import classify
    from citydip.analysis.typology_codebook import load_codebook
    from citydip.knowledge.lookup import find_city

    book = load_codebook(codebook)
    city = find_city(store, name)
    return classify(build_profile(store, city), book)
