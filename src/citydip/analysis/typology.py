"""Which model a city follows, and on which themes, by the rules of the typology codebook.

Every rule of the codebook (analysis/typology_codebook.py, docs/typology.md) that the
city's profile meets adds one piece of evidence to one axis: a sentence saying what was
found, the source it is read from, the weight it adds. An axis's score is the sum of its
weights. The label is the model that leads the other by the codebook's margin ("mixed" when
neither does, "undetermined" when neither reaches the minimum score); theme axes over their
minimum are named beside it. Confidence counts the evidence that does not come from
datasets alone and its distinct sources; ``missing`` says, in words, what the store lacks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from citydip.analysis.profile import ANY_KIND, CityProfile
from citydip.analysis.typology_codebook import Codebook, Rule, load_codebook
from citydip.knowledge.reconcile import Statement, Tie
from citydip.store.models import EntitySummary
from citydip.text import plural
from citydip.vocabulary import MECHANISMS, SOURCE_RANK

MIN_TIES_FOR_SHARE = 5
COUNT_METRICS = ("sister", "sister+friendship", "friendship", "partner")
VERBS = {
    "runs_programme": "runs",
    "project": "carries out, through its programme,",
    "aid_to": "sends aid to",
    "agreement_with": "has a cooperation agreement with",
    "soft_power_asset": "promotes",
    "hosts_event": "hosts",
    "attends_event": "takes part in",
    "signed": "signed",
    "award_received": "won",
    "overseas_office": "keeps an office in",
    "aim": "aims to",
    "strategy": "published",
    "has_bureau": "has",
    "objective": "states the objective",
    "programme_partner": "works, through its programme, with",
    "participant_count": "counts participants in its programme:",
}

ROLE_WORDS = {
    "member": "a member",
    "board": "on the board",
    "executive": "on the executive",
    "founder": "a founder",
    "participant": "a participant",
    "signatory": "a signatory",
    "designated": "designated",
}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: what was found, where, and what it adds to which axis."""

    claim: str
    source: str
    weight: float
    axis: str
    rule: str
    sources: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "source": self.source,
            "weight": self.weight,
            "axis": self.axis,
            "rule": self.rule,
            "sources": self.sources,
        }


@dataclass(frozen=True)
class Typology:
    """A city's diplomatic style: label, scores per axis, evidence, confidence, gaps."""

    city: EntitySummary
    label: str
    description: str
    scores: dict[str, float]
    themes: list[str]
    confidence: str
    evidence: list[Evidence]
    missing: list[str]
    codebook: str
    labels: dict[str, str] = field(default_factory=dict)  # axis → its label

    @property
    def model(self) -> str:
        return self.label

    def score_of(self, axis: str) -> float:
        return self.scores.get(axis, 0.0)

    @property
    def expertise(self) -> float:
        return self.score_of("expertise-driven")

    @property
    def soft_power(self) -> float:
        return self.score_of("soft-power-driven")

    def source_ids(self) -> list[str]:
        return sorted({s for e in self.evidence for s in e.sources})

    def to_dict(self) -> dict[str, Any]:
        return {
            "city": self.city,
            "label": self.label,
            "description": self.description,
            "scores": self.scores,
            "themes": self.themes,
            "confidence": self.confidence,
            "evidence": [e.to_dict() for e in self.evidence],
            "missing": self.missing,
            "codebook": self.codebook,
            "axes": self.labels,
        }


def classify(profile: CityProfile, codebook: Codebook | None = None) -> Typology:
    """The style of ``profile``'s city under ``codebook`` (default: the shipped one)."""
    book = codebook or load_codebook()
    evidence: list[Evidence] = []
    for rule in book.rules:
        evidence += _apply(profile, rule)[: rule.max_items]
    scores = {axis: 0.0 for axis in book.axes}
    for item in evidence:
        scores[item.axis] += item.weight
    scores = {k: round(v, 2) for k, v in scores.items()}
    label, description = _label(book, scores)
    themes = sorted(
        (a for a, x in book.axes.items() if x.kind == "theme" and scores[a] >= book.theme_min),
        key=lambda a: (-scores[a], a),
    )
    confidence = _confidence(book, profile, evidence, label)
    return Typology(
        profile.city.summary(),
        label,
        description,
        scores,
        themes,
        confidence,
        evidence,
        _missing(profile),
        book.path,
        {k: a.label for k, a in book.axes.items()},
    )


