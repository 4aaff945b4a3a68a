"""Lists, tie shapes, statuses and denials, on short texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims, extract_file
from citydip.ingest.text.registry import Registry


@pytest.fixture
def registry(curated_registry: Registry) -> Registry:
    return curated_registry


def test_a_bulleted_list_under_an_intro_line(registry: Registry) -> None:
    text = (
        "Dortmund renews its links\n\n"
        "Dortmund's twin cities are:\n\n"
        "- Kaunas, Lithuania – 1991\n"
        "- Linz, Austria (since 1987)\n"
        "• Odense, Denmark, 1946\n\n"
        "Friendship cities of Dortmund:\n\n"
        "* Chemnitz, Germany (1961)\n\n"
        "Suspended partnership:\n\n"
        "- Nizhny Novgorod, Russia – 1989 (suspended in March 2022)\n"
    )
    got = ties(extract_claims(text, registry))
    kaunas = got[pair("Dortmund", "Kaunas")]
    assert (kaunas.year, kaunas.kind, kaunas.status) == (1991, "sister", "active")
    assert got[pair("Dortmund", "Linz")].year == 1987
    assert got[pair("Dortmund", "Odense")].year == 1946
    assert got[pair("Dortmund", "Chemnitz")].kind == "friendship"
    nizhny = next(c for k, c in got.items() if any("Novgorod" in n for n in k))
    assert (nizhny.status, nizhny.year, nizhny.end_year) == ("suspended", 1989, 2022)
    assert len(got) == 5


def test_a_markdown_twin_towns_section_with_former_ties(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(
        "## Twin towns – sister cities\n\n"
        "Brno is twinned with:\n\n"
        "* Rennes, France\n"
        "* Utrecht, Netherlands\n\n"
        "### Former twin towns\n\n"
        "* Kharkiv, Ukraine (1966–1992)\n",
        encoding="utf-8",
    )
    got = ties(extract_file(path, None).claims)
    assert got[pair("Brno", "Rennes")].status == "active"
    kharkiv = got[pair("Brno", "Kharkiv")]
    assert (kharkiv.status, kharkiv.year, kharkiv.end_year) == ("ended", 1966, 1992)


def test_a_membership_list_with_a_position(registry: Registry) -> None:
    text = (
        "Lille is a member of the following networks:\n\n"
        "- Eurocities\n"
        "- Energy Cities, whose vice-presidency Lille holds\n"
    )
    claims = extract_claims(text, registry)
    got = {(c.subject.name, c.object.name if c.object else ""): c for c in claims}
    assert got[("Lille", "Eurocities")].type == "membership"
    energy = next(c for (s, o), c in got.items() if o.startswith("Energy Cities"))
    assert energy.role == "executive"


def test_tie_sentences_in_other_shapes(registry: Registry) -> None:
    text = (
        "Gdansk and Bremen became partner cities in 1976. "
        "Nantes, which became Cardiff's partner city in 1964, sent a choir. "
        "Dakar followed as a friendship city in 2012. "
        "Between Oslo and Riga there is no formal tie. "
        "Cardiff is not twinned with Lyon, and the council declined a twinning request from Tartu."
    )
    claims = extract_claims("Cardiff news\n\nCardiff hosted the fair.\n\n" + text, registry)
    got = ties(claims)
    assert got[pair("Gdańsk", "Bremen")].kind == "partner"
    assert got[pair("Gdańsk", "Bremen")].year == 1976
    assert got[pair("Nantes", "Cardiff")].year == 1964
    assert got[pair("Cardiff", "Dakar")].kind == "friendship"
    denied = {
        frozenset((c.subject.name, c.object.name))
        for c in claims
        if c.type == "non_tie" and c.object
    }
    assert pair("Cardiff", "Lyon") in denied and pair("Cardiff", "Tartu") in denied
    assert pair("Oslo", "Riga") in denied
    # a denied tie is never a tie
    assert not (
        {pair("Cardiff", "Lyon"), pair("Cardiff", "Tartu"), pair("Oslo", "Riga")} & set(got)
    )


def test_statuses_and_end_years_in_prose(registry: Registry) -> None:
    text = (
        "In 2022 the council suspended Tallinn's twinning with Kaliningrad, which had been in "
        "place since 1992. Its friendship agreement with Kobe, signed in 1993, lapsed in 2011. "
        "A sister city link with Tampa was proposed in 2024 but has not been approved."
    )
    got = ties(extract_claims(text, registry))
    kal = got[pair("Tallinn", "Kaliningrad")]
    assert (kal.status, kal.year, kal.end_year) == ("suspended", 1992, 2022)
    kobe = got[pair("Tallinn", "Kobe")]
    assert (kobe.status, kobe.year, kobe.end_year, kobe.kind) == ("ended", 1993, 2011, "friendship")
    assert got[pair("Tallinn", "Tampa")].status == "proposed"


def test_the_city_and_descriptions_resolve_to_the_right_place(registry: Registry) -> None:
    text = (
        "Porto keeps its ties busy. Porto has been twinned with Bordeaux since 1978. "
        "The northern Portuguese city also joined Eurocities in 2004. "
        "The city has 12 sister cities."
    )
    claims = extract_claims(text, registry)
    got = {(c.type, c.subject.name) for c in claims}
    assert ("membership", "Porto") in got
    assert ("count", "Porto") in got
    assert not any(c.subject.name == "Bordeaux" for c in claims)


def test_numbers_dates_awards_and_roles(registry: Registry) -> None:
    text = (
        "Adelaide has had a sister city relationship with Himeji since '82. "
        "In the spring of 1988, Adelaide and Christchurch became sister cities. "
        "Adelaide has half a dozen sister cities. "
        "Adelaide was named European Capital of Smart Tourism in 2019 and picked up the "
        "Civic Trust Award in 2021. Adelaide holds a seat on the board of Metropolis."
    )
    claims = extract_claims(text, registry)
    got = ties(claims)
    assert got[pair("Adelaide", "Himeji")].year == 1982
    assert got[pair("Adelaide", "Christchurch")].year == 1988
    assert any(c.type == "count" and c.value == "6" for c in claims)
    awards = {(c.object.name if c.object else "", c.year) for c in claims if c.type == "award"}
    assert ("European Capital of Smart Tourism", 2019) in awards
    assert any(name.endswith("Civic Trust Award") and year == 2021 for name, year in awards)
    board = next(c for c in claims if c.type == "membership")
    assert board.role == "board"


def test_inline_and_numbered_lists_ranges_and_modifiers(registry: Registry) -> None:
    text = (
        "Sister cities: Turku, Bergen and Gothenburg.\n\n"
        "The municipality's partner cities include:\n"
        "1. Harbin, China (since 2001)\n"
        "2. St. Petersburg, Russia (1989; suspended 2022)\n\n"
        "Historic Bath is twinned with Aix-en-Provence. "
        "Kyiv and Leipzig were twinned from 1961 until 2014. "
        "The twinning of Dresden and Ostrava was suspended in 2019."
    )
    got = ties(extract_claims("Tampere\n\nTampere renews its ties.\n\n" + text, registry))
    for partner in ("Turku", "Bergen", "Gothenburg", "Harbin"):
        assert got[pair("Tampere", partner)].status == "active", partner
    petersburg = got[pair("Tampere", "Saint Petersburg")]
    assert (petersburg.kind, petersburg.status, petersburg.end_year) == (
        "partner",
        "suspended",
        2022,
    )
    assert pair("Bath", "Aix-en-Provence") in got  # "Historic" is no part of the name
    kyiv = got[pair("Kyiv", "Leipzig")]
    assert (kyiv.year, kyiv.end_year, kyiv.status) == (1961, 2014, "ended")
    assert got[pair("Dresden", "Ostrava")].status == "suspended"


def test_an_html_list_under_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><h1>Utrecht</h1><p>Utrecht is a Dutch city.</p>"
        "<h2>Twin towns</h2><ul><li>Brno, Czech Republic (since 1991)</li>"
        "<li>León, Nicaragua</li></ul>"
        "<h2>Former partner cities</h2><ul><li>Kyoto, Japan (1988-2010)</li></ul>"
        "</body></html>",
        encoding="utf-8",
    )
    got = ties(extract_file(path, None).claims)
    assert got[pair("Utrecht", "Brno")].year == 1991
    assert pair("Utrecht", "León") in got
    kyoto = got[pair("Utrecht", "Kyoto")]
    assert (kyoto.kind, kyoto.status, kyoto.end_year) == ("partner", "ended", 2010)


def test_a_population_is_not_a_count_of_ties(registry: Registry) -> None:
    text = (
        "Kobe, a port of 1.5 million with eight sister cities, hosted the fair. "
        "Leeds, a city of 800,000 people, has 12 sister cities."
    )
    counts = {
        (c.subject.name, c.value) for c in extract_claims(text, registry) if c.type == "count"
    }
    assert counts == {("Kobe", "8"), ("Leeds", "12")}


def test_links_partnerships_and_between_that_are_no_ties(registry: Registry) -> None:
    text = (
        "The new tram link between Leeds and Bradford opened on Monday. Officials said the "
        "link with the airport would follow in 2027. Bradford's football club has a "
        "partnership with a brewery in Leeds. Manchester will tie its climate budget to the "
        "national plan. The mayor met counterparts from Lyon and Turin at a conference in "
        "Brussels. Between 2010 and 2015 the city's population grew by 40,000."
    )
    claims = extract_claims(text, registry)
    assert not [c for c in claims if c.type in ("tie", "non_tie")]
