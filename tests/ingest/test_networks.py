"""The shipped membership lists: every C40 member placed on the right namesake, Eurocities
placed, the GPM declaration a signature and not a membership, each claim citing its list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citydip.analysis.directory import organization_members
from citydip.ingest.networks import load_networks, networks_digest, networks_path, read_networks
from citydip.knowledge.lookup import find_entity
from citydip.store import Store

SHARED_LISTS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "city-networks"


@pytest.fixture
def lists_store(store: Store) -> Store:
    """The curated store with the shipped lists loaded (no world data)."""
    load_networks(store)
    return store


def _members(store: Store, org: str) -> dict[str, object]:
    entity = find_entity(store, org, type="organization")
    data = organization_members(store, entity).to_dict()
    return {name: m for m in data["members"] for name in m["listed_as"]}


def test_every_c40_member_is_placed_on_the_right_namesake(lists_store: Store) -> None:
    members = _members(lists_store, "C40")
    assert len(members) == 97
    places = {name: m["member"] for name, m in members.items()}  # type: ignore[index]
    assert all(p["lat"] is not None and p["lon"] is not None for p in places.values())
    portland, santiago, salvador = places["Portland"], places["Santiago"], places["Salvador"]
    assert portland["country"] == "US" and portland["lon"] < -115  # Oregon, not Maine
    assert santiago["country"] == "CL"
    assert salvador["country"] == "BR" and salvador["lat"] < -10  # Bahia
    assert places["Delhi NCT"]["country"] == "IN"
    assert places["Durban (eThekwini)"]["name"] == "Durban"
    north, south = places["Dhaka North"], places["Dhaka South"]
    assert north["id"] != south["id"] and north["parent"] == south["parent"] is not None
    # the curated Yokohama is the C40 member: one place, the curated claims and the list's
    yokohama = members["Yokohama"]
    assert yokohama["member"]["id"] == "yokohama"  # type: ignore[index]
    sources = {s["id"] for s in yokohama["sources"]}  # type: ignore[index]
    assert "c40-members-2024" in sources and len(sources) > 1


def test_each_claim_cites_its_list_with_its_date_and_tier(lists_store: Store) -> None:
    claims = lists_store.claims(source_id="c40-members-2024")
    assert len(claims) == 97
    assert {c.qualifiers["as_of"] for c in claims} == {"2024-11-06"}
    assert {c.qualifiers["tier"] for c in claims} == {1, 2, 3}
    source = lists_store.source("c40-members-2024")
    assert source is not None and source.date == "2024-11-06" and source.url


def test_eurocities_members_are_placed(lists_store: Store) -> None:
    entity = find_entity(lists_store, "Eurocities", type="organization")
    members = organization_members(lists_store, entity).members
    placed = [m for m in members if m.member.lat is not None]
    assert len(members) >= 220 and len(placed) >= 200


def test_the_declaration_is_signed_not_a_membership(lists_store: Store) -> None:
    signed = lists_store.claims(source_id="gpm-declaration-signatories-2025")
    rows = [r for r in read_networks()["claims"]["rows"] if r[1] == "signed"]
    assert len(rows) == 252  # San Sebastián (Honduras) is listed twice, for two mayors:
    assert len(signed) == len({(r[0], json.dumps(r[4], sort_keys=True)) for r in rows}) == 251
    assert {c.predicate for c in signed} == {"signed"}
    assert {c.object for c in signed} == {"gpm-democracy-declaration"}
    gpm = find_entity(lists_store, "GPM", type="organization")
    assert organization_members(lists_store, gpm).members == []


def test_loading_twice_adds_nothing(lists_store: Store) -> None:
    counts = (lists_store.count("claims"), lists_store.count("entities"))
    load_networks(lists_store)
    assert (lists_store.count("claims"), lists_store.count("entities")) == counts
    lists = json.loads(lists_store.get_meta("membership_lists") or "[]")
    assert [m["source"] for m in lists] == [
        "c40-members-2024",
        "eurocities-members-2025",
        "gpm-declaration-signatories-2025",
    ]


def test_the_default_store_is_named_by_the_lists() -> None:
    from citydip.stores import default_db_path

    assert networks_digest() and f"-m{networks_digest()}" in default_db_path().name


def test_one_external_id_names_one_place() -> None:
    data = read_networks()
    columns = data["places"]["columns"]
    places = [dict(zip(columns, r, strict=True)) for r in data["places"]["rows"]]
    qids = [p["wikidata_id"] for p in places if p["wikidata_id"]]
    assert len(qids) == len(set(qids))
    geonames = [(p["geonames_id"], p["level"]) for p in places if p["geonames_id"]]
    assert len(geonames) == len(set(geonames))


@pytest.mark.skipif(not SHARED_LISTS.exists(), reason="../shared/data/city-networks is absent")
def test_the_build_reproduces_the_shipped_file(tmp_path: Path) -> None:
    from citydip.ingest.networks_build import NetworkInputs, build_networks

    out = tmp_path / "memberships.json"
    built = build_networks(NetworkInputs.in_folder(SHARED_LISTS.parent), out)
    shipped = read_networks(networks_path())
    for key in ("places", "claims", "sources", "lists", "organisations", "inputs"):
        assert built[key] == shipped[key], key
