"""Finding what is in the store: places with their tie counts, an organization's members.

``search_cities`` is one SQL query (a substring of any folded name, a country, an order, a
limit), fast on a world store; a place's tie count is its number of distinct partners over
accepted ``twinned_with`` claims, from either side. ``organization_members`` groups the
``member_of`` claims naming one organization by member, roles in order of rank.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from citydip.analysis.memberships import MembershipList
from citydip.analysis.profile import ROLE_ORDER
from citydip.errors import InvalidInput
from citydip.knowledge.reconcile import SourceIndex
from citydip.store.database import Store
from citydip.store.models import CitedSource, Claim, Entity, JsonObject
from citydip.text import check_name_length, fold

SORTS = ("ties", "name")

_DEGREE = """
WITH partners AS (
    SELECT subject AS e, object AS p FROM claims
    WHERE predicate = 'twinned_with' AND review = 'accepted' AND object IS NOT NULL
    UNION
    SELECT object, subject FROM claims
    WHERE predicate = 'twinned_with' AND review = 'accepted' AND object IS NOT NULL
), degree AS (SELECT e, COUNT(*) AS n FROM partners GROUP BY e)
"""


@dataclass
class CityHit:
    """One place of the store and its number of tie partners."""

    id: str
    name: str
    country: str | None
    level: str | None
    population: int | None
    ties: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "level": self.level,
            "population": self.population,
            "ties": self.ties,
        }


@dataclass
class CitySearch:
    """The places found (after the limit) and how many matched in all."""

    hits: list[CityHit]
    total: int

    def __iter__(self) -> Any:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def to_dict(self) -> dict[str, Any]:
        return {"hits": [h.to_dict() for h in self.hits], "total": self.total}


def search_cities(
    store: Store,
    query: str | None = None,
    country: str | None = None,
    sort: str = "ties",
    limit: int | None = None,
    merge_districts: bool = False,
) -> CitySearch:
    """Places whose name (any of them, any script) contains ``query``; most ties first.

    With ``merge_districts`` a place with a parent place (a district, a ward) counts as
    its top-most parent, as in the network: it is not listed, its ties are its city's,
    and ties between a district and its own city vanish.
    """
    if query:
        check_name_length(query, "query")
    if sort not in SORTS:
        raise InvalidInput(f"sort {sort!r}: give one of {', '.join(SORTS)}")
    if limit is not None and limit < 1:
        raise InvalidInput(f"limit {limit}: give 1 or more")
    where, params = ["e.type = 'place'"], []
    match, match_params = "0", []
    if country:
        where.append("e.country = ?")
        params.append(country_code(country))
    if query and (key := fold(query)):
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(
            "e.id IN (SELECT entity_id FROM names WHERE folded LIKE ? ESCAPE '\\') OR e.id = ?"
        )
        params += [f"%{escaped}%", query]
        # The exact name first, then names that start with the query, then the rest.
        match = (
            "(SELECT MIN(CASE WHEN n.folded = ? THEN 0 WHEN n.folded LIKE ? ESCAPE '\\' "
            "THEN 1 ELSE 2 END) FROM names n WHERE n.entity_id = e.id)"
        )
        match_params = [key, f"{escaped}%"]
    if merge_districts:
        return _merged(store, where, match_params + params, match, sort, limit)
    order = "ties DESC, e.name, e.id" if sort == "ties" else "e.name, ties DESC, e.id"
    sql = (
        _DEGREE
        + "SELECT e.id, e.name, e.country, e.level, e.population, COALESCE(d.n, 0) AS ties, "
        f"COUNT(*) OVER (), {match} AS match FROM entities e LEFT JOIN degree d ON d.e = e.id "
        f"WHERE {' AND '.join(f'({w})' for w in where)} ORDER BY match, {order}"
    )
    params = match_params + params
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = store.conn.execute(sql, params).fetchall()
    total = int(rows[0][6]) if rows else 0
    hits = [CityHit(*row[:6]) for row in rows]
    return CitySearch(hits, total)


def _merged(
    store: Store, where: list[str], params: list[Any], match: str, sort: str, limit: int | None
) -> CitySearch:
    """search_cities with districts counted as their top-most parent place (in Python)."""
    from citydip.knowledge.districts import place_parents, top_parents

    root = top_parents(place_parents(store))
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in store.conn.execute(
        "SELECT DISTINCT subject, object FROM claims WHERE predicate = 'twinned_with' "
        "AND review = 'accepted' AND object IS NOT NULL"
    ):
        ra, rb = root.get(a, a), root.get(b, b)
        if ra != rb:
            partners[ra].add(rb)
            partners[rb].add(ra)
    sql = (
        f"SELECT e.id, e.name, e.country, e.level, e.population, {match} FROM entities e "
        f"WHERE {' AND '.join(f'({w})' for w in where)}"
    )
    rows = [r for r in store.conn.execute(sql, params) if r[0] not in root]
    hits = [
        (r[5], CityHit(r[0], r[1], r[2], r[3], r[4], len(partners.get(r[0], ())))) for r in rows
    ]
    if sort == "ties":
        hits.sort(key=lambda h: (h[0], -h[1].ties, h[1].name, h[1].id))
    else:
        hits.sort(key=lambda h: (h[0], h[1].name, -h[1].ties, h[1].id))
    chosen = hits if limit is None else hits[:limit]
    return CitySearch([h for _, h in chosen], len(hits))


def country_code(text: str) -> str:
    """An ISO 3166 alpha-2 code from a code or a country name ('jp', 'Japan' → 'JP')."""
    cleaned = text.strip()
    if len(cleaned) == 2 and cleaned.isalpha():
        return cleaned.upper()
    from citydip.gazetteer.countries import country_aliases

    options = country_aliases().get(fold(cleaned))
    codes = sorted({code for code, _ in options or ()})
    if len(codes) != 1:
        raise InvalidInput(f"country {text!r}: give an ISO 3166 code such as JP, or its name")
    return codes[0]


@dataclass
class Member:
    """One member of an organization: its roles (highest first), since when, and sources."""

    member: Entity
    roles: list[str]
    start: str | None
    end: str | None
    sources: list[CitedSource]
    as_of: str | None = None  # the date of the latest list that names it
    listed_as: list[str] = field(default_factory=list)  # names as the lists write them
    details: JsonObject = field(default_factory=dict)  # a list's own qualifiers (tier)

    def to_dict(self) -> dict[str, Any]:
        return {
            "member": self.member.summary(),
            "roles": self.roles,
            "start": self.start,
            "end": self.end,
            "sources": self.sources,
            "as_of": self.as_of,
            "listed_as": self.listed_as,
            "details": self.details,
        }


@dataclass(frozen=True)
class StatedCount:
    """A member count a source states for an organization."""

    metric: str
    value: str | None
    as_of: str | None
    sources: list[CitedSource]

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "value": self.value,
            "as_of": self.as_of,
            "sources": self.sources,
        }


@dataclass
class Organization:
    """An organization, its members (``limit`` of ``total``), the member counts sources
    state, the lists its members come from, and the store's coverage line."""

    organization: Entity
    members: list[Member]
    stated_counts: list[StatedCount] = field(default_factory=list)
    total: int = 0
    lists: list[MembershipList] = field(default_factory=list)
    coverage: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "organization": self.organization.summary(),
            "members": [m.to_dict() for m in self.members],
            "stated_counts": [c.to_dict() for c in self.stated_counts],
            "total": self.total,
            "shown": len(self.members),
            "more": self.total - len(self.members),
            "lists": [m.to_dict() for m in self.lists],
            "coverage": self.coverage,
        }


