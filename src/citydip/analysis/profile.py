"""A city's diplomacy as data: ties, memberships, activities and counts, each with sources."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from citydip.analysis.geography import continents
from citydip.knowledge.reconcile import SourceIndex, Statement, Tie, reconcile_ties, statements
from citydip.store.database import Store
from citydip.store.models import CitedSource, Claim, Entity

ACTIVITY_PREDICATES = {
    "runs_programme": "programme",
    "hosts_event": "event_hosted",
    "attends_event": "event_attended",
    "award_received": "award",
    "agreement_with": "agreement",
    "aid_to": "aid",
    "strategy": "strategy",
    "soft_power_asset": "soft_power_asset",
    "overseas_office": "overseas_office",
    "has_bureau": "bureau",
    "aim": "aim",
    "not_member_of": "non_membership",
    "signed": "declaration_signed",
}
# What a source states about the city itself (not an activity).
FACT_PREDICATES = ("population_rank", "open_port_since", "tie_period")
# Claims about the programmes, assets and documents a city runs.
OWNED_PREDICATES = (
    "programme_partner",
    "hosts_event",
    "participant_count",
    "objective",
    "project",
    "runs_programme",
)
AGREEMENT_KINDS = ("sister", "friendship", "partner", "cooperation", "joint-statement")
ANY_KIND = (*AGREEMENT_KINDS, "unspecified")


@dataclass
class CityProfile:
    """Everything the store says about one city's diplomacy, reconciled."""

    city: Entity
    ties: list[Tie]
    memberships: list[Statement]
    activities: list[Statement]
    counts: list[Statement]
    populations: list[Statement]
    entities: dict[str, Entity]
    sources: SourceIndex
    owned: list[Statement] = field(default_factory=list)  # claims about its programmes/assets
    district_ties: list[Tie] = field(default_factory=list)  # ties of its districts
    merged_districts: list[str] = field(default_factory=list)  # ids folded into the city
    facts: list[Statement] = field(default_factory=list)  # population rank, tie period...
    population_source: str = "GeoNames"  # where the headline population comes from

    def partner(self, tie: Tie) -> Entity:
        return self.entities[tie.partner]

    def active_ties(self, kinds: tuple[str, ...] = AGREEMENT_KINDS) -> list[Tie]:
        return [t for t in self.ties if t.kind in kinds and t.status == "active"]

    def partner_countries(
        self, kinds: tuple[str, ...] = AGREEMENT_KINDS, with_unknown: bool = False
    ) -> list[str]:
        """Countries of the active ties (and, ``with_unknown``, of ties only datasets list)."""
        statuses = ("active", "unknown") if with_unknown else ("active",)
        ties = [t for t in self.ties if t.kind in kinds and t.status in statuses]
        return sorted({c for t in ties if (c := self.partner(t).country)})

    def first_and_latest(
        self, kinds: tuple[str, ...] = AGREEMENT_KINDS
    ) -> tuple[Tie | None, Tie | None]:
        dated = sorted((t for t in self.active_ties(kinds) if t.start), key=lambda t: t.start or "")
        return (dated[0], dated[-1]) if dated else (None, None)


def build_profile(store: Store, city: Entity, merge_districts: bool = False) -> CityProfile:
    """Reconcile every claim about ``city`` into a profile.

    Its districts' ties are listed apart, or, with ``merge_districts``, counted as the
    city's own (a tie of a district with its own city, or two districts' ties with one
    partner, count once): folding districts into cities is a choice made here, at query
    time, never in the store (docs/identity.md)."""
    sources = SourceIndex(store)
    ties = reconcile_ties(store, involving=city.id, sources=sources)
    memberships = statements(store, city.id, ("member_of",), sources)
    activities = statements(store, city.id, tuple(ACTIVITY_PREDICATES), sources)
    counts = statements(store, city.id, ("count",), sources)
    populations = statements(store, city.id, ("population",), sources)
    facts = statements(store, city.id, FACT_PREDICATES, sources)
    owned: list[Statement] = []
    owned_ids = {
        st.first.object
        for st in activities
        if st.first.object
        and st.first.predicate in ("runs_programme", "soft_power_asset", "strategy")
    }
    for entity_id in sorted(i for i in owned_ids if i):
        owned.extend(statements(store, entity_id, OWNED_PREDICATES, sources))
    from citydip.knowledge.districts import descendants

    below = descendants(store, city.id)  # districts at every level (and their districts)
    district_ties = [
        tie for child in below for tie in reconcile_ties(store, involving=child, sources=sources)
    ]
    merged: list[str] = []
    if merge_districts and district_ties:
        ties, merged = _fold_districts(city, ties, district_ties, set(below))
    ids = {city.id} | {t.partner for t in ties} | {t.city for t in district_ties}
    ids |= {t.partner for t in district_ties} | set(merged)
    ids |= {c.object for st in memberships + activities + owned for c in st.claims if c.object}
    entities = store.entity_map(ids)
    parents = {e.parent for e in entities.values() if e.parent and e.parent not in entities}
    entities.update(store.entity_map(parents))
    proper = _city_proper(city, populations)
    note = (
        f"as sources state it; GeoNames gives {city.population:,} (likely the metropolitan area)"
        if proper.population != city.population and city.population
        else "GeoNames"
    )
    return CityProfile(
        proper,
        ties,
        memberships,
        activities,
        counts,
        populations,
        entities,
        sources,
        owned,
        [] if merged else district_ties,
        merged,
        facts,
        note,
    )


