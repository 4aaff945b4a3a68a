"""The pages' figures as inline SVG: the report's renderers fed from API records, plus the
three only the web shows (the map of places, each a link to its page; the map of every tie;
the degree distribution).

One renderer, two faces: a city's map and timeline are ``citydip.report.figures``.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from citydip.api.records import Hub, NetworkOverview
from citydip.report.figures import (
    KIND_COLOURS,
    MapPlace,
    MapTie,
    TimelineEntry,
    kind_colour,
    timeline,
    world_map,
)
from citydip.report.figures.basemap import Projection, land_paths
from citydip.report.figures.style import FONT, esc, figure_id, legend_row, num, svg_open
from citydip.report.figures.worldmap import Box, label_spot
from citydip.report.templating import city_url

LABELLED = 30  # the best-tied places named on the map of places; the rest have titles


def _year(value: Any) -> int | None:
    text = str(value or "")[:4]
    return int(text) if text.isdigit() else None


def _place(entity: dict[str, Any]) -> MapPlace | None:
    if entity.get("lat") is None or entity.get("lon") is None:
        return None
    return MapPlace(entity["name"], entity["lat"], entity["lon"], entity.get("country"))


def city_map(profile: dict[str, Any], width: float = 720.0) -> str:
    """The city's ties as great-circle lines coloured by kind (``report.figures.world_map``)."""
    city = _place(profile["city"])
    if city is None:
        return ""
    ties = []
    for tie in profile["ties"]:
        partner = _place(tie["partner"])
        if partner is not None:
            ties.append(MapTie(partner, tie["kind"], _year(tie["start"]), tie["status"]))
    return world_map(city, ties, width=width)


def city_timeline(profile: dict[str, Any]) -> str:
    """The city's dated agreements, start to end (``report.figures.timeline``)."""
    entries = []
    for tie in profile["ties"]:
        start = _year(tie["start"])
        if start is not None:
            end = _year(tie.get("end"))
            entries.append(
                TimelineEntry(tie["partner"]["name"], tie["kind"], start, end, tie["status"])
            )
    return timeline(entries, title=f"Agreements of {profile['city']['name']} over time")


def places_map(hubs: list[Hub], width: float = 960.0) -> str:
    """The best-tied places as dots sized by their number of partners, each dot (and the
    names of the first ``LABELLED``) a link to the place's page. Not an image: a group of
    links, each dot's named by its ``<title>`` (a name's link repeats its dot's, so it is
    left out of the tab order and the accessibility tree)."""
    height = width * (84.0 + 60.0) / 360.0
    proj = Projection(centre=0.0, width=width, height=height)
    fid = figure_id("places", tuple((h.id, h.partners) for h in hubs), width)
    top = max((h.partners for h in hubs), default=1)
    desc = (
        f"The {len(hubs):,} places with the most partners, from {hubs[0].name} "
        f"({hubs[0].partners:,}) to {hubs[-1].name} ({hubs[-1].partners:,}); each links to "
        "its page."
        if hubs
        else "No place with ties has coordinates."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" role="group" '
        f'aria-labelledby="{fid}-t" aria-describedby="{fid}-d" font-family="{esc(FONT)}">'
        f'<title id="{fid}-t">Places with the most partners</title>'
        f'<desc id="{fid}-d">{esc(desc)}</desc>',
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#eef4f8"/>',
        '<g class="land" fill="#d9d9d0" stroke="#ffffff" stroke-width="0.4" aria-hidden="true">',
    ]
    parts += [f'<path d="{path}"/>' for _, path in land_paths(proj) if path]
    parts.append('</g><g class="places" fill="#0072B2" fill-opacity="0.75" stroke="#ffffff">')
    spots: list[tuple[Hub, float, float]] = []
    for hub in hubs:  # most partners first: the small dots are drawn over the large
        x, y = proj.x(hub.lon), proj.y(hub.lat)
        r = 1.5 + 6.5 * math.sqrt(hub.partners / top)
        name = (
            f"{hub.name} ({hub.country}): {hub.partners:,} partners"
            if hub.country
            else f"{hub.name}: {hub.partners:,} partners"
        )
        parts.append(
            f'<a href="{esc(city_url(hub.id))}"><title>{esc(name)}</title>'
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/></a>'
        )
        spots.append((hub, x, y))
    parts.append('</g><g class="labels" font-size="9" fill="#222222">')
    placed: list[Box] = []
    for hub, x, y in spots[:LABELLED]:
        spot = label_spot(x, y, hub.name, width, placed, size=9.0)
        if spot is not None:
            tx, anchor = spot
            parts.append(
                f'<a href="{esc(city_url(hub.id))}" tabindex="-1" aria-hidden="true">'
                f'<text x="{num(tx)}" y="{num(y + 3)}" text-anchor="{anchor}">'
                f"{esc(hub.name)}</text></a>"
            )
    parts.append("</g></svg>")
    return "".join(parts)


