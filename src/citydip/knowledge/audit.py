"""An audit of the store's places for a curator (``citydip places audit``).

Four lists, each with its count (docs/identity.md, "Auditing"):

- **suspected splits**: places of one name (any of their names, folded), one country and one
  kind (a town, or a unit at one level) that lie within ``SPLIT_KM`` of each other, or —
  when one of them has no coordinates to tell them apart — share a partner: one place stored
  twice. Two located places further apart are namesakes (the two Suzhous), and a district
  and its own city are never a split;
- **suspected wrong merges**: a place holding a list's row whose partner another source ties
  to a namesake in the same country (the row likely belongs to that namesake);
- **unplaced places** (no coordinates), most ties first;
- **misplaced**: places whose coordinates cannot lie in their country.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from citydip.store.database import Store

SPLIT_KM = 30.0
_TOWN_LEVELS = {"city", "", None}


@dataclass(frozen=True)
class AuditPlace:
    """One place as the audit lists it."""

    id: str
    name: str
    country: str | None
    level: str | None
    placement: str | None
    ties: int


@dataclass(frozen=True)
class SplitCluster:
    """Places that look like one place stored several times, and why."""

    name: str
    country: str | None
    places: list[AuditPlace]
    reason: str


@dataclass(frozen=True)
class WrongMerge:
    """A row on ``place`` that another source gives to ``namesake`` (with ``partner``)."""

    place: AuditPlace
    namesake: AuditPlace
    partner: str


@dataclass(frozen=True)
class PlacesAudit:
    """The audit's lists and counts."""

    places: int
    ties: int
    splits: list[SplitCluster] = field(default_factory=list)
    wrong_merges: list[WrongMerge] = field(default_factory=list)
    unplaced: list[AuditPlace] = field(default_factory=list)
    misplaced: list[AuditPlace] = field(default_factory=list)
    unplaced_ties: int = 0

    @property
    def redundant(self) -> int:
        """Places beyond the first of each suspected split."""
        return sum(len(c.places) - 1 for c in self.splits)

    def counts(self) -> dict[str, Any]:
        return {
            "places": self.places,
            "ties": self.ties,
            "split_clusters": len(self.splits),
            "redundant_places": self.redundant,
            "wrong_merges": len(self.wrong_merges),
            "unplaced": len(self.unplaced),
            "ties_touching_unplaced": self.unplaced_ties,
            "ties_touching_unplaced_share": round(self.unplaced_ties / self.ties, 4)
            if self.ties
            else 0.0,
            "misplaced": len(self.misplaced),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "counts": self.counts(),
            "splits": [asdict(c) for c in self.splits],
            "wrong_merges": [asdict(w) for w in self.wrong_merges],
            "unplaced": [asdict(p) for p in self.unplaced],
            "misplaced": [asdict(p) for p in self.misplaced],
        }


def audit_places(store: Store) -> PlacesAudit:
    """Every list of the audit over the whole store."""
    from citydip.gazetteer.grid import plausible
    from citydip.gazetteer.match import distance_km

    rows = store.conn.execute(
        "SELECT id, name, country, level, placement, lat, lon, parent FROM entities "
        "WHERE type = 'place'"
    ).fetchall()
    partners: dict[str, set[str]] = defaultdict(set)
    ties = 0
    unplaced_ids = {str(r[0]) for r in rows if r[5] is None or r[6] is None}
    unplaced_ties = 0
    by_source: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a, b, source in store.conn.execute(
        "SELECT subject, object, source_id FROM claims WHERE predicate = 'twinned_with' "
        "AND object IS NOT NULL AND review = 'accepted'"
    ):
        a, b = str(a), str(b)
        ties += 1
        unplaced_ties += a in unplaced_ids or b in unplaced_ids
        partners[a].add(b)
        partners[b].add(a)
        by_source[str(source)][a].add(b)
        by_source[str(source)][b].add(a)
    info = {
        str(r[0]): AuditPlace(str(r[0]), str(r[1]), r[2], r[3], r[4], len(partners[str(r[0])]))
        for r in rows
    }
    point = {str(r[0]): (r[5], r[6]) for r in rows if r[5] is not None and r[6] is not None}
    parent = {str(r[0]): str(r[7]) for r in rows if r[7]}
    names: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for entity_id, folded in store.conn.execute("SELECT entity_id, folded FROM names"):
        place = info.get(str(entity_id))
        if place is not None and folded:
            kind = "town" if place.level in _TOWN_LEVELS else str(place.level)
            names[(str(folded), place.country or "", kind)].add(place.id)

    def related(x: str, y: str) -> str | None:
        if parent.get(x) == y or parent.get(y) == x:
            return None
        if x in point and y in point:  # both located: the distance tells namesakes apart
            near = distance_km(point[x], point[y]) <= SPLIT_KM
            return f"within {SPLIT_KM:.0f} km" if near else None
        if partners[x] & partners[y] - {x, y}:
            return "sharing a partner"
        return None

    splits: list[SplitCluster] = []
    seen: set[frozenset[str]] = set()
    for (_folded, country, _kind), ids in sorted(names.items()):
        if len(ids) < 2:
            continue
        cluster = _cluster(sorted(ids), related)
        for group, reason in cluster:
            key = frozenset(group)
            if key in seen:
                continue
            seen.add(key)
            places = sorted((info[i] for i in group), key=lambda p: (-p.ties, p.id))
            splits.append(SplitCluster(places[0].name, country or None, places, reason))
    splits.sort(key=lambda c: (-sum(p.ties for p in c.places), c.name))
    wrong = _wrong_merges(store, info, by_source)
    unplaced = sorted((info[i] for i in unplaced_ids if i in info), key=lambda p: (-p.ties, p.id))
    misplaced = sorted(
        (
            info[i]
            for i, (lat, lon) in point.items()
            if info[i].country
            and len(info[i].country or "") == 2
            and not plausible(lat, lon, info[i].country)
        ),
        key=lambda p: (-p.ties, p.id),
    )
    return PlacesAudit(
        len(rows), ties, splits, wrong, unplaced, misplaced, unplaced_ties=unplaced_ties
    )


