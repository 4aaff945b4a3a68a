"""The library API: one call per operation, typed records, errors that name no CLI flag."""

from __future__ import annotations

import dataclasses

import pytest

from citydip import api
from citydip.errors import InvalidInput
from citydip.store import Store


def test_every_public_name_is_exported_and_records_render_to_json(store: Store) -> None:
    assert api.__all__ == sorted(api.__all__)
    profile = api.city_profile(store, "Yokohama")
    assert isinstance(profile, api.Profile) and profile.name == "Yokohama"
    assert profile.to_dict()["city"]["id"] == "yokohama"
    matches = api.search_cities(store, "yoko")
    assert matches.hits and matches.hits[0].id == "yokohama"
    assert dataclasses.is_dataclass(matches.hits[0]) and matches.to_dict()["total"] >= 1
    top = api.network_top(store, by="degree", limit=3)
    assert len(top.rows) == 3 and top.rows[0].rank == 1 and top.places > 3


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s: api.network_stats(s, api.network_filter(kinds=["twin"])), "kind"),
        (lambda s: api.network_filter(since=2000, until=1990), "since"),
        (lambda s: api.network_top(s, by="closeness"), "by"),
        (lambda s: api.list_conflicts(s, limit=-1), "limit"),
        (lambda s: api.compare_cities(s, ["Yokohama"]), "cities"),
        (lambda s: api.review(s, "maybe", ids=[1]), "state"),
    ],
)
def test_bad_arguments_are_named_by_field_never_by_a_flag(store: Store, call, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as info:
        call(store)
    assert info.value.field == field
    assert "--" not in str(info.value)
