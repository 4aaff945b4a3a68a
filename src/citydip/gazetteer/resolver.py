"""The offline gazetteer: a place name, with whatever context is known, to a GeoNames place.

    resolve("Odessa", country="Ukraine")          -> resolved, Odesa UA
    resolve("Birmingham, England, United Kingdom") -> resolved, Birmingham GB/ENG
    resolve("Portland")                            -> ambiguous, every candidate listed
    resolve("Gmina Siechnice", country="PL")       -> resolved, the gmina, unit="admin"

How a name is resolved:
1. the text is split into name, region and country (``City, Region, Country``,
   ``City (qualifier)``); the country may also come separately, as a name, alias or code;
2. name variants are tried in order (as written, without a qualifier, without an
   admin-unit word such as ``Gmina``/``County``/``District``, without ``City``/``-shi``,
   ``St``/``Saint``), each against the folded names and alternate names in the index,
   within the country (or its related territories), or worldwide when none is given;
   misspellings fall back to a fuzzy match on names within the country;
3. candidates are weighed by name quality, population, region and nearness; a candidate
   is chosen only when it outweighs the next distinct one by a clear factor, otherwise
   the result is ``ambiguous`` with every candidate; no match is ``unknown`` with a reason.

Admin units come from the wider data (:mod:`citydip.gazetteer.wider`) or a
GeoNames download; a unit missing there resolves to its seat (the namesake town), and
``unit`` says which.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from citydip.gazetteer.match import (
    Candidate,
    Place,
    Query,
    Unit,
    find_candidates,
    parse_query,
)
from citydip.progress import Progress, chosen

__all__ = ["STATUSES", "Place", "Resolution", "country_code_of", "resolve", "resolve_many"]

RESOLVING = "Resolving places"  # the task resolve_many reports

Status = Literal["resolved", "ambiguous", "unknown"]
STATUSES: tuple[Status, ...] = ("resolved", "ambiguous", "unknown")

# How much the chosen candidate must outweigh the next distinct one.
RATIO_WITH_COUNTRY = 3.0
RATIO_WITHOUT_COUNTRY = 20.0
MAX_CANDIDATES = 10


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one name: a place, several candidates, or a reason why not.

    ``unit`` is ``"place"`` when the name named a town, city or village, ``"admin"`` when it
    named an administrative unit that the data holds (``place`` is the unit itself:
    ``kind="admin"``, its ``level``, ``parent`` and centroid; ``admin_kind`` says the unit
    word), ``"seat"`` when it named an admin unit the data lacks and ``place`` is its seat
    or namesake town, ``"parent"`` when it named a city district that the data lacks
    ("Berlin – Pankow", "Budapest XIII") and ``place`` is the city containing it.
    """

    status: Status
    place: Place | None = None
    candidates: tuple[Place, ...] = ()
    score: float = 0.0
    reason: str | None = None
    unit: Unit = "place"
    admin_kind: str | None = None
    query: str = ""
    scores: tuple[float, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``citydip resolve --format json``."""
        return {
            "status": self.status,
            "query": self.query,
            "place": asdict(self.place) if self.place else None,
            "candidates": [
                {**asdict(place), "score": round(score, 4)}
                for place, score in zip(self.candidates, self.scores, strict=False)
            ],
            "score": round(self.score, 4),
            "reason": self.reason,
            "unit": self.unit,
            "admin_kind": self.admin_kind,
        }


def resolve(
    name: str,
    country: str | None = None,
    region: str | None = None,
    near: tuple[float, float] | None = None,
) -> Resolution:
    """Resolve a place name to a GeoNames place, using country, region and nearness as context.

    Never raises on odd input: an empty or unmatched name is ``unknown`` with a reason.
    The index is opened (and built, the first time) on the first call of the process.
    """
    from citydip.gazetteer.index import open_index
    from citydip.text import MAX_NAME_LENGTH

    if len(name) > MAX_NAME_LENGTH:
        return Resolution("unknown", reason=f"longer than {MAX_NAME_LENGTH} characters", query=name)
    conn = open_index()
    query = parse_query(conn, name, country, region, near)
    if query.problem:
        return Resolution("unknown", reason=query.problem, query=name)
    found = find_candidates(conn, query)
    if not found.candidates:
        reason = found.reason or "no place of that name"
        if query.note:
            reason = f"{reason} ({query.note})"
        return Resolution("unknown", reason=reason, query=name)
    return _decide(query, found.candidates, found.unit, found.admin_kind, name)


def country_code_of(text: str) -> str | None:
    """The ISO alpha-2 code of a country name, alias or code; None when it is no country
    or names several (a historic union: "Yugoslavia")."""
    from citydip.gazetteer.index import open_index
    from citydip.gazetteer.match import country_options

    codes = {code for code, _ in country_options(open_index(), text)}
    return codes.pop() if len(codes) == 1 else None


def _decide(
    query: Query,
    candidates: list[Candidate],
    unit: Unit,
    admin_kind: str | None,
    text: str,
) -> Resolution:
    ranked = sorted(candidates, key=lambda c: (-c.weight, -c.place.population, c.place.geonames_id))
    distinct = _distinct(ranked)
    total = sum(c.weight for c in distinct) or 1.0
    top = distinct[0]
    shown = distinct[:MAX_CANDIDATES]
    places = tuple(c.place for c in shown)
    scores = tuple(c.weight / total * c.quality for c in shown)
    score = top.weight / total * top.quality
    context = query.countries or query.points or query.admin1
    ratio = RATIO_WITH_COUNTRY if context else RATIO_WITHOUT_COUNTRY
    if len(distinct) > 1 and top.weight < ratio * distinct[1].weight:
        names = ", ".join(_label(c.place) for c in shown[:4])
        return Resolution(
            "ambiguous",
            None,
            places,
            score,
            f"{len(distinct)} places match: {names}",
            unit,
            admin_kind,
            text,
            scores,
        )
    return Resolution(
        "resolved", top.place, places, score, query.note, unit, admin_kind, text, scores
    )


def _distinct(ranked: list[Candidate]) -> list[Candidate]:
    """Drop candidates within 15 km of a stronger one: the same town twice, or its suburb."""
    kept: list[Candidate] = []
    for candidate in ranked:
        if all(_km(candidate.place, other.place) > 15.0 for other in kept):
            kept.append(candidate)
    return kept


def _km(a: Place, b: Place) -> float:
    from citydip.gazetteer.match import distance_km

    return distance_km((a.lat, a.lon), (b.lat, b.lon))


def _label(place: Place) -> str:
    region = f"/{place.admin1}" if place.admin1 else ""
    return f"{place.name} ({place.country}{region}, pop. {place.population})"


def resolve_many(
    rows: Iterable[Mapping[str, Any]],
    *,
    progress: Progress | None = None,
    total: int | None = None,
) -> Iterator[Resolution]:
    """Resolve rows with keys ``name`` and optionally ``country``, ``region``, ``lat``/``lon``.

    Identical rows are resolved once. ``progress`` is told each row resolved (task
    ``RESOLVING``, out of ``total``)."""
    report = chosen(progress)
    cache: dict[tuple[str, str, str, str, str], Resolution] = {}
    done = 0
    for row in rows:
        name = str(row.get("name") or "")
        country = str(row.get("country") or "")
        region = str(row.get("region") or "")
        lat, lon = str(row.get("lat") or ""), str(row.get("lon") or "")
        key = (name, country, region, lat, lon)
        result = cache.get(key)
        if result is None:
            near = _near(lat, lon)
            result = resolve(name, country or None, region or None, near)
            cache[key] = result
        done += 1
        report(RESOLVING, done, total)
        yield result
    if total is None or done < total:
        report(RESOLVING, done, done)  # finished, however many there were


def _near(lat: str, lon: str) -> tuple[float, float] | None:
    try:
        return (float(lat), float(lon)) if lat and lon else None
    except ValueError:
        return None


# Words an English name adds to a city's name for the unit named after it ("Brussels
# Capital", "Rivne Oblast"); the unit's own name may also be the city's ("São Paulo").
_UNIT_SUFFIXES = ("", " capital", " capital region", " region", " province", " state",
                  " prefecture", " oblast", " governorate")  # fmt: skip


def unit_named_after(city: Place, names: Iterable[str]) -> Place | None:
    """The first-level division (state, province, region) that holds a city and is named
    after it: São Paulo state for São Paulo, the Brussels-Capital Region for Brussels,
    Oklahoma for Oklahoma City named "Oklahoma". It is the one admin unit of the city's
    country and first-level code that has no parent, holds more people than the city and
    is known by one of ``names`` (or one of them with a unit word); None when there is
    none, or more than one."""
    from citydip.gazetteer.index import name_keys, open_index
    from citydip.gazetteer.match import lookup

    if not city.admin1:
        return None
    conn = open_index()
    keys = {key + suffix for name in names for key in name_keys(name) for suffix in _UNIT_SUFFIXES}
    found: dict[int, Place] = {}
    for key in sorted(keys):
        for place, _ in lookup(conn, key, [city.country]):
            first_level = place.kind == "admin" and not place.parent
            if first_level and place.admin1 == city.admin1 and place.population > city.population:
                found[place.geonames_id] = place
    return next(iter(found.values())) if len(found) == 1 else None
