"""Reconciliation of the curated claims and the conflicts the essay's data must show."""

from __future__ import annotations

from citydip.knowledge.conflicts import find_conflicts
from citydip.knowledge.reconcile import reconcile_ties
from citydip.store import Claim, Entity, Source, Store


def _tie(store: Store, city: str, partner: str):  # type: ignore[no-untyped-def]
    [tie] = [t for t in reconcile_ties(store, involving=city) if t.partner == partner]
    return tie


def test_tie_seen_from_both_sides_is_one_tie(store: Store) -> None:
    from_yokohama = _tie(store, "yokohama", "taipei")
    from_taipei = _tie(store, "taipei", "yokohama")
    assert from_yokohama.source_ids == from_taipei.source_ids
    assert {"yokohama-exchange-2024", "taipei-yokohama-2016", "travel-taipei-yokohama"} <= set(
        from_yokohama.source_ids
    )


def test_most_authoritative_source_decides_kind_and_date(store: Store) -> None:
    tie = _tie(store, "yokohama", "taipei")
    assert tie.kind == "partner"  # official pages, not the tourism article
    assert tie.values_of("kind").keys() == {"partner", "sister"}
    san_diego = _tie(store, "yokohama", "san-diego")
    assert san_diego.start == "1957-10-29"  # the most specific official date
    assert san_diego.kind == "sister"  # datasets' 'unspecified' never overrides


def test_ended_status_follows_end_date(store: Store) -> None:
    with store.transaction():
        store.add_source(Source(id="t-news", title="Ties cut", kind="news"))
        store.add_entity(Entity(id="x-city", type="place", name="Xcity", level="city"))
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="twinned_with",
                object="x-city",
                kind="sister",
                start="1990",
                end="2022-03",
                source_id="t-news",
            )
        )
    tie = _tie(store, "yokohama", "x-city")
    assert (tie.status, tie.end) == ("ended", "2022-03")


def _by(conflicts, prop, obj=None):  # type: ignore[no-untyped-def]
    return [
        c
        for c in conflicts
        if c.property == prop and (obj is None or (c.object is not None and c.object.id == obj))
    ]


def test_taipei_sister_count_disagreement_lists_every_value_and_source(store: Store) -> None:
    conflicts = find_conflicts(store, "taipei")
    [count] = _by(conflicts, "sister count")
    values = {v.value: {s["id"] for s in v.sources} for v in count.values}
    assert values["53"] == {"essay-maturing-city-diplomacy"}
    assert values["52"] == {"essay-maturing-city-diplomacy"}
    assert values["49"] == {"taipei-belmopan-2019"}
    assert values["48"] == {"taipeitimes-houston-2021"}
    assert count.kind == "self-contradiction"
    assert "52 and 53" in count.note


def test_yokohama_taipei_kind_conflict(store: Store) -> None:
    [conflict] = _by(find_conflicts(store, "yokohama"), "tie kind", "taipei")
    values = {v.value: {s["id"] for s in v.sources} for v in conflict.values}
    assert values["sister"] == {"travel-taipei-yokohama"}
    assert "yokohama-exchange-2024" in values["partner"]


def test_stated_partner_count_differs_from_listed_ties(store: Store) -> None:
    [conflict] = _by(find_conflicts(store, "yokohama"), "partner count vs listed ties")
    values = [v.value for v in conflict.values]
    assert "7" in values and "4" in values  # seven stated, four identified


def test_ties_missing_from_official_list_are_flagged(store: Store) -> None:
    flagged = {c.object.id for c in _by(find_conflicts(store, "yokohama"), "tie") if c.object}
    assert {"balikpapan", "bremen", "chimbote"} <= flagged
    assert not flagged & {"san-diego", "shanghai", "frankfurt", "cotonou"}
    assert {c.kind for c in _by(find_conflicts(store, "yokohama"), "tie")} == {"official-list"}


def test_cincinnati_is_unconfirmed_and_points_to_new_taipei(store: Store) -> None:
    # Only the curator's judgement is a conflict (issue 14); the listing itself is a notice.
    found = _by(find_conflicts(store, "taipei"), "tie", "cincinnati")
    assert [c.kind for c in found] == ["likely-confusion"]
    listed = find_conflicts(store, "taipei", kinds=["unconfirmed"])
    [conflict] = _by(listed, "tie", "cincinnati")
    assert conflict.kind == "unconfirmed"
    assert any(v.value.startswith("New Taipei (sister, 1994)") for v in conflict.values)


def test_prague_listed_before_it_was_signed(store: Store) -> None:
    [conflict] = _by(find_conflicts(store, "taipei"), "tie start", "prague")
    early = next(v for v in conflict.values if v.value == "already listed earlier")
    assert [s["id"] for s in early.sources] == ["wikidata-p190-2016"]
    assert conflict.kind == "date"


def test_non_membership_against_membership(store: Store) -> None:
    assert not _by(find_conflicts(store, "taipei"), "membership")
    with store.transaction():
        store.add_claim(
            Claim(
                subject="taipei",
                predicate="member_of",
                object="c40",
                role="member",
                source_id="wikidata-p190-2016",
            )
        )
    [conflict] = _by(find_conflicts(store, "taipei"), "membership", "c40")
    assert [v.value for v in conflict.values] == ["member", "not a member"]
    assert conflict.kind == "membership"


def test_rejected_and_proposed_claims_do_not_count(store: Store) -> None:
    with store.transaction():
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="count",
                value="99",
                qualifiers={"metric": "partner"},
                source_id="wikidata-p190-2016",
                review="proposed",
            )
        )
    [conflict] = _by(find_conflicts(store, "yokohama"), "partner count vs listed ties")
    assert "99" not in [v.value for v in conflict.values]


def test_member_counts_of_a_network_jumping_tenfold_are_flagged(store: Store) -> None:
    [conflict] = _by(find_conflicts(store, "go-smart"), "members count")
    values = {v.value: v.as_of for v in conflict.values}
    assert values == {"130": "2019-03-27", "213": "2022-03", "more than 2000": "2025"}
    assert conflict.kind == "count"
    # 213 members in 2022, more than 2,000 in 2025: dated apart, but no growth explains a
    # nine-fold jump (issue 14), so it is not discounted as growth.
    assert "fold" in conflict.note and conflict.level == "medium"
    assert "different dates" in conflict.note
