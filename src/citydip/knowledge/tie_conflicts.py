"""Conflicts about one tie: its kind, its start, its status, a newer snapshot that dropped it.

Rules (docs/reconciliation.md), over accepted claims unless said otherwise:
- ``tie-kind``: the sources give different kinds ('unspecified' never counts);
- ``date``: different start years; or a source dated more than a year before the start
  already lists the tie;
- ``status``: a source says the tie ended or is suspended, another lists it as active;
- ``withdrawn``: a newer snapshot of an imported source no longer lists a tie others still do;
- ``self-contradiction`` instead of ``tie-kind`` / ``date`` when one source gives two values.
Only ties with two kinds, two start years, a stop and another source, a start and a dated
source, or a withdrawn claim can conflict: the others are
skipped without further work, which keeps single-source world imports fast.
"""

from __future__ import annotations

from collections import defaultdict

from citydip.knowledge.conflict_records import ConflictValue, Finding
from citydip.knowledge.tie_index import Row, TieIndex


def tie_findings(index: TieIndex, involving: str | None = None) -> list[Finding]:
    """Every tie conflict, of one entity's ties or of all."""
    out: list[Finding] = []
    for key in index.keys(involving):
        rows = index.ties[key]
        if not _may_conflict(index, rows):
            continue
        accepted = index.ordered([r for r in rows if r.review == "accepted"])
        if not accepted:
            continue
        subject = involving or accepted[0].subject
        partner = key[1] if key[0] == subject else key[0]
        finder = _TieRules(index, subject, partner, accepted)
        out.extend(finder.kind())
        out.extend(finder.years())
        out.extend(finder.listed_early())
        out.extend(finder.status())
        out.extend(finder.withdrawn(rows))
    return [f.scored() for f in out]


def _may_conflict(index: TieIndex, rows: list[Row]) -> bool:
    """Whether any rule below can fire: two kinds, two years, a status, a withdrawal..."""
    if len(rows) == 1:
        return False
    kinds, years, sources = set(), set(), set()
    stopped = started = False
    for r in rows:
        if r.review == "rejected":
            return True
        if r.kind and r.kind != "unspecified":
            kinds.add(r.kind)
        if r.start:
            years.add(r.start[:4])
            started = True
        stopped = stopped or bool(r.end) or r.status in ("ended", "suspended")
        sources.add(r.source)
    if len(kinds) > 1 or len(years) > 1:
        return True
    if stopped and len(sources) > 1:
        return True
    return started and any(_source_year(index, s) is not None for s in sources)


def _source_year(index: TieIndex, source_id: str) -> int | None:
    source = index.sources.by_id.get(source_id)
    date = source.date if source else None
    return int(date[:4]) if date and date[:4].isdigit() else None


class _TieRules:
    def __init__(self, index: TieIndex, city: str, partner: str, rows: list[Row]) -> None:
        self.index, self.city, self.partner, self.rows = index, city, partner, rows

    def _finding(self, prop: str, kind: str, values: list[ConflictValue], note: str) -> Finding:
        return Finding(self.city, prop, kind, values, note, object=self.partner)

    def _value(self, value: str, source_ids: list[str]) -> ConflictValue:
        return ConflictValue(value, self.index.cite(source_ids))

    def _disagreement(self, prop: str, by_value: dict[str, list[str]], note: str) -> Finding:
        by_source: dict[str, set[str]] = defaultdict(set)
        for value, ids in by_value.items():
            for sid in ids:
                by_source[sid].add(value)
        twice = sorted(sid for sid, vals in by_source.items() if len(vals) > 1)
        kind = "self-contradiction" if twice else ("tie-kind" if prop == "tie kind" else "date")
        if twice:
            said = [f"{sid} states {' and '.join(sorted(by_source[sid]))}" for sid in twice]
            note = "; ".join(([note] if note else []) + said)
        values = [self._value(v, ids) for v, ids in sorted(by_value.items())]
        return self._finding(prop, kind, values, note)

    def kind(self) -> list[Finding]:
        kinds: dict[str, list[str]] = defaultdict(list)
        for r in self.rows:
            if r.kind and r.kind != "unspecified":
                kinds[r.kind].append(r.source)
        if len(kinds) < 2:
            return []
        shown = next(r.kind for r in self.rows if r.kind and r.kind != "unspecified")
        note = f"shown as {shown!r}, the kind the most authoritative source gives"
        return [self._disagreement("tie kind", kinds, note)]

    def years(self) -> list[Finding]:
        years: dict[str, list[str]] = defaultdict(list)
        for r in self.rows:
            if r.start:
                years[r.start[:4]].append(r.source)
        if len(years) < 2:
            return []
        return [self._disagreement("tie start", years, "")]

    def listed_early(self) -> list[Finding]:
        first = next((r for r in self.rows if r.start and r.start[:4].isdigit()), None)
        if first is None or first.start is None:
            return []
        year = int(first.start[:4])
        # A year of grace: approvals and announcements precede signings.
        early = sorted(
            {
                r.source
                for r in self.rows
                if (y := _source_year(self.index, r.source)) is not None and y < year - 1
            }
        )
        if not early:
            return []
        values = [
            self._value(f"began {first.start}", [first.source]),
            self._value("already listed earlier", early),
        ]
        note = "a source dated before the start year lists the tie"
        return [self._finding("tie start", "date", values, note)]

    def status(self) -> list[Finding]:
        ended: dict[str, list[str]] = defaultdict(list)
        for r in self.rows:
            state = r.status if r.status in ("ended", "suspended") else "ended" if r.end else None
            if state:
                ended[f"{state} {r.end}" if r.end else state].append(r.source)
        if not ended:
            return []
        stopped = {s for ids in ended.values() for s in ids}
        active = sorted({r.source for r in self.rows if r.source not in stopped})
        if not active:
            return []
        values = [self._value(v, ids) for v, ids in sorted(ended.items())]
        values.append(self._value("listed as active", active))
        note = "the tie ended or was suspended by one source's account; others still list it"
        return [self._finding("tie status", "status", values, note)]

    def withdrawn(self, rows: list[Row]) -> list[Finding]:
        listing = {r.source for r in self.rows}
        gone = sorted(
            {r.source for r in rows if r.review == "rejected" and r.method == "imported"} - listing
        )
        if not gone:
            return []
        values = [
            self._value("no longer listed", gone),
            self._value("listed", sorted(listing)),
        ]
        note = "a newer snapshot of an imported source dropped the tie"
        return [self._finding("tie", "withdrawn", values, note)]
