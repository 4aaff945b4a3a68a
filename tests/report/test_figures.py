"""The SVG figures: well-formed, accessible, every name escaped, geometry where it belongs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from citydip.report.figures import (
    DecadeSeries,
    MapPlace,
    MapTie,
    TimelineEntry,
    decade_chart,
    kind_colour,
    timeline,
    world_map,
)
from citydip.report.figures.basemap import Projection, countries
from citydip.report.figures.worldmap import _line_path, great_circle

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(\"x\")</script> & '=cmd' \x01"
YOKOHAMA = MapPlace("Yokohama 横浜", 35.44, 139.64, "JP")


def _ties() -> list[MapTie]:
    return [
        MapTie(MapPlace("San Diego", 32.72, -117.16, "US"), "sister", 1957),
        MapTie(MapPlace("Lyon", 45.76, 4.84, "FR"), "sister", 1959, "ended"),
        MapTie(MapPlace("臺北", 25.05, 121.53, "TW"), "partner", 2006),
        MapTie(MapPlace(HOSTILE, -33.9, 18.4, "ZA"), "friendship", 1990),
    ]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_world_map_is_accessible_and_has_one_line_and_dot_per_partner() -> None:
    root = _parse(world_map(YOKOHAMA, _ties()))
    assert root.tag == SVG + "svg"
    assert root.find(SVG + "title") is not None
    assert root.find(SVG + "title").text == "Ties of Yokohama 横浜"  # type: ignore[union-attr]
    lines = root.findall(f".//{SVG}g[@class='ties']/{SVG}path")
    dots = root.findall(f".//{SVG}g[@class='partners']/{SVG}circle")
    assert len(lines) == len(dots) == 4
    assert [d.find(SVG + "title").text for d in dots][2] == "臺北"  # type: ignore[union-attr]
    colours = [line.get("stroke") for line in lines]
    assert colours == [kind_colour(k) for k in ("sister", "sister", "partner", "friendship")]
    assert [line.get("stroke-dasharray") for line in lines][:2] == [None, "4 3"]
    legend = " ".join(t.text or "" for t in root.iter(SVG + "text"))
    assert "sister" in legend and "friendship" in legend and "ended or suspended" in legend


def test_world_map_draws_the_vendored_countries() -> None:
    root = _parse(world_map(YOKOHAMA, _ties()))
    land = root.findall(f".//{SVG}g[@class='land']/{SVG}path")
    names = {p.find(SVG + "title").text for p in land}  # type: ignore[union-attr]
    assert len(land) > 150
    assert {"Japan", "Brazil", "France"} <= names
    assert "Antarctica" not in names


def test_hostile_names_are_escaped_in_every_figure() -> None:
    entries = [TimelineEntry(HOSTILE, "sister", 1990), TimelineEntry("Lyon", HOSTILE, 1959, 2001)]
    figures = [
        world_map(MapPlace(HOSTILE, 0.0, 0.0), _ties(), title=HOSTILE),
        timeline(entries, title=HOSTILE, until=2020),
        decade_chart([DecadeSeries(HOSTILE, (1990, 1991))], title=HOSTILE),
    ]
    for svg in figures:
        assert "<script" not in svg
        assert "\x01" not in svg
        root = _parse(svg)  # still well-formed XML
        texts = [el.text or "" for el in root.iter() if el.tag in (SVG + "text", SVG + "title")]
        assert any('<script>alert("x")</script>' in t for t in texts)
        assert not root.findall(f".//{SVG}script")


def test_great_circle_takes_the_short_way_over_the_pacific() -> None:
    a, b = MapPlace("Yokohama", 35.44, 139.64), MapPlace("San Diego", 32.72, -117.16)
    points = great_circle(a, b)
    assert points[0] == pytest.approx((139.64, 35.44), abs=1e-6)
    assert points[-1] == pytest.approx((-117.16, 32.72), abs=1e-6)
    assert max(lat for _, lat in points) > 45  # bows north, as a great circle does
    assert all(abs(lon) > 100 for lon, _ in points)  # never crosses Europe or Africa


def test_map_centred_on_the_city_keeps_its_lines_unbroken() -> None:
    svg = world_map(YOKOHAMA, _ties()[:1])
    line = _parse(svg).find(f".//{SVG}g[@class='ties']/{SVG}path")
    assert line is not None
    assert line.get("d", "").count("M") == 1
    # on a map centred on Greenwich the same line crosses the edge: two sub-paths
    proj = Projection(centre=0.0, width=720, height=288)
    d = _line_path(great_circle(YOKOHAMA, _ties()[0].partner), proj)
    assert d.count("M") == 2


def test_a_city_without_ties_gets_an_empty_but_valid_map() -> None:
    root = _parse(world_map(YOKOHAMA, []))
    assert not root.findall(f".//{SVG}g[@class='ties']/{SVG}path")
    assert "no mapped ties" in (root.find(SVG + "desc").text or "")  # type: ignore[union-attr]


def test_labels_give_way_to_titles_beyond_the_limit() -> None:
    many = [MapTie(MapPlace(f"P{i}", i % 60, i * 3.0), "sister") for i in range(40)]
    root = _parse(world_map(YOKOHAMA, many, label_limit=30))
    labels = root.findall(f".//{SVG}g[@class='partners']/{SVG}text")
    assert labels == []
    assert len(root.findall(f".//{SVG}g[@class='partners']/{SVG}circle")) == 40


def test_timeline_rows_are_sorted_and_span_their_years() -> None:
    entries = [
        TimelineEntry("B", "sister", 1990),
        TimelineEntry("A", "friendship", 1960, 1980, "ended"),
    ]
    root = _parse(timeline(entries, until=2020))
    bars = root.findall(f".//{SVG}g[@class='rows']/{SVG}rect")
    labels = [t.text for t in root.findall(f".//{SVG}g[@class='rows']/{SVG}text")]
    assert labels == ["A", "B"]
    widths = [float(b.get("width", "0")) for b in bars]
    assert widths[0] < widths[1]  # 1960–1980 is shorter than 1990–2020
    assert bars[0].get("fill") == kind_colour("friendship")
    ticks = [t.text for t in root.findall(f".//{SVG}g[@class='axis']/{SVG}text")]
    assert "1960" in ticks and "2020" in ticks


def test_a_tie_a_thousand_years_old_still_draws() -> None:
    entries = [TimelineEntry("Le Mans", "friendship", 836), TimelineEntry("B", "sister", 1990)]
    root = _parse(timeline(entries, until=2026))
    ticks = [int(t.text or "0") for t in root.findall(f".//{SVG}g[@class='axis']/{SVG}text")]
    assert 2 <= len(ticks) <= 12 and ticks == sorted(ticks) and ticks[0] >= 836


def test_decade_chart_counts_agreements_per_decade() -> None:
    svg = decade_chart(
        [DecadeSeries("Yokohama", (1957, 1959, 1965)), DecadeSeries("Taipei", (1965, 2015))]
    )
    root = _parse(svg)
    titles = [t.text for r in root.iter(SVG + "rect") if (t := r.find(SVG + "title")) is not None]
    assert "Yokohama, 1950s: 2" in titles
    assert "Taipei, 1960s: 1" in titles
    assert "Taipei, 2000s: 0" in titles  # the empty decade in between is drawn
    assert re.search(r">2010s<", svg)


def test_empty_timeline_and_chart_say_so() -> None:
    assert "No dated agreements." in timeline([])
    assert "No dated agreements." in decade_chart([DecadeSeries("X", ())])


def test_basemap_is_read_once_from_the_package() -> None:
    assert countries() is countries()
    assert len(countries()) == 177


def test_labels_do_not_overlap_and_crowded_dots_keep_their_titles() -> None:
    crowd = [MapTie(MapPlace(f"Town {i}", 50.0, 8.0 + i * 0.01), "sister") for i in range(4)]
    root = _parse(world_map(YOKOHAMA, crowd))
    labels = [t.text for t in root.findall(f".//{SVG}g[@class='partners']/{SVG}text")]
    assert 1 <= len(labels) <= 2  # right of the first dot, left of the next; no more room
    titles = [c.find(SVG + "title").text for c in root.iter(SVG + "circle")]  # type: ignore[union-attr]
    assert {f"Town {i}" for i in range(4)} <= set(titles)


def test_unknown_status_is_drawn_as_current_and_ended_as_dashed() -> None:
    ties = [
        MapTie(MapPlace("Known", 10.0, 10.0), "sister", 1990, "unknown"),
        MapTie(MapPlace("Gone", 20.0, 20.0), "sister", 1990, "suspended"),
    ]
    lines = _parse(world_map(YOKOHAMA, ties)).findall(f".//{SVG}g[@class='ties']/{SVG}path")
    assert [line.get("stroke-dasharray") for line in lines] == [None, "4 3"]
    rows = [
        TimelineEntry("Known", "sister", 1990, None, "unknown"),
        TimelineEntry("Gone", "sister", 1991, None, "ended"),
    ]
    bars = _parse(timeline(rows, until=2000)).findall(f".//{SVG}g[@class='rows']/{SVG}rect")
    assert [b.get("fill-opacity") for b in bars] == ["1", "0.45"]