def all_ties_map(overview: NetworkOverview, width: float = 960.0) -> str:
    """Every mapped tie of the store as a thin line on one world map centred on Greenwich."""
    height = width * (84.0 + 60.0) / 360.0
    proj = Projection(centre=0.0, width=width, height=height)
    fid = figure_id("all-ties", overview.ties, len(overview.lines), width)
    kinds = Counter(line.kind for line in overview.lines)
    desc = (
        f"{len(overview.lines):,} ties between {overview.places:,} places "
        f"({', '.join(f'{n:,} {k}' for k, n in kinds.most_common())})."
    )
    opacity = 0.7 if len(overview.lines) < 500 else (0.35 if len(overview.lines) < 5000 else 0.15)
    parts = [
        svg_open(width, height + 26.0, fid, "Every tie in the store", desc),
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#eef4f8"/>',
        '<g class="land" fill="#d9d9d0" stroke="#ffffff" stroke-width="0.4">',
    ]
    parts += [f'<path d="{path}"/>' for _, path in land_paths(proj) if path]
    parts.append(f'</g><g class="ties" fill="none" stroke-width="0.7" stroke-opacity="{opacity}">')
    by_kind: dict[str, list[str]] = {}
    for line in overview.lines:
        x1, y1 = proj.x(line.a_lon), proj.y(line.a_lat)
        x2, y2 = proj.x(line.b_lon), proj.y(line.b_lat)
        lift = min(60.0, math.hypot(x2 - x1, y2 - y1) / 4)  # a gentle arc, not a straight cut
        cx, cy = (x1 + x2) / 2, (y1 + y2) / 2 - lift
        by_kind.setdefault(line.kind, []).append(
            f"M{num(x1)},{num(y1)}Q{num(cx)},{num(cy)} {num(x2)},{num(y2)}"
        )
    for kind, paths in by_kind.items():
        parts.append(f'<path stroke="{kind_colour(kind)}" d="{"".join(paths)}"/>')
    order = [k for k in KIND_COLOURS if k in kinds] + sorted(set(kinds) - set(KIND_COLOURS))
    parts.append("</g>")
    if order:
        parts.append(legend_row(6.0, height + 17.0, [(k, kind_colour(k)) for k in order]))
    parts.append("</svg>")
    return "".join(parts)


def degree_bins(counts: dict[int, int]) -> list[tuple[str, int]]:
    """Places per degree range: 1, 2, 3–4, 5–8, 9–16… (doubling, so a long tail stays legible)."""
    if not counts:
        return []
    out: list[tuple[str, int]] = []
    low, high = 1, 1
    top = max(counts)
    while low <= top:
        n = sum(v for k, v in counts.items() if low <= k <= high)
        out.append((str(low) if low == high else f"{low}–{high}", n))
        low, high = high + 1, high * 2
    return out


def degree_chart(counts: dict[int, int], width: float = 720.0, height: float = 240.0) -> str:
    """A bar chart: how many places have each number of partners (binned by doubling)."""
    bins = degree_bins(counts)
    fid = figure_id("degrees", tuple(sorted(counts.items())), width)
    desc = "; ".join(f"{label} partners: {n} places" for label, n in bins) or "No ties."
    title = "Degree distribution: places by number of partners"
    if not bins:
        return svg_open(width, 30.0, fid, title, desc) + "</svg>"
    left, bottom, head = 48.0, 40.0, 12.0
    plot_w, plot_h = width - left - 8.0, height - bottom - head
    top = max(n for _, n in bins)
    step = plot_w / len(bins)
    parts = [svg_open(width, height, fid, title, desc), '<g class="bars" fill="#0072B2">']
    for i, (label, n) in enumerate(bins):
        h = 0.0 if top == 0 else plot_h * math.log1p(n) / math.log1p(top)
        x = left + i * step + step * 0.1
        y = head + plot_h - h
        parts.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(step * 0.8)}" height="{num(h)}">'
            f"<title>{esc(f'{label} partners: {n:,} places')}</title></rect>"
            f'<text x="{num(x + step * 0.4)}" y="{num(y - 3)}" font-size="9" '
            f'text-anchor="middle" fill="#222222">{n:,}</text>'
            f'<text x="{num(x + step * 0.4)}" y="{num(head + plot_h + 14)}" font-size="9" '
            f'text-anchor="middle" fill="#222222">{esc(label)}</text>'
        )
    parts.append(
        f'</g><line x1="{num(left)}" y1="{num(head + plot_h)}" x2="{num(width - 8)}" '
        f'y2="{num(head + plot_h)}" stroke="#555555"/>'
        f'<text x="{num(left + plot_w / 2)}" y="{num(height - 6)}" font-size="10" '
        f'text-anchor="middle">partners (degree)</text>'
        f'<text x="12" y="{num(head + plot_h / 2)}" font-size="10" text-anchor="middle" '
        f'transform="rotate(-90 12 {num(head + plot_h / 2)})">places (log scale)</text></svg>'
    )
    return "".join(parts)


def members_map(organization: dict[str, Any], width: float = 960.0) -> str:
    """An organisation's placed members as dots (``report.figures.members``)."""
    from citydip.report.figures.members import members_map as draw

    places = [p for p in (_place(m["member"]) for m in organization["members"]) if p]
    name = organization["organization"]
    return draw(name.get("acronym") or name["name"], places, width=width)
