"""Finding the world's places by any name, and saying which other places a name names."""

from __future__ import annotations

import pytest

from citydip.api import city_profile
from citydip.errors import NotFound
from citydip.knowledge.lookup import find_city, suggest
from citydip.store import Store


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [
        ("Kiev", "Kyiv", "UA"),
        ("Moskva", "Moscow", "RU"),
        ("Lisboa", "Lisbon", "PT"),
        ("大阪", "Osaka", "JP"),
        ("東京", "Tokyo", "JP"),
        ("Bombay", "Mumbai", "IN"),
        ("Wien", "Vienna", "AT"),
        ("St. Petersburg", "Saint Petersburg", "RU"),
    ],
)
def test_a_place_is_found_by_any_of_its_names(
    world_store: Store, written: str, name: str, country: str
) -> None:
    place = find_city(world_store, written)
    assert (place.name, place.country) == (name, country)


def test_the_other_places_of_a_name_are_listed(world_store: Store) -> None:
    data = city_profile(world_store, "Springfield").to_dict()
    chosen = data["city"]
    others = data["alternatives"]
    assert len(others) >= 2 and all(o["id"] != chosen["id"] for o in others)
    assert all(o["ties"] > 0 and o["country"] == "US" for o in others)
    assert [o["ties"] for o in others] == sorted((o["ties"] for o in others), reverse=True)
    regions = {o["region"] for o in others}
    assert "Ohio" in regions  # Wikidata's Springfield, Ohio holds its own ties
    petersburg = city_profile(world_store, "St. Petersburg").to_dict()
    assert [o["country"] for o in petersburg["alternatives"]] == ["US"]


def test_vienna_holds_its_ties(world_store: Store) -> None:
    data = city_profile(world_store, "Vienna").to_dict()
    assert data["city"]["wikidata_id"] == "Q1741" and data["city"]["lat"] is not None
    assert len({t["partner"]["id"] for t in data["ties"]}) >= 16


def test_suggestions_are_near_names_only(world_store: Store) -> None:
    assert "Taipei" in suggest(world_store, "Tiapei")
    assert suggest(world_store, "Zorblaxville") == []
    with pytest.raises(NotFound) as caught:
        find_city(world_store, "Zorblaxville")
    assert "did you mean" not in str(caught.value)
