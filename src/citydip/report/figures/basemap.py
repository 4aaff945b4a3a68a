"""The base map: Natural Earth 1:110m countries (vendored TopoJSON) in an equirectangular
projection centred on a chosen meridian, as SVG path data.

The TopoJSON file ships in the package (``citydip/data/basemap``, see its NOTICE.md); it is
decoded once per process. Nothing is fetched at run time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from citydip.report.figures.style import num

Ring = list[tuple[float, float]]  # (lon, lat) in degrees

NORTH, SOUTH = 84.0, -60.0  # the latitudes shown; Antarctica is left out
ANTARCTICA = "010"


@dataclass(frozen=True)
class Country:
    """One country's polygons: a list of polygons, each a list of rings."""

    iso_numeric: str
    name: str
    polygons: list[list[Ring]]


@dataclass(frozen=True)
class Projection:
    """Equirectangular: longitude relative to ``centre`` → x, latitude → y."""

    centre: float
    width: float
    height: float
    top: float = 0.0

    def x(self, lon: float) -> float:
        """x of a longitude already made relative to the centre (−180…180, or beyond)."""
        return (lon + 180.0) / 360.0 * self.width

    def y(self, lat: float) -> float:
        lat = max(SOUTH, min(NORTH, lat))
        return self.top + (NORTH - lat) / (NORTH - SOUTH) * self.height

    def relative(self, lon: float) -> float:
        """A longitude relative to the centre, in −180…180."""
        return (lon - self.centre + 180.0) % 360.0 - 180.0


def _decode_arcs(topology: dict[str, object]) -> list[Ring]:
    transform = topology["transform"]
    assert isinstance(transform, dict)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = topology["arcs"]
    assert isinstance(arcs, list)
    decoded = []
    for arc in arcs:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arc_ids: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for i in arc_ids:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the vendored base map (decoded once)."""
    text = (
        resources.files("citydip")
        .joinpath("data/basemap/countries-110m.json")
        .read_text(encoding="utf-8")
    )
    topology = json.loads(text)
    arcs = _decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            parts = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            parts = geometry["arcs"]
        else:
            continue
        polygons = [[_ring(ring, arcs) for ring in polygon] for polygon in parts]
        name = geometry.get("properties", {}).get("name", "")
        out.append(Country(str(geometry.get("id", "")), name, polygons))
    return tuple(out)


def _unwrapped(ring: Ring, projection: Projection) -> list[tuple[float, float]]:
    """The ring's relative longitudes made continuous (no jump of more than 180°)."""
    out: list[tuple[float, float]] = []
    for lon, lat in ring:
        rel = projection.relative(lon)
        if out:
            prev = out[-1][0]
            while rel - prev > 180.0:
                rel -= 360.0
            while prev - rel > 180.0:
                rel += 360.0
        out.append((rel, lat))
    return out


def country_path(country: Country, projection: Projection) -> str:
    """SVG path data of a country; rings crossing the map's edge are drawn on both sides."""
    parts = []
    for polygon in country.polygons:
        for ring in polygon:
            points = _unwrapped(ring, projection)
            lo = min(p[0] for p in points)
            hi = max(p[0] for p in points)
            for shift in (-360.0, 0.0, 360.0):
                if hi + shift < -180.0 or lo + shift > 180.0:
                    continue
                coords = " ".join(
                    f"{num(projection.x(lon + shift))},{num(projection.y(lat))}"
                    for lon, lat in points
                )
                parts.append(f"M{coords}Z")
    return "".join(parts)


def land_paths(projection: Projection) -> list[tuple[str, str]]:
    """(country name, path data) of every country but Antarctica."""
    return [
        (c.name, country_path(c, projection)) for c in countries() if c.iso_numeric != ANTARCTICA
    ]
