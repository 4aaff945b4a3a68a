"""What "it", "its", "the city", "the two cities" and "the park" refer to, unit by unit.

Deliberately simple and explainable:
- "it" / "its" is the last subject: the subject of the last claim read, or an entity named
  at the start of a sentence or in a heading;
- "the city" is the last city named; "the two cities" / "both cities" the last two;
- "the park", "the programme", "the network"... is the last entity of that kind named,
  preferring one whose name has the noun in it.
"""

from __future__ import annotations

from typing import Any

from citydip.ingest.text.mentions import REF_LABELS, Mention
from citydip.ingest.text.registry import Known
from citydip.text import fold

SUBJECT_LABELS = ("PLACE", "ORG", "PROGRAMME", "ASSET", "REF")
# The subject of a claim read before the text has named any place ("Twinning agreements /
# Arrangements are in place with five sister cities – ..."; the city is named further on):
# the place the whole text names most, known once it is read (``Context.document_main``).
PENDING = Known("(the place the text is about)", "PLACE", "~pending")
PENDING_ORG = Known("(the organization the text is about)", "ORG", "~pending-org")
DECAY = 0.8
# "the council", "the authority", "the borough": the government of the text's main place
COUNCIL_NOUNS = {"council", "authority", "borough"}
# what names a document, not an organization ("Memorandum of Understanding", "MoU")
DOCUMENTS = {"memorandum", "mou", "moa", "agreement", "agreements", "understanding"}
DEMONYM_NOUNS = {"city", "capital", "port", "metropolis", "town"}


