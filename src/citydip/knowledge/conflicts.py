"""Where sources disagree, ranked by severity: every competing value with its sources.

The rules live in ``tie_conflicts`` (kind, date, status, withdrawn), ``count_conflicts``
(counts, counts against listed ties, memberships), ``place_conflicts`` (population, tie
period, likely confusions) and ``unconfirmed`` (official lists, and
the notices: unconfirmed ties, unresolved names); ``severity`` scores each finding. A tie
one source lists and another leaves out is unconfirmed, not a conflict: notices are counted
apart and listed only when asked for by kind (docs/reconciliation.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from citydip.knowledge.conflict_records import Conflict, ConflictList, ConflictValue, Finding
from citydip.knowledge.count_conflicts import count_findings
from citydip.knowledge.place_conflicts import place_findings
from citydip.knowledge.reconcile import SourceIndex
from citydip.knowledge.severity import NOTICE_KINDS, check_kinds
from citydip.knowledge.tie_conflicts import tie_findings
from citydip.knowledge.tie_index import TieIndex
from citydip.knowledge.unconfirmed import (
    count_unresolved,
    coverage_findings,
    unresolved_findings,
)
from citydip.store.database import Store
from citydip.store.derived import remember
from citydip.store.models import Entity
from citydip.text import fold

__all__ = ["Conflict", "ConflictList", "ConflictValue", "conflicts_citing", "find_conflicts"]


def find_conflicts(
    store: Store,
    subject: str | None = None,
    kinds: Iterable[str] | None = None,
    min_severity: int = 0,
    limit: int | None = None,
) -> ConflictList:
    """Conflicts about one entity (by id) or every entity, most severe first.

    ``kinds`` chooses kinds (knowledge.severity.ALL_KINDS); without it every conflict kind
    is listed and the notices (unconfirmed, unresolved) are only counted.
    """
    chosen = check_kinds(kinds)
    if subject is None and not (chosen and chosen & set(NOTICE_KINDS)):
        findings, notices = _whole_store(store)
    else:
        findings, notices = _findings(store, subject, chosen)
    wanted = [
        f
        for f in findings
        if (f.kind in chosen if chosen else f.kind not in NOTICE_KINDS)
        and f.severity >= min_severity
    ]
    names = _names(store, wanted)
    wanted.sort(key=lambda f: f.rank_key(names))
    page = wanted if limit is None else wanted[: max(0, limit)]
    not_counted = {k: n for k, n in sorted(notices.items()) if not chosen or k not in chosen}
    return ConflictList(_materialize(store, page), len(wanted), not_counted)


def _findings(
    store: Store, subject: str | None, chosen: frozenset[str] | None
) -> tuple[list[Finding], dict[str, int]]:
    """The findings asked for, and how many notices of each kind there are."""
    sources = SourceIndex(store)
    index = TieIndex(store, sources, subject)
    wanted = chosen or frozenset()
    only_notices = bool(chosen) and wanted <= set(NOTICE_KINDS)
    findings = [] if only_notices else tie_findings(index, subject)
    coverage, unconfirmed = coverage_findings(index, subject, notices="unconfirmed" in wanted)
    findings += coverage
    if not only_notices:
        findings += count_findings(store, sources, subject)
        findings += place_findings(store, sources, subject)
    if "unresolved" in wanted:
        unresolved = unresolved_findings(index, subject)
        findings += unresolved
        count = len(unresolved)
    else:
        count = count_unresolved(index, subject)
    notices = {k: n for k, n in (("unconfirmed", unconfirmed), ("unresolved", count)) if n}
    return findings, notices


# The conflicts of the whole store (notices counted, not written out), kept in the store's
# ``derived`` table for its revision: every committed write changes it, so the cache never
# outlives the claims it was computed from. Bump the version when Finding changes shape.
_CACHE_KEY = "conflicts:v2"  # v2: place conflicts


def _whole_store(store: Store) -> tuple[list[Finding], dict[str, int]]:
    def load(data: dict[str, Any]) -> tuple[list[Finding], dict[str, int]]:
        return [_from_json(f) for f in data["findings"]], dict(data["notices"])

    def dump(found: tuple[list[Finding], dict[str, int]]) -> dict[str, Any]:
        return {"findings": [_to_json(f) for f in found[0]], "notices": found[1]}

    return remember(store, _CACHE_KEY, lambda: _findings(store, None, None), dump, load)


def _to_json(finding: Finding) -> dict[str, Any]:
    out = {k: v for k, v in asdict(finding).items() if k not in ("pending", "values")}
    out["values"] = [asdict(v) for v in finding.values]
    return out


def _from_json(data: dict[str, Any]) -> Finding:
    values = [ConflictValue(**v) for v in data.pop("values")]
    return Finding(values=values, **data)


def _names(store: Store, findings: list[Finding]) -> dict[str, str]:
    """Folded names of the subjects and objects, to break ties in the ranking by name."""
    ids = {f.subject for f in findings} | {f.object for f in findings if f.object}
    if len(ids) > 500:
        rows = store.conn.execute("SELECT id, name FROM entities")
    else:
        marks = ", ".join("?" for _ in ids)
        rows = store.conn.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", list(ids))
    return {str(i): fold(str(n)) for i, n in rows if i in ids}


def _materialize(store: Store, findings: list[Finding]) -> list[Conflict]:
    findings = [f.complete() for f in findings]
    ids = {f.subject for f in findings} | {f.object for f in findings if f.object}
    entities = store.entity_map(ids)
    out = []
    for f in findings:
        subject = entities.get(f.subject) or Entity(f.subject, "place", f.subject)
        obj = (entities.get(f.object) or Entity(f.object, "place", f.object)) if f.object else None
        out.append(Conflict(subject, f.property, f.kind, f.values, f.severity, f.note, obj))
    return out


def conflicts_citing(store: Store, source_id: str) -> int:
    """How many conflicts (notices aside) cite one source: an import's summary."""
    return sum(
        1
        for f in _whole_store(store)[0]
        if f.kind not in NOTICE_KINDS
        and any(s["id"] == source_id for v in f.values for s in v.sources)
    )
