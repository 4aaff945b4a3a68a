"""Names resolve case- and accent-insensitively and in other scripts; unknown names suggest."""

from __future__ import annotations

import pytest

from citydip.errors import NotFound
from citydip.knowledge.lookup import find_city, find_entity
from citydip.store import Store


@pytest.mark.parametrize(
    "name",
    [
        "Yokohama",
        "yokohama",
        "YOKOHAMA",
        "横浜",
        "横浜市",
        "Yokohama-shi",
        "Yokohama City",
        "Иокогама",
    ],
)
def test_yokohama_in_any_form(store: Store, name: str) -> None:
    assert find_city(store, name).id == "yokohama"


@pytest.mark.parametrize("name", ["Taipei", "臺北市", "台北", "Тайбэй", "Taipei City", "Taipéi"])
def test_taipei_in_any_form(store: Store, name: str) -> None:
    assert find_city(store, name).id == "taipei"


def test_diacritics_and_old_names(store: Store) -> None:
    assert find_city(store, "Constanta").id == "constanta"
    assert find_city(store, "Constanţa").id == "constanta"  # cedilla
    assert find_city(store, "Odessa").id == "odesa"
    assert find_city(store, "Bombay").id == "mumbai"


def test_unknown_city_suggests(store: Store) -> None:
    with pytest.raises(NotFound) as info:
        find_city(store, "Yokohamma")
    assert str(info.value).startswith("no city named 'Yokohamma'; did you mean Yokohama")


def test_organizations_by_acronym(store: Store) -> None:
    assert find_entity(store, "UCLG-ASPAC", type="organization").id == "uclg-aspac"
    assert find_entity(store, "c40", type="organization").id == "c40"
