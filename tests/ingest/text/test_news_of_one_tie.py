"""A news story about one tie: its subject described in an apposition ("Taiyuan, an
industrial city in northern China and the capital of Shanxi province, has been twinned
with ..."), and its start year given later in a sentence that names no place ("Sister city
status was bestowed in 1972.") or names only its two sides. Sentences written for these
tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, ties

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry


def years(text: str, registry: Registry) -> dict[frozenset[str], int | None]:
    return {p: c.year for p, c in ties(extract_claims(text + "\n", registry)).items()}


def test_the_place_before_an_apposition_is_the_subject(registry: Registry) -> None:
    text = (
        "Taiyuan, an industrial city in northern China and the capital of Shanxi province, "
        "has been twinned with Newcastle since 1985."
    )
    assert years(text, registry) == {pair("Taiyuan", "Newcastle"): 1985}


def test_an_apposition_of_two_noun_phrases(registry: Registry) -> None:
    text = (
        "Nagoya, the capital of Aichi Prefecture and a major port, became a sister city of "
        "Los Angeles in 1959."
    )
    assert years(text, registry) == {pair("Nagoya", "Los Angeles"): 1959}


def test_a_clause_in_the_commas_is_no_apposition(registry: Registry) -> None:
    # "which is ..." is a clause: the subject search is left as it was (no Nagoya tie)
    text = "Nagoya, which is the capital of Aichi Prefecture, is a sister city of Los Angeles."
    assert pair("Aichi", "Los Angeles") not in years(text, registry)


def test_a_signing_year_later_in_a_story_of_one_tie(registry: Registry) -> None:
    text = (
        "Mishawaka's close connection with the Japanese city of Shiojiri continues.\n\n"
        "The two cities have now been sister cities for 50 years.\n\n"
        "Sister city status was bestowed in 1972."
    )
    assert years(text, registry) == {pair("Mishawaka", "Shiojiri"): 1972}


def test_an_anniversary_year_dates_no_tie(registry: Registry) -> None:
    text = (
        "Mishawaka and Shiojiri have been sister cities for 50 years.\n\n"
        "The anniversary was celebrated and a new charter signed in 2022."
    )
    assert years(text, registry) == {pair("Mishawaka", "Shiojiri"): None}


def test_a_signing_year_in_a_story_of_two_ties_dates_neither(registry: Registry) -> None:
    text = (
        "Lyon is twinned with Birmingham. Lyon is also twinned with Frankfurt.\n\n"
        "Twin town status was bestowed in 1960."
    )
    assert set(years(text, registry).values()) == {None}