def _label(book: Codebook, scores: dict[str, float]) -> tuple[str, str]:
    a, b = book.models
    sa, sb = scores[a], scores[b]
    if max(sa, sb) < book.min_score:
        return "undetermined", "Undetermined: too little recorded to tell"
    for lead, other in ((a, b), (b, a)):
        if scores[lead] >= book.margin * scores[other]:
            axis = book.axes[lead]
            return lead, f"{axis.label}: {axis.description}"
    return (
        "mixed",
        f"Mixed: {book.axes[a].label.lower()} and {book.axes[b].label.lower()} in balance",
    )


def _confidence(book: Codebook, profile: CityProfile, evidence: list[Evidence], label: str) -> str:
    datasets = _dataset_ids(profile)
    solid = [e for e in evidence if not set(e.sources) <= datasets]
    sources = {s for e in solid for s in e.sources if s not in datasets}
    if label == "undetermined":
        return "low"
    for level in ("high", "medium"):
        items, distinct = book.confidence[level]
        if len(solid) >= items and len(sources) >= distinct:
            return level
    return "low"


def _dataset_ids(profile: CityProfile) -> set[str]:
    return {i for i, s in profile.sources.by_id.items() if s.kind == "dataset"}


def _primary(profile: CityProfile, ids: list[str]) -> str:
    """The most authoritative of ``ids`` (official first; datasets last)."""
    by_id = profile.sources.by_id

    def rank(i: str) -> tuple[int, str]:
        source = by_id.get(i)
        return (SOURCE_RANK.get(source.kind, 9) if source else 9, i)

    return sorted(set(ids), key=rank)[0] if ids else ""


def _statements(profile: CityProfile) -> list[Statement]:
    return profile.memberships + profile.activities + profile.owned


def _qualifier(st: Statement, key: str) -> list[str]:
    return [v for c in st.claims for v in c.qualifier_list(key)]


def _apply(profile: CityProfile, rule: Rule) -> list[Evidence]:
    if rule.evidence == "tie-pattern":
        return _tie_pattern(profile, rule)
    out = []
    for st in _statements(profile):
        claim = st.first
        if rule.evidence == "mechanism" and rule.match in _qualifier(st, "mechanisms"):
            why = f"{_phrase(profile, st)} ({MECHANISMS[rule.match]})"
        elif rule.evidence == "theme" and rule.match in _qualifier(st, "themes"):
            why = f"{_phrase(profile, st)} (theme: {rule.match})"
        elif (rule.evidence == "activity" and claim.predicate == rule.match) or (
            rule.evidence == "membership" and _member_match(profile, st, rule)
        ):
            why = _phrase(profile, st)
        else:
            continue
        ids = sorted({c.source_id for c in st.claims})
        out.append(Evidence(why, _primary(profile, ids), rule.weight, rule.axis, rule.id, ids))
    return out


def _member_match(profile: CityProfile, st: Statement, rule: Rule) -> bool:
    claim = st.first
    if claim.predicate != "member_of" or not claim.object:
        return False
    org = profile.entities.get(claim.object)
    names = {claim.object.casefold()}
    if org:
        names |= {org.name.casefold(), (org.acronym or "").casefold()}
    if rule.match.casefold() not in names:
        return False
    roles = {c.role or "member" for c in st.claims}
    return not rule.roles or bool(roles & set(rule.roles))


def _name(profile: CityProfile, entity_id: str | None) -> str:
    entity = profile.entities.get(entity_id or "")
    return entity.name if entity else (entity_id or "")


def _phrase(profile: CityProfile, st: Statement) -> str:
    """The statement as a sentence about the city."""
    claim = st.first
    city = profile.city.name
    if claim.predicate == "member_of":
        roles = sorted({ROLE_WORDS.get(c.role or "member", c.role or "") for c in st.claims})
        return f"{city} is {' and '.join(roles)} of {_name(profile, claim.object)}"
    what = _name(profile, claim.object) if claim.object else (claim.value or "")
    verb = VERBS.get(claim.predicate, claim.predicate.replace("_", " "))
    if claim.subject != profile.city.id:  # a claim about one of its programmes or assets
        owner = _name(profile, claim.subject)
        return f"{city}'s {owner}: {verb.split(',')[0]} {what}".replace("  ", " ")
    if claim.predicate == "aim":
        return f"{city}'s stated aim: {what}"
    return f"{city} {verb} {what}"


def _live(profile: CityProfile) -> list[Tie]:
    return [t for t in profile.ties if t.kind in ANY_KIND and t.status in ("active", "unknown")]


