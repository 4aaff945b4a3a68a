"""Cities: search, profile, comparison, conflicts and sources."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from citydip.api.records import (
    Alternative,
    BriefingReport,
    Profile,
    ProfileData,
    SourceRecord,
    shaped,
)
from citydip.errors import InvalidInput
from citydip.store.database import Store
from citydip.store.models import Entity
from citydip.vocabulary import CITY_SORTS, CitySort, choice

if TYPE_CHECKING:
    from citydip.analysis.briefing import Briefing
    from citydip.analysis.compare import Comparison
    from citydip.analysis.directory import CitySearch, Organization
    from citydip.knowledge.conflict_records import ConflictList
    from citydip.knowledge.identity import PlaceIdentity


def city_profile(store: Store, name: str, *, merge_districts: bool = False) -> Profile:
    """The profile of the city called ``name``; ``merge_districts`` counts its districts'
    ties as its own."""
    from citydip.analysis.profile import build_profile, profile_to_dict
    from citydip.knowledge.lookup import find_city

    city = find_city(store, name)
    data = profile_to_dict(build_profile(store, city, merge_districts))
    data["alternatives"] = [alt.to_dict() for alt in alternatives(store, city, name)]
    return Profile(shaped(ProfileData, data))


def alternatives(store: Store, city: Entity, name: str) -> list[Alternative]:
    """The other places ``name`` names that have ties: what the user may have meant."""
    from citydip.knowledge.lookup import namesakes
    from citydip.knowledge.regions import regions_of

    others = namesakes(store, city, name)
    regions = regions_of(store, (e.geonames_id for e, _ in others if e.geonames_id))
    return [
        Alternative(e.id, e.name, e.country, regions.get(e.geonames_id or 0), e.level, ties)
        for e, ties in others
    ]


def compare_cities(store: Store, names: list[str], *, merge_districts: bool = False) -> Comparison:
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


def list_conflicts(
    store: Store,
    name: str | None = None,
    *,
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
        raise InvalidInput(f"{limit}: give zero or more", field="limit")
    floor = parse_min_severity(min_severity)
    subject = find_entity(store, name, type=None).id if name else None
    return find_conflicts(store, subject, kinds=kinds, min_severity=floor, limit=limit)


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
    from citydip.analysis.memberships import coverage

    line = coverage(store).line
    result = build_briefing(profiles, conflicts, profiles[0].sources.by_id, line)
    _add_partners(store, result)
    return result


REPORT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def briefing_report(
    store: Store,
    names: list[str],
    *,
    out: str,
    format: str | None = None,
    terminal: bool = False,
) -> BriefingReport:
    """The briefing on ``names`` and how to write it (``citydip report``): ``format``
    html or pdf, else from ``out``'s extension (``-``: HTML to standard output, never a
    PDF when that is a ``terminal``). Refused before any work: an ``out`` in a folder that
    does not exist, or a folder, a device (``OutputError``); another extension (x.docx)
    without a format, rather than written as HTML (``InvalidInput`` naming ``out``)."""
    from pathlib import Path

    from citydip.files import check_output

    check_output(Path(out))
    if format is None:
        format = "html" if out == "-" else REPORT_FORMATS.get(Path(out).suffix.lower())
        if format is None:
            raise InvalidInput(
                f"{out}: a report is FILE.html or FILE.pdf; give a format (html or pdf) "
                "for another name",
                field="out",
            )
    if format not in ("html", "pdf"):
        raise InvalidInput(f"{format!r} is not one of html, pdf", field="format")
    if format == "pdf" and out == "-" and terminal:
        raise InvalidInput("not writing a PDF to a terminal; give a FILE.pdf", field="out")
    return BriefingReport(briefing(store, names), format, out)


def _add_partners(store: Store, result: Briefing) -> None:
    """Each city's five best possible partners (none for a city without ties)."""
    from citydip.analysis.briefing_records import BriefPartner
    from citydip.api.partners import recommend_partners
    from citydip.errors import NotFound

    for city in result.cities:
        try:
            found = recommend_partners(store, city.id, top=5)
        except NotFound:
            continue
        city.partners = [BriefPartner(r.name, r.country, r.reasons) for r in found.rows]


def search_cities(
    store: Store,
    query: str | None = None,
    *,
    country: str | None = None,
    sort: CitySort = "ties",
    limit: int | None = None,
    merge_districts: bool = False,
) -> CitySearch:
    """The store's places whose names contain ``query`` (any script, accents and case
    ignored), in one country (ISO code or name), with their tie counts; most ties first
    (``sort="ties"``) or by name; ``merge_districts`` counts districts as their city."""
    from citydip.analysis.directory import search_cities as search
    from citydip.analysis.listing import listed_cities

    sort = choice(sort, CITY_SORTS, "sort")
    if query:  # any text: not worth keeping
        return search(store, query, country, sort, limit, merge_districts)
    return listed_cities(store, country, sort, limit, merge_districts)


def organization_members(store: Store, name: str, *, limit: int | None = None) -> Organization:
    """The organization called ``name``, its members with their roles and sources (the first
    ``limit``; all when None or 0), the lists they come from and the store's coverage."""
    from citydip.analysis.directory import organization_members as members
    from citydip.knowledge.lookup import find_entity

    return members(store, find_entity(store, name, type="organization"), limit)
