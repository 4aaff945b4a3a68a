"""Conflicts about a place itself and curators' judgements (docs/reconciliation.md).

- ``population``: the population GeoNames gives against a population a source states, when
  they differ 1.5 times or more (a metropolitan figure against the city proper: Taipei);
- ``tie-period``: a stated period of agreements (``tie_period``) against the ties the store
  dates outside it (Taipei's "1961 to 2024" against Basseterre, 2025);
- ``likely-confusion``: a tie a curator judged to belong to another place
  (``likely_confusion``: Taipei–Cincinnati is New Taipei's tie).
"""

from __future__ import annotations

from citydip.knowledge.conflict_records import ConflictValue, Finding
from citydip.knowledge.reconcile import SourceIndex, reconcile_ties
from citydip.knowledge.severity import as_number
from citydip.store.database import Store

POPULATION_GAP = 1.5  # GeoNames and a source differ this many times: different areas


def place_findings(store: Store, sources: SourceIndex, subject: str | None) -> list[Finding]:
    """Population, tie-period and likely-confusion findings of one entity, or of all."""
    out = []
    for sid in _subjects(store, subject, "predicate IN ('population', 'tie_period')"):
        out.extend(_population(store, sid, sources))
        out.extend(_tie_period(store, sid, sources))
    out.extend(_confusions(store, subject, sources))
    return out


def _subjects(store: Store, subject: str | None, where: str) -> list[str]:
    if subject is not None:
        return [subject]
    rows = store.conn.execute(
        f"SELECT DISTINCT subject FROM claims WHERE {where} AND review = 'accepted' ORDER BY 1"
    )
    return [str(r[0]) for r in rows]


def _population(store: Store, city: str, sources: SourceIndex) -> list[Finding]:
    entity = store.entity(city)
    shown = entity.population if entity else None
    if not shown:
        return []
    far = [
        c
        for c in store.claims(subject=city, predicate="population")
        if (n := as_number(str(c.value))) and max(n, shown) >= POPULATION_GAP * min(n, shown)
    ]
    if not far:
        return []
    values = [
        ConflictValue(
            str(c.value),
            sources.cite([c.source_id]),
            as_of=c.qualifier_text("as_of"),
            quote=c.locator,
        )
        for c in far
    ]
    assert entity is not None
    values.append(ConflictValue(str(shown), [], derived=f"GeoNames record {entity.geonames_id}"))
    note = (
        "GeoNames' figure and the sourced one differ by more than half: they likely "
        "describe different areas (a metropolitan area against the city proper)"
    )
    return [Finding(city, "population", "population", values, note).scored()]


def _tie_period(store: Store, city: str, sources: SourceIndex) -> list[Finding]:
    periods = store.claims(subject=city, predicate="tie_period")
    if not periods:
        return []
    ties = reconcile_ties(store, involving=city, sources=sources)
    out = []
    for period in periods:
        first = int(period.start[:4]) if period.start else None
        last = int(period.end[:4]) if period.end else None
        outside = [
            t
            for t in ties
            if t.status == "active"
            and t.year is not None
            and ((last is not None and t.year > last) or (first is not None and t.year < first))
            and any(sources.kind(c.source_id) != "dataset" for c in t.claims)
        ]
        if not outside:
            continue
        names = store.entity_map({t.partner for t in outside})
        values = [ConflictValue(str(period.value), sources.cite([period.source_id]))]
        values += [
            ConflictValue(
                f"{names[t.partner].name} ({t.kind}, {t.start})", sources.cite(t.source_ids)
            )
            for t in outside
        ]
        note = "ties listed with a start outside the stated period"
        out.append(Finding(city, "tie period", "tie-period", values, note).scored())
    return out


def _confusions(store: Store, subject: str | None, sources: SourceIndex) -> list[Finding]:
    sql = (
        "SELECT DISTINCT subject, object FROM claims WHERE predicate = 'twinned_with' "
        "AND review = 'accepted' AND qualifiers LIKE '%\"likely_confusion\"%'"
    )
    params: list[str] = []
    if subject is not None:
        sql += " AND (subject = ? OR object = ?)"
        params = [subject, subject]
    out = []
    for a, b in store.conn.execute(sql, params).fetchall():
        for tie in reconcile_ties(store, involving=a, sources=sources):
            if tie.partner != b or not tie.likely_confusion:
                continue
            other = store.entity(tie.likely_confusion)
            notes = [str(c.qualifiers["note"]) for c in tie.claims if c.qualifiers.get("note")]
            values = [
                ConflictValue("listed as a tie", sources.cite(tie.source_ids)),
                ConflictValue(
                    f"likely {other.name if other else tie.likely_confusion}'s tie",
                    [],
                    derived="judged when curated",
                ),
            ]
            note = "; ".join(notes) or "judged a likely confusion when curated"
            out.append(Finding(a, "tie", "likely-confusion", values, note, b).scored())
    return out
