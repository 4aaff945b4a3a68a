"""The facts the audit found missing or misattributed are in the data, each on its source."""

from __future__ import annotations

from urllib.parse import urlparse

from citydip.ingest.curated import load_curated
from citydip.store.models import Claim

ESSAY_ID = "essay-maturing-city-diplomacy"


def _claims(**match: str) -> list[Claim]:
    return [c for c in load_curated().claims if all(getattr(c, k) == v for k, v in match.items())]


def test_the_essays_facts_have_claims() -> None:
    essay = [c for c in load_curated().claims if c.source_id == ESSAY_ID]
    said = {(c.subject, c.predicate, c.object or c.value) for c in essay}
    for fact in (
        ("yokohama", "population_rank", "2"),
        ("yokohama", "open_port_since", "mid-19th century"),
        ("y-port", "project", "Autonomous driving technology in Thailand"),
        ("y-port", "project", "Installing and managing solar power generation in Thailand"),
        ("yokohama", "hosts_event", "odesa-mayor-visit-2023"),
        ("taipei", "soft_power_asset", "taiwan-design-museum"),
        ("songshan-park", "runs_programme", "songshan-student-ambassadors"),
        ("taipei", "tie_period", "1961–2024"),
        ("c40-knowledge-hub", "aim", "Improve city diplomacy practice and spread best practices"),
        ("city-diplomacy-lab", "aim", "Improve city diplomacy practice and spread best practices"),
        (
            "melbourne-centre-for-cities",
            "aim",
            "Improve city diplomacy practice and spread best practices",
        ),
        ("taipei", "aim", "Share its technical expertise at international conferences and events"),
        ("world", "count", "roughly 70%"),
    ):
        assert fact in said, fact
    forum = _claims(subject="taipei", object="taipei-international-cities-forum")
    assert [c.source_id for c in forum] == ["taipei-intl-cities-forum-2025"]
    assert "knowledge-transfer" in forum[0].qualifiers["mechanisms"]
    urban = _claims(subject="world", predicate="count", source_id="un-desa-urbanization-2018")
    assert [c.value for c in urban] == ["68%"]


def test_citynet_is_credited_only_with_what_each_source_says() -> None:
    citynet = _claims(subject="yokohama", object="citynet")
    assert all(c.start is None for c in citynet)  # 1987 was our inference, not a statement
    by_role = {(c.role, c.source_id): c for c in citynet}
    president = by_role[("president", "mofa-toyako-yokohama-2008")]
    assert president.qualifiers["as_of"] == "2008" and "2023" not in president.qualifiers["note"]
    assert ("president-emeritus", "citynet-yokohama-courtesy-visit") in by_role
    cluster = by_role[("member", "yokohama-citynet-sdgs-cluster")]
    assert "2023" in cluster.qualifiers["note"]


def test_iclei_japan_gpm_and_go_smart() -> None:
    assert [c.object for c in _claims(subject="yokohama", role="board", predicate="member_of")] == [
        "iclei-japan",
        "gcom",
    ]
    assert not _claims(subject="taipei", object="gpm")
    assert [c.predicate for c in _claims(subject="taipei", object="gpm-democracy-declaration")] == [
        "signed"
    ]
    [chair] = _claims(subject="taipei", object="go-smart", role="chair")
    assert chair.qualifiers["as_of"] == "2022-03"
    founder = {c.source_id: c.start for c in _claims(subject="taipei", role="founder")}
    assert founder == {"taipeitimes-go-smart-2019": "2019-03-27", ESSAY_ID: None}


def test_frankfurt_office_and_partnership_renewal() -> None:
    data = load_curated()
    languages = data.languages
    office = [
        c for c in data.claims if c.predicate == "overseas_office" and c.object == "frankfurt"
    ]
    dated = [c for c in office if c.start == "1997"]
    assert [languages[c.source_id] for c in dated] == ["de"]
    renewal = [
        c
        for c in data.claims
        if c.object == "frankfurt" and c.source_id == "yokohama-mayor-diary-2023-07-13"
    ]
    assert renewal and "2023" in renewal[0].qualifiers["note"]
    frankfurt_page = [c for c in data.claims if c.source_id == "frankfurt-partnership-yokohama"]
    assert all("2023" not in str(c.qualifiers.get("note", "")) for c in frankfurt_page)


def test_source_dates_and_urls() -> None:
    sources = {s.id: s for s in load_curated().sources}
    assert sources["brittlebank-2014"].date == "2014-09-25"
    assert sources["ustaiwanconnect-sister-cities"].date is None
    roots = [
        s.id
        for s in sources.values()
        if s.url
        and urlparse(s.url).path in ("", "/")
        and not any(word in s.title.lower() for word in ("site", "platform"))
    ]
    assert roots == []  # a bare site root only for a source that is a whole site