def _tie_pattern(profile: CityProfile, rule: Rule) -> list[Evidence]:
    ties = _live(profile)
    city = profile.city.name
    minimum = rule.minimum or 0.0
    value: float
    chosen = ties
    if rule.match == "stated-count":
        counts = [
            (int(st.first.value or "0"), st)
            for st in profile.counts
            if st.first.qualifiers.get("metric") in COUNT_METRICS
            and (st.first.value or "").isdigit()
        ]
        if not counts:
            return []
        number, st = max(counts, key=lambda p: p[0])
        if number < minimum:
            return []
        ids = sorted({c.source_id for c in st.claims})
        metric = st.first.qualifiers.get("metric")
        text = f"sources state {number} {metric} cities of {city}"
        return [Evidence(text, _primary(profile, ids), rule.weight, rule.axis, rule.id, ids)]
    if rule.match == "ties":
        value = len({t.partner for t in ties})
        text = f"{city} has {plural(value, 'tie')} listed"
    elif rule.match == "continents":
        from citydip.analysis.geography import continents

        spread = continents(profile.partner(t).country for t in ties)
        value = len(spread)
        text = f"{city}'s partners lie on {plural(value, 'continent')} ({', '.join(spread)})"
    elif rule.match == "recent":
        since = datetime.now(UTC).year - rule.years
        chosen = [t for t in ties if t.year is not None and t.year >= since]
        value = len(chosen)
        names = ", ".join(sorted(profile.partner(t).name for t in chosen)[:5])
        text = f"{city} signed {plural(value, 'tie')} since {since} ({names})"
    else:
        chosen, value, text = _share(profile, ties, rule.match)
    if value < minimum or not chosen:
        return []
    ids = [s for t in chosen for s in t.source_ids]
    common = [s for s, _ in Counter(ids).most_common()]
    primary = _primary(profile, common[:1] + [s for s in common if s not in _dataset_ids(profile)])
    return [Evidence(text, primary, rule.weight, rule.axis, rule.id, sorted(set(ids)))]


def _share(profile: CityProfile, ties: list[Tie], what: str) -> tuple[list[Tie], float, str]:
    from citydip.analysis.network.ports import is_port
    from citydip.gazetteer.geonames import is_capital

    city = profile.city.name
    if what == "friendship-share":
        known = [t for t in ties if t.kind in ("sister", "friendship", "partner")]
        hits = [t for t in known if t.kind == "friendship"]
        word = "are friendship ties"
    else:
        known = ties
        if what == "capitals-share":
            hits = [
                t
                for t in ties
                if (e := profile.partner(t)).capital
                or (e.capital is None and is_capital(e.name, e.country))
            ]
            word = "are with capitals"
        else:
            hits = [t for t in ties if is_port(profile.partner(t))]
            word = "are with port cities"
    if len(known) < MIN_TIES_FOR_SHARE:
        return [], 0.0, ""
    share = len(hits) / len(known)
    names = ", ".join(sorted(profile.partner(t).name for t in hits)[:5])
    return hits, share, f"{len(hits)} of {city}'s {plural(len(known), 'tie')} {word} ({names})"


def _missing(profile: CityProfile) -> list[str]:
    out = []
    ties = _live(profile)
    datasets = _dataset_ids(profile)
    if not ties:
        out.append("no ties recorded")
    elif all(set(t.source_ids) <= datasets for t in ties):
        names = ", ".join(sorted({s for t in ties for s in t.source_ids}))
        out.append(
            f"its ties come from datasets only ({names}): no official or scholarly source "
            "gives their kind, status or date"
        )
    if ties and not any(t.year for t in ties):
        out.append("no tie carries a start year, so recent activity cannot be told")
    if not profile.activities and not profile.owned:
        out.append("no programmes, events, agreements, aid, awards or cultural assets recorded")
    if not profile.memberships:
        out.append("no network memberships recorded")
    if not any(st.first.qualifiers.get("metric") in COUNT_METRICS for st in profile.counts):
        out.append("no stated count of its sister cities")
    return out


def style_text(typology: Typology) -> str:
    """The style in one sentence, as the compare table's cell gives it."""
    sources = {e.source for e in typology.evidence}
    themes = [typology.labels.get(t, t).lower() for t in typology.themes]
    also = f"; also {', '.join(themes)}" if themes else ""
    return (
        f"{typology.description} (expertise score {typology.expertise:g}, soft-power score "
        f"{typology.soft_power:g}; {typology.confidence} confidence: {len(typology.evidence)} "
        f"pieces of evidence from {len(sources)} sources{also})."
    )