def _fold_districts(
    city: Entity, ties: list[Tie], district_ties: list[Tie], below: set[str]
) -> tuple[list[Tie], list[str]]:
    """The city's ties with its districts' added as its own; the districts folded in (a
    tie between the city and a district, or between two of its districts, is internal)."""
    from dataclasses import replace

    districts = {t.city for t in district_ties}
    internal = below | districts
    partners = {t.partner for t in ties}
    out = list(ties)
    for tie in district_ties:
        if tie.partner == city.id or tie.partner in internal or tie.partner in partners:
            continue
        out.append(replace(tie, city=city.id))
        partners.add(tie.partner)
    return out, sorted(districts)


def _claim_sources(profile: CityProfile, claims: list[Claim]) -> list[CitedSource]:
    return profile.sources.cite([c.source_id for c in claims])


def _qualifier_union(claims: list[Claim], key: str) -> list[str]:
    seen: list[str] = []
    for claim in claims:
        for value in claim.qualifier_list(key):
            if value not in seen:
                seen.append(value)
    return seen


def _earliest(claims: list[Claim]) -> str | None:
    starts = sorted(c.start for c in claims if c.start)
    return starts[0] if starts else None


def profile_to_dict(profile: CityProfile) -> dict[str, Any]:
    """The stable JSON shape of ``citydip city NAME --format json``."""
    first, latest = profile.first_and_latest()
    kinds = Counter(t.kind for t in profile.ties if t.status in ("active", "unknown"))
    statuses = Counter(t.status for t in profile.ties)
    countries = profile.partner_countries()
    return {
        "city": profile.city.summary(),
        "ties": [_tie_dict(profile, t) for t in _sorted_ties(profile.ties)],
        "district_ties": [
            _tie_dict(profile, t) | {"district": profile.entities[t.city].summary()}
            for t in _sorted_ties(profile.district_ties)
        ],
        "memberships": [_membership_dict(profile, m) for m in _merge_memberships(profile)],
        "activities": [_activity_dict(profile, a) for a in profile.activities]
        + [_activity_dict(profile, a) for a in profile.owned],
        "counts": [_count_dict(profile, c) for c in profile.counts],
        "populations": [_count_dict(profile, p) for p in profile.populations],
        "facts": [_fact_dict(profile, f) for f in profile.facts],
        "summary": {
            "ties_by_kind": dict(sorted(kinds.items())),
            "ties_by_status": dict(sorted(statuses.items())),
            "population_stated": _stated_population_gap(profile),
            "population_source": profile.population_source,
            "first_agreement": _tie_brief(profile, first),
            "latest_agreement": _tie_brief(profile, latest),
            "countries": countries,
            "continents": continents(countries),
            "districts_merged": [profile.entities[d].name for d in profile.merged_districts],
            "all_countries": (every := profile.partner_countries(ANY_KIND, with_unknown=True)),
            "all_continents": continents(every),
        },
    }


def _sorted_ties(ties: list[Tie]) -> list[Tie]:
    order = {k: i for i, k in enumerate((*AGREEMENT_KINDS, "unspecified"))}
    return sorted(ties, key=lambda t: (order.get(t.kind, 99), t.start or "9999", t.partner))


def _tie_dict(profile: CityProfile, tie: Tie) -> dict[str, Any]:
    official = any(
        profile.sources.by_id[c.source_id].kind == "official"
        for c in tie.claims
        if c.source_id in profile.sources.by_id
    )
    notes = [n for c in tie.claims if (n := c.qualifiers.get("note"))]
    out = {
        "partner": profile.partner(tie).summary(),
        "kind": tie.kind,
        "start": tie.start,
        "end": tie.end,
        "status": tie.status,
        "confirmed_by_official_source": official,
        "notes": notes,
        "sources": profile.sources.cite(tie.source_ids),
    }
    if tie.likely_confusion:
        out["likely_confusion"] = tie.likely_confusion
    return out


