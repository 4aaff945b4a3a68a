"""Small towns the gazetteer lacks, read as places because the text itself calls them so
("residents of X", "the French town of Y", "X, a village in Z"); "the town" as the town the
sentence or the text names; a place that only says where another lies is no subject; an
exception lifts a negation; the year of "On July 14, 2006, ..."; a friendship's year is not
the later twinning's; a lone head noun ("the CPC leadership Group") names no network.
Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.local_places import local_places
from citydip.ingest.text.registry import Registry


def test_names_the_text_calls_places() -> None:
    text = (
        "Forty residents of Westerwick travelled to the Breton village of Plouhaven. "
        "Karstadt, a market town in Saxony, joined them. The mayor of Little Ambridge spoke. "
        "People from Douzelage came. Residents of March voted."
    )
    found = local_places(text)
    assert {"westerwick", "plouhaven", "karstadt", "little ambridge"} <= found
    assert "douzelage" not in found  # "people from" says no place
    assert "march" not in found  # a month


def test_unknown_towns_twinned_in_a_news_story(registry: Registry) -> None:
    assert registry.place("Westerwick") is None and registry.place("Plouhaven") is None
    text = (
        "More than 40 residents from Westerwick crossed the Channel last week.\n\n"
        "The trip marked the town's 30th anniversary of being twinned to the Breton village "
        "of Plouhaven, located 20 miles north of Rennes, and the 5th anniversary of twinning "
        "with Kerlouan-sur-Mer.\n"
    )
    found = ties(extract_claims(text, registry))
    assert pair("Westerwick", "Plouhaven") in found
    assert pair("Westerwick", "Kerlouan-sur-Mer") in found
    assert not any("Rennes" in p for p in found)  # it only says where Plouhaven lies
    assert not any(any(ch.isdigit() for ch in name) for p in found for name in p)


def test_the_town_is_the_town_just_named(registry: Registry) -> None:
    text = (
        "Washington was mentioned.\n\n"
        "In 2011, councillors in Westerwick voted to end support for the town's twinning "
        "with Plouhaven.\n"
    )
    found = ties(extract_claims(text, registry))
    assert not any("Washington" in p for p in found)


def test_an_exception_lifts_the_negation(registry: Registry) -> None:
    claims = extract_claims("Oslo has no official sister cities except Kraków, Poland.\n", registry)
    assert pair("Oslo", "Kraków") in ties(claims)
    assert pair("Oslo", "Kraków") not in ties(claims, ("non_tie",))
    denied = extract_claims("Oslo has no official sister cities, and Kraków is none.\n", registry)
    assert pair("Oslo", "Kraków") not in ties(denied)


def test_a_date_with_a_comma_is_one_opening_phrase(registry: Registry) -> None:
    text = "On July 14, 2006, Kraków and Bergen officially became sister cities.\n"
    assert ties(extract_claims(text, registry))[pair("Kraków", "Bergen")].year == 2006


def test_a_friendship_year_is_not_the_twinning_year(registry: Registry) -> None:
    text = (
        "Kraków and Bergen established a friendly relationship in 2011 and a twinning "
        "relationship in 2015.\n"
    )
    tie = ties(extract_claims(text, registry))[pair("Kraków", "Bergen")]
    assert (tie.kind, tie.year) == ("sister", 2015)


def test_a_lone_head_noun_names_no_network(registry: Registry) -> None:
    text = (
        "The Mayor of Bergen and the Secretary of the local leadership Group signed the "
        "friendship agreement in Kraków.\n"
    )
    members = ties(extract_claims(text, registry), ("membership",))
    assert not any("C40 Cities Climate Leadership Group" in p for p in members)


def test_cooperation_lists_are_ties_of_no_stated_kind(registry: Registry) -> None:
    text = (
        "Bergen\n\nTwin towns\n\nBergen is twinned with:[12]\n- Kraków, Poland[12]\n\n"
        "Other cooperations\n\n- Lyon, France[13]\n- Rome, Italy (Partner city)[13]\n\n"
        "Bergen is part of the Union of Capitals[14] from 3 May 1985 establishing brotherly "
        "relations with the following cities:\n- Lisbon, Portugal\n- Madrid, Spain (1990)\n"
    )
    found = ties(extract_claims(text, registry))
    assert found[pair("Bergen", "Kraków")].kind == "sister"
    assert found[pair("Bergen", "Lyon")].kind == "unspecified"
    assert found[pair("Bergen", "Rome")].kind == "partner"
    assert found[pair("Bergen", "Lisbon")].year == 1985  # the intro's date
    assert found[pair("Bergen", "Madrid")].year == 1990  # its own


def test_a_cooperation_heading_over_prose_frames_nothing(registry: Registry) -> None:
    text = "Economic cooperation\n\nBergen exports fish to Lyon and Rome.\n"
    assert not ties(extract_claims(text, registry))


def test_a_name_with_a_particle_is_the_longer_place(registry: Registry) -> None:
    text = (
        "The county's towns have twinning arrangements.\n\nTwinned towns\n\n"
        "- Ennis - St Paul de Fenouillet, France\n- Kilkee - Plouguerneau, France\n"
    )
    found = ties(extract_claims(text, registry))
    assert pair("Ennis", "Saint-Paul-de-Fenouillet") in found
    assert not any("Saint Paul" in p for p in found)
    assert found[pair("Ennis", "Saint-Paul-de-Fenouillet")].object.id is not None  # type: ignore[union-attr]
