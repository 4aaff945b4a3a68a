"""Conflicts about stated counts and memberships.

Rules (docs/reconciliation.md):
- ``count``: sources state different values for the same count (a city's ``count`` claims,
  a network's or programme's ``participant_count``); ``self-contradiction`` when one source
  states two values (the essay: Taipei has 53 and 52 sister cities);
  a figure that grows five-fold or more from one date to the next is flagged, not
  discounted as growth (GO SMART: 213 members in 2022, more than 2,000 in 2025);
- ``count-vs-list``: a stated count differs from the number of active ties of that kind;
- ``membership``: a ``member_of`` claim against a ``not_member_of`` claim.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from citydip.knowledge.conflict_records import ConflictValue, Finding
from citydip.knowledge.reconcile import SourceIndex, Tie, reconcile_ties
from citydip.knowledge.severity import as_number
from citydip.store.database import Store
from citydip.store.models import Claim
from citydip.text import plural

JUMP = 5  # a stated figure that grows this many times between dates is not growth (flagged)
# Which tie kinds each stated count metric counts.
METRIC_KINDS = {
    "sister": ("sister",),
    "partner": ("partner",),
    "friendship": ("friendship",),
    "sister+friendship": ("sister", "friendship"),
    "joint-statement": ("joint-statement",),
}


def count_findings(store: Store, sources: SourceIndex, subject: str | None) -> list[Finding]:
    """Count and membership conflicts of one entity (by id), or of every entity."""
    if subject is not None:
        subjects = [subject]
    else:
        rows = store.conn.execute(
            "SELECT DISTINCT subject FROM claims WHERE predicate IN "
            "('count', 'participant_count', 'not_member_of') AND review = 'accepted' ORDER BY 1"
        )
        subjects = [str(r[0]) for r in rows]
    out: list[Finding] = []
    for sid in subjects:
        out.extend(_counts(store, sid, sources))
        out.extend(_memberships(store, sid, sources))
    return out


def _counts(store: Store, city: str, sources: SourceIndex) -> list[Finding]:
    by_metric: dict[str, list[Claim]] = defaultdict(list)
    for claim in store.claims(subject=city, predicate=("count", "participant_count")):
        by_metric[str(claim.qualifiers.get("metric"))].append(claim)
    if not by_metric:
        return []
    ties = reconcile_ties(store, involving=city, sources=sources)
    out = []
    for metric, claims in sorted(by_metric.items()):
        values = _values_by_statement(claims, sources)
        if len(values) > 1:
            out.append(_stated(city, metric, claims, values, sources))
        kinds = METRIC_KINDS.get(metric)
        if kinds is not None:
            listed = [t for t in ties if t.kind in kinds and t.status == "active"]
            found = _count_vs_list(city, metric, claims, listed, ties, sources)
            if found:
                out.append(found)
    return out


def _stated(
    city: str,
    metric: str,
    claims: list[Claim],
    values: list[ConflictValue],
    sources: SourceIndex,
) -> Finding:
    by_source: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        by_source[claim.source_id].add(str(claim.value))
    notes = [
        f"{sources.by_id[sid].title if sid in sources.by_id else sid} states "
        + " and ".join(sorted(vals))
        for sid, vals in by_source.items()
        if len(vals) > 1
    ]
    kind = "self-contradiction" if notes else "count"
    if len({c.qualifiers.get("as_of") for c in claims}) > 1:
        notes.append("other values are stated as of different dates")
    numbers = [n for v in values if (n := as_number(v.value)) is not None and n > 0]
    jump = max((b / a for a, b in pairwise(numbers)), default=1.0)
    if jump >= JUMP:
        notes.append(
            f"the value grows {jump:.0f}-fold from one date to the next: more than growth "
            "explains; the sources may count different things"
        )
    finding = Finding(city, f"{metric} count", kind, values, "; ".join(notes))
    return finding.scored(not_growth=jump >= JUMP)


def _values_by_statement(claims: list[Claim], sources: SourceIndex) -> list[ConflictValue]:
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[str(claim.value)].append(claim)
    out = []
    for value, group in grouped.items():
        as_of = sorted({str(c.qualifiers["as_of"]) for c in group if c.qualifiers.get("as_of")})
        quotes = [c.locator for c in group if c.locator]
        out.append(
            ConflictValue(
                value,
                sources.cite([c.source_id for c in group]),
                as_of=as_of[-1] if as_of else None,
                quote=quotes[0] if quotes else None,
            )
        )
    return sorted(out, key=lambda v: (v.as_of or "", v.value))


def _count_vs_list(
    city: str,
    metric: str,
    claims: list[Claim],
    listed: list[Tie],
    ties: list[Tie],
    sources: SourceIndex,
) -> Finding | None:
    if {c.value for c in claims} == {str(len(listed))}:
        return None
    unknown = [t for t in ties if t.kind == "unspecified"]
    values = _values_by_statement(claims, sources)
    values.append(
        ConflictValue(
            str(len(listed)),
            sources.cite([s for t in listed for s in t.source_ids]),
            derived="ties listed with this kind in the store",
        )
    )
    note = f"{plural(len(listed), 'active tie')} of kind {metric} listed"
    if unknown:
        note += f"; {plural(len(unknown), 'more tie')} listed without a kind"
    return Finding(city, f"{metric} count vs listed ties", "count-vs-list", values, note).scored()


def _memberships(store: Store, city: str, sources: SourceIndex) -> list[Finding]:
    out = []
    for denial in store.claims(subject=city, predicate="not_member_of"):
        assert denial.object is not None
        members = store.claims(subject=city, predicate="member_of", object=denial.object)
        if members:
            values = [
                ConflictValue("member", sources.cite([c.source_id for c in members])),
                ConflictValue("not a member", sources.cite([denial.source_id])),
            ]
            finding = Finding(city, "membership", "membership", values, object=denial.object)
            out.append(finding.scored())
    return out
