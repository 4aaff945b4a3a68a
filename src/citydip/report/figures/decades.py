"""Agreements per decade as a bar chart, one bar per city (series) in each decade."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from citydip.report.figures.style import esc, figure_id, legend_row, num, series_colour, svg_open


@dataclass(frozen=True)
class DecadeSeries:
    """One city's agreement start years."""

    label: str
    years: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def decade_counts(years: Sequence[int]) -> Counter[int]:
    return Counter((y // 10) * 10 for y in years)


def decade_chart(
    series: Sequence[DecadeSeries],
    *,
    title: str = "Agreements per decade",
    width: float = 720.0,
    height: float = 220.0,
) -> str:
    """An SVG grouped bar chart: decades on x, the number of agreements started on y."""
    counts = [decade_counts(s.years) for s in series]
    decades = sorted({d for c in counts for d in c})
    fid = figure_id("decades", tuple(series), width, height)
    desc = "; ".join(
        f"{s.label}: " + (", ".join(f"{d}s {n}" for d, n in sorted(c.items())) or "none")
        for s, c in zip(series, counts, strict=True)
    )
    if not decades:
        return (
            svg_open(width, 30.0, fid, title, "No dated agreements.")
            + f'<text x="6" y="18" font-size="11">{esc("No dated agreements.")}</text></svg>'
        )
    decades = list(range(decades[0], decades[-1] + 10, 10))
    top = max(n for c in counts for n in c.values())
    left, bottom, right, head = 30.0, 40.0, 8.0, 10.0
    plot_w, plot_h = width - left - right, height - bottom - head
    group_w = plot_w / len(decades)
    bar_w = min(28.0, group_w * 0.8 / max(1, len(series)))
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if top / s <= 6)
    parts = [svg_open(width, height, fid, title, desc), '<g class="axis" font-size="8">']
    for value in range(0, top + step, step):
        y = head + plot_h - value / max(top, 1) * plot_h
        if y < head - 0.5:
            break
        parts.append(
            f'<line x1="{num(left)}" y1="{num(y)}" x2="{num(width - right)}" y2="{num(y)}" '
            f'stroke="#dddddd" stroke-width="0.5"/>'
            f'<text x="{num(left - 4)}" y="{num(y + 3)}" text-anchor="end">{value}</text>'
        )
    parts.append('</g><g class="bars">')
    for gi, decade in enumerate(decades):
        gx = left + gi * group_w + (group_w - bar_w * len(series)) / 2
        for si, (s, c) in enumerate(zip(series, counts, strict=True)):
            n = c.get(decade, 0)
            h = n / top * plot_h
            parts.append(
                f'<rect x="{num(gx + si * bar_w)}" y="{num(head + plot_h - h)}" '
                f'width="{num(bar_w - 1)}" height="{num(h)}" fill="{series_colour(si)}">'
                f"<title>{esc(f'{s.label}, {decade}s: {n}')}</title></rect>"
            )
        parts.append(
            f'<text x="{num(left + gi * group_w + group_w / 2)}" y="{num(head + plot_h + 11)}" '
            f'font-size="8" text-anchor="middle">{decade}s</text>'
        )
    items = [(s.label, series_colour(i)) for i, s in enumerate(series)]
    parts.append("</g>" + legend_row(left, height - 8.0, items) + "</svg>")
    return "".join(parts)
