"""Who lists a tie and who leaves it out: official lists, unconfirmed ties, unresolved names.

Rules (docs/reconciliation.md):
- ``official-list`` (a conflict): a city has a complete official list (a source with
  ``lists_ties_of``) and a tie of the city that no official source states;
- ``unconfirmed`` (a notice, not a conflict): a tie that no official source states, while a
  list of one of its cities leaves it out: another source that lists that city's ties
  (``tie_index.LIST_SIZE`` ties or more; one or two ties are news, not a list), or the
  partner's own list in the same source (one-sided);
- ``unresolved`` (a notice): an imported name the gazetteer could not place.
For official-list and unconfirmed ties, the partner's ties with other places of the city's
country are added: Taipei–Cincinnati is New Taipei's.
"""

from __future__ import annotations

import json

from citydip.knowledge.conflict_records import ConflictValue, Finding
from citydip.knowledge.severity import NOTICE_KINDS
from citydip.knowledge.tie_index import Key, Row, TieIndex


def coverage_findings(
    index: TieIndex, involving: str | None = None, notices: bool = True
) -> tuple[list[Finding], int]:
    """Official-list conflicts and unconfirmed ties, of one entity's ties or of all.

    Returns the findings and the number of unconfirmed ties; with ``notices=False`` the
    unconfirmed ties are only counted (cheap), not written out.
    """
    out: list[Finding] = []
    unconfirmed = 0
    for key in index.keys(involving):
        rows = index.accepted(key)
        if not rows or any(r.source in index.official for r in rows):
            continue
        cities = [c for c in ([involving] if involving else key) if c in index.official_lists]
        found = [f for city in cities if (f := _official_list(index, key, city, rows))]
        if found:
            out.extend(found)
            continue
        reason = _why_unconfirmed(index, key, involving, rows)
        if reason is not None:
            unconfirmed += 1
            if notices:
                out.append(_pending(index, key, involving, rows, reason))
    return [f if f.pending else f.scored() for f in out], unconfirmed


def _pending(
    index: TieIndex, key: Key, involving: str | None, rows: list[Row], reason: _Reason
) -> Finding:
    """An unconfirmed notice ranked by subject and partner, written out when it is shown."""
    city = reason[0] if len(reason) == 2 else involving or reason[0]
    return Finding(
        city,
        "tie",
        "unconfirmed",
        [],
        object=_other(key, city),
        severity=NOTICE_KINDS["unconfirmed"],
        pending=lambda: _unconfirmed(index, key, involving, rows, reason).scored(),
    )


def _other(key: Key, city: str) -> str:
    return key[1] if key[0] == city else key[0]


def _nearby(index: TieIndex, finding: Finding) -> Finding:
    """Add the partner's ties with other places of the city's country."""
    assert finding.object is not None
    for name, key in index.ties_nearby(finding.object, finding.subject):
        kind, start, source_ids = index.shown(key)
        label = f"{name} ({kind}" + (f", {start}" if start else "") + ")"
        finding.values.append(ConflictValue(label, index.cite(source_ids)))
        finding.note += "; the partner has a tie with another place in the same country"
    return finding


def _official_list(index: TieIndex, key: Key, city: str, rows: list[Row]) -> Finding | None:
    lists = index.official_lists.get(city)
    if not lists:
        return None
    cite = index.cite
    values = [
        ConflictValue("listed as a tie", cite([r.source for r in rows])),
        ConflictValue("not on the official list", cite(lists)),
    ]
    note = "a tie no official source states, missing from the city's official list"
    return _nearby(index, Finding(city, "tie", "official-list", values, note, _other(key, city)))


# Why a tie is unconfirmed: (city, other sources listing its ties) or (lister, omitter, source).
_Reason = tuple[str, list[str]] | tuple[str, str, str]


def _why_unconfirmed(
    index: TieIndex, key: Key, involving: str | None, rows: list[Row]
) -> _Reason | None:
    sources = {r.source for r in rows}
    for city in [involving] if involving else list(key):
        others = index.listers.get(city)
        if others and not others <= sources:
            return (city, sorted(others - sources))
    said = {(r.subject, r.source) for r in rows}  # who lists the tie, in which source
    for subject, source in sorted(said):
        omitter = key[1] if key[0] == subject else key[0]
        if (omitter, source) not in said and omitter in index.lists.get(source, ()):
            return (subject, omitter, source)
    return None


def _unconfirmed(
    index: TieIndex, key: Key, involving: str | None, rows: list[Row], reason: _Reason
) -> Finding:
    cite = index.cite
    sources = sorted({r.source for r in rows})
    if len(reason) == 2:
        city, others = reason
        name = index.place(city).name
        note = f"{len(sources)} source(s) list this tie; other lists of {name}'s ties omit it"
        values = [
            ConflictValue("listed as a tie", cite(sources)),
            ConflictValue("not listed", cite(others)),
        ]
        return _nearby(index, Finding(city, "tie", "unconfirmed", values, note, _other(key, city)))
    lister, omitter, source = reason
    name, other = index.place(lister).name, index.place(omitter).name
    values = [
        ConflictValue(f"{name} lists {other}", cite([source])),
        ConflictValue(f"{other}'s own list omits {name}", cite([source])),
    ]
    city = involving or lister
    note = f"listed on one side only in {source}"
    return Finding(city, "tie", "unconfirmed", values, note, _other(key, city))


_UNRESOLVED = (
    "FROM claims WHERE predicate = 'twinned_with' AND review = 'accepted' "
    "AND object IS NOT NULL AND qualifiers LIKE '%\\_status%' ESCAPE '\\'"
)


def _involving(involving: str | None) -> tuple[str, list[str]]:
    if involving is None:
        return "", []
    return " AND (subject = ? OR object = ?)", [involving, involving]


def count_unresolved(index: TieIndex, involving: str | None = None) -> int:
    """How many unresolved names :func:`unresolved_findings` would list, counted in SQL."""
    where, params = _involving(involving)
    sql = (
        "SELECT COALESCE(SUM((qualifiers LIKE '%\"subject_status\"%') + "
        f"(qualifiers LIKE '%\"object_status\"%')), 0) {_UNRESOLVED}{where}"
    )
    return int(index.store.conn.execute(sql, params).fetchone()[0])


def unresolved_findings(index: TieIndex, involving: str | None = None) -> list[Finding]:
    """An imported name the gazetteer could not place, once per claim and side."""
    where, params = _involving(involving)
    sql = f"SELECT subject, object, source_id, qualifiers {_UNRESOLVED}{where} ORDER BY id"
    out: list[Finding] = []
    for subject, obj, source, text in index.store.conn.execute(sql, params):
        qualifiers = json.loads(text)
        for role, entity_id in (("subject", subject), ("object", obj)):
            state = qualifiers.get(f"{role}_status")
            if not state:
                continue
            other = obj if role == "subject" else subject
            place = index.place(entity_id)
            value = ConflictValue(f"{place.name} ({state})", index.cite([source]))
            note = place.description or ""
            out.append(Finding(other, "partner place", "unresolved", [value], note, entity_id))
    return [f.scored() for f in out]
