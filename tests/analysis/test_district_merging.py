"""District merging, one function at every level: a ward of a borough of a city counts as
the city with --merge-districts, in the profile, the listing and the network alike."""

from __future__ import annotations

from citydip.api import city_profile, network_city, network_filter, search_cities
from citydip.knowledge.districts import descendants, top_parents
from citydip.store import Store
from citydip.store.models import Claim, Entity


def _nested(store: Store) -> None:
    """Nestville ⊃ Borough ⊃ Ward; the ward is twinned with Lyon, the borough with Busan."""
    with store.transaction():
        store.add_entity(Entity("nestville", "place", "Nestville", "DE", "city", lat=50, lon=8))
        store.add_entity(
            Entity("nest-borough", "place", "Nest Borough", "DE", "district", parent="nestville")
        )
        store.add_entity(
            Entity("nest-ward", "place", "Nest Ward", "DE", "district", parent="nest-borough")
        )
        store.add_claim(Claim("nest-ward", "twinned_with", "hekman-twincities-2026", object="lyon"))
        store.add_claim(
            Claim("nest-borough", "twinned_with", "hekman-twincities-2026", object="busan")
        )
        store.add_claim(
            Claim("nest-ward", "twinned_with", "hekman-twincities-2026", object="nest-borough")
        )


def test_top_parents_climbs_every_level_and_stops_at_a_loop() -> None:
    assert top_parents({"ward": "borough", "borough": "city"}) == {
        "ward": "city",
        "borough": "city",
    }
    assert top_parents({"a": "b", "b": "a"}) == {"a": "b", "b": "a"}


def test_a_wards_ties_count_as_its_citys(store: Store) -> None:
    _nested(store)
    assert descendants(store, "nestville") == ["nest-borough", "nest-ward"]
    apart = city_profile(store, "Nestville").to_dict()
    assert apart["ties"] == []
    merged = city_profile(store, "Nestville", merge_districts=True).to_dict()
    partners = sorted(t["partner"]["id"] for t in merged["ties"])
    assert partners == ["busan", "lyon"]  # the ward–borough tie is internal, not a partner
    hits = search_cities(store, "Nestville", merge_districts=True).to_dict()["hits"]
    assert hits[0]["id"] == "nestville" and hits[0]["ties"] == 2
    graph = network_city(store, "Nestville", filters=network_filter(merge_districts=True)).to_dict()
    assert graph["partners"] == 2
