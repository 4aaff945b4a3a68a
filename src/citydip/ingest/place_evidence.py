"""The evidence rules of place identity (docs/identity.md), apart from the resolver that
applies them: which places several Wikidata items contest, which items their shared ties
place, which qualified namesakes stay apart, and the levels of admin units."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from citydip.text import fold

if TYPE_CHECKING:
    from citydip.ingest.places import NameQuery


@dataclass(frozen=True)
class KnownIds:
    """What the store and the batch so far hold: QID → entity, GeoNames id → entity, and
    entity → its QID."""

    by_qid: dict[str, str]
    by_geonames: dict[int, str]
    qid_of: dict[str, str]


def contested_places(
    results: dict[NameQuery, Any], by_geonames: dict[int, str], qid_of: dict[str, str]
) -> set[int]:
    """GeoNames ids that two QIDs resolve to, or whose entity holds another QID."""
    claims = Counter(
        r.place.geonames_id
        for q, r in results.items()
        if q.qid and r.status == "resolved" and r.unit == "place"
    )
    contested = {gid for gid, n in claims.items() if n > 1}
    for gid in claims:
        holder = by_geonames.get(gid)
        if holder is not None and holder in qid_of:
            contested.add(gid)
    return contested


def placed_by_ties(
    results: dict[NameQuery, Any],
    contested: set[int],
    neighbours: dict[str, set[str]],
    known: KnownIds,
    partners: Callable[[str], set[str]],
) -> dict[NameQuery, tuple[Any, list[str]]]:
    """Wikidata items placed by the ties their candidate places already have in the store.

    An item whose label is ambiguous, or shared by several items, joins the candidate
    place that other sources tie to the item's own partners — when it is the only such
    candidate for the item, and the item the only one with such evidence for the place (or
    the one sharing at least twice as many ties, and two or more, as the next).
    That place is then the item's, whichever other item's label also named it: the place
    is added to ``contested`` so that no other item takes it by its label alone."""
    if not neighbours:
        return {}
    settled: dict[str, str] = dict(known.by_qid)
    for query, result in results.items():
        if query.qid and result.status == "resolved" and result.unit == "place":
            gid = result.place.geonames_id
            if gid not in contested and gid in known.by_geonames:
                settled[query.qid] = known.by_geonames[gid]
    found: dict[NameQuery, tuple[Any, list[str]]] = {}
    for query, result in results.items():
        if not query.qid or query.qid in known.by_qid or result.unit != "place":
            continue
        if result.status == "resolved":
            options: tuple[Any, ...] = (result.place,)
        elif result.status == "ambiguous":
            options = result.candidates
        else:
            continue
        near = {settled[q] for q in neighbours.get(query.qid, ()) if q in settled}
        near.discard(settled.get(query.qid, ""))
        if not near:
            continue
        hits = []
        for place in options:
            holder = known.by_geonames.get(place.geonames_id)
            if holder is None or holder in known.qid_of:
                continue
            shared = sorted(partners(holder) & near)
            if shared:
                hits.append((place, shared))
        if len(hits) == 1:
            found[query] = hits[0]
    by_place: dict[int, list[NameQuery]] = {}
    for query, hit in found.items():
        by_place.setdefault(hit[0].geonames_id, []).append(query)
    chosen: dict[NameQuery, tuple[Any, list[str]]] = {}
    for queries in by_place.values():
        ranked = sorted(queries, key=lambda q: (-len(found[q][1]), q.qid))
        best = len(found[ranked[0]][1])
        runner_up = len(found[ranked[1]][1]) if len(ranked) > 1 else 0
        # several items with evidence for one place: the one with clearly more shared ties
        if runner_up == 0 or (best >= 2 and best >= 2 * runner_up):
            chosen[ranked[0]] = found[ranked[0]]
    contested.update(hit[0].geonames_id for hit in chosen.values())
    return chosen


_QUALIFIED = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")


def qualified_namesakes(results: dict[NameQuery, Any]) -> dict[NameQuery, str]:
    """Names told apart by a qualifier ("Behringen (Bispingen)", "Behringen (Stadtilm)") that
    the gazetteer resolved to one place: they are several places, none of them proven."""
    by_place: dict[int, dict[str, list[NameQuery]]] = {}
    for query, result in results.items():
        match = _QUALIFIED.match(query.name)
        if query.qid or not match or result.status != "resolved" or result.unit != "place":
            continue
        names = by_place.setdefault(result.place.geonames_id, {})
        names.setdefault(fold(match.group(2)), []).append(query)
    apart: dict[NameQuery, str] = {}
    for names in by_place.values():
        if len(names) > 1:
            for queries in names.values():
                for query in queries:
                    base = _QUALIFIED.match(query.name)
                    apart[query] = base.group(1) if base else query.name
    return apart


# Admin-unit words (as the gazetteer reports them) → the level stored on the place.
_LEVELS = {
    "gmina": "municipality",
    "municipality": "municipality",
    "commune": "municipality",
    "kommune": "municipality",
    "kommun": "municipality",
    "gemeinde": "municipality",
    "comune di": "municipality",
    "county": "county",
    "county of": "county",
    "powiat": "county",
    "landkreis": "county",
    "kreis": "county",
    "parish": "county",
    "province": "province",
    "prefecture": "province",
    "region": "region",
    "oblast": "region",
    "governorate": "region",
    "department": "region",
    "raion": "district",
    "rayon": "district",
    "district": "district",
    "gun": "district",
    "gu": "district",
    "ku": "district",
    "qu": "district",
    "xian": "district",
    "ward": "district",
    "borough": "district",
    "township": "municipality",
}


def unit_level(admin_kind: str | None) -> str:
    """The stored level of an admin unit named with ``admin_kind`` ("gmina" → municipality)."""
    kind = (admin_kind or "").lower()
    if kind in _LEVELS:
        return _LEVELS[kind]
    for word, level in _LEVELS.items():
        if word in kind.split():
            return level
    return "admin unit"


# Words of English labels that make an item an admin unit, not a town ("Emirate of Dubai",
# "Kyoto Prefecture", "Moscow Oblast"): the level its place is stored at.
_LABEL_LEVELS = {
    "emirate": "region",
    "prefecture": "province",
    "province": "province",
    "oblast": "region",
    "krai": "region",
    "region": "region",
    "governorate": "region",
    "voivodeship": "region",
    "canton": "region",
    "department": "region",
    "county": "county",
    "state": "state",
    "municipality": "municipality",
    "district": "district",
    "borough": "district",
}
_WORDS = re.compile(r"[^\W\d_]+")


def label_level(label: str) -> str:
    """The level of an item whose English label names its kind of unit (``country`` for a
    country's own name); else ``city``."""
    code = country_code(label) if label.strip() else None
    if code:
        import pycountry

        from citydip.text import fold

        country = pycountry.countries.get(alpha_2=code)
        names = {getattr(country, a, "") for a in ("name", "common_name", "official_name")}
        if fold(label) in {fold(n) for n in names if n}:
            return "country"
    for word in _WORDS.findall(label.lower()):
        if word in _LABEL_LEVELS:
            return _LABEL_LEVELS[word]
    return "city"


def country_code(country: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country as written (name, alias or code), if known."""
    if not country.strip():
        return None
    from citydip.gazetteer import country_code_of

    return country_code_of(country)


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    from citydip.gazetteer.match import distance_km

    return distance_km(a, b)
