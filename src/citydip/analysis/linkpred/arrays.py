"""The twinning graph as numpy arrays, for scoring every candidate partner of a place at once.

``GraphArrays`` holds one graph's adjacency (CSR: ``indptr``/``indices``), degrees and the
places' attributes as vectors indexed by vertex: coordinates, country and continent codes,
port and capital flags, log10 population, and the organizations each place belongs to.
Evaluation builds one for the training graph from an edge list (``with_edges``), with the
same vertices and attributes, so a hidden tie leaves no trace in any feature.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from citydip.analysis.geography import EARTH_RADIUS_KM

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class GraphArrays:
    """Adjacency and vertex attributes of one graph (all arrays indexed by vertex)."""

    ids: list[str]
    labels: list[str]
    edges: Ints  # (m, 2), each tie once
    indptr: Ints
    indices: Ints
    degree: Floats
    lat: Floats  # radians, NaN when unknown
    lon: Floats
    country: Ints  # index into ``countries``, -1 when unknown
    continent: Ints
    countries: list[str]
    continents: list[str]
    port: Bools
    capital: Bools
    log_population: Floats  # NaN when unknown
    memberships: list[frozenset[str]] = field(default_factory=list)
    start: list[int | None] = field(default_factory=list)  # per edge, the start year

    @property
    def n(self) -> int:
        return len(self.ids)

    def neighbours(self, v: int) -> Ints:
        return self.indices[self.indptr[v] : self.indptr[v + 1]]

    def with_edges(self, edges: Ints, start: list[int | None] | None = None) -> GraphArrays:
        """The same places with only ``edges`` as ties (a training graph)."""
        indptr, indices, degree = _csr(self.n, edges)
        return replace(
            self,
            edges=edges,
            indptr=indptr,
            indices=indices,
            degree=degree,
            start=start if start is not None else [None] * len(edges),
        )

    def distances_km(self, v: int, targets: Ints | None = None) -> Floats:
        """Great-circle kilometres from ``v`` to each of ``targets`` (default: every vertex;
        NaN where unknown), from the chord between unit vectors."""
        points = self.unit_vectors if targets is None else self.unit_vectors[targets]
        chord = np.sqrt(((points - self.unit_vectors[v]) ** 2).sum(axis=1))
        return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2, 0, 1)))

    @cached_property
    def unit_vectors(self) -> Floats:
        cos_lat = np.cos(self.lat)
        return np.column_stack(
            [cos_lat * np.cos(self.lon), cos_lat * np.sin(self.lon), np.sin(self.lat)]
        )

    def pair_distances_km(self, a: Ints, b: Ints) -> Floats:
        dlat = self.lat[b] - self.lat[a]
        dlon = self.lon[b] - self.lon[a]
        h = (
            np.sin(dlat / 2) ** 2
            + np.cos(self.lat[a]) * np.cos(self.lat[b]) * np.sin(dlon / 2) ** 2
        )
        return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))))


def _csr(n: int, edges: Ints) -> tuple[Ints, Ints, Floats]:
    if len(edges):
        both = np.concatenate([edges, edges[:, ::-1]])
    else:
        both = np.zeros((0, 2), dtype=np.int64)
    order = np.lexsort((both[:, 1], both[:, 0]))
    both = both[order]
    counts = np.bincount(both[:, 0], minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr, both[:, 1].astype(np.int64), counts.astype(np.float64)


def _codes(values: list[str]) -> tuple[Ints, list[str]]:
    names = sorted({v for v in values if v})
    index = {v: i for i, v in enumerate(names)}
    return np.array([index.get(v, -1) for v in values], dtype=np.int64), names


def arrays_from_graph(
    graph: Any, memberships: dict[str, frozenset[str]] | None = None
) -> GraphArrays:
    """The arrays of an igraph graph built by ``analysis.network.graph`` (its vertex and
    edge attributes); ``memberships`` maps entity ids to the organizations they belong to."""
    n = graph.vcount()
    edges = np.array(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    indptr, indices, degree = _csr(n, edges)
    ids = list(graph.vs["id"]) if n else []

    def floats(name: str, radians: bool = False) -> Floats:
        values = [np.nan if x is None else float(x) for x in (graph.vs[name] if n else [])]
        out = np.array(values, dtype=np.float64)
        return np.radians(out) if radians else out

    population = floats("population")
    with np.errstate(divide="ignore", invalid="ignore"):
        log_population = np.where(population > 0, np.log10(population), np.nan)
    country, countries = _codes(list(graph.vs["country"]) if n else [])
    continent, continents = _codes(list(graph.vs["continent"]) if n else [])
    members = memberships or {}
    return GraphArrays(
        ids=ids,
        labels=list(graph.vs["label"]) if n else [],
        edges=edges,
        indptr=indptr,
        indices=indices,
        degree=degree,
        lat=floats("lat", radians=True),
        lon=floats("lon", radians=True),
        country=country,
        continent=continent,
        countries=countries,
        continents=continents,
        port=np.array([bool(x) for x in (graph.vs["port"] if n else [])], dtype=np.bool_),
        capital=np.array([bool(x) for x in (graph.vs["capital"] if n else [])], dtype=np.bool_),
        log_population=log_population,
        memberships=[members.get(i, frozenset()) for i in ids],
        start=list(graph.es["start"]) if graph.ecount() else [],
    )


def arrays_to_bytes(a: GraphArrays, kinds: list[str], extra: dict[str, Any]) -> bytes:
    """The arrays, each tie's kind and a JSON-ready ``extra`` as one uncompressed .npz."""
    import io
    import json

    text = json.dumps(
        {
            "ids": a.ids,
            "labels": a.labels,
            "countries": a.countries,
            "continents": a.continents,
            "memberships": [sorted(m) for m in a.memberships],
            "kinds": kinds,
            "extra": extra,
        },
        ensure_ascii=False,
    )
    out = io.BytesIO()
    np.savez(
        out,
        text=np.frombuffer(text.encode(), dtype=np.uint8),
        edges=a.edges,
        lat=a.lat,
        lon=a.lon,
        country=a.country,
        continent=a.continent,
        port=a.port,
        capital=a.capital,
        log_population=a.log_population,
        start=np.array([-1 if y is None else y for y in a.start], dtype=np.int64),
    )
    return out.getvalue()


def arrays_from_bytes(raw: bytes) -> tuple[GraphArrays, list[str], dict[str, Any]]:
    """What ``arrays_to_bytes`` wrote (ValueError, KeyError or OSError when damaged)."""
    import io
    import json

    data = np.load(io.BytesIO(raw), allow_pickle=False)
    meta = json.loads(bytes(data["text"]).decode())
    edges = data["edges"].astype(np.int64).reshape(-1, 2)
    n = len(meta["ids"])
    indptr, indices, degree = _csr(n, edges)
    arrays = GraphArrays(
        ids=meta["ids"],
        labels=meta["labels"],
        edges=edges,
        indptr=indptr,
        indices=indices,
        degree=degree,
        lat=data["lat"],
        lon=data["lon"],
        country=data["country"],
        continent=data["continent"],
        countries=meta["countries"],
        continents=meta["continents"],
        port=data["port"],
        capital=data["capital"],
        log_population=data["log_population"],
        memberships=[frozenset(m) for m in meta["memberships"]],
        start=[None if y < 0 else int(y) for y in data["start"].tolist()],
    )
    return arrays, list(meta["kinds"]), dict(meta["extra"])
