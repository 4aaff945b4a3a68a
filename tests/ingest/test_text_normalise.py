"""The number and date normaliser, token by token."""

from __future__ import annotations

from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.normalise import number_at, qualifier_before, year_at, years_in
from citydip.ingest.text.registry import Registry
from citydip.ingest.text.tokens import tokenize
from citydip.ingest.text.vocab import role_of, variants


def first_number(text: str) -> float | None:
    doc = tokenize(text)
    for i in range(len(doc)):
        found = number_at(doc, i)
        if found is not None:
            return found[0]
    return None


def test_numbers_in_words_digits_and_dozens() -> None:
    assert first_number("has 53 sister cities") == 53
    assert first_number("more than 2,000 members") == 2000
    assert first_number("about 2.5 million residents") == 2_500_000
    assert first_number("twenty-one partners") == 21
    assert first_number("a dozen formal twinnings") == 12
    assert first_number("some two dozen sister cities") == 24
    assert first_number("half a dozen towns") == 6
    assert first_number("three dozen cities") == 36
    assert first_number("no number here") is None


def test_qualifiers_before_a_number() -> None:
    doc = tokenize("some two dozen sister cities")
    assert qualifier_before(doc, 1) == "about"
    doc = tokenize("more than 40 members")
    assert qualifier_before(doc, 2) == "more than"


def test_years_in_full_short_and_dated_forms() -> None:
    doc = tokenize("twinned since '95, renewed in the spring of 1988 and on 3 October 2004 ('04)")
    assert [y for _, y in years_in(doc)] == [1995, 1988, 2004, 2004]
    assert year_at(tokenize("'76"), 0) == (1976, 2)
    assert year_at(tokenize("1512"), 0) is None  # not a year this project reads


def test_role_words_from_variants() -> None:
    assert {"presidency", "presidencies"} <= variants("presidency")
    assert role_of(["vice", "-", "presidency"]) == "executive"
    assert role_of(["co", "-", "chairs"]) == "chair"
    assert role_of(["seat", "on", "the", "board"]) == "board"
    assert role_of(["vicepresident"]) == "executive"
    assert role_of(["delegation"]) is None


def test_an_endless_run_of_digits_is_no_number_and_no_year() -> None:
    """Hostile text (robustness benchmark): 5,000 nines overflowed to inf, or past
    Python's digit limit for int(), and crashed the extractor."""
    digits = "9" * 5000
    assert first_number(f"has {digits} sister cities") is None
    assert first_number(f"has {'9' * 400} billion residents") is None
    doc = tokenize(f"twinned in {digits}.")
    assert year_at(doc, 2) is None
    assert first_number("has 999,999,999 residents") == 999_999_999  # large but real


def test_hostile_numbers_extract_without_error(world_registry: Registry) -> None:

    digits = "9" * 5000
    text = f"Lyon has {digits} sister cities and a population of {digits}. Twinned in {digits}."
    claims = extract_claims(text, world_registry)
    assert all(c.type not in ("count", "population") for c in claims)
