"""Cities: search, profile, comparison, conflicts and sources."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from citydip.api.records import CityMatch, ConflictRecord, Profile, SourceRecord
from citydip.errors import InvalidInput
from citydip.store.database import Store

if TYPE_CHECKING:
    from citydip.analysis.briefing import Briefing
    from citydip.analysis.compare import Comparison
    from citydip.knowledge.identity import PlaceIdentity

MAX_QUERY = 200


def search_cities(store: Store, query: str, limit: int = 20) -> list[CityMatch]:
    """Places whose name (in any script) starts with, then contains, ``query`` (folded)."""
    from citydip.knowledge.lookup import search_places

    if not query.strip():
        raise InvalidInput("give some letters of a city's name", field="q")
    if len(query) > MAX_QUERY:
        raise InvalidInput(f"longer than {MAX_QUERY} characters", field="q")
    if not 1 <= limit <= 500:
        raise InvalidInput(f"{limit} is not between 1 and 500", field="limit")
    return [
        CityMatch(e.id, e.name, e.country, e.level, e.lat, e.lon, matched)
        for e, matched in search_places(store, query, limit)
    ]


def city_profile(store: Store, name: str, merge_districts: bool = False) -> Profile:
    """The profile of the city called ``name``; ``merge_districts`` counts its districts'
    ties as its own."""
    from citydip.analysis.profile import build_profile, profile_to_dict
    from citydip.knowledge.lookup import find_city

    city = find_city(store, name)
    return Profile(profile_to_dict(build_profile(store, city, merge_districts)))


def compare_cities(store: Store, names: list[str], merge_districts: bool = False) -> Comparison:
    """The Table 1 comparison of two or more cities."""
    from citydip.analysis.compare import compare_profiles
    from citydip.analysis.profile import build_profile
    from citydip.knowledge.lookup import find_city

    names = [n.strip() for n in names if n.strip()]
    if len(names) < 2:
        raise InvalidInput("compare needs at least two cities", field="cities")
    cities = [find_city(store, n) for n in names]
    if len({c.id for c in cities}) < len(cities):
        raise InvalidInput(
            "compare needs different cities: " + ", ".join(c.name for c in cities), field="cities"
        )
    return compare_profiles([build_profile(store, c, merge_districts) for c in cities])


def place_identity(store: Store, name: str) -> PlaceIdentity:
    """Who a place is: its ids, level, parent and districts, and why each name is its own."""
    from citydip.knowledge.identity import describe_place
    from citydip.knowledge.lookup import find_city

    return describe_place(store, find_city(store, name))


def list_conflicts(store: Store, name: str | None = None) -> list[ConflictRecord]:
    """Every conflict about the city ``name``, or about every entity."""
    from citydip.knowledge.conflicts import find_conflicts
    from citydip.knowledge.import_conflicts import import_conflicts
    from citydip.knowledge.lookup import find_entity

    subject = find_entity(store, name, type=None).id if name else None
    core = [c.to_dict() for c in find_conflicts(store, subject)]
    flagged = {
        (c["subject"]["id"], c["object"]["id"])
        for c in core
        if c["property"] == "tie" and c["kind"] == "unconfirmed" and "object" in c
    }
    imported = [
        c
        for c in import_conflicts(store, subject)
        if not (
            c["property"] == "imported tie"
            and (c["subject"].get("id"), c["object"].get("id")) in flagged
        )
    ]
    return [ConflictRecord(c) for c in core + imported]


def bibliography(store: Store, name: str | None = None) -> list[SourceRecord]:
    """Every source, or the sources of every claim about the entity ``name``."""
    from citydip.knowledge.lookup import find_entity

    if name is None:
        return [SourceRecord(s) for s in store.sources()]
    entity = find_entity(store, name, type=None)
    ids = {c.source_id for c in store.claims(involving=entity.id)}
    return [SourceRecord(s) for s in store.sources(ids=ids)]


def briefing(store: Store, names: list[str]) -> Briefing:
    """The briefing report's content on one or more cities (``citydip report``)."""
    from citydip.analysis.briefing import build_briefing
    from citydip.analysis.profile import build_profile
    from citydip.knowledge.lookup import find_city

    if not names:
        raise InvalidInput("a briefing needs at least one city", field="cities")
    cities = [find_city(store, n) for n in names]
    if len({c.id for c in cities}) < len(cities):
        raise InvalidInput(
            "a briefing needs different cities: " + ", ".join(c.name for c in cities),
            field="cities",
        )
    cities = [replace(c, names=store.names_of(c.id)) for c in cities]
    profiles = [build_profile(store, c) for c in cities]
    conflicts = {city.id: [c.to_dict() for c in list_conflicts(store, city.id)] for city in cities}
    return build_briefing(profiles, conflicts, profiles[0].sources.by_id)
