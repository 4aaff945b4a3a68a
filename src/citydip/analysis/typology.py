"""Which model a city follows: expertise-driven or soft-power-driven, with the scores why."""

from __future__ import annotations

from dataclasses import dataclass

from citydip.analysis.profile import CityProfile
from citydip.analysis.scoring import Tally, mechanism_tally

EXPERTISE = ("technical-cooperation", "knowledge-transfer", "public-private-partnership", "aid")
SOFT_POWER = ("sister-city-exchange", "cultural-programme", "summit-diplomacy")
LABELS = {
    "expertise-driven": "Expertise-driven: offers its own solutions to urban problems abroad",
    "soft-power-driven": "Soft power–driven: seeks presence, dialogue and symbolic cooperation",
    "mixed": "Mixed: expertise and soft power in balance",
    "undetermined": "Undetermined: too little recorded to tell",
}


@dataclass
class Typology:
    """The model label, the two scores, and the tally they came from."""

    model: str
    expertise: float
    soft_power: float
    tally: Tally

    @property
    def description(self) -> str:
        return LABELS[self.model]


def classify(profile: CityProfile) -> Typology:
    """Expertise-driven when expertise mechanisms outweigh soft-power ones by a quarter."""
    tally = mechanism_tally(profile)
    expertise = sum(tally.scores.get(m, 0.0) for m in EXPERTISE)
    soft = sum(tally.scores.get(m, 0.0) for m in SOFT_POWER)
    if expertise + soft < 2:
        model = "undetermined"
    elif expertise >= 1.25 * soft:
        model = "expertise-driven"
    elif soft >= 1.25 * expertise:
        model = "soft-power-driven"
    else:
        model = "mixed"
    return Typology(model, round(expertise, 2), round(soft, 2), tally)
