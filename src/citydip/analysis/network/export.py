"""The graph for the tools analysts use: GraphML and GEXF (Gephi, R, networkx), GeoJSON of
ties as great-circle lines (QGIS, web maps), CSV node and edge lists (R, pandas, Excel).

Every format carries the same attributes (graph.py): nodes by entity id with label,
country, continent, coordinates, population, port, capital, level (and ``community``
when communities were computed); ties with kind, status, start year, sources and ties.
Missing values are left out (GraphML, GEXF) or empty (CSV), never written as 0 or false.

GeoJSON lines follow the great circle, one point per ~``KM_PER_POINT`` km, and are split
into a MultiLineString where they cross the antimeridian (RFC 7946, 3.1.9).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree as ET

from citydip.analysis.geography import great_circle_km, great_circle_path
from citydip.analysis.network.graph import Network
from citydip.csvfile import CsvWriter
from citydip.errors import InvalidInput
from citydip.progress import Progress, Steps, chosen
from citydip.vocabulary import EXPORT_FORMATS

NODE_FIELDS: tuple[str, ...] = ("id", "label", "country", "continent", "lat", "lon")
NODE_FIELDS += ("population", "port", "capital", "level")
EDGE_FIELDS = ("kind", "status", "start", "sources", "ties")
KM_PER_POINT = 100.0
MAX_POINTS = 128


NAMES = {"graphml": "GraphML", "gexf": "GEXF", "geojson": "GeoJSON", "csv": "CSV"}
TIES_PER_REPORT = 1000


def export(
    network: Network, fmt: str, path: Path, *, progress: Progress | None = None
) -> list[Path]:
    """Write the graph as ``fmt`` to ``path`` (a folder for csv); returns the files written.
    ``progress`` is told the writing as a step (GeoJSON: first the ties drawn, counted)."""
    writers = {"graphml": write_graphml, "gexf": write_gexf}
    if fmt not in writers and fmt not in ("csv", "geojson"):
        raise InvalidInput(f"export format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "geojson":
        write_geojson(network, path, progress=progress)
        return [path]
    step = Steps(progress)
    step(f"Writing {NAMES[fmt]}")
    written = write_csv(network, path) if fmt == "csv" else [path]
    if fmt != "csv":
        writers[fmt](network, path)
    step.finish()
    return written


@contextmanager
def _open(path: Path) -> Iterator[IO[str]]:
    """Written to a temporary file and renamed: never a truncated file, never through a
    symlink onto its target; ``-`` is standard output."""
    from citydip.files import OutputError, atomic_output, os_problem

    if str(path) != "-":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({os_problem(exc)})") from exc
    with atomic_output(path) as handle:
        yield handle


def _node_fields(network: Network) -> tuple[str, ...]:
    extra = ("community",) if "community" in network.graph.vs.attributes() else ()
    return NODE_FIELDS + extra


def write_graphml(network: Network, path: Path) -> None:
    """GraphML through igraph; attributes with no value at all are left out."""
    g = network.graph.copy()
    for seq in (g.vs, g.es):
        for name in seq.attributes():
            if all(value is None for value in seq[name]):
                del seq[name]
    for seq in (g.vs, g.es):
        for name in seq.attributes():
            values = seq[name]
            if any(isinstance(v, str) for v in values):
                seq[name] = [xml_text(v) if isinstance(v, str) else v for v in values]
    import tempfile

    import igraph

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "graph.graphml"
        try:
            g.write_graphml(str(scratch))
        except (OSError, igraph.InternalError) as exc:
            raise InvalidInput(f"{path}: cannot write ({exc})") from exc
        with _open(path) as handle, scratch.open(encoding="utf-8") as text:
            for chunk in iter(lambda: text.read(1 << 20), ""):
                handle.write(chunk)


def xml_text(value: str) -> str:
    """Text XML 1.0 can hold: control characters (but tab and newline), lone surrogates
    and the non-characters U+FFFE and U+FFFF removed."""
    from citydip.text import clean_text

    return clean_text(value).replace("\ufffe", "").replace("\uffff", "")


def _gexf_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "double"
    return "string"


def _gexf_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_text(str(value))


def write_gexf(network: Network, path: Path) -> None:
    """GEXF 1.3 (Gephi's own format), written directly: no extra dependency."""
    g = network.graph
    root = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "citydip"
    ET.SubElement(meta, "description").text = xml_text(
        f"Twinning ties ({network.filters.describe()})"
    )
    graph = ET.SubElement(root, "graph", defaultedgetype="undirected", mode="static")
    node_fields = [f for f in _node_fields(network) if f not in ("id", "label")]
    for cls, seq, fields in (("node", g.vs, node_fields), ("edge", g.es, list(EDGE_FIELDS))):
        attrs = ET.SubElement(graph, "attributes", {"class": cls})
        for i, name in enumerate(fields):
            ET.SubElement(attrs, "attribute", id=str(i), title=name, type=_gexf_type(seq[name]))
    nodes = ET.SubElement(graph, "nodes")
    for v in g.vs:
        node = ET.SubElement(nodes, "node", id=xml_text(v["id"]), label=xml_text(v["label"]))
        _attvalues(node, [v[f] for f in node_fields])
    edges = ET.SubElement(graph, "edges")
    ids = g.vs["id"]
    for e in g.es:
        edge = ET.SubElement(edges, "edge", id=str(e.index), source=xml_text(ids[e.source]))
        edge.set("target", xml_text(ids[e.target]))
        _attvalues(edge, [e[f] for f in EDGE_FIELDS])
    ET.indent(root)
    with _open(path) as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        handle.write(ET.tostring(root, encoding="unicode"))
        handle.write("\n")


def _attvalues(element: ET.Element, values: list[Any]) -> None:
    present = [(i, v) for i, v in enumerate(values) if v is not None and v != ""]
    if present:
        box = ET.SubElement(element, "attvalues")
        for i, value in present:
            ET.SubElement(box, "attvalue", {"for": str(i), "value": _gexf_value(value)})


def great_circle_points(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> list[tuple[float, float]]:
    """(lon, lat) points along the great circle from the first place to the second, about
    one every ``KM_PER_POINT`` km."""
    distance = great_circle_km(lat1, lon1, lat2, lon2)
    steps = max(1, min(MAX_POINTS, math.ceil(distance / KM_PER_POINT)))
    return great_circle_path(lat1, lon1, lat2, lon2, steps)


def split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Pieces of a line that never jump across longitude ±180 (crossings interpolated)."""
    pieces = [[points[0]]]
    for (lon1, lat1), (lon2, lat2) in pairwise(points):
        if abs(lon2 - lon1) > 180:
            edge = 180.0 if lon1 > 0 else -180.0
            shifted = lon2 + 360 if lon1 > 0 else lon2 - 360
            t = (edge - lon1) / (shifted - lon1)
            lat = lat1 + t * (lat2 - lat1)
            pieces[-1].append((edge, lat))
            pieces.append([(-edge, lat)])
        pieces[-1].append((lon2, lat2))
    return pieces


def tie_features(network: Network, progress: Progress | None = None) -> list[dict[str, Any]]:
    """One GeoJSON Feature per tie whose two places have coordinates (``progress`` told
    the ties drawn, every ``TIES_PER_REPORT``)."""
    g = network.graph
    vs = g.vs
    features = []
    report, total = chosen(progress), g.ecount()
    for e in g.es:
        if e.index % TIES_PER_REPORT == 0:
            report("Drawing ties", e.index, total)
        a, b = vs[e.source], vs[e.target]
        if None in (a["lat"], a["lon"], b["lat"], b["lon"]):
            continue
        pieces = split_at_antimeridian(great_circle_points(a["lat"], a["lon"], b["lat"], b["lon"]))
        coords = [[[round(x, 5), round(y, 5)] for x, y in piece] for piece in pieces]
        geometry = (
            {"type": "LineString", "coordinates": coords[0]}
            if len(coords) == 1
            else {"type": "MultiLineString", "coordinates": coords}
        )
        properties = {
            "source": a["id"],
            "source_label": a["label"],
            "target": b["id"],
            "target_label": b["label"],
            **{f: e[f] for f in EDGE_FIELDS},
            "distance_km": round(great_circle_km(a["lat"], a["lon"], b["lat"], b["lon"]), 1),
        }
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    report("Drawing ties", total, total)
    return features


def place_features(network: Network) -> list[dict[str, Any]]:
    """One GeoJSON Point Feature per place with coordinates, with its attributes and degree."""
    g = network.graph
    degrees = g.degree()
    fields = [f for f in _node_fields(network) if f not in ("lat", "lon")]
    features = []
    for v in g.vs:
        if v["lat"] is None or v["lon"] is None:
            continue
        properties = {"feature": "place", **{f: v[f] for f in fields}, "degree": degrees[v.index]}
        geometry = {"type": "Point", "coordinates": [round(v["lon"], 5), round(v["lat"], 5)]}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return features


def write_geojson(network: Network, path: Path, *, progress: Progress | None = None) -> None:
    """Ties as lines and places as points in one FeatureCollection (``feature``: tie/place)."""
    lines = [
        f | {"properties": {"feature": "tie", **f["properties"]}}
        for f in tie_features(network, progress)
    ]
    collection = {"type": "FeatureCollection", "features": lines + place_features(network)}
    step = Steps(progress)
    step("Writing GeoJSON")
    with _open(path) as handle:
        json.dump(collection, handle, ensure_ascii=False)
        handle.write("\n")
    step.finish()


def write_csv(network: Network, folder: Path) -> list[Path]:
    """``nodes.csv`` (with degree) and ``edges.csv`` (source and target entity ids)."""
    g = network.graph
    fields = _node_fields(network)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    degrees = g.degree()
    with _open(nodes) as handle:
        writer = CsvWriter(handle)
        writer.row([*fields, "degree"])
        for v in g.vs:
            writer.row([_cell(v[f]) for f in fields] + [degrees[v.index]])
    ids, labels = g.vs["id"], g.vs["label"]
    with _open(edges) as handle:
        writer = CsvWriter(handle)
        writer.row(["source", "target", "source_label", "target_label", *EDGE_FIELDS])
        for e in g.es:
            row = [ids[e.source], ids[e.target], labels[e.source], labels[e.target]]
            writer.row(row + [_cell(e[f]) for f in EDGE_FIELDS])
    return [nodes, edges]


def _cell(value: Any) -> Any:
    """A graph attribute as a cell (the writer makes text formula-safe)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
