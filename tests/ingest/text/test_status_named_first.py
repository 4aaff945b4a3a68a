"""A status a text gives before it names the tie ("Nanjing has suspended official exchanges
with Nagoya. The two established sister-city ties in 1978."), a status named by a noun ("a
temporary freeze in its relationship with Safed", "the termination of the agreement"), and
two coordinated subjects, the first described in an apposition ("Kiel, a port on the
Baltic, and Lyon"). Sentences written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair
from tests.ingest.conftest import text_ties as found

from citydip.ingest.text.registry import Registry


def test_a_suspension_read_before_the_tie_it_suspends(registry: Registry) -> None:
    text = (
        "Nanjing has suspended official exchanges with Nagoya. "
        "The two established sister-city ties in 1978."
    )
    tie = found(text, registry)[pair("Nanjing", "Nagoya")]
    assert (tie.status, tie.year) == ("suspended", 1978)


def test_an_early_status_touches_only_its_partner(registry: Registry) -> None:
    text = (
        "Nanjing has suspended official exchanges with Nagoya. "
        "Nanjing is also twinned with Florence."
    )
    assert found(text, registry)[pair("Nanjing", "Florence")].status == "active"


def test_a_freeze_named_by_a_noun(registry: Registry) -> None:
    text = (
        "Lille's city council enacted a temporary freeze in its relationship with Safed. "
        "Lille is twinned with Safed and with Nablus."
    )
    ties_found = found(text, registry)
    assert ties_found[pair("Lille", "Safed")].status == "suspended"
    assert ties_found[pair("Lille", "Safed")].kind == "sister"  # the twinning named after
    assert ties_found[pair("Lille", "Nablus")].status == "active"


def test_a_suspension_called_for_is_not_one(registry: Registry) -> None:
    text = "Protesters called for the suspension of ties with Perm. Oxford is twinned with Perm."
    assert found(text, registry)[pair("Oxford", "Perm")].status == "active"


def test_a_termination_dates_its_end_not_the_start(registry: Registry) -> None:
    text = (
        "The termination of the sister city agreement with Kunming was approved by Wagga "
        "Wagga council in 2020."
    )
    tie = found(text, registry)[pair("Wagga Wagga", "Kunming")]
    assert (tie.status, tie.year, tie.end_year) == ("ended", None, 2020)


def test_an_announced_suspension_of_a_tie_read_before(registry: Registry) -> None:
    text = (
        "Oxford is twinned with Perm. In 2022 the council announced the suspension of its "
        "twinning with Perm."
    )
    tie = found(text, registry)[pair("Oxford", "Perm")]
    assert (tie.status, tie.year) == ("suspended", None)


def test_the_first_of_two_subjects_described_in_an_apposition(registry: Registry) -> None:
    text = "Kiel, a port on the Baltic, and Lyon have been twinned since 1965."
    ties_found = found(text, registry)
    assert ties_found[pair("Kiel", "Lyon")].year == 1965
    assert not any("Baltic" in p for p in ties_found)


def test_an_apposition_ending_in_a_country_between_two_subjects(registry: Registry) -> None:
    text = "Taiyuan, an industrial city in northern China, and Newcastle have been twinned."
    assert pair("Taiyuan", "Newcastle") in found(text, registry)


def test_a_clause_between_two_places_joins_no_subjects(registry: Registry) -> None:
    # "which lies on the Baltic" is a clause, not an apposition: Kiel is not a subject
    text = "Kiel, which lies on the Baltic, and Lyon have been twinned since 1965."
    assert pair("Kiel", "Lyon") not in found(text, registry)
