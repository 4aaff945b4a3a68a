"""What "it", "its", "the city", "the two cities" and "the park" refer to, unit by unit.

Deliberately simple and explainable:
- "it" / "its" is the last subject: the subject of the last claim read, or an entity named
  at the start of a sentence or in a heading;
- "the city" is the last city named; "the two cities" / "both cities" the last two;
- "the park", "the programme", "the network"... is the last entity of that kind named,
  preferring one whose name has the noun in it.
"""

from __future__ import annotations

from citydip.ingest.text.mentions import REF_LABELS, Mention
from citydip.ingest.text.registry import Known
from citydip.text import fold

SUBJECT_LABELS = ("PLACE", "ORG", "PROGRAMME", "ASSET", "REF")


class Context:
    """Reading state carried from unit to unit."""

    def __init__(self) -> None:
        self.recent: list[Known] = []
        self.cities: list[Known] = []
        self.last_subject: Known | None = None
        self.paragraph = -1
        self.paragraph_year: int | None = None

    def referents(self, mention: Mention) -> list[Known]:
        """What a REF mention refers to (empty when nothing fits)."""
        ref = mention.ref or ""
        if ref == "it":
            subject = self.last_subject or (self.recent[-1] if self.recent else None)
            return [subject] if subject else []
        if ref == "pair":
            pair: list[Known] = []
            for city in reversed(self.cities):
                if all(_same(city, other) is False for other in pair):
                    pair.append(city)
                if len(pair) == 2:
                    return list(reversed(pair))
            return []
        if ref.startswith("="):
            noun = ref[1:]
            label = REF_LABELS.get(noun, "")
            pool = self.cities if label == "PLACE" else self.recent
            named = [k for k in pool if noun in fold(k.name).split() and label != "PLACE"]
            typed = [k for k in pool if k.label == label]
            found = named or typed
            return [found[-1]] if found else []
        return []

    def see(self, known: Known) -> None:
        if known.label == "COUNTRY":
            return
        self.recent = [*[k for k in self.recent if not _same(k, known)][-30:], known]
        if known.label == "PLACE":
            self.cities = [*[k for k in self.cities if not _same(k, known)][-10:], known]

    def start_paragraph(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph = paragraph
            self.paragraph_year = None


def _same(a: Known, b: Known) -> bool:
    if a.id or b.id:
        return a.id == b.id
    if a.geonames_id or b.geonames_id:
        return a.geonames_id == b.geonames_id
    return fold(a.name) == fold(b.name)