def _cluster(ids: list[str], related: Any) -> list[tuple[list[str], str]]:
    """Connected groups of ``ids`` under ``related`` (with the first reason seen)."""
    groups: list[tuple[list[str], str]] = []
    left = list(ids)
    while left:
        seed = left.pop(0)
        group, reason, frontier = [seed], "", [seed]
        while frontier:
            x = frontier.pop()
            for y in list(left):
                why = related(x, y)
                if why:
                    reason = reason or why
                    group.append(y)
                    frontier.append(y)
                    left.remove(y)
        if len(group) > 1:
            groups.append((group, reason))
    return groups


@dataclass(frozen=True)
class NameIndex:
    """The store's places by folded name and country, and each place's folded names."""

    by_name: dict[tuple[str, str], set[str]]
    names_of: dict[str, set[str]]
    places: dict[str, tuple[str, str]]  # id → (name, country)

    @classmethod
    def of(cls, store: Store) -> NameIndex:
        from citydip.text import fold

        places = {
            str(eid): (str(name), str(country or ""))
            for eid, name, country in store.conn.execute(
                "SELECT id, name, country FROM entities WHERE type = 'place'"
            )
        }
        by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
        names_of: dict[str, set[str]] = defaultdict(set)
        for eid, folded in store.conn.execute("SELECT entity_id, folded FROM names"):
            if str(eid) in places:
                by_name[(str(folded), places[str(eid)][1])].add(str(eid))
                names_of[str(eid)].add(str(folded))
        for eid, (name, _) in places.items():
            if eid not in names_of:
                names_of[eid].add(fold(name))
        return cls(dict(by_name), dict(names_of), places)

    def namesake(self, place: str, partner: str, partners: dict[str, set[str]]) -> str | None:
        """The one other place bearing one of ``place``'s names in its country that
        ``partners`` (another source's ties) ties to ``partner``: whose row it likely is."""
        country = self.places[place][1]
        found = {
            x
            for folded in self.names_of.get(place, set())
            for x in self.by_name.get((folded, country), set())
            if x != place and partner in partners.get(x, set())
        }
        return found.pop() if len(found) == 1 else None


def _wrong_merges(
    store: Store, info: dict[str, AuditPlace], by_source: dict[str, dict[str, set[str]]]
) -> list[WrongMerge]:
    """Rows of name lists (imported claims without a Wikidata statement behind them) whose
    partner another source ties to a namesake of the place in the same country."""
    lists = {
        str(r[0])
        for r in store.conn.execute(
            "SELECT DISTINCT source_id FROM claims WHERE predicate = 'twinned_with' "
            "AND method = 'imported' AND qualifiers NOT LIKE '%\"wikidata\":%'"
        )
    }
    index = NameIndex.of(store)
    others: dict[str, set[str]] = defaultdict(set)
    for source, table in by_source.items():
        if source in lists:
            continue
        for a, bs in table.items():
            others[a] |= bs
    found = []
    for source in lists:
        for place, listed in by_source.get(source, {}).items():
            if place not in info:
                continue
            for partner in sorted(listed - others[place]):
                x = index.namesake(place, partner, others)
                if x is not None:
                    label = info[partner].name if partner in info else partner
                    found.append(WrongMerge(info[place], info[x], label))
    return found
