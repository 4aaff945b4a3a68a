"""The briefing report as one self-contained HTML page (inline CSS and SVG, no external URL).

Two passes: the body is rendered first, numbering every source at its first citation; the
bibliography (citations.py, a CSL style) then lists them in that order. PDF: report/pdf.py.
"""

from __future__ import annotations

import datetime

from citydip.analysis.briefing import Briefing, BriefTie, CityBrief
from citydip.report.citations import DEFAULT_STYLE, Numbering, format_bibliography
from citydip.report.templating import country_name, environment, join_and

__all__ = ["city_map", "city_timeline", "country_name", "decades", "join_and", "render_html"]
from citydip.report.figures import (
    DecadeSeries,
    MapPlace,
    MapTie,
    TimelineEntry,
    decade_chart,
    timeline,
    world_map,
)

CONFLICT_LIMIT = 25  # conflicts listed per city; the rest are counted
TIMELINE_LIMIT = 60  # agreements drawn on a city's timeline (the earliest); the table has all


def city_map(city: CityBrief) -> str | None:
    """The city's world map, or None when the city or no partner has coordinates."""
    if city.lat is None or city.lon is None:
        return None
    ties = [
        MapTie(MapPlace(t.partner, t.lat, t.lon, t.country), t.kind, t.year, t.status)
        for t in city.ties
        if t.lat is not None and t.lon is not None
    ]
    if not ties:
        return None
    return world_map(MapPlace(city.name, city.lat, city.lon, city.country), ties)


def city_timeline(city: CityBrief, until: int) -> str | None:
    entries = sorted(
        (
            TimelineEntry(t.partner, t.kind, t.year, t.end_year, t.status)
            for t in city.ties
            if t.year is not None
        ),
        key=lambda e: (e.start, e.label),
    )[:TIMELINE_LIMIT]
    if not entries:
        return None
    return timeline(entries, title=f"Agreements of {city.name} over time", until=until)


def decades(cities: list[CityBrief]) -> str | None:
    series = [DecadeSeries(c.name, tuple(t.year for t in c.ties if t.year)) for c in cities]
    if not any(s.years for s in series):
        return None
    return decade_chart(series, title="Agreements per decade (by start year)")


def _undated(ties: list[BriefTie]) -> int:
    return sum(1 for t in ties if t.year is None)


def render_html(
    briefing: Briefing,
    *,
    style: str = DEFAULT_STYLE,
    today: datetime.date | None = None,
) -> str:
    """The whole report as one HTML document."""
    from markupsafe import Markup

    today = today or datetime.date.today()
    numbering = Numbering(briefing.sources)

    def cite(source_ids: list[str]) -> Markup:
        numbers = numbering.cite(source_ids)
        if not numbers:
            return Markup("")
        links = ",".join(f'<a href="#ref-{n}">{n}</a>' for n in numbers)
        return Markup(f'<sup class="cite">[{links}]</sup>')

    env = environment()
    names = [c.name for c in briefing.cities]
    body = env.get_template("briefing_body.html").render(
        b=briefing,
        names=names,
        cite=cite,
        maps={c.id: city_map(c) for c in briefing.cities},
        timelines={c.id: city_timeline(c, today.year) for c in briefing.cities},
        decades=decades(briefing.cities),
        undated={c.id: _undated(c.ties) for c in briefing.cities},
        beyond={
            c.id: max(0, len(c.ties) - _undated(c.ties) - TIMELINE_LIMIT) for c in briefing.cities
        },
        unmapped={
            c.id: sum(1 for t in c.ties if t.lat is None or t.lon is None) for c in briefing.cities
        },
        table=briefing.table.to_dict(),
        conflict_limit=CONFLICT_LIMIT,
        Markup=Markup,
    )
    references = format_bibliography(numbering.ordered, style)
    return env.get_template("briefing.html").render(
        title="City diplomacy briefing: " + join_and(names),
        names=names,
        body=Markup(body),
        references=references,
        style=style,
        today=today.isoformat(),
        css=Markup(env.get_template("briefing.css").render()),
    )
