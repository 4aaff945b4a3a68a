"""The twinning graph: reconciled ties between places as an undirected igraph Graph.

Nodes are the places with at least one tie that passes the filters; an edge is one
reconciled tie (knowledge.reconcile), so two sources stating the same tie make one edge.

Filters (:class:`GraphFilter`):
- ``kinds`` / ``statuses``: tie kinds and statuses to keep (vocabulary.TIE_KINDS,
  TIE_STATUSES); None keeps all.
- ``since`` / ``until``: start years, inclusive. With either bound, a tie without a known
  start year is left out (it cannot be placed in the range).
- ``levels``: place levels to keep (vocabulary.PLACE_LEVELS, e.g. only ``city``).
- a tie a curator judged a likely confusion (``likely_confusion``) is always left out.
- ``sources``: keep ties that one of these sources states (e.g. only the Wikidata crawl).
- ``merge_admin``: a place with a parent (a city district) counts as its top-most parent;
  ties between a district and its own city vanish, parallel ties merge into one edge
  (the earliest start, the first stated kind, ``ties`` counts them).

Vertex attributes: ``id``, ``label``, ``country``, ``continent``, ``lat``, ``lon``,
``population``, ``port``, ``capital``, ``level``. Edge attributes: ``kind``, ``status``,
``start`` (year or None), ``sources`` (how many sources state it), ``ties``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from citydip.errors import CitydipError, InvalidInput, NotFound
from citydip.knowledge.reconcile import Tie, reconcile_ties
from citydip.store.database import Store
from citydip.store.derived import DerivedCache
from citydip.store.models import Entity
from citydip.vocabulary import PLACE_LEVELS, TIE_KINDS, TIE_STATUSES


@dataclass(frozen=True)
class GraphFilter:
    """Which ties and places make the graph; the default keeps every tie between places."""

    kinds: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    since: int | None = None
    until: int | None = None
    levels: frozenset[str] | None = None
    merge_admin: bool = False
    sources: frozenset[str] | None = None

    def __post_init__(self) -> None:
        _check("kind", self.kinds, TIE_KINDS)
        _check("status", self.statuses, TIE_STATUSES)
        _check("level", self.levels, PLACE_LEVELS)
        if self.since is not None and self.until is not None and self.since > self.until:
            raise InvalidInput(f"{self.since} is after until {self.until}", field="since")

    @classmethod
    def of(
        cls,
        kinds: Iterable[str] | None = None,
        statuses: Iterable[str] | None = None,
        since: int | None = None,
        until: int | None = None,
        levels: Iterable[str] | None = None,
        merge_admin: bool = False,
        sources: Iterable[str] | None = None,
    ) -> GraphFilter:
        """A filter from plain lists (an empty list means no filter, as on the CLI)."""
        return cls(
            frozenset(kinds) if kinds else None,
            frozenset(statuses) if statuses else None,
            since,
            until,
            frozenset(levels) if levels else None,
            merge_admin,
            frozenset(sources) if sources else None,
        )

    def key(self) -> str:
        """A stable text of every filter, naming cached results."""

        def text(values: frozenset[str] | None) -> str:
            return "/".join(sorted(values)) if values is not None else "*"

        return (
            f"k={text(self.kinds)};s={text(self.statuses)};y={self.since}-{self.until};"
            f"l={text(self.levels)};m={int(self.merge_admin)};src={text(self.sources)}"
        )

    def describe(self) -> str:
        """The filters in words, for messages ('all ties' when none)."""
        parts = []
        if self.kinds:
            parts.append("kind " + "/".join(sorted(self.kinds)))
        if self.statuses:
            parts.append("status " + "/".join(sorted(self.statuses)))
        if self.since is not None or self.until is not None:
            parts.append(f"started {self.since or '…'}–{self.until or '…'}")
        if self.levels:
            parts.append("level " + "/".join(sorted(self.levels)))
        if self.sources:
            parts.append("stated by " + "/".join(sorted(self.sources)))
        if self.merge_admin:
            parts.append("districts merged into their cities")
        return ", ".join(parts) or "all ties"

    def keeps(self, tie: Tie) -> bool:
        if tie.likely_confusion:  # judged another place's tie when curated (Taipei–Cincinnati)
            return False
        if self.sources is not None and not self.sources.intersection(tie.source_ids):
            return False
        if self.kinds is not None and tie.kind not in self.kinds:
            return False
        if self.statuses is not None and tie.status not in self.statuses:
            return False
        if self.since is None and self.until is None:
            return True
        year = tie.year
        if year is None:
            return False
        return (self.since is None or year >= self.since) and (
            self.until is None or year <= self.until
        )


def _check(option: str, values: frozenset[str] | None, allowed: tuple[str, ...]) -> None:
    for value in sorted(values or ()):
        if value not in allowed:
            raise InvalidInput(f"{value!r} is not one of {', '.join(allowed)}", field=option)


@dataclass
class Network:
    """An igraph Graph of the twinning ties with the map from entity ids to vertices."""

    graph: Any
    filters: GraphFilter
    index: dict[str, int]
    # entity id → the node id it was merged into (districts, with merge_admin)
    merged: dict[str, str] = field(default_factory=dict)
    # whole-graph results computed once (centralities), shared by per-city calls
    cache: dict[str, Any] = field(default_factory=dict)
    # where whole-graph results outlive the process (the store's derived table), if anywhere
    backing: DerivedCache | None = None

    @property
    def nodes(self) -> int:
        return int(self.graph.vcount())

    @property
    def edges(self) -> int:
        return int(self.graph.ecount())

    def vertex(self, entity_id: str, label: str | None = None) -> int:
        """The vertex of an entity id (or of the city a district was merged into)."""
        node = self.merged.get(entity_id, entity_id)
        if node not in self.index:
            raise NotFound(
                f"{label or entity_id} has no ties in the network ({self.filters.describe()})"
            )
        return self.index[node]

    def known(self, key: str) -> Any | None:
        """A whole-graph result computed already (in this process or kept in the store)."""
        if key not in self.cache and self.backing is not None:
            value = self.backing.get(key)
            if value is not None:
                self.cache[key] = value
        return self.cache.get(key)

    def cached(self, key: str, compute: Callable[[], Any], persist: bool = False) -> Any:
        """``compute()`` once per network; with ``persist``, once per store revision."""
        if key not in self.cache:
            value = self.backing.get(key) if persist and self.backing else None
            if value is None:
                value = compute()
                if persist and self.backing:
                    self.backing.put(key, value)
            self.cache[key] = value
        return self.cache[key]


def build_network(store: Store, filters: GraphFilter | None = None) -> Network:
    """The twinning graph of the store under ``filters`` (may have no nodes: callers say so).

    The graph and its whole-graph results are cached in the store until its next write."""
    filters = filters or GraphFilter()
    backing = DerivedCache(store, filters.key())
    saved = backing.get("network")
    if saved is not None:
        network = _restore(saved, filters)
    else:
        places = {e.id: e for e in store.entities(type="place")}
        ties = [t for t in reconcile_ties(store) if filters.keeps(t)]
        network = network_from(places, ties, filters)
        backing.put("network", _saved(network))
    network.backing = backing
    return network


_VERTEX: tuple[str, ...] = ("id", "label", "country", "continent", "lat", "lon", "population")
_VERTEX += ("port", "capital", "level")
_EDGE = ("kind", "status", "start", "sources", "ties")


def _saved(network: Network) -> dict[str, Any]:
    g = network.graph
    return {
        "n": g.vcount(),
        "edges": [list(e) for e in g.get_edgelist()],
        "vertex": {name: g.vs[name] for name in _VERTEX} if g.vcount() else {},
        "edge": {name: g.es[name] for name in _EDGE} if g.ecount() else {},
        "index": network.index,
        "merged": network.merged,
    }


def _restore(saved: dict[str, Any], filters: GraphFilter) -> Network:
    import igraph

    graph = igraph.Graph(n=saved["n"], edges=[tuple(e) for e in saved["edges"]])
    for name, values in saved["vertex"].items():
        graph.vs[name] = values
    for name, values in saved["edge"].items():
        graph.es[name] = values
    return Network(graph, filters, dict(saved["index"]), dict(saved["merged"]))


def network_from(places: dict[str, Entity], ties: list[Tie], filters: GraphFilter) -> Network:
    """The graph of ``ties`` whose two ends are in ``places`` (ids → entities)."""
    import igraph

    root = _roots(places) if filters.merge_admin else {}
    merged = {child: parent for child, parent in root.items() if child != parent}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for tie in ties:
        a, b = root.get(tie.city, tie.city), root.get(tie.partner, tie.partner)
        if a == b or a not in places or b not in places:
            continue
        if filters.levels is not None and not (
            places[a].level in filters.levels and places[b].level in filters.levels
        ):
            continue
        key = (a, b) if a <= b else (b, a)
        _merge_edge(edges, key, tie)
    ids = sorted({node for key in edges for node in key})
    index = {node: i for i, node in enumerate(ids)}
    graph = igraph.Graph(n=len(ids), edges=[(index[a], index[b]) for a, b in edges])
    for name, values in _vertex_attributes([places[i] for i in ids]).items():
        graph.vs[name] = values
    for name in ("kind", "status", "start", "sources", "ties"):
        graph.es[name] = [attrs[name] for attrs in edges.values()]
    return Network(graph, filters, index, merged)


def ego_network(
    network: Network, entity_id: str, depth: int = 1, label: str | None = None
) -> Network:
    """The ego network of a place: it, the places within ``depth`` ties, and every tie among
    them (the induced subgraph). ``label`` names the place in errors."""
    if depth not in (1, 2):
        raise InvalidInput(f"depth: {depth} is not 1 or 2")
    graph = network.graph
    centre = network.vertex(entity_id, label)
    keep = sorted(graph.neighborhood(centre, order=depth))
    sub = graph.induced_subgraph(keep, implementation="create_from_scratch")
    index = {node: i for i, node in enumerate(sub.vs["id"])}
    merged = {child: parent for child, parent in network.merged.items() if parent in index}
    return Network(sub, network.filters, index, merged)


def _merge_edge(
    edges: dict[tuple[str, str], dict[str, Any]], key: tuple[str, str], tie: Tie
) -> None:
    attrs = {
        "kind": tie.kind,
        "status": tie.status,
        "start": tie.year,
        "sources": len(tie.source_ids),
        "ties": 1,
    }
    old = edges.get(key)
    if old is None:
        edges[key] = attrs
        return
    old["ties"] += 1
    old["sources"] += attrs["sources"]
    if old["kind"] == "unspecified":
        old["kind"] = attrs["kind"]
    if attrs["start"] is not None and (old["start"] is None or attrs["start"] < old["start"]):
        old["start"] = attrs["start"]
    if old["status"] != "active" and attrs["status"] == "active":
        old["status"] = "active"


def _roots(places: dict[str, Entity]) -> dict[str, str]:
    """Each place id → its top-most parent place (itself when it has none)."""
    from citydip.knowledge.districts import top_parents

    parent_of = {pid: e.parent for pid, e in places.items() if e.parent and e.parent in places}
    top = top_parents(parent_of)
    return {pid: top.get(pid, pid) for pid in places}


def _vertex_attributes(entities: list[Entity]) -> dict[str, list[Any]]:
    from citydip.analysis.network.ports import is_port
    from citydip.gazetteer.geonames import continent_of, is_capital

    return {
        "id": [e.id for e in entities],
        "label": [e.name for e in entities],
        "country": [e.country or "" for e in entities],
        "continent": [continent_of(e.country) or "" for e in entities],
        "lat": [e.lat for e in entities],
        "lon": [e.lon for e in entities],
        "population": [e.population for e in entities],
        "port": [is_port(e) for e in entities],
        "capital": [
            e.capital if e.capital is not None else is_capital(e.name, e.country) for e in entities
        ],
        "level": [e.level or "" for e in entities],
    }


def require_ties(network: Network, store: Store) -> None:
    """NotFound, in one line, when no tie passes the filters (an empty store or filter)."""
    if network.edges:
        return
    total = len(store.claims(predicate="twinned_with"))
    if total == 0:
        raise NotFound("the network is empty: the store holds no twinning ties")
    raise NotFound(
        f"the network is empty: none of the store's {total} twinning claims passes the "
        f"filters ({network.filters.describe()})"
    )


@contextmanager
def igraph_errors() -> Iterator[None]:
    """igraph's own errors re-raised as ours (one line on the CLI, never a traceback)."""
    import igraph

    try:
        yield
    except igraph.InternalError as exc:
        raise CitydipError(f"network computation failed in igraph: {exc}") from exc
