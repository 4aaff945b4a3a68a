"""A namesake's region: kept for a new store's cities, else read from the cities file while
the gazetteer index is not built, else from the index; the same name each way."""

from __future__ import annotations

from pathlib import Path

import pytest

from citydip.gazetteer.index import open_index
from citydip.knowledge.regions import (
    REGIONS,
    region_of,
    regions_of,
    store_regions,
    subdivision_names,
)
from citydip.store import Store
from citydip.store.derived import DerivedCache

SPRINGFIELD_OHIO, SPRINGFIELD_MASS = 4525353, 4951788


def test_the_regions_of_a_store_are_the_index_s(world_store: Store) -> None:
    kept = store_regions(world_store)
    assert kept[str(SPRINGFIELD_OHIO)] == "Ohio"
    assert kept[str(SPRINGFIELD_MASS)] == "Massachusetts"
    assert len(kept) > 15_000 and sum(1 for r in kept.values() if r) > 2_000
    index = open_index()
    for key in list(kept)[::40]:
        row = index.execute("SELECT country, admin1 FROM place WHERE id = ?", (int(key),))
        country, admin1 = row.fetchone()
        named = subdivision_names().get(f"{country}-{admin1}".lower()) if admin1 else None
        assert kept[key] == (named if admin1 and str(admin1).isalpha() else None), key


def test_a_profile_reads_the_regions_the_store_keeps(world_store: Store) -> None:
    from citydip.api import city_profile

    DerivedCache(world_store).put(REGIONS, {str(SPRINGFIELD_OHIO): "Kept"})
    regions = regions_of(world_store, [SPRINGFIELD_OHIO, SPRINGFIELD_MASS])
    assert regions == {SPRINGFIELD_OHIO: "Kept", SPRINGFIELD_MASS: "Massachusetts"}
    others = city_profile(world_store, "Springfield").to_dict()["alternatives"]
    assert "Kept" in {o["region"] for o in others}


def test_without_the_index_a_city_s_region_comes_from_the_cities_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citydip.gazetteer.index import index_path

    monkeypatch.setenv("CITYDIP_HOME", str(tmp_path))
    assert region_of(SPRINGFIELD_OHIO) == "Ohio"
    assert region_of(2643743) == "England"  # London
    assert region_of(2988507) is None  # Paris: GeoNames' admin-1 code 11 is not ISO 3166-2
    assert not index_path().exists()  # nothing built for it
