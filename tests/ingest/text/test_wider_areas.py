"""A figure that counts a wider area than the city is no population of the city: "Metro
Atlanta is home to more than 6.3 million people", "a population of 1.4 million in the urban
area", "The Greater Boston metropolitan statistical area, which includes the city, has a
population of 4,919,179"; the city proper's figure still is. Sentences written for these
tests."""

from __future__ import annotations

from tests.ingest.conftest import text_claims

from citydip.ingest.text.registry import Registry


def _populations(text: str, registry: Registry) -> set[tuple[str, str | None]]:
    return {(c.subject.name, c.value) for c in text_claims(text, registry, "population")}


def test_a_metro_area_is_no_city(registry: Registry) -> None:
    text = (
        "Atlanta has a population of 510,823. Metro Atlanta is home to more than 6.3 "
        "million people."
    )
    assert _populations(text, registry) == {("Atlanta", "510823")}


def test_a_figure_in_the_urban_area(registry: Registry) -> None:
    text = (
        "Copenhagen is the capital of Denmark, with a population of 1.4 million in the urban area."
    )
    assert not _populations(text, registry)
    proper = "Copenhagen has a population of 660,000 within the city limits."
    assert _populations(proper, registry) == {("Copenhagen", "660000")}


def test_a_statistical_area_that_includes_the_city(registry: Registry) -> None:
    text = (
        "The Greater Boston metropolitan statistical area, which includes and surrounds the "
        "city, has a population of 4,919,179."
    )
    assert not _populations(text, registry)


def test_whose_population_a_sentence_opens_with(registry: Registry) -> None:
    fronted = (
        "Velenje is a city. With a population of over 70,600 people, Loulé is both a city "
        "and the largest municipality of the Algarve region."
    )
    assert {name for name, _ in _populations(fronted, registry)} == {"Loulé"}
    unit = (
        "Amman is the capital. The municipality of Karak is a region in central Jordan, "
        "south of Amman capital region, and has nearly 250,000 inhabitants."
    )
    assert _populations(unit, registry) == {("Karak", "250000")}
