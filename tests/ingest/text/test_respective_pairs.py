"""Ties of coordinated lists paired in order when the text gives each its own ("canceled
their protocols with", "were declared sister cities to"), the date a "when" clause hangs on,
and items of a list run together on one line after the same bullet. Sentences written for
these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def test_their_ties_pair_in_order(registry: Registry) -> None:
    text = "Lyon and Turin canceled their twinning protocols with Kraków and Bergen.\n"
    found = ties(extract_claims(text, registry))
    assert set(found) == {pair("Lyon", "Kraków"), pair("Turin", "Bergen")}


def test_without_a_word_of_each_every_pair_is_read(registry: Registry) -> None:
    text = "Lyon and Turin have sister city agreements with Kraków and Bergen.\n"
    found = ties(extract_claims(text, registry))
    assert pair("Lyon", "Bergen") in found and pair("Turin", "Kraków") in found


def test_declared_sister_cities_to_a_list_and_the_when_date(registry: Registry) -> None:
    text = (
        "This continues the talks of May 2018 when Wuhan, Xiamen and Datong were declared "
        "sister cities to Lahore, Multan and Quetta.\n"
    )
    found = ties(extract_claims(text, registry))
    expected = {pair("Wuhan", "Lahore"), pair("Xiamen", "Multan"), pair("Datong", "Quetta")}
    assert set(found) == expected
    assert {c.year for c in found.values()} == {2018}


def test_items_run_together_after_the_same_bullet(registry: Registry) -> None:
    text = (
        "These cities will be sister cities:\n\n"
        "- Faisalabad and Qingdao, - Rawalpindi and Wuhan, - Bahawalpur and Nanjing.\n"
    )
    found = ties(extract_claims(text, registry))
    assert set(found) == {
        pair("Faisalabad", "Qingdao"),
        pair("Rawalpindi", "Wuhan"),
        pair("Bahawalpur", "Nanjing"),
    }
    assert {c.status for c in found.values()} == {"proposed"}


def test_a_dash_inside_an_item_is_no_bullet(registry: Registry) -> None:
    text = "Lyon is twinned with:\n\n- Kraków - Poland's old capital, since 1991\n- Bergen\n"
    found = ties(extract_claims(text, registry))
    assert set(found) == {pair("Lyon", "Kraków"), pair("Lyon", "Bergen")}


def test_one_side_and_a_list_after_between(registry: Registry) -> None:
    text = (
        "The council approved a sister city agreement between Lyon and Turin, the "
        "Municipality of Kraków, Bergen, and Porto.\n"
    )
    found = ties(extract_claims(text, registry))
    assert set(found) == {pair("Lyon", p) for p in ("Turin", "Kraków", "Bergen", "Porto")}


def test_two_pairs_after_between_stay_pairs(registry: Registry) -> None:
    text = "Sister city agreements were signed between Lyon and Turin, Bergen and Porto.\n"
    found = ties(extract_claims(text, registry))
    assert set(found) == {pair("Lyon", "Turin"), pair("Bergen", "Porto")}


def test_partners_counted_then_listed_with_their_years(registry: Registry) -> None:
    text = (
        "As of 2024, Lyon has over 20 sister cities. International partners include Turin "
        "in Piedmont, Italy, and Porto in 1993; Bergen, Norway in 1994; and Kraków in 2007.\n"
    )
    found = ties(extract_claims(text, registry))
    years = {p: c.year for p, c in found.items()}
    assert years == {
        pair("Lyon", "Turin"): 1993,
        pair("Lyon", "Porto"): 1993,
        pair("Lyon", "Bergen"): 1994,
        pair("Lyon", "Kraków"): 2007,
    }


def test_partners_with_their_countries_between_semicolons(registry: Registry) -> None:
    three = "Lyon's other twin cities are Turin, Italy; Porto, Portugal; and Bergen, Norway.\n"
    two = "Lyon maintains sister city ties with Turin, Italy; Porto, Portugal and Bergen.\n"
    for text in (three, two):
        found = ties(extract_claims(text, registry))
        assert set(found) == {pair("Lyon", p) for p in ("Turin", "Porto", "Bergen")}, text
