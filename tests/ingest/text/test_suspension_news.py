"""News of suspensions written around a wider decision: "signed a memo to suspend relations
with Israel, including the twinning agreement with Tel Aviv" (the example shares the head's
status; a memo, a decree or an order is a decision taken), "while the city keeps its
friendship agreement with Gaza" (the city is the one the sentence opens with, not the last
place named), and "Wallingford's French twin is Luxeuil-les-Bains; its German twin is Bad
Wurzach". Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_ties

from citydip.ingest.text.registry import Registry


def test_an_example_shares_the_status_of_its_head(registry: Registry) -> None:
    text = (
        "Barcelona's mayor has signed a memo to suspend relations with Israel, including the "
        "twinning agreement with Tel Aviv, while the city keeps its friendship agreement "
        "with Gaza."
    )
    found = text_ties(text, registry)
    assert set(found) == {pair("Barcelona", "Tel Aviv"), pair("Barcelona", "Gaza")}
    assert found[pair("Barcelona", "Tel Aviv")].status == "suspended"
    assert found[pair("Barcelona", "Gaza")].status == "active"
    kept = "Leeds has many partners, including its twinning with Tver."
    assert {c.status for c in text_ties(kept, registry).values()} == {"active"}


def test_a_twin_named_after_is(registry: Registry) -> None:
    text = "Wallingford's French twin is Luxeuil-les-Bains; its German twin is Bad Wurzach."
    assert set(text_ties(text, registry)) == {
        pair("Wallingford", "Luxeuil-les-Bains"),
        pair("Wallingford", "Bad Wurzach"),
    }


def test_partners_after_a_reduced_relative_clause(registry: Registry) -> None:
    text = (
        "The only active twinning arrangements Nottingham currently has in place are with "
        "Karlsruhe and Ningbo."
    )
    assert set(text_ties(text, registry)) == {
        pair("Nottingham", "Karlsruhe"),
        pair("Nottingham", "Ningbo"),
    }
