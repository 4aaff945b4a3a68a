"""Where sources disagree: every competing value with its sources, never one silently kept.

Rules (docs/reconciliation.md): tie kind, tie start year, a tie listed by a source dated
before it began, an unconfirmed tie (only non-official sources, against an official list or
a single source), stated counts that differ, a stated count that differs from the listed
ties, and membership claims against explicit non-membership.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from citydip.knowledge.reconcile import SourceIndex, Tie, reconcile_ties
from citydip.store.database import Store
from citydip.store.models import Claim, Entity

# Which tie kinds each stated count metric counts.
METRIC_KINDS = {
    "sister": ("sister",),
    "partner": ("partner",),
    "friendship": ("friendship",),
    "sister+friendship": ("sister", "friendship"),
    "joint-statement": ("joint-statement",),
}


@dataclass
class Conflict:
    """One disagreement: a subject, a property, and each competing value with its sources."""

    subject: Entity
    property: str
    kind: str  # contradiction | changed-over-time | unconfirmed | self-contradiction
    values: list[dict[str, Any]]
    note: str = ""
    object: Entity | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"subject": self.subject.summary(), "property": self.property}
        if self.object is not None:
            out["object"] = self.object.summary()
        out.update(kind=self.kind, values=self.values, note=self.note)
        return out


def find_conflicts(store: Store, subject: str | None = None) -> list[Conflict]:
    """Every conflict about one entity (by id), or about every entity."""
    from citydip.knowledge.place_conflicts import population_conflicts, tie_period_conflicts

    sources = SourceIndex(store)
    ties = reconcile_ties(store, involving=subject, sources=sources)
    subjects = [subject] if subject else _subjects_with_counts_or_official_ties(store, sources)
    entity_ids = {t.city for t in ties} | {t.partner for t in ties} | set(subjects)
    entities = store.entity_map(entity_ids)
    out: list[Conflict] = []
    for tie in ties:
        out.extend(_tie_conflicts(tie, entities, sources))
    official_cities = _cities_with_official_ties(store, sources)
    for tie in ties:
        for city, partner in ((tie.city, tie.partner), (tie.partner, tie.city)):
            if subject is not None and city != subject:
                continue
            if city in official_cities:
                conflict = _unconfirmed(store, city, partner, tie, entities, sources)
                if conflict:
                    out.append(conflict)
    for sid in subjects:
        if sid in entities:
            out.extend(_count_conflicts(store, entities[sid], ties, sources))
            out.extend(_membership_conflicts(store, entities[sid], sources))
            out.extend(population_conflicts(store, entities[sid], sources))
            out.extend(tie_period_conflicts(store, entities[sid], ties, sources))
    return out


def _cite(sources: SourceIndex, claims: list[Claim]) -> list[dict[str, Any]]:
    return sources.cite([c.source_id for c in claims])


def _tie_conflicts(tie: Tie, entities: dict[str, Entity], sources: SourceIndex) -> list[Conflict]:
    city, partner = entities[tie.city], entities[tie.partner]
    out = []
    kinds = tie.values_of("kind")
    if len(kinds) > 1:
        values = [{"value": k, "sources": sources.cite(ids)} for k, ids in kinds.items()]
        out.append(
            Conflict(
                city,
                "tie kind",
                "contradiction",
                values,
                f"shown as {tie.kind!r}, the kind the most authoritative source gives",
                object=partner,
            )
        )
    years: dict[str, list[str]] = defaultdict(list)
    for claim in tie.claims:
        if claim.start:
            years[claim.start[:4]].append(claim.source_id)
    if len(years) > 1:
        values = [{"value": y, "sources": sources.cite(ids)} for y, ids in sorted(years.items())]
        out.append(Conflict(city, "tie start", "contradiction", values, object=partner))
    if tie.year is not None:
        # A year of grace: approvals and announcements precede signings.
        early = [
            c
            for c in tie.claims
            if (year := _source_year(sources, c)) is not None and year < tie.year - 1
        ]
        if early:
            values = [
                {"value": f"began {tie.start}", "sources": _cite(sources, [tie.claims[0]])},
                {"value": "already listed earlier", "sources": _cite(sources, early)},
            ]
            out.append(
                Conflict(
                    city,
                    "tie start",
                    "contradiction",
                    values,
                    "a source dated before the start year lists the tie",
                    object=partner,
                )
            )
    return out


def _source_year(sources: SourceIndex, claim: Claim) -> int | None:
    source = sources.by_id.get(claim.source_id)
    date = source.date if source else None
    return int(date[:4]) if date and date[:4].isdigit() else None


def _cities_with_official_ties(store: Store, sources: SourceIndex) -> set[str]:
    official = {sid for sid, s in sources.by_id.items() if s.kind == "official"}
    rows = store.conn.execute(
        "SELECT DISTINCT subject, source_id FROM claims "
        "WHERE predicate = 'twinned_with' AND review = 'accepted'"
    )
    return {subject for subject, source_id in rows if source_id in official}


def _subjects_with_counts_or_official_ties(store: Store, sources: SourceIndex) -> list[str]:
    rows = store.conn.execute(
        "SELECT DISTINCT subject FROM claims "
        "WHERE predicate IN ('count', 'participant_count', 'not_member_of', 'population', "
        "'tie_period') "
        "AND review = 'accepted'"
    )
    return sorted({r[0] for r in rows} | _cities_with_official_ties(store, sources))


def _unconfirmed(
    store: Store,
    city: str,
    partner: str,
    tie: Tie,
    entities: dict[str, Entity],
    sources: SourceIndex,
) -> Conflict | None:
    """A tie no official source states, against the city's official list or on one source."""
    if any(
        sources.by_id[c.source_id].kind == "official"
        for c in tie.claims
        if c.source_id in sources.by_id
    ):
        return None
    official_lists = [s for s in sources.by_id.values() if s.lists_ties_of == city]
    source_ids = {c.source_id for c in tie.claims}
    secondary_only = all(
        sources.by_id[s].kind in ("dataset", "encyclopedia", "other")
        for s in source_ids
        if s in sources.by_id
    )
    confirmed_enough = len(source_ids) > 1 or not secondary_only
    if not official_lists and confirmed_enough and not tie.likely_confusion:
        return None
    values: list[dict[str, Any]] = [
        {"value": "listed as a tie", "sources": _cite(sources, tie.claims)}
    ]
    if official_lists:
        values.append(
            {"value": "not on the official list", "sources": [s.cite() for s in official_lists]}
        )
    note = "no official source states this tie" + (
        "" if official_lists else "; a single source lists it"
    )
    city_entity = entities[city]
    if tie.likely_confusion:
        other_entity = store.entity(tie.likely_confusion)
        values.append(
            {
                "value": f"likely {other_entity.name if other_entity else tie.likely_confusion}",
                "sources": [],
                "curator_note": next(
                    (str(c.qualifiers["note"]) for c in tie.claims if c.qualifiers.get("note")),
                    "",
                ),
            }
        )
        note += "; judged a likely confusion when curated"
    for other in _partner_ties_nearby(store, partner, city, city_entity.country, sources):
        values.append(other)
        note += "; the partner has a tie with another place in the same country"
    return Conflict(city_entity, "tie", "unconfirmed", values, note, object=entities[partner])


