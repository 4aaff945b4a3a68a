"""analysis.directory: the place search in one query, an organization's members."""

from __future__ import annotations

import pytest

from citydip.analysis.directory import organization_members, search_cities
from citydip.analysis.profile import ROLE_ORDER
from citydip.errors import InvalidInput
from citydip.knowledge.lookup import find_entity
from citydip.store import Store


def test_limit_keeps_the_total_and_the_order(sample_store: Store) -> None:
    everything = search_cities(sample_store)
    top = search_cities(sample_store, limit=5)
    assert top.total == everything.total == len(everything) > 5
    assert top.hits == everything.hits[:5]
    assert [h.ties for h in everything] == sorted((h.ties for h in everything), reverse=True)


def test_the_exact_name_comes_before_names_that_contain_it(sample_store: Store) -> None:
    hits = search_cities(sample_store, "prague").hits
    assert hits[0].name == "Prague"


def test_tie_counts_are_distinct_partners_from_either_side(sample_store: Store) -> None:
    [kyoto] = [h for h in search_cities(sample_store, "Kyoto") if h.country == "JP"]
    partners = {
        row[0]
        for row in sample_store.conn.execute(
            "SELECT CASE WHEN subject = ? THEN object ELSE subject END FROM claims "
            "WHERE predicate = 'twinned_with' AND review = 'accepted' AND ? IN (subject, object)",
            (kyoto.id, kyoto.id),
        )
    }
    assert kyoto.ties == len(partners) > 0


def test_bad_sort_limit_and_country(store: Store) -> None:
    with pytest.raises(InvalidInput, match="sort 'size'"):
        search_cities(store, sort="size")
    with pytest.raises(InvalidInput, match="limit 0"):
        search_cities(store, limit=0)
    with pytest.raises(InvalidInput, match="country 'Atlantis'"):
        search_cities(store, country="Atlantis")


def test_members_list_every_role_highest_first(store: Store) -> None:
    org = organization_members(store, find_entity(store, "CITYNET", type="organization"))
    [yokohama] = [m for m in org.members if m.member.id == "yokohama"]
    assert set(yokohama.roles) == {"member", "president", "president-emeritus"}  # issue 14
    assert yokohama.roles == sorted(yokohama.roles, key=ROLE_ORDER.index)
    assert yokohama.sources and all(s["id"] for s in yokohama.sources)
    first_roles = [ROLE_ORDER.index(m.roles[0]) for m in org.members if m.roles[0] in ROLE_ORDER]
    assert first_roles == sorted(first_roles)
    assert org.to_dict()["organization"]["id"] == org.organization.id
