"""Every ``twinned_with`` claim read once as plain rows, grouped by tie, for the conflict rules.

Reading tens of thousands of imported ties as ``Claim`` objects is what made conflicts slow;
the rules need only a few columns, so one SQL scan fills this index and each rule walks it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from citydip.knowledge.reconcile import SourceIndex
from citydip.store.database import Store
from citydip.store.models import CitedSource


class Row(NamedTuple):
    """One tie claim, the columns the rules read."""

    subject: str
    object: str
    kind: str | None
    start: str | None
    end: str | None
    status: str | None
    source: str
    method: str
    review: str


class Place(NamedTuple):
    """What conflict notes say about an entity."""

    name: str
    country: str | None
    description: str | None


Key = tuple[str, str]
# A source that states this many ties of one city lists its ties (one or two are news).
LIST_SIZE = 3


def tie_key(a: str, b: str) -> Key:
    """One key per tie, whichever side states it."""
    return (a, b) if a <= b else (b, a)


class TieIndex:
    """Ties by key, who lists whose ties, neighbours, and official lists; loaded once.

    With ``involving``, only the ties of that entity and of its partners are read: all the
    rules about the entity's ties need (the partners' own lists, their other ties).
    """

    def __init__(self, store: Store, sources: SourceIndex, involving: str | None = None) -> None:
        self.store = store
        self.involving = involving
        self.sources = sources
        self.ties: dict[Key, list[Row]] = defaultdict(list)
        self._accepted: dict[Key, list[Row]] = defaultdict(list)
        self.lists: dict[str, set[str]] = defaultdict(set)  # source → subjects it lists ties of
        # subject → the sources that list its ties (LIST_SIZE or more of them)
        self.listers: dict[str, set[str]] = defaultdict(set)
        sizes: Counter[tuple[str, str]] = Counter()
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        self.official = {sid for sid, s in sources.by_id.items() if s.kind == "official"}
        self.official_lists: dict[str, list[str]] = defaultdict(list)  # city → list sources
        for sid, source in sorted(sources.by_id.items()):
            if source.lists_ties_of:
                self.official_lists[source.lists_ties_of].append(sid)
        for row in map(Row._make, self._rows(involving)):
            key = tie_key(row.subject, row.object)
            self.ties[key].append(row)
            if row.review == "accepted":
                self._accepted[key].append(row)
                self.lists[row.source].add(row.subject)
                sizes[(row.source, row.subject)] += 1
                self.neighbours[row.subject].add(row.object)
                self.neighbours[row.object].add(row.subject)
        for (lister, subject), size in sizes.items():
            if size >= LIST_SIZE:
                self.listers[subject].add(lister)
        self._places: dict[str, Place] = {}
        self._cited: dict[frozenset[str], list[CitedSource]] = {}

    def _rows(self, involving: str | None) -> list[tuple[object, ...]]:
        sql = (
            'SELECT subject, object, kind, start, "end", status, source_id, method, review '
            "FROM claims WHERE predicate = 'twinned_with' AND object IS NOT NULL"
        )
        if involving is None:
            return self.store.conn.execute(sql + " ORDER BY id").fetchall()
        ids = {involving}
        for a, b in self.store.conn.execute(
            "SELECT subject, object FROM claims WHERE predicate = 'twinned_with' "
            "AND (subject = ? OR object = ?)",
            (involving, involving),
        ):
            ids.update((a, b))
        marks = ", ".join("?" for _ in ids)
        where = f" AND (subject IN ({marks}) OR object IN ({marks})) ORDER BY id"
        return self.store.conn.execute(sql + where, [*ids, *ids]).fetchall()

    def cite(self, source_ids: Iterable[str]) -> list[CitedSource]:
        """SourceIndex.cite, remembered: thousands of notices cite the same few sources."""
        key = frozenset(source_ids)
        if key not in self._cited:
            self._cited[key] = self.sources.cite(list(key))
        return self._cited[key]

    def keys(self, involving: str | None = None) -> list[Key]:
        """Every tie key, or those of one entity (its ties through its neighbours)."""
        if involving is None:
            return list(self.ties)
        return sorted(tie_key(involving, n) for n in self.neighbours.get(involving, ()))

    def accepted(self, key: Key) -> list[Row]:
        return self._accepted.get(key, [])

    def ordered(self, rows: list[Row]) -> list[Row]:
        """Most authoritative source first, then the most specific date."""
        return sorted(rows, key=lambda r: (self.sources.rank(r.source), -len(r.start or "")))

    def shown(self, key: Key) -> tuple[str, str | None, list[str]]:
        """The kind and start the most authoritative source gives, and every source id."""
        rows = self.ordered(self.accepted(key))
        kind = next((r.kind for r in rows if r.kind and r.kind != "unspecified"), "unspecified")
        start = next((r.start for r in rows if r.start), None)
        return kind, start, sorted({r.source for r in rows})

    def place(self, entity_id: str) -> Place:
        """Name, country and description of an entity (read when first asked for)."""
        if entity_id not in self._places:
            row = self.store.conn.execute(
                "SELECT name, country, description FROM entities WHERE id = ?", (entity_id,)
            ).fetchone()
            self._places[entity_id] = Place(*row) if row else Place(entity_id, None, None)
        return self._places[entity_id]

    def ties_nearby(self, partner: str, city: str) -> list[tuple[str, Key]]:
        """The partner's ties with other places of the city's country (a likely confusion)."""
        country = self.place(city).country
        if not country:
            return []
        return sorted(
            (self.place(other).name, tie_key(partner, other))
            for other in self.neighbours.get(partner, ())
            if other != city and self.place(other).country == country
        )