def _partner_ties_nearby(
    store: Store, partner: str, city: str, country: str | None, sources: SourceIndex
) -> list[dict[str, Any]]:
    """The partner's ties to other places of the city's country (a likely confusion)."""
    if not country:
        return []
    out = []
    for tie in reconcile_ties(store, involving=partner, sources=sources):
        other = store.entity(tie.partner)
        if tie.partner != city and other is not None and other.country == country:
            out.append(
                {
                    "value": f"{other.name} ({tie.kind}"
                    + (f", {tie.start}" if tie.start else "")
                    + ")",
                    "sources": sources.cite(tie.source_ids),
                }
            )
    return out


def _count_conflicts(
    store: Store, city: Entity, ties: list[Tie], sources: SourceIndex
) -> list[Conflict]:
    by_metric: dict[str, list[Claim]] = defaultdict(list)
    for claim in store.claims(subject=city.id, predicate=("count", "participant_count")):
        by_metric[str(claim.qualifiers.get("metric"))].append(claim)
    out = []
    for metric, claims in sorted(by_metric.items()):
        values = _values_by_statement(claims, sources)
        if len(values) > 1:
            out.append(_stated_count_conflict(city, metric, claims, values, sources))
        listed = _listed(ties, city.id, METRIC_KINDS.get(metric))
        if listed is not None:
            conflict = _count_vs_list(city, metric, claims, listed, ties, sources)
            if conflict:
                out.append(conflict)
    return out