def _tie_brief(profile: CityProfile, tie: Tie | None) -> dict[str, Any] | None:
    if tie is None:
        return None
    return {
        "partner": profile.partner(tie).name,
        "kind": tie.kind,
        "start": tie.start,
        "sources": profile.sources.cite(tie.source_ids),
    }


def _merge_memberships(profile: CityProfile) -> list[list[Claim]]:
    """One entry per organization, whatever the number of roles and sources."""
    by_org: dict[str, list[Claim]] = {}
    for st in profile.memberships:
        by_org.setdefault(st.first.object or "", []).extend(st.claims)
    return list(by_org.values())


def _membership_dict(profile: CityProfile, claims: list[Claim]) -> dict[str, Any]:
    org = profile.entities[claims[0].object or ""]
    roles = []
    for claim in claims:
        if claim.role and claim.role not in roles:
            roles.append(claim.role)
    return {
        "organization": org.summary(),
        "role": _main_role(roles),
        "roles": roles,
        "start": _earliest(claims),
        "themes": _qualifier_union(claims, "themes"),
        "notes": [n for c in claims if (n := c.qualifiers.get("note"))],
        "sources": _claim_sources(profile, claims),
    }


ROLE_ORDER = (
    "founder",
    "president",
    "chair",
    "vice-chair",
    "executive",
    "board",
    "president-emeritus",
    "member",
    "participant",
    "observer",
    "title-holder",
    "designated",
    "signatory",
)


def _main_role(roles: list[str]) -> str | None:
    ranked = sorted(roles, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else 99)
    return ranked[0] if ranked else None


def _activity_dict(profile: CityProfile, st: Statement) -> dict[str, Any]:
    claim = st.first
    out: dict[str, Any] = {
        "type": ACTIVITY_PREDICATES.get(claim.predicate, claim.predicate),
        "subject": profile.entities[claim.subject].name
        if claim.subject in profile.entities
        else claim.subject,
    }
    if claim.object:
        out["object"] = profile.entities[claim.object].summary()
    if claim.value is not None:
        out["value"] = claim.value
    out.update(
        start=_earliest(st.claims),
        kind=claim.kind,
        themes=_qualifier_union(st.claims, "themes"),
        mechanisms=_qualifier_union(st.claims, "mechanisms"),
        notes=[n for c in st.claims if (n := c.qualifiers.get("note"))],
        sources=_claim_sources(profile, st.claims),
    )
    return out


def _count_dict(profile: CityProfile, st: Statement) -> dict[str, Any]:
    claim = st.first
    return {
        "metric": claim.qualifiers.get("metric", claim.predicate),
        "value": claim.value,
        "as_of": claim.qualifiers.get("as_of"),
        "quote": next((c.locator for c in st.claims if c.locator), None),
        "locator": next(
            (str(c.qualifiers["locator"]) for c in st.claims if c.qualifiers.get("locator")), None
        ),
        "sources": _claim_sources(profile, st.claims),
    }


def _fact_dict(profile: CityProfile, st: Statement) -> dict[str, Any]:
    claim = st.first
    return {
        "fact": claim.predicate,
        "value": claim.value,
        "start": claim.start,
        "end": claim.end,
        "quote": next((c.locator for c in st.claims if c.locator), None),
        "locator": next(
            (str(c.qualifiers["locator"]) for c in st.claims if c.qualifiers.get("locator")), None
        ),
        "sources": _claim_sources(profile, st.claims),
    }


def _city_proper(city: Entity, populations: list[Statement]) -> Entity:
    """The city with the population of the city proper as its headline figure: where sources
    state a population far from GeoNames' (whose figure for some cities is the metropolitan
    area's), the latest stated figure is shown, and GeoNames' is kept as a stated gap."""
    from dataclasses import replace

    from citydip.knowledge.place_conflicts import POPULATION_GAP

    shown = city.population
    stated = []
    for st in populations:
        digits = "".join(ch for ch in st.first.value or "" if ch.isdigit())
        if digits and int(digits) > 0:
            when = str(st.first.qualifiers.get("as_of") or st.first.start or "")
            stated.append((when, int(digits)))
    if not shown or not stated:
        return city
    latest = max(stated)[1]
    if max(latest, shown) < POPULATION_GAP * min(latest, shown):
        return city
    return replace(city, population=latest)


def _stated_population_gap(profile: CityProfile) -> list[str]:
    """Stated populations far from the GeoNames figure shown (a metropolitan area?)."""
    from citydip.knowledge.place_conflicts import POPULATION_GAP

    shown = profile.city.population
    out = []
    for st in profile.populations:
        digits = "".join(ch for ch in st.first.value or "" if ch.isdigit())
        if shown and digits and max(int(digits), shown) >= POPULATION_GAP * min(int(digits), shown):
            out.append(st.first.value or "")
    return out
