"""A world map of one city's ties: great-circle lines to every partner, coloured by kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from citydip.analysis.geography import great_circle_path
from citydip.report.figures.basemap import Projection, land_paths
from citydip.report.figures.records import MapPlace, MapTie
from citydip.report.figures.style import (
    ENDED,
    KIND_COLOURS,
    esc,
    figure_id,
    kind_colour,
    legend_row,
    num,
    svg_open,
)
from citydip.text import plural

LABEL_LIMIT = 30  # partners are labelled on the map up to this many; beyond, titles only
ARC_STEPS = 48


def great_circle(a: MapPlace, b: MapPlace, steps: int = ARC_STEPS) -> list[tuple[float, float]]:
    """Points (lon, lat) along the shorter great circle from ``a`` to ``b``."""
    return great_circle_path(a.lat, a.lon, b.lat, b.lon, steps)


def _line_path(points: list[tuple[float, float]], proj: Projection) -> str:
    """Path data; a new sub-path wherever the line leaves one edge and enters the other."""
    parts: list[str] = []
    prev: float | None = None
    for lon, lat in points:
        rel = proj.relative(lon)
        command = "M" if prev is None or abs(rel - prev) > 180.0 else "L"
        parts.append(f"{command}{num(proj.x(rel))},{num(proj.y(lat))}")
        prev = rel
    return "".join(parts)


Box = tuple[float, float, float, float]


def text_width(text: str, size: float) -> float:
    """An estimate of a label's width: CJK characters are about square, Latin narrower."""
    return sum(size if ord(ch) >= 0x2E80 else 0.56 * size for ch in text)


def label_spot(
    x: float, y: float, name: str, width: float, placed: list[Box], size: float = 7.0
) -> tuple[float, str] | None:
    """Where a dot's label of font ``size`` goes (right of its dot, else left) without
    overlapping the labels already placed; None when neither side is free (its dot keeps
    its title)."""
    w = text_width(name, size)
    for anchor, x0 in (("start", x + 4), ("end", x - 4 - w)):
        box = (x0, y - 4.5 * size / 7, x0 + w, y + 4.0 * size / 7)
        if box[0] < 0 or box[2] > width:
            continue
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
            placed.append(box)
            return (x + 4, anchor) if anchor == "start" else (x - 4, anchor)
    return None


def _describe(city: MapPlace, ties: Sequence[MapTie]) -> str:
    if not ties:
        return f"{city.name} has no mapped ties."
    kinds = Counter(t.kind for t in ties)
    listed = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    return (
        f"Lines from {city.name} to {plural(len(ties), 'partner')} ({listed}): "
        + "; ".join(t.partner.name for t in ties)
        + "."
    )


def world_map(
    city: MapPlace,
    ties: Sequence[MapTie],
    *,
    title: str | None = None,
    width: float = 720.0,
    label_limit: int = LABEL_LIMIT,
) -> str:
    """An SVG world map centred on ``city``'s meridian with a line to every partner.

    Lines follow great circles and are coloured by tie kind (ended or suspended ties
    dashed); partners are dots with a ``<title>`` each and, up to ``label_limit`` partners,
    a label where it does not overlap another.
    """
    map_h = width * (84.0 + 60.0) / 360.0
    legend_h = 26.0
    proj = Projection(centre=city.lon, width=width, height=map_h)
    caption = title or f"Ties of {city.name}"
    fid = figure_id("map", city, tuple(ties), width)
    parts = [
        svg_open(width, map_h + legend_h, fid, caption, _describe(city, ties)),
        f'<defs><clipPath id="{fid}-c"><rect x="0" y="0" width="{num(width)}" '
        f'height="{num(map_h)}"/></clipPath></defs>',
        f'<rect x="0" y="0" width="{num(width)}" height="{num(map_h)}" fill="#eef4f8"/>',
        f'<g clip-path="url(#{fid}-c)">',
        '<g class="land" fill="#d9d9d0" stroke="#ffffff" stroke-width="0.4">',
    ]
    for name, path in land_paths(proj):
        if path:
            parts.append(f'<path d="{path}"><title>{esc(name)}</title></path>')
    parts.append('</g><g class="ties" fill="none" stroke-width="1.2" stroke-opacity="0.85">')
    for tie in ties:
        dash = ' stroke-dasharray="4 3"' if tie.status in ENDED else ""
        when = f", {tie.start}" if tie.start else ""
        label = f"{city.name} – {tie.partner.name}: {tie.kind}{when}"
        if tie.status != "active":
            label += f" ({tie.status})"
        parts.append(
            f'<path d="{_line_path(great_circle(city, tie.partner), proj)}" '
            f'stroke="{kind_colour(tie.kind)}"{dash}><title>{esc(label)}</title></path>'
        )
    parts.append('</g><g class="partners">')
    labelled = len(ties) <= label_limit
    cx, cy = proj.x(0.0), proj.y(city.lat)
    placed = [(cx + 6, cy - 15, cx + 6 + text_width(city.name, 10), cy - 4)]
    for tie in ties:
        x, y = proj.x(proj.relative(tie.partner.lon)), proj.y(tie.partner.lat)
        parts.append(
            f'<circle cx="{num(x)}" cy="{num(y)}" r="2.6" fill="{kind_colour(tie.kind)}" '
            f'stroke="#ffffff" stroke-width="0.6"><title>{esc(tie.partner.name)}</title></circle>'
        )
        spot = label_spot(x, y, tie.partner.name, width, placed) if labelled else None
        if spot is not None:
            tx, anchor = spot
            parts.append(
                f'<text x="{num(tx)}" y="{num(y + 2.5)}" font-size="7" '
                f'text-anchor="{anchor}" fill="#333333">{esc(tie.partner.name)}</text>'
            )
    parts.append(
        f'</g><g class="city"><circle cx="{num(cx)}" cy="{num(cy)}" r="4.5" fill="#000000" '
        f'stroke="#ffffff" stroke-width="1"><title>{esc(city.name)}</title></circle>'
        f'<text x="{num(cx + 6)}" y="{num(cy - 6)}" font-size="10" font-weight="bold">'
        f"{esc(city.name)}</text></g></g>"
    )
    kinds = {t.kind for t in ties}
    ordered = [k for k in KIND_COLOURS if k in kinds] + sorted(kinds - set(KIND_COLOURS))
    ended = any(t.status in ENDED for t in ties)
    if ordered:
        items = [(k, kind_colour(k)) for k in ordered]
        dashed = "ended or suspended" if ended else None
        parts.append(legend_row(6.0, map_h + 17.0, items, dashed=dashed))
    parts.append("</svg>")
    return "".join(parts)
