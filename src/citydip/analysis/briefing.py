"""A briefing on one or more cities: everything a report shows, as typed records.

``build_briefing`` gathers, per city, the reconciled ties (with coordinates, for the map),
the summary facts (ties by kind, first and latest agreements, continents), memberships and
roles, programmes, awards, events, aid, strategy, overseas offices, stated counts and the
diplomatic style; then Table 1 (analysis.compare), the membership matrix (cities ×
networks), the conflicts and every source cited (records: briefing_records.py). Rendering
lives in ``citydip.report``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from citydip.analysis.briefing_records import (
    CURRENT,
    BriefConflict,
    BriefCount,
    BriefEvidence,
    Briefing,
    BriefItem,
    BriefTie,
    CityBrief,
    ConflictValue,
    NetworkRow,
)
from citydip.analysis.compare import compare_profiles
from citydip.analysis.geography import continents
from citydip.analysis.profile import AGREEMENT_KINDS, CityProfile
from citydip.analysis.typology import classify
from citydip.knowledge.reconcile import Statement, Tie
from citydip.store.models import Source

__all__ = [
    "BriefConflict",
    "BriefCount",
    "BriefItem",
    "BriefTie",
    "Briefing",
    "CityBrief",
    "ConflictValue",
    "NetworkRow",
    "build_briefing",
    "city_brief",
    "conflict_records",
    "membership_matrix",
]

ITEM_GROUPS = {  # predicate → the group a report lists it under
    "runs_programme": "programmes",
    "award_received": "awards",
    "hosts_event": "events_hosted",
    "attends_event": "events_attended",
    "aid_to": "aid",
    "agreement_with": "agreements",
    "strategy": "strategy",
    "has_bureau": "bureaus",
    "overseas_office": "offices",
    "not_member_of": "non_memberships",
}
KIND_ORDER = (*AGREEMENT_KINDS, "unspecified")
# A city's names shown beside its English one: those in its country's language(s).
LOCAL_LANGUAGES = {
    "JP": ("ja",),
    "CN": ("zh",),
    "TW": ("zh",),
    "HK": ("zh",),
    "MO": ("zh",),
    "KR": ("ko",),
    "KP": ("ko",),
    "RU": ("ru",),
    "UA": ("uk",),
    "BY": ("be",),
    "GR": ("el",),
    "IL": ("he",),
    "TH": ("th",),
    "MN": ("mn",),
    "GE": ("ka",),
    "AM": ("hy",),
    "BG": ("bg",),
    "RS": ("sr",),
    "SA": ("ar",),
    "EG": ("ar",),
    "AE": ("ar",),
    "IR": ("fa",),
    "IN": ("hi",),
}


def _ids(statement: Statement) -> list[str]:
    return sorted({c.source_id for c in statement.claims})


def _tie(profile: CityProfile, tie: Tie) -> BriefTie:
    partner = profile.partner(tie)
    official = any(
        profile.sources.by_id[c.source_id].kind == "official"
        for c in tie.claims
        if c.source_id in profile.sources.by_id
    )
    return BriefTie(
        partner.name,
        partner.id,
        partner.country,
        partner.lat,
        partner.lon,
        tie.kind,
        tie.start,
        tie.end,
        tie.status,
        official,
        tie.source_ids,
    )


def _item(profile: CityProfile, st: Statement) -> BriefItem:
    claim = st.first
    entity = profile.entities.get(claim.object or "")
    name = (entity.name if entity else None) or claim.value or claim.object or ""
    detail = claim.value if entity and claim.value else None
    starts = sorted(c.start for c in st.claims if c.start)
    return BriefItem(name, detail, starts[0] if starts else None, _ids(st), [], claim.object)


def _memberships(profile: CityProfile) -> list[BriefItem]:
    by_org: dict[str, BriefItem] = {}
    for st in profile.memberships:
        org_id = st.first.object or ""
        org = profile.entities.get(org_id)
        item = by_org.setdefault(
            org_id,
            BriefItem(
                org.name if org else org_id, org.acronym if org else None, None, [], [], org_id
            ),
        )
        for claim in st.claims:
            if claim.role and claim.role not in item.roles:
                item.roles.append(claim.role)
            if claim.start and (item.start is None or claim.start < item.start):
                item.start = claim.start
        item.source_ids = sorted(set(item.source_ids) | set(_ids(st)))
    return list(by_org.values())


def _by_kind(ties: list[BriefTie], order: dict[str, int]) -> dict[str, int]:
    counts = Counter(t.kind for t in ties if t.status in CURRENT)
    return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))


def city_brief(profile: CityProfile) -> CityBrief:
    """The report's view of one city profile."""
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    ties = sorted(
        (_tie(profile, t) for t in profile.ties),
        key=lambda t: (order.get(t.kind, 99), t.start or "9999", t.partner),
    )
    first, latest = profile.first_and_latest()
    countries = profile.partner_countries(with_unknown=True)
    items: dict[str, list[BriefItem]] = {group: [] for group in dict.fromkeys(ITEM_GROUPS.values())}
    for st in profile.activities:
        group = ITEM_GROUPS.get(st.first.predicate)
        if group:
            items[group].append(_item(profile, st))
    counts = [
        BriefCount(
            st.first.qualifier_text("metric") or st.first.predicate,
            st.first.value,
            st.first.qualifier_text("as_of"),
            _ids(st),
        )
        for st in profile.counts
    ]
    typology = classify(profile)
    city = profile.city
    local = LOCAL_LANGUAGES.get(city.country or "", ())
    others = [n for n, lang in city.names if lang in local and n != city.name]
    return CityBrief(
        city.id,
        city.name,
        city.country,
        city.lat,
        city.lon,
        city.population,
        list(dict.fromkeys(others))[:3],
        ties,
        _by_kind(ties, order),
        _tie(profile, first) if first else None,
        _tie(profile, latest) if latest else None,
        countries,
        continents(countries),
        _memberships(profile),
        items,
        counts,
        typology.description,
        typology.model,
        typology.expertise,
        typology.soft_power,
        typology.confidence,
        [
            BriefEvidence(e.claim, typology.labels.get(e.axis, e.axis), e.weight, e.sources)
            for e in typology.evidence
        ],
        typology.missing,
    )