class Context:
    """Reading state carried from unit to unit."""

    def __init__(self) -> None:
        self._recent: dict[str, Known] = {}  # the last entities named, oldest first
        self._cities: dict[str, Known] = {}
        self.last_subject: Known | None = None
        self.paragraph = -1
        self.paragraph_year: int | None = None
        self.last_year: int | None = None  # the last year the text named, for "a year later"
        self.weight: dict[str, float] = {}  # place key -> how much the text is about it
        self.total: dict[str, float] = {}  # place key -> the same, older units not weighing less
        self.places: dict[str, Known] = {}
        self.orgs: dict[str, Known] = {}
        self.org_weight: dict[str, float] = {}
        self.tie_topic = False  # the text speaks of twinning or sister cities somewhere
        self.tie_named = False  # a unit read so far names ties ("Sister City Relations")
        # "twinned with four small towns ... since 1997": (subject, count, year) of partners
        # counted but not yet named, for the sentence that names them
        self.tie_group: tuple[Known, int, int] | None = None
        # "Malmö has twin towns across the Baltic.": (subject, kind, unit) of partners spoken
        # of but not named, for a next sentence "Among them are Gdańsk and Riga."
        self.tie_plural: tuple[Known, str, int] | None = None
        self.units = 0  # units read so far
        # the sentence read last and its unit: "These include relationships with Sacramento"
        # after "Several other twinning arrangements are lying dormant."
        self.previous: tuple[Any, int] | None = None
        # names the text calls places, the store lacking them ("the French town of Igny")
        self.local_places: frozenset[str] = frozenset()
        # the place the last sentence opened with, claiming nothing ("Saarbruken is the
        # capital of the Saarland."), with its paragraph and unit: "The city" right after it
        self.opening: tuple[Known, int, int] | None = None
        self.paragraph_place: Known | None = None  # the first city the paragraph names
        self.title_place: Known | None = None  # the place a text's title names alone
        # the last tie read: (subject, partner, kind, unit), for "So is Dresden.", "Dresden
        # followed in 1959", "Two years later, it added Naas."
        self.last_tie: tuple[Known, Known, str, int] | None = None
        # the two sides of the one tie the last unit claimed, however it was read (a
        # list's line too), with the unit: "The two towns were officially twinned ..."
        self.last_pair: tuple[Known, Known, int] | None = None
        self._city_seen: dict[str, int] = {}  # the unit each city was last seen in
        self.heading_frame: Any = None  # lists.ListFrame of the last heading, if any
        self.list_frame: Any = None  # lists.ListFrame of the last intro line, if any
        self._scale = 1.0
        self._best: str | None = None  # the key of ``main`` while known, else None

    @property
    def main(self) -> Known | None:
        """The city the text is about here: the place named most, recent units counting
        more (each unit read scales older weight by 0.8), headings and subjects double."""
        if not self.weight:
            return None
        if self._best is None:  # the first of the heaviest, as ``max`` picks it
            self._best = max(self.weight.items(), key=lambda kv: kv[1])[0]
        return self.places[self._best]

    def named_most(self) -> list[Known]:
        """The store's places the text read so far names, the most named first, all units
        weighing the same."""
        ranked = sorted(self.total.items(), key=lambda kv: -kv[1])  # stable: first named first
        return [self.places[key] for key, _ in ranked]

    @property
    def topic_org(self) -> Known | None:
        """The organization the text is about: the one named most (headings double); a body
        of an organization ("International Steering Committee") only if nothing else is."""
        if not self.org_weight:
            return None
        ranked = sorted(self.org_weight.items(), key=lambda kv: -kv[1])
        whole = [key for key, _ in ranked if not _body(self.orgs[key])]
        return self.orgs[(whole or [ranked[0][0]])[0]]

    def weigh(self, known: Known, weight: float) -> None:
        if known.label == "ORG":
            if set(fold(known.name).split()) & DOCUMENTS:
                return  # "Sheger, Ganzhou cities sign MoU": a document, no organization
            key = _key(known)
            self.orgs.setdefault(key, known)
            self.org_weight[key] = self.org_weight.get(key, 0.0) + weight
            return
        if known.label != "PLACE" or known is PENDING:
            return
        key = _key(known)
        self.places.setdefault(key, known)
        if known.id:  # a place of the store: a person's name the gazetteer knows is none
            self.total[key] = self.total.get(key, 0.0) + weight
        new = self.weight.get(key, 0.0) + weight * self._scale
        self.weight[key] = new
        best = self._best
        if best is not None and key != best:  # weights only grow: only ``key`` may overtake
            top = self.weight[best]
            if new > top:
                self._best = key
            elif new == top:
                self._best = None  # a tie: the first in order wins, recounted when asked

    def next_unit(self) -> None:
        """Older mentions weigh less: scale new weight up instead of old weight down."""
        self.units += 1
        self._scale /= DECAY
        if self._scale > 1e100:  # renormalise now and then (amortised, linear overall)
            self.weight = {k: w / self._scale for k, w in self.weight.items()}
            self._scale = 1.0
            self._best = None  # rounding may have made two weights equal

    def referents(self, mention: Mention) -> list[Known]:
        """What a REF mention refers to (empty when nothing fits)."""
        ref = mention.ref or ""
        if ref == "it":
            subject = self.last_subject or (self.recent[-1] if self.recent else None)
            return [subject] if subject else []
        if ref == "they":  # "... between A and B. ..., they signed a sister city agreement"
            last = self.last_tie
            recent = last is not None and last[3] >= self.units - 3
            return [last[0], last[1]] if last is not None and recent else []
        if ref == "pair":
            pair = self._last_two()
            sides = self.last_pair
            if sides is not None and sides[2] >= self.units - 1 and {*pair} != {sides[0], sides[1]}:
                return [sides[0], sides[1]]  # "... linked to Tongling. The two towns were ..."
            return pair
        if ref.startswith("="):
            noun = ref[1:]
            label = REF_LABELS.get(noun, "")
            if noun in COUNCIL_NOUNS:  # "The authority has built up a relationship with"
                return [self.main] if self.main is not None else []
            if noun in DEMONYM_NOUNS and mention.code:  # "the Dutch port city": a Dutch city
                fitting = [k for k in self.cities if k.country == mention.code]
                if fitting:
                    return [fitting[-1]]
            main = self.main
            plain = noun == "city" and not mention.code and mention.text.lower() == "the city"
            title = self.title_place
            titled = title is not None and main is not None and _same(main, title)
            opening = self.opening
            if (
                plain
                and opening is not None
                and opening[1:] == (self.paragraph, self.units - 1)
                and opening[0].level in (None, "city", "district")
            ):
                return [opening[0]]  # "Saarbruken is the capital ... The city has 209,104"
            if (
                plain
                and main is not None
                and (titled or any(_same(main, k) for k in self.cities[-3:]))
            ):
                return [main]  # the plain "the city" of a text about one city is that city
                # (the title's city, however many others the text has named since)
            pool = self.cities if label == "PLACE" else self.recent
            named = [] if label == "PLACE" else [k for k in pool if noun in fold(k.name).split()]
            typed = [k for k in pool if k.label == label]
            found = named or typed
            return [found[-1]] if found else []
        return []

    def _last_two(self) -> list[Known]:
        """The last two cities named, in the order named, if both in this unit or the one
        before (named long ago, they are not "the two towns" of this sentence)."""
        pair: list[Known] = []
        for city in reversed(self.cities):
            if self._city_seen.get(_key(city), -9) < self.units - 1:
                return []
            if all(_same(city, other) is False for other in pair):
                pair.append(city)
            if len(pair) == 2:
                return list(reversed(pair))
        return []

    @property
    def recent(self) -> list[Known]:
        return list(self._recent.values())

    @property
    def cities(self) -> list[Known]:
        return list(self._cities.values())

    def see(self, known: Known) -> None:
        if known.label == "COUNTRY" or known is PENDING:
            return
        key = _key(known)
        _remember(self._recent, known, 31, key)
        if known.label == "PLACE":
            _remember(self._cities, known, 11, key)
            self._city_seen[key] = self.units

    def start_paragraph(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph = paragraph
            self.paragraph_year = None
            self.paragraph_place = None


# bodies of an organization: their members are the organization's ("Steering Committee")
BODY_NOUNS = {"committee", "board", "bureau", "council", "secretariat", "presidency"}


def _body(known: Known) -> bool:
    """An organization's body named without its organization ("Executive Committee")."""
    return known.id is None and known.name.split()[-1].lower() in BODY_NOUNS


def _remember(seen: dict[str, Known], known: Known, keep: int, key: str) -> None:
    """Move ``known`` (``key``: its _key) to the end of ``seen`` (one entry per entity),
    keeping the last few."""
    seen.pop(key, None)
    seen[key] = known
    while len(seen) > keep:
        del seen[next(iter(seen))]


def _key(known: Known) -> str:
    return known.id or (f"g{known.geonames_id}" if known.geonames_id else fold(known.name))


def _same(a: Known, b: Known) -> bool:
    if a.id or b.id:
        return a.id == b.id
    if a.geonames_id or b.geonames_id:
        return a.geonames_id == b.geonames_id
    return fold(a.name) == fold(b.name)
