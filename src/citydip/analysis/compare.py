"""The essay's Table 1 for any cities: six dimensions (and more), each cell derived by rule.

The rule of every dimension is written in its ``rule`` field and in docs/compare.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from citydip.analysis.compare_cells import Cell, plural, theme_label
from citydip.analysis.compare_cells import join_words as _join
from citydip.analysis.profile import CityProfile
from citydip.analysis.scoring import mechanism_tally, theme_tally
from citydip.analysis.sister_cities import sister_cities
from citydip.analysis.typology import classify, style_text
from citydip.vocabulary import MECHANISMS

SHARED_MIN_SCORE = 2.0  # a theme is shared when every city scores at least this on it


@dataclass
class Dimension:
    key: str
    label: str
    rule: str
    cells: dict[str, Cell]


@dataclass
class Comparison:
    cities: list[CityProfile]
    dimensions: list[Dimension]

    def to_dict(self) -> dict[str, Any]:
        index = self.cities[0].sources
        return {
            "cities": [p.city.summary() for p in self.cities],
            "dimensions": [
                {
                    "key": d.key,
                    "label": d.label,
                    "rule": d.rule,
                    "cells": {
                        name: {"text": cell.text, "sources": index.cite(cell.source_ids)}
                        for name, cell in d.cells.items()
                    },
                }
                for d in self.dimensions
            ],
        }


def core_focus(p: CityProfile, others: list[CityProfile]) -> Cell:
    tally = theme_tally(p, initiatives_only=True, with_memberships=True)
    ranked = tally.top(len(tally.scores), tiebreak=theme_tally(p))
    aimed = {t for st in p.activities if st.first.predicate == "aim" for t in _themes(st)}
    top = ([t for t in ranked if t in aimed] + [t for t in ranked if t not in aimed])[:3]
    if not top:
        return Cell("No initiatives recorded.", [])
    text = _join([theme_label(t) for t in top])
    return Cell(text[0].upper() + text[1:] + ".", tally.source_ids(top))


def _themes(st: Any) -> list[str]:
    return [t for c in st.claims for t in c.qualifiers.get("themes", [])]


MAX_SUBSET_CITIES = 6  # beyond this, only pairs and the whole group are compared


def shared_attributes(p: CityProfile, others: list[CityProfile]) -> Cell:
    """What ``p`` shares with the others: with all of them, then with each smaller group."""
    if len(others) <= 1:
        return _shared(p, others)
    groups = [others]
    sizes = range(len(others) - 1, 0, -1) if len(others) < MAX_SUBSET_CITIES else [1]
    groups += [list(g) for n in sizes for g in combinations(others, n)]
    parts: list[str] = []
    ids: list[str] = []
    for group in groups:
        cell = _shared(p, group)
        if not cell.source_ids and cell.text.startswith("Nothing"):
            continue
        n = len(others) + 1
        group_name = "all three" if n == 3 else f"all {n}"
        who = group_name if group is others else "with " + _join([q.city.name for q in group])
        text = cell.text.rstrip(".")
        parts.append(f"{who}: {text[0].lower() + text[1:]}")
        ids += cell.source_ids
    if not parts:
        return Cell("Nothing shared in the recorded themes.", [])
    text = "; ".join(parts) + "."
    return Cell(text[0].upper() + text[1:], sorted(set(ids)))


def _shared(p: CityProfile, others: list[CityProfile]) -> Cell:
    tallies = [theme_tally(q) for q in [p, *others]]
    shared = {th for th, score in tallies[0].scores.items() if score >= SHARED_MIN_SCORE}
    for t in tallies[1:]:
        shared &= {th for th, score in t.scores.items() if score >= SHARED_MIN_SCORE}
    ranked = sorted(shared, key=lambda th: (-sum(t.scores[th] for t in tallies), th))[:4]
    orgs = set(_org_names(p))
    for q in others:
        orgs &= set(_org_names(q))
    parts = []
    if ranked:
        parts.append("Activism on " + _join([theme_label(t) for t in ranked]))
    if orgs:
        parts.append(
            "both in " + _join(sorted(orgs))
            if len(others) == 1
            else "all in " + _join(sorted(orgs))
        )
    reach = [q for q in [p, *others] if len(q.partner_countries()) >= 5 and q.memberships]
    if len(reach) == len(others) + 1:
        parts.append("ties and memberships on several continents")
    if not parts:
        return Cell("Nothing shared in the recorded themes.", [])
    ids = tallies[0].source_ids(ranked)
    ids += [
        s
        for st in p.memberships
        if _org_name(p, st.first.object) in orgs
        for s in (c.source_id for c in st.claims)
    ]
    return Cell("; ".join(parts) + ".", sorted(set(ids)))


def key_mechanisms(p: CityProfile, others: list[CityProfile]) -> Cell:
    tally = mechanism_tally(p)
    top = tally.top(3, exclude=("network-diplomacy", "award"))
    if not top:
        listed = [t for t in p.ties if t.kind == "unspecified" and not t.likely_confusion]
        if listed:
            ids = sorted({s for t in listed for s in t.source_ids})
            text = f"Twinning ({plural(len(listed), 'tie')} listed by datasets, kind unknown)"
            return Cell(text + "; no other mechanism recorded.", ids)
        return Cell("No mechanisms recorded.", [])
    labels = []
    for mech in top:
        label = MECHANISMS[mech]
        examples = _examples(p, mech)
        labels.append(f"{label} ({', '.join(examples)})" if examples else label)
    text = _join(labels)
    return Cell(text[0].upper() + text[1:] + ".", tally.source_ids(top))


def _examples(p: CityProfile, mechanism: str) -> list[str]:
    if mechanism == "sister-city-exchange":
        n = len(p.active_ties(("sister", "friendship", "partner")))
        return [plural(n, "tie") + " listed"]
    names = []
    for st in p.activities + p.owned:
        if mechanism in st.first.qualifier_list("mechanisms") and st.first.object:
            entity = p.entities.get(st.first.object)
            label = (entity.acronym or entity.name) if entity else ""
            if entity and entity.type != "place" and label not in names:
                names.append(label)
    return names[:2]


def _org_name(p: CityProfile, org_id: str | None) -> str:
    entity = p.entities.get(org_id or "")
    return (entity.acronym or entity.name) if entity else str(org_id)


def _org_names(p: CityProfile) -> list[str]:
    return [
        _org_name(p, st.first.object) for st in p.memberships if st.first.role not in ("signatory",)
    ]


def _role_label(st: Any) -> str:
    """A role with the dates its sources give: 'board since 2023', 'president as of 2008'."""
    role = str(st.first.role)
    start = next((c.start for c in st.claims if c.start), None)
    end = next((c.end for c in st.claims if c.end), None)
    as_of = next((c.qualifiers["as_of"] for c in st.claims if c.qualifiers.get("as_of")), None)
    if start and end:
        return f"{role} {start[:4]}–{end[:4]}"
    if start:
        return f"{role} since {start[:4]}"
    if as_of:
        return f"{role} as of {str(as_of)[:4]}"
    return role


def network_participation(p: CityProfile, others: list[CityProfile]) -> Cell:
    by_org: dict[str, list[str]] = {}
    ids: list[str] = []
    for st in p.memberships:
        name = _org_name(p, st.first.object)
        roles = by_org.setdefault(name, [])
        label = _role_label(st) if st.first.role else ""
        if st.first.role not in (None, "member", "participant") and label not in roles:
            roles.append(label)
        ids += [c.source_id for c in st.claims]
    ordered = sorted(by_org, key=lambda n: (-len(by_org[n]), n))
    parts = []
    if ordered:
        parts.append(
            "Member of "
            + _join([f"{n} ({', '.join(by_org[n])})" if by_org[n] else n for n in ordered])
        )
    events = []
    for st in p.activities:
        if st.first.predicate in ("attends_event", "hosts_event") and st.first.object:
            name = _org_name(p, st.first.object)
            verb = "hosts" if st.first.predicate == "hosts_event" else "attends"
            if f"{verb} {name}" not in events:
                events.append(f"{verb} {name}")
            ids += [c.source_id for c in st.claims]
    if events:
        parts.append(_join(events))
    for st in p.activities:
        if st.first.predicate == "signed" and st.first.object:
            document = p.entities.get(st.first.object)
            body = p.entities.get(document.parent or "") if document else None
            label = document.name if document else st.first.object
            body_name = f" ({body.acronym or body.name})" if body else ""
            parts.append(f"signed the {label}{body_name}, not a membership")
            ids += [c.source_id for c in st.claims]
    for st in p.activities:
        if st.first.predicate == "not_member_of":
            parts.append(f"not a member of {_org_name(p, st.first.object)}")
            ids += [c.source_id for c in st.claims]
    if not parts:
        return Cell("No network memberships recorded.", [])
    return Cell("; ".join(parts) + ".", sorted(set(ids)))


def diplomatic_style(p: CityProfile, others: list[CityProfile]) -> Cell:
    typology = classify(p)
    return Cell(style_text(typology), typology.source_ids())


def capacity(p: CityProfile, others: list[CityProfile]) -> Cell:
    parts: list[str] = []
    ids: list[str] = []
    offices = []
    for st in p.activities:
        pred, obj = st.first.predicate, st.first.object
        name = p.entities[obj].name if obj and obj in p.entities else st.first.value
        if pred == "has_bureau":
            parts.append(f"{name}")
        elif pred == "strategy" and st.first.kind != "revision":
            revisions = [
                s.first.start
                for s in p.activities
                if s.first.predicate == "strategy" and s.first.kind == "revision"
            ]
            extra = f", revised {', '.join(r for r in revisions if r)}" if revisions else ""
            parts.append(f"{name} ({st.first.start}{extra})")
        elif pred == "overseas_office" and name:
            offices.append(name)
        else:
            continue
        ids += [c.source_id for c in st.claims]
    if offices:
        parts.append(f"overseas offices in {_join(offices)}")
    if not parts:
        return Cell("No bureau, strategy or overseas office recorded.", [])
    return Cell("; ".join(parts) + ".", sorted(set(ids)))


DIMENSIONS: list[tuple[str, str, str, Callable[[CityProfile, list[CityProfile]], Cell]]] = [
    (
        "core_focus",
        "Core focus",
        "The themes of the city's stated aims first, then the others, each ranked by its "
        "weighted score over the city's own initiatives (programmes, aims, agreements, aid, "
        "hosted events, assets, projects, networks it founded or chairs) and its memberships; "
        "the first three.",
        core_focus,
    ),
    (
        "shared_attributes",
        "Shared attributes",
        "Themes on which every compared city scores at least 2, ranked by combined score; "
        "networks all belong to. With three or more cities: what is shared with all, then "
        "with each smaller group.",
        shared_attributes,
    ),
    (
        "key_mechanisms",
        "Key mechanisms",
        "The three mechanisms with the highest weighted score (network membership and awards "
        "excluded: they have their own row), with the programmes or events that carry them.",
        key_mechanisms,
    ),
    (
        "network_participation",
        "Network participation",
        "Every membership with leading roles first (with the dates their sources give), "
        "events hosted or attended, declarations signed, and explicit non-memberships.",
        network_participation,
    ),
    (
        "sister_cities",
        "Sister cities",
        "The newest count from the most authoritative kind of source, plus the ties the store "
        "lists as signed since (every other stated value named); then the ties listed: "
        "countries, continents, port and capital shares, ties only datasets list, first and "
        "latest.",
        sister_cities,
    ),
    (
        "diplomatic_style",
        "Diplomatic style",
        "The typology codebook (docs/typology.md): each piece of evidence (mechanisms, "
        "activities, themes, memberships and roles, tie patterns) adds its weight to an axis; "
        "expertise-driven when that score leads the soft-power score by a quarter, "
        "soft-power-driven in the opposite case, mixed otherwise, undetermined below 3.",
        diplomatic_style,
    ),
    (
        "capacity",
        "Capacity",
        "International-affairs bureau, international strategy and overseas offices.",
        capacity,
    ),
]


def compare_profiles(profiles: list[CityProfile]) -> Comparison:
    """One cell per city and dimension, each from the rule of its dimension."""
    dims = []
    for key, label, rule, build in DIMENSIONS:
        cells = {}
        for p in profiles:
            others = [q for q in profiles if q is not p]
            cells[p.city.name] = build(p, others)
        dims.append(Dimension(key, label, rule, cells))
    return Comparison(profiles, dims)
