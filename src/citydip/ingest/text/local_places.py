"""Places the gazetteer lacks, known from how the text itself speaks of them.

Small towns twin most, and most of them are not among the store's places: "Crewkerne",
"Igny". A name the text calls a place somewhere is a place everywhere in that text:
- "the French town of Igny", "the village of Oberndorf", "the commune of Bures";
- "residents of Crewkerne", "the mayor of Igny", "County councillor for Crewkerne";
- "Bures-sur-Yvette, a small town in Essonne", "Igny, a commune south of Paris".
What such a name means is left unlinked (no store id), as a tie's partner after a strong cue
already is. Continents, months and common words never count.
"""

from __future__ import annotations

import re

from citydip.ingest.text.normalise import MONTHS
from citydip.ingest.text.vocab import COMMON_WORDS, DEMONYMS
from citydip.text import fold

# (a word's letters are taken whole, never given back: no shorter run of them could be
# followed by what a name goes on with, "-", " " or ",")
_PART = r"(?:St\.|Ste\.|Mt\.|Ft\.|[A-Z][\w'’]*+)"
_WORD = rf"{_PART}(?:-(?:[a-z]{{1,4}}-)*{_PART})*"  # "Bures-sur-Yvette", "St. Albans"
_NAME = rf"{_WORD}(?: (?:(?:upon|am|an|im|de|del|la|le) )?{_WORD}){{0,2}}"
_NOUNS = r"(?:town|city|village|commune|municipality|borough|parish|hamlet|township)"
# Each pattern opens with the set of characters its match can start with, and what its
# first word goes on with is told by a look-behind at that character: the same matches as
# "\b(?:[Tt]he|[Aa]n?)", "\b(?:residents|...)" and _NAME, but the regex engine skips to
# the characters of the set instead of trying every position of a long text (issue 22).
_PART_AT_CAPITAL = r"[A-Z](?:(?<=S)t\.|(?<=S)te\.|(?<=M)t\.|(?<=F)t\.|[\w'’]*+)"  # _PART
_NAME_AT_CAPITAL = (  # _NAME
    rf"{_PART_AT_CAPITAL}(?:-(?:[a-z]{{1,4}}-)*{_PART})*"
    rf"(?: (?:(?:upon|am|an|im|de|del|la|le) )?{_WORD}){{0,2}}"
)
_OF = re.compile(
    rf"[TtAa](?<!\w[TtAa])(?:(?<=[Tt])he|(?<=[Aa])n?)(?: [\w-]+){{0,3}}? {_NOUNS} of ({_NAME})"
)
_PEOPLE = re.compile(
    r"[rtivMmCc](?<!\w[rtivMmCc])(?:(?<=r)esidents|(?<=t)ownspeople|(?<=t)ownsfolk|"
    r"(?<=i)nhabitants|(?<=v)illagers|(?<=[Mm])ayor|(?<=[Cc])ouncill?ors?|(?<=[Cc])ouncil) "
    rf"(?:of|from|for|in) ({_NAME})"
)
_APPOSED = re.compile(
    rf"({_NAME_AT_CAPITAL}), (?:a|an|the)(?: [\w-]+){{0,3}}? {_NOUNS},? (?:in|of|near|on|"
    r"north|south|east|west|located|situated|some|about|just)\b"
)
_NOT_PLACES = {"europe", "asia", "africa", "america", "oceania", "antarctica", "the"}


def local_places(text: str) -> frozenset[str]:
    """The folded names ``text`` calls places (see the module's doc)."""
    found: set[str] = set()
    for pattern in (_OF, _PEOPLE, _APPOSED):
        for match in pattern.finditer(text):
            name = match.group(1).rstrip("'’")
            low = name.lower()
            words = low.split()
            if low in COMMON_WORDS or low in MONTHS or low in DEMONYMS or low in _NOT_PLACES:
                continue
            if words[0] in COMMON_WORDS or words[0] in MONTHS:
                continue  # "the City of The", "residents of March"
            found.add(fold(name))
    return frozenset(found)
