"""Headings in wiki markup, as plain-text copies of Wikipedia keep them ("=== Former twin
towns and sister cities ==="), are headings: the lines under them are a list, with the
heading's kind and status, each line's own note over it. Text written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.registry import Registry


def test_a_wiki_heading_frames_the_list_under_it(registry: Registry) -> None:
    text = (
        "Moscow is the capital of Russia.\n\n"
        "=== Former twin towns and sister cities ===\n"
        "Brno, Czech Republic (terminated in 2022)\n"
        "Chicago, United States (suspended in 2022)\n"
        "Kyiv, Ukraine\n"
        "Tallinn, Estonia"
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Moscow", p) for p in ("Brno", "Chicago", "Kyiv", "Tallinn")}
    status = {p: c.status for p, c in found.items()}
    assert status[pair("Moscow", "Chicago")] == "suspended"
    assert status[pair("Moscow", "Kyiv")] == status[pair("Moscow", "Tallinn")] == "ended"
    assert {c.kind for c in found.values()} == {"sister"}


def test_a_wiki_heading_inside_a_block(registry: Registry) -> None:
    text = (
        "Moscow is the capital of Russia.\n\n"
        "=== Cooperation agreements ===\n"
        "Moscow has cooperation agreements with:\n"
        "=== Former twin towns and sister cities ===\n"
        "Kyiv, Ukraine\n"
        "Vilnius, Lithuania"
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Moscow", "Kyiv"), pair("Moscow", "Vilnius")}
    assert {c.status for c in found.values()} == {"ended"}