def membership_matrix(cities: list[CityBrief]) -> list[NetworkRow]:
    """Every network any city belongs to, most shared first, with each city's roles."""
    rows: dict[str, NetworkRow] = {}
    for city in cities:
        for m in city.memberships:
            key = m.entity_id or m.name
            row = rows.setdefault(key, NetworkRow(key, m.name, m.detail, {}))
            row.roles[city.name] = m.roles or ["member"]
    for row in rows.values():
        for city in cities:
            row.roles.setdefault(city.name, [])
    return sorted(
        rows.values(),
        key=lambda r: (-sum(1 for v in r.roles.values() if v), (r.acronym or r.name).lower()),
    )


def conflict_records(city: str, raw: list[dict[str, Any]]) -> list[BriefConflict]:
    """The conflicts of knowledge.conflicts (JSON-shaped) as typed records."""
    out = []
    for c in raw:
        values = [
            ConflictValue(
                str(v.get("value", "")),
                v.get("as_of"),
                [s["id"] for s in v.get("sources", [])],
            )
            for v in c.get("values", [])
        ]
        obj = c.get("object")
        out.append(
            BriefConflict(
                city,
                c["subject"].get("name", ""),
                c["property"],
                obj.get("name") if isinstance(obj, dict) else None,
                c.get("kind", ""),
                values,
                c.get("note") or None,
                c.get("level"),
            )
        )
    return out


def build_briefing(
    profiles: list[CityProfile],
    conflicts: dict[str, list[dict[str, Any]]],
    sources: dict[str, Source],
    coverage: str = "",
) -> Briefing:
    """The briefing on ``profiles`` (one or more), with each city's conflicts (by city id,
    as knowledge.conflicts gives them), the sources, and the memberships' coverage line."""
    cities = [city_brief(p) for p in profiles]
    table = compare_profiles(profiles)
    disputes = [
        record
        for city in cities
        for record in conflict_records(city.name, conflicts.get(city.id, []))
    ]
    cited: set[str] = set()
    for city in cities:
        cited.update(s for e in city.style_evidence for s in e.source_ids)
        cited.update(s for t in city.ties for s in t.source_ids)
        cited.update(s for m in city.memberships for s in m.source_ids)
        cited.update(s for group in city.items.values() for i in group for s in i.source_ids)
        cited.update(s for c in city.counts for s in c.source_ids)
    cited.update(s for d in table.dimensions for cell in d.cells.values() for s in cell.source_ids)
    cited.update(s for c in disputes for v in c.values for s in v.source_ids)
    used = {sid: source for sid, source in sources.items() if sid in cited}
    return Briefing(cities, table, membership_matrix(cities), disputes, used, coverage)
