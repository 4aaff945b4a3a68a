"""Populations that real texts give as a statement about "population" rather than as "N
inhabitants": of the city the text is about, of a possessive, of an appositive; none of a
country or of a number elsewhere in the sentence. Sentences written for these tests."""

from __future__ import annotations

import pytest

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def populations(text: str, registry: Registry) -> set[tuple[str, str]]:
    claims = extract_claims(text, registry)
    return {(c.subject.name, c.value or "") for c in claims if c.type == "population"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lyon lies on the Rhône. Officially, the population of the city is about 520,000.",
            ("Lyon", "520000"),
        ),
        (
            "Lyon is in France. As of 2020, the city population stands at 0.5 million.",
            ("Lyon", "500000"),
        ),
        ("The 2019 census recorded Lyon's population as 516,092.", ("Lyon", "516092")),
        ("The fair was held in Lyon, population 516,000, in May.", ("Lyon", "516000")),
    ],
)
def test_a_population_statement(registry: Registry, text: str, expected: tuple[str, str]) -> None:
    assert populations(text + "\n", registry) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The population of France is about 68,000,000.",
        "The population grew while Lyon built 12,000 homes.",
        "Lyon has a large population. In 2019, 15,000 visitors came.",
    ],
)
def test_no_population_of_a_country_or_of_another_number(registry: Registry, text: str) -> None:
    assert not populations(text + "\n", registry)
