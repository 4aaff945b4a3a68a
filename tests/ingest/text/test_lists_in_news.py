"""Lists and counts news stories write: a count then a dash and the counted places ("nine
Sister Cities across the globe - Belfast, Northern Ireland; Caen, France; ..."), unknown
names listed after a known partner ("a Sister City to Solonytsivka, Chuguiv and Merepha"),
"Since then" dating from the year just read, a count fronted by "With" ("With 27 foreign
twinned towns, Cissé, ... holds the record"), two cities of one area joined by a dash
("Bloomington-Normal"), governors abbreviated ("Gov. Lee"), and "first sister city in the
Middle East". Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def test_counted_places_after_a_dash(registry: Registry) -> None:
    text = (
        "Nashville currently has four Sister Cities across the globe - Belfast, Northern "
        "Ireland; Caen, France; Kamakura, Japan and Tamworth, Australia.\n"
    )
    assert set(ties(extract_claims(text, registry))) == {
        pair("Nashville", name) for name in ("Belfast", "Caen", "Kamakura", "Tamworth")
    }


def test_unknown_names_listed_after_a_known_partner(registry: Registry) -> None:
    text = (
        "In October 2013, the mayor signed Twinning Agreements with three small Ukrainian "
        "cities. Since then, Wilmington is a Sister City to Solonytsivka, Chuguiv and Merepha.\n"
    )
    found = {p: c.year for p, c in ties(extract_claims(text, registry)).items()}
    assert found == {
        pair("Wilmington", name): 2013 for name in ("Solonytsivka", "Chuguiv", "Merepha")
    }


def test_a_count_fronted_by_with(registry: Registry) -> None:
    text = (
        "With 27 foreign twinned towns, Cissé, in the Vienne department, holds the French "
        "record for twinnings.\n"
    )
    claims = extract_claims(text, registry)
    assert [(c.type, c.subject.name, c.value) for c in claims] == [("count", "Cissé", "27")]


def test_one_area_written_with_a_dash_is_no_pair(registry: Registry) -> None:
    text = (
        "Leaders of the Bloomington-Normal sister cities program with Vladimir, Russia say "
        "they will keep the partnership formed in 1988.\n"
    )
    assert pair("Bloomington", "Normal") not in ties(extract_claims(text, registry))


def test_an_abbreviated_governor_is_no_place(registry: Registry) -> None:
    text = (
        "The signing of a sister relationship between South Jeolla Gov. Lee Nak-yon and "
        "Kochi Gov. Masanao Ozaki took place in Kochi.\n"
    )
    assert set(ties(extract_claims(text, registry))) == {pair("South Jeolla", "Kochi")}


def test_a_first_tie_in_a_region_names_no_partner(registry: Registry) -> None:
    text = "Nashville adds first sister city in the Middle East\n"
    assert [c for c in extract_claims(text, registry) if c.object is not None] == []
