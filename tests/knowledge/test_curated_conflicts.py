"""Conflicts the curated data must show (population areas, tie period, jumps, confusions)."""

from __future__ import annotations

from typing import Any

from citydip.knowledge.conflicts import find_conflicts
from citydip.store import Claim, Store


def _conflicts(store: Store, subject: str) -> list[dict[str, Any]]:
    return [c.to_dict() for c in find_conflicts(store, subject)]


def _values(conflict: dict[str, Any]) -> list[str]:
    return [str(v["value"]) for v in conflict["values"]]


def test_geonames_metro_population_against_the_sourced_one(store: Store) -> None:
    found = [c for c in _conflicts(store, "taipei") if c["property"] == "population"]
    assert len(found) == 1
    values = _values(found[0])
    assert "2500000" in values
    assert any(int(v) > 5_000_000 for v in values if v.isdigit())
    assert "metropolitan" in found[0]["note"]
    assert not [c for c in _conflicts(store, "yokohama") if c["property"] == "population"]


def test_stated_tie_period_against_a_later_signing(store: Store) -> None:
    found = [c for c in _conflicts(store, "taipei") if c["property"] == "tie period"]
    assert len(found) == 1
    assert _values(found[0]) == ["1961–2024", "Basseterre (sister, 2025-11-13)"]


def test_a_tenfold_jump_is_flagged_not_read_as_growth(store: Store) -> None:
    [jump] = [c for c in _conflicts(store, "go-smart") if c["property"] == "members count"]
    assert jump["kind"] == "count" and "9-fold" in jump["note"]
    with store.transaction():
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="count",
                value="9",
                qualifiers={"metric": "joint-statement", "as_of": "2026-01"},
                source_id="yokohama-sister-cities-en",
            )
        )
    [growth] = [
        c for c in _conflicts(store, "yokohama") if c["property"] == "joint-statement count"
    ]
    assert "fold" not in growth["note"]
    assert growth["severity"] < jump["severity"]  # growth is discounted, the jump is not


def test_likely_confusions_are_flagged(store: Store) -> None:
    found = [c for c in _conflicts(store, "taipei") if c["kind"] == "likely-confusion"]
    by_partner = {c["object"]["name"]: c for c in found}
    assert set(by_partner) == {"Cincinnati", "Marshall", "San Nicolás"}
    for partner, other in (
        ("Cincinnati", "likely New Taipei's tie"),
        ("Marshall", "likely Majuro's tie"),
        ("San Nicolás", "likely San Nicolás de los Garza's tie"),
    ):
        assert other in _values(by_partner[partner]), partner
    assert "New Taipei" in by_partner["Cincinnati"]["note"]


def test_the_essays_urban_share_against_its_cited_source(store: Store) -> None:
    found = _conflicts(store, "world")
    assert [sorted(_values(c)) for c in found] == [["68%", "roughly 70%"]]
    assert found[0]["kind"] == "count"


def test_likely_confusions_stay_out_of_the_network(store: Store) -> None:
    from citydip.analysis.network.graph import build_network

    net = build_network(store)
    taipei = net.vertex("taipei")
    neighbours = {net.graph.vs[v]["id"] for v in net.graph.neighbors(taipei)}
    assert "houston" in neighbours and "atlanta" in neighbours
    assert not {"cincinnati", "marshall-us", "san-nicolas-unresolved"} & neighbours
    new_taipei = {net.graph.vs[v]["id"] for v in net.graph.neighbors(net.vertex("new-taipei"))}
    assert "cincinnati" in new_taipei
