"""The library API that the CLI, the web pages and reports all call."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from citydip.errors import InvalidInput
from citydip.store.database import Store
from citydip.store.models import Source

if TYPE_CHECKING:
    from citydip.knowledge.gazetteer_status import GazetteerStatus
    from citydip.knowledge.identity import PlaceIdentity


def city_profile(store: Store, name: str, merge_districts: bool = False) -> dict[str, Any]:
    """The profile of the city called ``name`` (JSON-ready); ``merge_districts`` counts its
    districts' ties as its own."""
    from citydip.analysis.profile import build_profile, profile_to_dict
    from citydip.knowledge.lookup import find_city

    return profile_to_dict(build_profile(store, find_city(store, name), merge_districts))


def compare_cities(store: Store, names: list[str], merge_districts: bool = False) -> Any:
    """The Table 1 comparison (a ``Comparison``) of two or more cities."""
    from citydip.analysis.compare import compare_profiles
    from citydip.analysis.profile import build_profile
    from citydip.knowledge.lookup import find_city

    if len(names) < 2:
        raise InvalidInput("compare needs at least two cities")
    cities = [find_city(store, n) for n in names]
    if len({c.id for c in cities}) < len(cities):
        raise InvalidInput("compare needs different cities: " + ", ".join(c.name for c in cities))
    return compare_profiles([build_profile(store, c, merge_districts) for c in cities])


def place_identity(store: Store, name: str) -> PlaceIdentity:
    """Who a place is: its ids, level, parent and districts, and why each name is its own."""
    from citydip.knowledge.identity import describe_place
    from citydip.knowledge.lookup import find_city

    return describe_place(store, find_city(store, name))


def list_conflicts(store: Store, name: str | None = None) -> list[dict[str, Any]]:
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
    return core + imported


def bibliography(store: Store, name: str | None = None) -> list[Source]:
    """Every source, or the sources of every claim about the entity ``name``."""
    from citydip.knowledge.lookup import find_entity

    if name is None:
        return store.sources()
    entity = find_entity(store, name, type=None)
    ids = {c.source_id for c in store.claims(involving=entity.id)}
    return store.sources(ids=ids)


def gazetteer_status() -> GazetteerStatus:
    """Which data the gazetteer uses: packaged sources, its index, any GeoNames download."""
    from citydip.knowledge.gazetteer_status import gazetteer_status as status

    return status()


def download_geonames(
    countries: list[str],
    all_countries: bool = False,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> GazetteerStatus:
    """Fetch, verify and index the GeoNames dump for ``countries`` (ISO alpha-2) or all
    countries; the gazetteer uses it from then on. A failure leaves the data in use as it was."""
    from citydip.knowledge.gazetteer_status import gazetteer_status as status
    from citydip.knowledge.geonames_download import download

    download(countries, all_countries, progress=progress)
    return status()
