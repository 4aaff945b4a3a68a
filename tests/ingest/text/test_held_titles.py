"""A title a place holds for a year, after a copula ("Nijmegen is the European Green Capital
2018", "Galway was the European Capital of Culture in 2020", "... and is European Green Leaf
2024") is an award of that year; a capitalised "Capital" without a year is not ("Berlin is
the German Capital"). Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import text_claims

from citydip.ingest.text.registry import Registry


def _awards(text: str, registry: Registry) -> set[tuple[str, str, int | None]]:
    return {
        (c.subject.name, c.object.name if c.object else "", c.year)
        for c in text_claims(text, registry, "award")
    }


def test_a_title_held_for_a_year(registry: Registry) -> None:
    assert _awards("Nijmegen is the European Green Capital 2018.", registry) == {
        ("Nijmegen", "European Green Capital", 2018)
    }
    assert _awards("Galway was the European Capital of Culture in 2020.", registry) == {
        ("Galway", "European Capital of Culture", 2020)
    }
    text = "Velenje has been selected by the jury and is European Green Leaf 2024."
    assert _awards(text, registry) == {("Velenje", "European Green Leaf", 2024)}


def test_a_capital_without_a_year_is_no_title(registry: Registry) -> None:
    assert not _awards("Berlin is the German Capital.", registry)