def _stated_count_conflict(
    city: Entity,
    metric: str,
    claims: list[Claim],
    values: list[dict[str, Any]],
    sources: SourceIndex,
) -> Conflict:
    by_source: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        by_source[claim.source_id].add(str(claim.value))
    notes = [
        f"{sources.by_id[sid].title if sid in sources.by_id else sid} states "
        + " and ".join(sorted(vals))
        for sid, vals in by_source.items()
        if len(vals) > 1
    ]
    dates = {c.qualifiers.get("as_of") for c in claims}
    if notes:
        kind = "self-contradiction"
    elif len(dates) == len(values):
        kind = "changed-over-time"
    else:
        kind = "contradiction"
    if len(dates) > 1:
        notes.append("other values are stated as of different dates")
    numbers = [n for v in values if (n := number(str(v["value"]))) is not None and n > 0]
    jump = max((b / a for a, b in pairwise(numbers)), default=1.0)
    if kind == "changed-over-time" and jump >= JUMP:
        kind = "contradiction"
        notes.append(
            f"the value grows {jump:.0f}-fold from one date to the next: more than growth "
            "explains; the sources may count different things"
        )
    return Conflict(city, f"{metric} count", kind, values, "; ".join(notes))


JUMP = 5  # a stated figure that grows this many times is flagged, not read as growth


def number(value: str) -> float | None:
    digits = "".join(ch for ch in value if ch.isdigit() or ch == ".")
    try:
        return float(digits) if digits else None
    except ValueError:
        return None


def _values_by_statement(claims: list[Claim], sources: SourceIndex) -> list[dict[str, Any]]:
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[str(claim.value)].append(claim)
    out = []
    for value, group in grouped.items():
        as_of = sorted({str(c.qualifiers.get("as_of")) for c in group if c.qualifiers.get("as_of")})
        quotes = [c.locator for c in group if c.locator]
        item: dict[str, Any] = {
            "value": value,
            "as_of": as_of[-1] if as_of else None,
            "sources": _cite(sources, group),
        }
        if quotes:
            item["quote"] = quotes[0]
        out.append(item)
    return sorted(out, key=lambda v: (v["as_of"] or "", v["value"]))


def _listed(ties: list[Tie], city: str, kinds: tuple[str, ...] | None) -> list[Tie] | None:
    if kinds is None:
        return None
    return [t for t in ties if t.city == city and t.kind in kinds and t.status == "active"]


def _count_vs_list(
    city: Entity,
    metric: str,
    claims: list[Claim],
    listed: list[Tie],
    ties: list[Tie],
    sources: SourceIndex,
) -> Conflict | None:
    stated = {c.value for c in claims}
    if stated == {str(len(listed))}:
        return None
    unknown = [t for t in ties if t.city == city.id and t.kind == "unspecified"]
    values = _values_by_statement(claims, sources)
    values.append(
        {
            "value": str(len(listed)),
            "as_of": None,
            "derived": "ties listed with this kind in the store",
            "sources": sources.cite([s for t in listed for s in t.source_ids]),
        }
    )
    note = f"{len(listed)} active ties of kind {metric} listed"
    if unknown:
        note += f"; {len(unknown)} more ties listed without a kind"
    return Conflict(city, f"{metric} count vs listed ties", "contradiction", values, note)


def _membership_conflicts(store: Store, city: Entity, sources: SourceIndex) -> list[Conflict]:
    out = []
    for denial in store.claims(subject=city.id, predicate="not_member_of"):
        assert denial.object is not None
        members = store.claims(subject=city.id, predicate="member_of", object=denial.object)
        if members:
            org = store.entity(denial.object)
            values = [
                {"value": "member", "sources": _cite(sources, members)},
                {"value": "not a member", "sources": _cite(sources, [denial])},
            ]
            out.append(Conflict(city, "membership", "contradiction", values, object=org))
    return out
