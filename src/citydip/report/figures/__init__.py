"""Server-side SVG figures: a world map of one city's ties, a timeline, a decade chart.

Each figure is a pure function of plain typed records (no store access) returning one
``<svg>`` element as text, with ``<title>``/``<desc>`` for accessibility and every name
XML-escaped. The same figures serve the HTML report, the PDF and the web pages.
"""

from __future__ import annotations

from citydip.report.figures.decades import DecadeSeries, decade_chart
from citydip.report.figures.records import MapPlace, MapTie, TimelineEntry
from citydip.report.figures.style import KIND_COLOURS, kind_colour
from citydip.report.figures.timeline import timeline
from citydip.report.figures.worldmap import world_map

__all__ = [
    "KIND_COLOURS",
    "DecadeSeries",
    "MapPlace",
    "MapTie",
    "TimelineEntry",
    "decade_chart",
    "kind_colour",
    "timeline",
    "world_map",
]
