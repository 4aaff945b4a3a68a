"""The library API that the CLI, the web pages and reports all call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citydip.errors import InvalidInput
from citydip.store.database import Store
from citydip.store.models import Source

if TYPE_CHECKING:
    from citydip.analysis.directory import CitySearch, Organization
    from citydip.ingest.wikidata_update import UpdateOptions, UpdateSummary
    from citydip.knowledge.conflict_records import ConflictList
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


def list_conflicts(
    store: Store,
    name: str | None = None,
    limit: int | None = None,
    kinds: list[str] | None = None,
    min_severity: int | str | None = None,
) -> ConflictList:
    """Conflicts about the entity ``name`` (or every entity), most severe first.

    ``kinds`` picks kinds of conflict (or the notices ``unconfirmed`` / ``unresolved``,
    which are otherwise only counted); ``min_severity`` is 0-100 or high / medium / low.
    """
    from citydip.knowledge.conflicts import find_conflicts
    from citydip.knowledge.lookup import find_entity
    from citydip.knowledge.severity import parse_min_severity

    if limit is not None and limit < 0:
        raise InvalidInput(f"limit {limit}: give zero or more")
    floor = parse_min_severity(min_severity)
    subject = find_entity(store, name, type=None).id if name else None
    return find_conflicts(store, subject, kinds=kinds, min_severity=floor, limit=limit)


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


def search_cities(
    store: Store,
    query: str | None = None,
    country: str | None = None,
    sort: str = "ties",
    limit: int | None = None,
    merge_districts: bool = False,
) -> CitySearch:
    """The store's places whose names contain ``query`` (any script, accents and case
    ignored), in one country (ISO code or name), with their tie counts; most ties first
    (``sort="ties"``) or by name; ``merge_districts`` counts districts as their city."""
    from citydip.analysis.directory import search_cities as search

    return search(store, query, country, sort, limit, merge_districts)


def organization_members(store: Store, name: str) -> Organization:
    """The organization called ``name``, its members with their roles and sources."""
    from citydip.analysis.directory import organization_members as members
    from citydip.knowledge.lookup import find_entity

    return members(store, find_entity(store, name, type="organization"))


def update_wikidata(
    store: Store,
    options: UpdateOptions | None = None,
    restart: bool = False,
    progress: bool = False,
    folder: Path | None = None,
) -> UpdateSummary:
    """Fetch every Wikidata P190 tie (paged, resumable) and import it as a newer snapshot.

    Pages are kept under ``folder`` (default: ``<data home>/wikidata-p190``) until they are
    imported; ``restart`` drops the pages of an unfinished fetch.
    """
    from citydip.ingest.wikidata_update import UpdateOptions, update_world
    from citydip.stores import data_home

    where = folder or data_home() / "wikidata-p190"
    return update_world(store, where, options or UpdateOptions(), restart, progress)