LIST_DETAILS = ("tier", "tier_description")


def organization_members(store: Store, org: Entity, limit: int | None = None) -> Organization:
    """Every accepted ``member_of`` claim naming ``org``, one entry per member; the first
    ``limit`` members (all when None or 0), ``total`` says how many there are."""
    from citydip.analysis.memberships import coverage, membership_lists

    if limit is not None and limit < 0:
        raise InvalidInput(f"limit {limit}: give 0 (all) or more", field="limit")
    sources = SourceIndex(store)
    by_member: dict[str, list[Claim]] = defaultdict(list)
    for claim in store.claims(predicate="member_of", object=org.id):
        by_member[claim.subject].append(claim)
    entities = store.entity_map(by_member)
    members = []
    for member_id, claims in by_member.items():
        roles = sorted({c.role or "member" for c in claims}, key=lambda r: (_rank(r), r))
        starts = sorted(c.start for c in claims if c.start)
        ends = sorted(c.end for c in claims if c.end)
        member = entities.get(member_id) or Entity(member_id, "place", member_id)
        cited = sources.cite([c.source_id for c in claims])
        as_of = sorted(str(c.qualifiers["as_of"]) for c in claims if c.qualifiers.get("as_of"))
        listed = sorted(
            {str(c.qualifiers["listed_as"]) for c in claims if "listed_as" in c.qualifiers}
        )
        details = {k: c.qualifiers[k] for c in claims for k in LIST_DETAILS if k in c.qualifiers}
        members.append(
            Member(
                member,
                roles,
                starts[0] if starts else None,
                ends[-1] if ends else None,
                cited,
                as_of[-1] if as_of else None,
                listed,
                details,
            )
        )
    members.sort(key=lambda m: (_rank(m.roles[0]), fold(m.member.name), m.member.id))
    counts = [
        StatedCount(
            str(c.qualifiers.get("metric", c.predicate)),
            c.value,
            str(c.qualifiers["as_of"]) if c.qualifiers.get("as_of") else None,
            sources.cite([c.source_id]),
        )
        for c in store.claims(subject=org.id, predicate="participant_count")
    ]
    counts.sort(key=lambda c: c.as_of or "")
    lists = [m for m in membership_lists(store) if m.organization == org.id]
    total = len(members)
    shown = members[:limit] if limit else members
    return Organization(org, shown, counts, total, lists, coverage(store).line)


def _rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)
