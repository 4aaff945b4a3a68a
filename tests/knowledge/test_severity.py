"""The severity rule of docs/reconciliation.md, term by term."""

from __future__ import annotations

import pytest

from citydip.errors import InvalidInput
from citydip.knowledge.severity import (
    KINDS,
    NOTICE_KINDS,
    Evidence,
    check_kinds,
    level,
    number_gap,
    parse_min_severity,
    score,
)


def _evidence(**kw: object) -> Evidence:
    base: dict[str, object] = {
        "values": ["partner", "sister"],
        "source_ids": frozenset({"a", "b"}),
        "official": False,
    }
    return Evidence(**(base | kw))  # type: ignore[arg-type]


def test_base_then_official_then_more_sources() -> None:
    plain = score("tie-kind", _evidence())
    assert plain == KINDS["tie-kind"]
    assert score("tie-kind", _evidence(official=True)) == plain + 20
    four = frozenset({"a", "b", "c", "d"})
    assert score("tie-kind", _evidence(source_ids=four)) == plain + 10
    six = frozenset("abcdef")
    assert score("tie-kind", _evidence(source_ids=six)) == plain + 10  # at most +10


def test_number_gap_and_dates_apart() -> None:
    assert number_gap(["53", "48"]) == round(15 * 5 / 53)
    assert number_gap(["more than 2,000", "130"]) == round(15 * 1870 / 2000)
    assert number_gap(["partner", "sister"]) == 0
    counts = _evidence(values=["130", "213"])
    dated = _evidence(values=["130", "213"], dated_apart=True)
    assert score("count", dated) == score("count", counts) - 25
    own = _evidence(values=["53", "52"], dated_apart=True, one_source_disagrees=True)
    assert score("self-contradiction", own) > score("count", counts)


def test_notices_stay_below_every_conflict() -> None:
    lowest = min(score(k, _evidence(source_ids=frozenset({"a"}))) for k in KINDS)
    for kind in NOTICE_KINDS:
        assert score(kind, _evidence(official=True)) < lowest


def test_levels_and_parsing() -> None:
    assert [level(s) for s in (100, 70, 69, 40, 39, 1)] == [
        "high",
        "high",
        "medium",
        "medium",
        "low",
        "low",
    ]
    assert parse_min_severity("high") == 70
    assert parse_min_severity(" Medium ") == 40
    assert parse_min_severity("55") == 55
    assert parse_min_severity(None) == 0
    for bad in ("severe", "101", "-1"):
        with pytest.raises(InvalidInput, match="minimum severity"):
            parse_min_severity(bad)


def test_kinds_are_checked() -> None:
    assert check_kinds(None) is None
    assert check_kinds(["Count", "unconfirmed"]) == {"count", "unconfirmed"}
    assert check_kinds(["count,date", " status "]) == {"count", "date", "status"}
    with pytest.raises(InvalidInput, match="conflict kind 'counts' is unknown"):
        check_kinds(["counts"])
