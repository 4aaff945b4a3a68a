"""A timeline of agreements: one bar per partner from the start year to the end (or now)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from citydip.report.figures.records import TimelineEntry
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

ROW = 13.0
LABEL_W = 150.0


def _ticks(first: int, last: int) -> list[int]:
    span = max(1, last - first)
    steps = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
    step = next((s for s in steps if span / s <= 10), 10 ** len(str(span)))  # ties of 836…
    start = (first // step) * step
    return [y for y in range(start, last + 1, step) if y >= first]


def timeline(
    entries: Sequence[TimelineEntry],
    *,
    title: str = "Agreements over time",
    until: int | None = None,
    width: float = 720.0,
) -> str:
    """An SVG timeline: rows sorted by start year, bars coloured by kind, open bars to ``until``.

    ``until`` is the year that agreements still in force run to (default: this year).
    """
    rows = sorted(entries, key=lambda e: (e.start, e.label))
    now = until if until is not None else datetime.date.today().year
    fid = figure_id("timeline", tuple(rows), now, width)
    if not rows:
        return (
            svg_open(width, 30.0, fid, title, "No dated agreements.")
            + f'<text x="6" y="18" font-size="11">{esc("No dated agreements.")}</text></svg>'
        )
    first = min(e.start for e in rows)
    last = max([now, *(e.end for e in rows if e.end is not None), *(e.start for e in rows)])
    axis_top = 16.0
    height = axis_top + ROW * len(rows) + 34.0
    plot_w = width - LABEL_W - 12.0

    def x(year: float) -> float:
        return LABEL_W + (year - first) / max(1, last + 1 - first) * plot_w

    desc = "; ".join(
        f"{e.label}: {e.kind} from {e.start}" + (f" to {e.end}" if e.end else "") for e in rows
    )
    parts = [svg_open(width, height, fid, title, desc), '<g class="axis" font-size="8">']
    for year in _ticks(first, last):
        parts.append(
            f'<line x1="{num(x(year))}" y1="{num(axis_top - 4)}" x2="{num(x(year))}" '
            f'y2="{num(axis_top + ROW * len(rows))}" stroke="#dddddd" stroke-width="0.5"/>'
            f'<text x="{num(x(year))}" y="{num(axis_top - 6)}" text-anchor="middle">{year}</text>'
        )
    parts.append('</g><g class="rows" font-size="8">')
    for i, entry in enumerate(rows):
        y = axis_top + i * ROW
        end = entry.end if entry.end is not None else now
        bar_w = max(2.0, x(end + 1) - x(entry.start))
        label = f"{entry.label}: {entry.kind}, {entry.start}–" + (
            str(entry.end) if entry.end is not None else ""
        )
        opacity = "0.45" if entry.status in ENDED or entry.end is not None else "1"
        parts.append(
            f'<text x="{num(LABEL_W - 4)}" y="{num(y + 9)}" text-anchor="end">'
            f"{esc(entry.label)}</text>"
            f'<rect x="{num(x(entry.start))}" y="{num(y + 2)}" width="{num(bar_w)}" '
            f'height="{num(ROW - 4)}" fill="{kind_colour(entry.kind)}" fill-opacity="{opacity}">'
            f"<title>{esc(label)}</title></rect>"
        )
    kinds = {e.kind for e in rows}
    items = [(k, kind_colour(k)) for k in KIND_COLOURS if k in kinds]
    items += [(k, kind_colour(k)) for k in sorted(kinds - set(KIND_COLOURS))]
    parts.append("</g>" + legend_row(6.0, height - 10.0, items) + "</svg>")
    return "".join(parts)
