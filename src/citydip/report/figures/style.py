"""Shared drawing helpers: escaping, colours per tie kind, number formatting, ids."""

from __future__ import annotations

import hashlib
import html
import re

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
KIND_COLOURS = {
    "sister": "#0072B2",
    "friendship": "#E69F00",
    "partner": "#009E73",
    "cooperation": "#CC79A7",
    "joint-statement": "#D55E00",
    "unspecified": "#7f7f7f",
}
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
FONT = "Liberation Sans, DejaVu Sans, Noto Sans CJK JP, Noto Sans CJK TC, sans-serif"

ENDED = ("ended", "suspended")  # statuses drawn as no longer in force

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: object) -> str:
    """Text safe inside XML/HTML element content and quoted attributes."""
    return html.escape(_XML_INVALID.sub("", str(text)), quote=True)


def kind_colour(kind: str) -> str:
    """The colour of a tie kind (grey for kinds outside the vocabulary)."""
    return KIND_COLOURS.get(kind, KIND_COLOURS["unspecified"])


def series_colour(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def num(value: float) -> str:
    """A coordinate with one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def figure_id(*parts: object) -> str:
    """A stable id prefix for a figure's internal references (unique per content)."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return "f" + digest[:10]


def svg_open(width: float, height: float, fid: str, title: str, desc: str) -> str:
    """The root element with its accessible title and description."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'width="{num(width)}" height="{num(height)}" role="img" '
        f'aria-labelledby="{fid}-t {fid}-d" font-family="{esc(FONT)}">'
        f'<title id="{fid}-t">{esc(title)}</title><desc id="{fid}-d">{esc(desc)}</desc>'
    )


def legend_row(
    x: float,
    y: float,
    items: list[tuple[str, str]],
    size: float = 10,
    dashed: str | None = None,
) -> str:
    """A horizontal legend of (label, colour) swatches from (x, y); ``dashed`` labels a
    dashed-line swatch at the end."""
    out = []
    for label, colour in items:
        out.append(
            f'<rect x="{num(x)}" y="{num(y - size + 2)}" width="{num(size)}" '
            f'height="{num(size - 2)}" fill="{colour}"/>'
            f'<text x="{num(x + size + 4)}" y="{num(y)}" font-size="{num(size)}">'
            f"{esc(label)}</text>"
        )
        x += size + 14 + 0.6 * size * len(label)
    if dashed:
        mid = y - size / 2 + 1
        out.append(
            f'<line x1="{num(x)}" y1="{num(mid)}" x2="{num(x + 2 * size)}" y2="{num(mid)}" '
            f'stroke="#555555" stroke-width="1.2" stroke-dasharray="4 3"/>'
            f'<text x="{num(x + 2 * size + 4)}" y="{num(y)}" font-size="{num(size)}">'
            f"{esc(dashed)}</text>"
        )
    return '<g class="legend">' + "".join(out) + "</g>"
