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
from citydip.knowledge.tie_index import Key, Row, TieIndex


def coverage_findings(index: TieIndex, involving: str | None = None) -> list[Finding]:
    """Official-list conflicts and unconfirmed notices, of one entity's ties or of all."""
    out: list[Finding] = []
    for key in index.keys(involving):
        rows = index.accepted(key)
        if not rows or any(r.source in index.official for r in rows):
            continue
        cities = [involving] if involving else list(key)
        found = [f for city in cities if (f := _official_list(index, key, city, rows))]
        if not found:
            lone = _unconfirmed(index, key, involving, rows)
            found = [lone] if lone else []
        out.extend(found)
    return [f.scored() for f in out]


def _other(key: Key, city: str) -> str:
    return key[1] if key[0] == city else key[0]


def _nearby(index: TieIndex, finding: Finding) -> Finding:
    """Add the partner's ties with other places of the city's country."""
    assert finding.object is not None
    for name, key in index.ties_nearby(finding.object, finding.subject):
        kind, start, source_ids = index.shown(key)
        label = f"{name} ({kind}" + (f", {start}" if start else "") + ")"
        finding.values.append(ConflictValue(label, index.sources.cite(source_ids)))
        finding.note += "; the partner has a tie with another place in the same country"
    return finding


def _official_list(index: TieIndex, key: Key, city: str, rows: list[Row]) -> Finding | None:
    lists = index.official_lists.get(city)
    if not lists:
        return None
    cite = index.sources.cite
    values = [
        ConflictValue("listed as a tie", cite([r.source for r in rows])),
        ConflictValue("not on the official list", cite(lists)),
    ]
    note = "a tie no official source states, missing from the city's official list"
    return _nearby(index, Finding(city, "tie", "official-list", values, note, _other(key, city)))


def _unconfirmed(
    index: TieIndex, key: Key, involving: str | None, rows: list[Row]
) -> Finding | None:
    sources = sorted({r.source for r in rows})
    cite = index.sources.cite
    listed = ConflictValue("listed as a tie", cite(sources))
    for city in [involving] if involving else list(key):
        others = sorted(index.listers.get(city, set()) - set(sources))
        if others:
            name = index.place(city).name
            note = f"{len(sources)} source(s) list this tie; other lists of {name}'s ties omit it"
            values = [listed, ConflictValue("not listed", cite(others))]
            return _nearby(
                index, Finding(city, "tie", "unconfirmed", values, note, _other(key, city))
            )
    said = {(r.subject, r.object, r.source) for r in rows}
    for lister, omitter in (key, key[::-1]):
        for source in sources:
            if (lister, omitter, source) not in said or (omitter, lister, source) in said:
                continue
            if omitter not in index.lists.get(source, ()):
                continue
            name, other = index.place(lister).name, index.place(omitter).name
            values = [
                ConflictValue(f"{name} lists {other}", cite([source])),
                ConflictValue(f"{other}'s own list omits {name}", cite([source])),
            ]
            city = involving or lister
            note = f"listed on one side only in {source}"
            return Finding(city, "tie", "unconfirmed", values, note, _other(key, city))
    return None


def unresolved_findings(index: TieIndex, involving: str | None = None) -> list[Finding]:
    """An imported name the gazetteer could not place, once per claim and side."""
    out: list[Finding] = []
    for key in index.keys(involving):
        for row in index.accepted(key):
            if "_status" not in row.qualifiers:
                continue
            qualifiers = json.loads(row.qualifiers)
            for role, entity_id in (("subject", row.subject), ("object", row.object)):
                state = qualifiers.get(f"{role}_status")
                if not state:
                    continue
                other = row.object if role == "subject" else row.subject
                place = index.place(entity_id)
                value = ConflictValue(f"{place.name} ({state})", index.sources.cite([row.source]))
                note = place.description or ""
                out.append(Finding(other, "partner place", "unresolved", [value], note, entity_id))
    return [f.scored() for f in out]
