"""City pages about their partners: lines that open with a partner and a dash under a
heading of ties ("Budapest – the cooperation agreement was signed in 2005."), and years in
brackets in a sentence that names the partners the one before counted ("They include
Berlin (1991), Budapest (2005)"). Text written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_years

from citydip.ingest.text.registry import Registry


def test_lines_that_open_with_a_partner_and_a_dash(registry: Registry) -> None:
    text = (
        "Sister Cities\n\n"
        "Warsaw cooperates with many cities around the world.\n\n"
        "Budapest – the cooperation agreement was signed in 2005.\n"
        "Kyiv – a partnership agreement was signed in 1994.\n"
        "Vilnius – its partnership with Riga began in 1998.\n"
    )
    assert text_years(text, registry) == {
        pair("Warsaw", "Budapest"): 2005,
        pair("Warsaw", "Kyiv"): 1994,
        pair("Vilnius", "Riga"): 1998,  # the line's own tie, not Warsaw's with Vilnius
    }


def test_years_in_brackets_after_counted_partners(registry: Registry) -> None:
    text = (
        "Partner cities\n\nWarsaw has 20 partner cities. They include Berlin (1991), "
        "Budapest (2005), Chicago (since 1960) and Kyiv."
    )
    assert text_years(text, registry) == {
        pair("Warsaw", "Berlin"): 1991,
        pair("Warsaw", "Budapest"): 2005,
        pair("Warsaw", "Chicago"): 1960,
        pair("Warsaw", "Kyiv"): None,
    }


def test_a_page_of_partner_cities_is_about_ties(registry: Registry) -> None:
    from tests.ingest.conftest import text_ties

    text = (
        "Partner cities\n\nWarsaw has 20 partner cities. Warsaw also maintains friendly "
        "relations with Taipei and Seoul."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Warsaw", "Taipei"), pair("Warsaw", "Seoul")}
    assert {c.kind for c in found.values()} == {"friendship"}
    other = "Trade\n\nWarsaw also maintains friendly relations with Taipei and Seoul."
    assert not text_ties(other, registry)
