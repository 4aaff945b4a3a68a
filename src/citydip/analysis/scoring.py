"""Weighted tallies of themes and mechanisms over a profile; the rules behind `compare`.

Each reconciled statement counts once, whatever the number of its sources, with a weight
by what it says (WEIGHTS). 'Initiative' statements are those the city leads (programmes,
aims, agreements, aid, hosting, assets, founding or chairing a network); with the themes of
its memberships they define its core focus. Ties add sister-city exchange at TIE_WEIGHT
each: the ties listed, or the stated headline counts when those are larger (most cities
list few of their ties).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from citydip.analysis.profile import CityProfile
from citydip.analysis.tie_counts import stated_tie_total
from citydip.knowledge.reconcile import Statement
from citydip.store.models import Claim

WEIGHTS = {
    "runs_programme": 3.0,
    "aim": 3.0,
    "agreement_with": 2.0,
    "aid_to": 2.0,
    "hosts_event": 2.0,
    "soft_power_asset": 2.0,
    "member_of": 1.0,
    "award_received": 1.0,
    "attends_event": 1.0,
    "objective": 1.0,
    "programme_partner": 0.5,
    "project": 1.0,
    "signed": 1.0,
}
LEADING_ROLES = ("founder", "chair", "president")
INITIATIVE_PREDICATES = (
    "runs_programme",
    "aim",
    "agreement_with",
    "aid_to",
    "hosts_event",
    "soft_power_asset",
    "objective",
    "project",
)
TIE_WEIGHT = 0.2  # one unit of sister-city exchange per five active ties
TIE_KINDS_FOR_EXCHANGE = ("sister", "friendship", "partner")
# Mechanisms that also express a theme (technical cooperation is both).
MECHANISM_THEMES = {
    "technical-cooperation": "technical-cooperation",
    "cultural-programme": "culture",
}


@dataclass
class Tally:
    """Scores by label, with the claims that earned them."""

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    claims: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    statements: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, label: str, weight: float, claims: list[Claim]) -> None:
        self.scores[label] += weight
        self.claims[label].extend(claims)
        self.statements[label] += 1

    def top(
        self, n: int, exclude: tuple[str, ...] = (), tiebreak: Tally | None = None
    ) -> list[str]:
        """The n best labels; equal scores go to the label ``tiebreak`` scores higher, then
        to the one more statements support, then alphabetically."""
        ranked = sorted(
            ((s, k) for k, s in self.scores.items() if k not in exclude and s > 0),
            key=lambda p: (
                -p[0],
                -(tiebreak.scores.get(p[1], 0.0) if tiebreak else 0.0),
                -self.statements[p[1]],
                p[1],
            ),
        )
        return [k for _, k in ranked[:n]]

    def source_ids(self, labels: list[str]) -> list[str]:
        return sorted({c.source_id for label in labels for c in self.claims.get(label, [])})


def _statements(profile: CityProfile) -> list[Statement]:
    return profile.memberships + profile.activities + profile.owned


def _weight(st: Statement) -> float:
    claim = st.first
    weight = WEIGHTS.get(claim.predicate, 0.0)
    if claim.predicate == "member_of" and claim.role in LEADING_ROLES:
        weight = 2.0
    return weight


def _is_initiative(st: Statement) -> bool:
    claim = st.first
    return claim.predicate in INITIATIVE_PREDICATES or (
        claim.predicate == "member_of" and claim.role in LEADING_ROLES
    )


def _labels(st: Statement, key: str) -> list[str]:
    labels: list[str] = []
    for claim in st.claims:
        for label in claim.qualifier_list(key):
            if label not in labels:
                labels.append(label)
    return labels


def theme_tally(
    profile: CityProfile, initiatives_only: bool = False, with_memberships: bool = False
) -> Tally:
    """Themes weighted over statements (and mechanisms that are themes too); with
    ``initiatives_only``, over the city's own initiatives (and, ``with_memberships``, the
    networks it belongs to)."""
    tally = Tally()
    for st in _statements(profile):
        is_membership = st.first.predicate == "member_of"
        if initiatives_only and not (_is_initiative(st) or (with_memberships and is_membership)):
            continue
        labels = _labels(st, "themes")
        labels += [
            MECHANISM_THEMES[m]
            for m in _labels(st, "mechanisms")
            if m in MECHANISM_THEMES and MECHANISM_THEMES[m] not in labels
        ]
        for label in labels:
            tally.add(label, _weight(st), st.claims)
    return tally


def mechanism_tally(profile: CityProfile) -> Tally:
    """Mechanisms weighted over statements, plus sister-city exchange from active ties."""
    tally = Tally()
    for st in _statements(profile):
        for label in _labels(st, "mechanisms"):
            tally.add(label, _weight(st), st.claims)
    ties = profile.active_ties(TIE_KINDS_FOR_EXCHANGE)
    number = max(len(ties), stated_tie_total(profile))
    if number:
        claims = [c for t in ties for c in t.claims]
        if number > len(ties):
            claims += [c for st in profile.counts for c in st.claims]
        tally.add("sister-city-exchange", TIE_WEIGHT * number, claims)
    return tally
