"""A world map of an organisation's members: one dot per placed member, labelled when few."""

from __future__ import annotations

from collections.abc import Sequence

from citydip.report.figures.basemap import Projection, land_paths
from citydip.report.figures.records import MapPlace
from citydip.report.figures.style import esc, figure_id, num, svg_open

LABEL_LIMIT = 25  # members are labelled up to this many; beyond, each dot keeps its title
DOT = "#b5402a"


def members_map(title: str, members: Sequence[MapPlace], width: float = 960.0) -> str:
    """The members on a world map centred on Greenwich ('' when none has coordinates)."""
    if not members:
        return ""
    height = width * (84.0 + 60.0) / 360.0
    proj = Projection(centre=0.0, width=width, height=height)
    fid = figure_id("members", title, len(members), width)
    countries = len({m.country for m in members if m.country})
    desc = f"{len(members):,} members of {title} in {countries:,} countries."
    parts = [
        svg_open(width, height, fid, f"Members of {title}", desc),
        f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" fill="#eef4f8"/>',
        '<g class="land" fill="#d9d9d0" stroke="#ffffff" stroke-width="0.4">',
    ]
    parts += [f'<path d="{path}"/>' for _, path in land_paths(proj) if path]
    parts.append(f'</g><g class="members" fill="{DOT}" stroke="#ffffff" stroke-width="0.6">')
    labels = []
    for member in members:
        x, y = proj.x(proj.relative(member.lon)), proj.y(member.lat)
        where = f", {member.country}" if member.country else ""
        parts.append(
            f'<circle cx="{num(x)}" cy="{num(y)}" r="3.2">'
            f"<title>{esc(member.name)}{esc(where)}</title></circle>"
        )
        if len(members) <= LABEL_LIMIT:
            labels.append(
                f'<text x="{num(x + 4)}" y="{num(y + 3)}" font-size="8">{esc(member.name)}</text>'
            )
    parts.append("</g>")
    if labels:
        parts.append('<g class="labels" fill="#333333">' + "".join(labels) + "</g>")
    parts.append("</svg>")
    return "".join(parts)
