"""Mentions in one unit: known names, names with acronyms, capitalised names, references.

- Known names come from the EntityRuler; a match must start with a capital or a digit.
- ``Name (ACR)`` is one mention; the acronym decides the entity ("United Cities and Local
  Governments, Asia-Pacific Branch (UCLG-ASPAC)" is UCLG-ASPAC, not UCLG).
- A known organization's name runs on over capitalised words ("ICLEI Local Government
  for Sustainability").
- Capitalised names ending in a head noun (Network, Alliance, Programme, Summit, Award,
  Strategy...) are unknown organizations, programmes, events, awards or documents.
- Other capitalised names are NAME: a rule that needs a place asks the gazetteer.
- A city government's name is a PLACE mention of its city ("Seoul Metropolitan Government",
  "Municipal Government of Kuala Lumpur"), and so is an acronym the text defines for it.
- References — it, its, the city, the two cities, the park, the programme — are REF
  mentions; ``coref.Context`` says what they refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

from citydip.ingest.text.normalise import CALENDAR_MONTHS
from citydip.ingest.text.registry import Known, Registry
from citydip.ingest.text.tokens import broken, glued, token_list
from citydip.ingest.text.vocab import COMMON_WORDS, COMPASS_WORDS, DEMONYMS, ORG_HEADS, ROLE_WORDS
from citydip.text import fold

HEADS = {
    "ORG": set(ORG_HEADS),
    "PROGRAMME": {
        "program",
        "programme",
        "project",
        "initiative",
        "center",
        "centre",
        "hub",
        "lab",
        "scheme",
    },
    "EVENT": {
        "summit",
        "expo",
        "conference",
        "festival",
        "exhibition",
        "exhibitions",
        "biennale",
        "biennial",
        "week",
        "games",
        "fair",
        "forum",
        "congress",
    },
    "AWARD": {"award", "awards", "prize", "medal"},
    "DOC": {"strategy", "plan", "policy", "vision", "charter", "agenda"},
    "ASSET": {"park", "museum"},
}
_HEAD_LABEL = {word: label for label, words in HEADS.items() for word in words}
CONNECTORS = {"of", "for", "and", "&", "on", "de", "the", "-", "du", "la"}
_REF_NOUNS = {
    "city": "PLACE",
    "town": "PLACE",
    "park": "ASSET",
    "facility": "ASSET",
    "program": "PROGRAMME",
    "programme": "PROGRAMME",
    "project": "PROGRAMME",
    "initiative": "PROGRAMME",
    "network": "ORG",
    "organization": "ORG",
    "organisation": "ORG",
    "alliance": "ORG",
    "document": "DOC",
    "strategy": "DOC",
    "summit": "EVENT",
    "capital": "PLACE",
    "council": "PLACE",  # the text's own place's council (coref.COUNCIL_NOUNS)
    "authority": "PLACE",
    "borough": "PLACE",
}
# "the Catalan capital", "the Japanese port", "the Colombian city": the last city named
PLACE_DESCRIPTIONS = {"capital", "city", "port", "metropolis", "town"}
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "for",
    "as",
    "at",
    "by",
    "since",
    "during",
    "with",
    "this",
    "these",
    "those",
    "that",
    "its",
    "it",
    "their",
    "they",
    "we",
    "our",
    "both",
    "other",
    "another",
    "additionally",
    "however",
    "although",
    "though",
    "through",
    "beyond",
    "like",
    "together",
    "thus",
    "one",
    "many",
    "examples",
    "much",
    "each",
    "and",
    "or",
    "but",
    "while",
    "after",
    "before",
} | CALENDAR_MONTHS

# List and status words are no names ("Friendship cities:", "Former twin towns").
_NOT_NAMES |= {"twin", "twins", "sister", "sisters", "partner", "partners", "friendship"}
_NOT_NAMES |= {"member", "members", "membership"}
_NOT_NAMES |= {"title", "population"}  # a directory's labels: "Title: Mayor Population: 45810"
# month abbreviations ("on Nov. 6, 2003"; not "Jan" and "Mar", which start Jan Mayen and
# Mar del Plata)
_MONTH_CUTS = ("feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_NOT_NAMES |= {*_MONTH_CUTS, *(cut + "." for cut in _MONTH_CUTS), "jan.", "mar."}
_NOT_NAMES |= {"former", "suspended", "proposed", "ended", "partnership", "partnerships"}
_NOT_NAMES |= {"of", "to", "from", "unlike", "including", "among", "following", "under"}
_NOT_NAMES |= {"neighbouring", "neighboring", "nearby", "contrary", "between", "despite"}
# a document's number is no place: "Resolution No. 1706", "Ordinance No. 12"
_NOT_NAMES |= {"resolution", "resolutions", "ordinance", "ordinances", "no.", "nos."}


@dataclass
class Mention:
    """A stretch of tokens [start, end) naming something, in one unit's doc."""

    start: int
    end: int
    text: str
    label: str  # PLACE ORG PROGRAMME EVENT AWARD DOC ASSET COUNTRY NAME REF
    known: Known | None = None
    code: str | None = None  # a country's ISO code
    possessive: bool = False
    ref: str | None = None  # it | pair | PLACE | ASSET | ... for REF mentions


def find_mentions(
    doc: Any,
    registry: Registry,
    ents: Any = None,
    lower: frozenset[str] = frozenset(),
    defined: dict[str, Known] | None = None,
    people: dict[str, Known | None] | None = None,
    words: set[str] | None = None,
) -> list[Mention]:
    """Every mention in a unit's doc, in order, none overlapping. ``ents``: the unit's
    entities when the caller has them (a Span's ``.ents`` rebuilds every entity of its
    whole doc on each call). ``lower``: the words the document writes in lower case (a
    capitalised one of them the store does not know is a common noun, not a place).
    ``defined``: the acronyms the document has defined for places so far ("the Kumasi
    Metropolitan Assembly (KMA)" → KMA: Kumasi), read and added to. ``words``: the unit's
    words in lower case, when the caller has them (they are found here otherwise)."""
    # The unit's words, lower case: a step whose trigger word the unit lacks is skipped
    # (it would change nothing; most units have no "(", "'s", particle, ...).
    if words is None:
        words = {t.lower_ for t in token_list(doc)}
    mentions = _known(doc, registry, doc.ents if ents is None else ents)
    mentions = _countries_as_places(doc, mentions, registry)
    if "(" in words:
        mentions = _merge_acronyms(doc, mentions, registry)
    mentions = _extend(doc, mentions, registry)
    mentions = _absorb_places(doc, mentions)
    if "the" in words:
        mentions += _descriptions(doc, mentions)
    mentions += _chunks(doc, mentions, registry, lower, words)
    mentions = _join_prefixed(doc, mentions, registry)
    if not words.isdisjoint(GOV_WORDS):
        mentions = _governments(doc, mentions, registry)
    if defined is not None:
        mentions = _defined_acronyms(doc, mentions, defined, registry)
    if not words.isdisjoint(_REFERENCE_WORDS):
        mentions += _references(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    if "'s" in words:
        mentions = _possessive_places(doc, mentions, registry)
    if not words.isdisjoint(PARTICLES):
        mentions = _particle_names(doc, mentions, registry)
    mentions = _glued_names(doc, mentions, registry)
    if "-" in words:
        mentions = _hyphen_tails(doc, mentions, registry)
    if not words.isdisjoint(ADMIN_AREA_WORDS):
        _admin_areas(doc, mentions, registry)
    if "." in words:
        _state_abbreviations(doc, mentions, registry)
    if people is not None:
        mentions = _not_people(doc, mentions, people)
    mentions = _drop_common(doc, mentions, lower)
    if not words.isdisjoint(FORMERLY):
        mentions = [m for m in mentions if not _former_name(doc, m)]
    if "-" in words:
        _unit_suffixes(doc, mentions)
    if "'s" in words or "'" in words:
        for m in mentions:
            if m.end < len(doc) and doc[m.end].lower_ in ("'s", "'"):
                m.possessive = True
    return mentions


# the words that start a reference (what _references reads; a unit without any has none)
_REFERENCE_WORDS = {"it", "its", "they", "the", "this", "both"}


# the particles inside a place's name ("St Paul de Fenouillet", "Frankfurt am Main")
PARTICLES = {"de", "del", "della", "di", "du", "des", "la", "le", "sur", "sous", "am", "an"}
PARTICLES |= {"im", "upon", "en", "lès", "les", "da", "do", "dos", "das"}


def _particle_names(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """A known place followed by a particle and a capitalised word is the longer name when
    the gazetteer knows it: "St Paul de Fenouillet" is Saint-Paul-de-Fenouillet (France),
    not Saint Paul (Minnesota)."""
    tokens = token_list(doc)
    drop: set[int] = set()
    for m in mentions:
        k = m.end
        if m.label not in ("PLACE", "NAME") or k + 1 >= len(tokens):
            continue
        if tokens[k].lower_ not in PARTICLES:
            continue
        if not tokens[k + 1].text[:1].isupper():
            continue
        end = k + 2
        while end < len(tokens) and end - k < 4 and tokens[end].text == "-":
            end += 2  # "Saint-Paul-de-Fenouillet"-style hyphen chains after the particle
        end = min(end, len(tokens))
        found = registry.place(doc[m.start : end].text)
        if found is None or found == m.known:
            continue
        drop.update(id(o) for o in mentions if o is not m and m.start <= o.start < end)
        m.end, m.text, m.known, m.label = end, doc[m.start : end].text, found, "PLACE"
    return [m for m in mentions if id(m) not in drop]


def _glued_names(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """An unknown name glued to a country's or a place's name (before or after it) is one
    place when the gazetteer knows the two together: "Inner" + "Mongolia" is Inner
    Mongolia, "Campina" + "Grande" is Campina Grande."""
    out: list[Mention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == m.start
            and (
                (last.label == "NAME" and m.label in ("COUNTRY", "PLACE"))
                or (last.label == "PLACE" and m.label == "NAME" and m.known is None)
            )
        ):  # (and "Campina" + "Grande": Campina Grande, not Câmpina in Romania)
            found = registry.place(doc[last.start : m.end].text)
            if found is not None:
                out[-1] = Mention(last.start, m.end, doc[last.start : m.end].text, "PLACE", found)
                continue
        out.append(m)
    return out


def _hyphen_tails(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """A name written with a lower-case part after a hyphen ("Merri-bek", "Mazar-i-Sharif")
    is the whole name when the gazetteer knows it, not its first part."""
    tokens = token_list(doc)
    out: list[Mention] = []
    for m in mentions:
        end = m.end
        while (
            m.label in ("PLACE", "NAME")
            and end + 1 < len(tokens)
            and tokens[end].text == "-"
            and glued(tokens[end - 1], tokens[end])
            and glued(tokens[end], tokens[end + 1])
            and tokens[end + 1].text[:1].isalpha()
        ):
            end += 2
        if end > m.end and not any(o.start < end and o.start >= m.end for o in mentions):
            text = doc[m.start : end].text
            found = registry.place(text)
            if found is not None:
                out.append(Mention(m.start, end, text, "PLACE", found))
                continue
        out.append(m)
    return out


# the abbreviations of US states in news style, written after a city ("Boulder, Colo.")
US_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
    "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
    "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
    "Neb": "Nebraska", "Nev": "Nevada", "Okla": "Oklahoma", "Ore": "Oregon",
    "Pa": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont",
    "Va": "Virginia", "Wash": "Washington", "Wis": "Wisconsin", "Wyo": "Wyoming",
}  # fmt: skip


def _state_abbreviations(doc: Any, mentions: list[Mention], registry: Registry) -> None:
    """ "Boulder, Colo.", "Salem, Ore.": after a place and a comma, a state's abbreviation
    with its full stop is that state (where the place lies), not a place of that name."""
    tokens = token_list(doc)
    for n, m in enumerate(mentions):
        state = US_STATE_ABBREVIATIONS.get(m.text)
        if state is None or n == 0 or m.end >= len(tokens) or tokens[m.end].text != ".":
            continue
        before = mentions[n - 1]
        if before.end != m.start - 1 or tokens[before.end].text != ",":
            continue
        found = registry.place(state, "US")
        if found is not None:
            m.label, m.known = "PLACE", found


# words after a place's name that make the name an administrative area's ("the Almaty
# Region", "Hokkaido Prefecture", "Kent County"), written capitalised
ADMIN_AREA_WORDS = {"region", "oblast", "province", "prefecture", "governorate", "krai"}
ADMIN_AREA_WORDS |= {"voivodeship", "county", "canton", "department", "powiat"}


def _admin_areas(doc: Any, mentions: list[Mention], registry: Registry) -> None:
    """A known city followed by a capitalised word of an administrative area names the
    area, another place: the area when the gazetteer knows it ("Kaliningrad Region" ->
    Kaliningrad Oblast), the name itself when the city's own entry is a region ("Shaanxi
    Province"), else an unknown name (never the city: "the Almaty Region" is not Almaty)."""
    tokens = token_list(doc)
    for m in mentions:
        k = m.end
        if m.label != "PLACE" or m.known is None or k >= len(tokens):
            continue
        word = tokens[k].text
        if word.lower() not in ADMIN_AREA_WORDS or not word[:1].isupper():
            continue
        if any(o.start == k for o in mentions):
            continue
        if m.known.regional:
            m.end, m.text = k + 1, doc[m.start : k + 1].text  # "Shaanxi Province": the same
            continue
        name = doc[m.start : k + 1].text
        area = registry.place(name)
        for other in AREA_SYNONYMS.get(word.lower(), ()):
            area = area or registry.place(f"{m.text} {other}")
        if area is not None and (area.regional or area.level not in (None, "city")):
            m.end, m.text, m.known = k + 1, name, area
        else:
            m.end, m.text, m.known, m.label = k + 1, name, None, "NAME"


AREA_SYNONYMS = {"region": ("Oblast", "Province"), "province": ("Oblast", "Region")}
AREA_SYNONYMS["oblast"] = ("Region", "Province")


def _unit_suffixes(doc: Any, mentions: list[Mention]) -> None:
    """A place mention followed by "-gu", "-si", "-machi": the suffix is part of it."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        k = m.end
        if m.label not in ("PLACE", "NAME") or k + 1 >= len(doc) or doc[k].text != "-":
            continue
        if doc[k + 1].lower_ in UNIT_SUFFIXES and k + 1 not in taken and k not in taken:
            m.end = k + 2
            m.text = doc[m.start : m.end].text


# titles written before a person's name only ("Mayor Zdeněk Hřib", "Cllr Tony Dodd")
NAME_TITLES = {"mayor", "mr", "mrs", "ms", "dr", "cllr", "councillor", "councilor", "sir"}
NAME_TITLES |= {"dame", "senator", "alderman", "prof", "professor", "hon", "governor"}
NAME_TITLES |= {"mr.", "mrs.", "ms.", "dr.", "cllr.", "hon.", "prof.", "councilmember"}
NAME_TITLES |= {"gov", "gov.", "sen.", "rep.", "lt.", "cllr"}  # "South Jeolla Gov. Lee Nak-yon"


def initialled(doc: Any, i: int) -> bool:
    """Token ``i`` is a middle initial: one capital letter, a full stop, a capitalised
    word ("Mae N. Villablanca", "John F. Kennedy")."""
    text = doc[i].text
    if len(text) != 1 or not text.isupper() or i < 1 or i + 2 >= len(doc):
        return False
    return doc[i + 1].text == "." and doc[i + 2].text[:1].isupper() and bool(doc[i - 1].is_alpha)


def _not_people(
    doc: Any, mentions: list[Mention], people: dict[str, Known | None]
) -> list[Mention]:
    """A name right after a person's title ("Mayor Hřib", "Mayor Geordin Hill-Lewis") is a
    person, and so is that surname alone later in the text ("Described by Wilkinson as
    ..."): no place, though a place bears it. A mayor introduced with the city ("Prague Mayor
    Zdeněk Hřib") stands for the city when named again ("Hřib and Taipei Mayor Ko Wen-je
    signed a sister city agreement": Prague and Taipei). ``people``: the surnames the
    document has named so far and their cities, read and added to."""
    doc = token_list(doc)  # (indexed only)
    out = []
    surname = -1  # where the surname after a middle initial starts
    for m in mentions:
        if m.label not in ("PLACE", "NAME"):
            out.append(m)
            continue
        if m.label == "NAME" and m.known is None and initialled(doc, m.end - 1):
            surname = m.end + 1
            continue  # "Cristine Mae N. Villablanca": a middle initial names a person
        if m.start == surname:
            continue  # ... and so does the name after it
        if (
            m.label == "NAME"
            and m.known is None
            and m.end < len(doc)
            and doc[m.end].lower_ in SPEECH_VERBS
            and m.text.split()[-1] not in LABELS
        ):
            people.setdefault(doc[m.end - 1].text, None)  # '..." Kane said': a person
            continue
        title = m.start - 1  # "Mayor" before the name, or its first word ("Mayor Hřib")
        if m.end - m.start >= 2 and doc[m.start].lower_ in NAME_TITLES:
            title = m.start
        elif m.label == "NAME" and m.end - m.start >= 2 and m.start >= 2 and doc[title].text == ",":
            title = m.start - 2  # "The New York City Mayor, Eric Adams, will arrive"
        titled = title >= 0 and doc[title].lower_ in NAME_TITLES and doc[title].text[:1].isupper()
        after = doc[m.end].lower_ if m.end < len(doc) else ""
        if titled and after not in PLACE_TITLES and after not in GOV_AFTER and after != "of":
            if title == m.start and doc[m.start + 1].lower_ == "of":
                out.append(m)  # "Mayor of Hiroshima": the place the title is of
                continue
            before = out[-1] if out else None
            city = (
                before.known
                if before is not None
                and before.end == title
                and before.label == "PLACE"
                and before.known is not None
                and doc[title].lower_ == "mayor"
                else None
            )
            people[doc[m.end - 1].text] = city  # the surname: the name's last word
            if title == m.start:
                out.append(m)  # "Mayor X" whole: _drop_common drops it, a person
            continue
        if m.end - m.start == 1 and m.text in people and after not in PLACE_TITLES:
            city = people[m.text]
            if city is not None and (m.start == 0 or doc[m.start - 1].lower_ != "mayor"):
                out.append(Mention(m.start, m.end, m.text, "PLACE", city))
            continue
        out.append(m)
    return out


# words after a place that name its government ("Seoul Metropolitan Government")
GOV_AFTER = {"metropolitan", "municipal", "government", "municipality", "county", "council"}


FORMERLY = {"formerly", "previously", "née", "nee"}


def _former_name(doc: Any, m: Mention) -> bool:
    """The old name of the place just named ("Volgograd, formerly Stalingrad", "Chennai
    (formerly Madras)"): no second place."""
    if m.label not in ("PLACE", "NAME"):
        return False
    before = [doc[k].lower_ for k in range(max(0, m.start - 3), m.start)]
    if before[-1:] and before[-1] in ("known", "called"):
        before = before[:-1]  # "formerly called"
    elif before[-2:] in (["known", "as"], ["called", "as"]):
        before = before[:-2]  # "formerly known as"
    return bool(before) and before[-1] in FORMERLY


# words of resolutions and notices, written in capitals
SHOUTED_WORDS = {"whereas", "resolved", "resolution", "therefore", "hereby", "attest", "be", "it"}
SHOUTED_WORDS |= {"passed", "approved", "adopted", "notice", "ordinance", "section", "city"}
SHOUTED_WORDS |= {"state", "county", "council", "establishing", "relationship", "sister"}


# verbs of news headlines ("China Has 293 Sister Cities", "Hebron and Beyoglu Sign ...")
HEADLINE_VERBS = {
    "has",
    "have",
    "sign",
    "signs",
    "ink",
    "inks",
    "seal",
    "seals",
    "cut",
    "cuts",
    "end",
    "ends",
}
HEADLINE_VERBS |= {"suspend", "suspends", "welcome", "welcomes", "join", "joins", "mark"}
HEADLINE_VERBS |= {"marks", "celebrate", "celebrates", "visit", "visits", "become", "becomes"}
HEADLINE_VERBS |= {"forge", "forges", "renew", "renews", "boost", "boosts", "agree", "agrees"}
HEADLINE_VERBS |= {"strengthen", "strengthens", "twin", "twins", "eye", "eyes", "plan", "plans"}
HEADLINE_VERBS |= {"establish", "establishes", "freeze", "freezes", "sever", "severs"}
# a network's news: "Climate Mayors Announces 2025 Leadership Team", "ICLEI Elects New Board"
HEADLINE_VERBS |= {"announce", "announces", "elect", "elects", "appoint", "appoints"}
HEADLINE_VERBS |= {"launch", "launches", "unveil", "unveils", "win", "wins", "names"}


_TEXT, _LOWER = attrgetter("text"), attrgetter("lower_")


def _title_cased(tokens: list[Any]) -> set[int]:
    """The capitalised words of a unit written in title case (four words of four letters
    or more at least, nearly all capitalised): a headline."""
    words = [k for k, t in enumerate(tokens) if t.text.isalpha() and len(t.text) >= 4]
    capital = [k for k in words if tokens[k].text[:1].isupper()]
    if len(words) < 4 or len(capital) < 0.8 * len(words):
        return set()
    return set(capital)


def _shouted(tokens: list[Any]) -> set[int]:
    """Tokens of runs of five words or more written in capitals ("A RESOLUTION
    ESTABLISHING A SISTER CITY RELATIONSHIP BETWEEN THE CITY OF MOAB AND ..."): there only
    known names are names."""
    out: set[int] = set()
    # a run counts only its words in capitals: fewer than five in the unit make none
    capitals = list(filter(str.isupper, map(_TEXT, tokens)))
    if len(capitals) < 5 or sum(map(str.isalpha, capitals)) < 5:
        return out
    run: list[int] = []
    for k, token in enumerate([*tokens, None]):
        text = "" if token is None else token.text
        if text.isalpha() and len(text) > 1 and not text.isupper():
            text = ""  # a lower-case word ends the run
        if text and (text.isupper() or not text.isalnum()):
            run.append(k)
            continue
        if sum(tokens[i].text.isalpha() for i in run) >= 5:
            out.update(run)
        run = []
    return out


def _possessive_places(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """ "Bishop's Stortford", "St John's Wood": a name, "'s" and a capitalised word are one
    place when the gazetteer knows the whole (not "Lyon's Birmingham")."""
    out: list[Mention] = []
    skip_to = -1
    for m in mentions:
        if m.start < skip_to:
            continue
        k = m.end
        if (
            m.label in ("PLACE", "NAME")
            and k + 1 < len(doc)
            and doc[k].lower_ == "'s"
            and doc[k + 1].text[:1].isupper()
            and doc[k + 1].is_alpha
        ):
            end = k + 2
            text = doc[m.start : end].text
            longer = any(o.start == k + 1 and o.end > end for o in mentions)
            found = None if longer else registry.place(text)  # "Bishop's Stortford Council"
            if found is not None and found.geonames_id and found.label == "PLACE":
                out.append(Mention(m.start, end, text, "PLACE", found))
                skip_to = end
                continue
        out.append(m)
    return out


def _known(doc: Any, registry: Registry, ents: Any) -> list[Mention]:
    out = []
    base = getattr(doc, "start", 0)  # a unit is a span of its paragraph's doc
    for ent in ents:
        first = ent.text[0]
        if not (first.isupper() or first.isdigit()):
            continue
        key = ent.ent_id_
        if key.startswith("@"):
            out.append(Mention(ent.start - base, ent.end - base, ent.text, "COUNTRY", code=key[1:]))
            continue
        bucket = registry.by_key.get(key)
        known = registry.lookup(ent.text) if bucket else None
        if known is not None and known.label == "PLACE" and _common_phrase(ent.text):
            continue  # "Hot springs resort city": not Hot Springs
        out.append(Mention(ent.start - base, ent.end - base, ent.text, ent.label_, known))
    return out


def _countries_as_places(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """A country's name followed by another country ("Armenia (Colombia)", "Georgia,
    United States") is a place of that other country, when there is one by the name."""
    out = list(mentions)
    for n, m in enumerate(mentions[:-1]):
        nxt = mentions[n + 1]
        gap = [t.text for t in token_list(doc)[m.end : nxt.start]]
        if m.label != "COUNTRY" or nxt.label != "COUNTRY" or gap not in (["("], [","]):
            continue
        if nxt.code == m.code or not nxt.code:
            continue
        place = registry.place(m.text, nxt.code)
        if place is not None and place.label == "PLACE" and place.country == nxt.code:
            out[n] = Mention(m.start, m.end, m.text, "PLACE", place)
    return out


# Lower-case words inside place names ("Port of Spain", "Frankfurt am Main", "Rostov-on-Don",
# "Figueira da Foz", "Venarey-les-Laumes").
NAME_PARTICLES = {"of", "de", "da", "do", "dos", "das", "del", "della", "di", "la", "le"}
NAME_PARTICLES |= {"les", "los", "las", "el", "al", "am", "an", "der", "den", "die", "on"}
NAME_PARTICLES |= {"upon", "sur", "sous", "en", "im", "in", "au", "aux", "y", "e", "und"}
NAME_PARTICLES |= {"et", "the", "and", "op", "aan", "ter", "bei", "ob", "du", "des", "lès"}
NAME_PARTICLES |= {"ad", "na", "nad", "pod", "under", "by", "sul", "sur", "'s", "s"}


@lru_cache(maxsize=16384)
def _common_phrase(text: str) -> bool:
    """A multi-word place name written with a lower-case word that is no particle of a
    name ("Hot springs", "Grand rapids"): a phrase of common words, not the place."""
    if " " not in text and "-" not in text:
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) > 1 and any(w.islower() and w not in NAME_PARTICLES for w in words[1:])


def _is_capital(token: Any) -> bool:
    return _capital(token.text)


@lru_cache(maxsize=65536)
def _capital(text: str) -> bool:
    """A word that can be (part of) a name: a capital first, or digits with letters."""
    return bool(text) and (
        text[0].isupper()
        or (
            text[0].isdigit()
            and any(c.isalpha() for c in text)
            and not _ORDINAL.match(text)  # "the 540th anniversary": no name
        )
    )


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.I)


def _merge_acronyms(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    by_start = {m.start: m for m in mentions}
    drop: set[int] = set()
    added: list[Mention] = []
    for i, token in enumerate(doc):
        if token.text != "(" or i == 0:
            continue
        close = next((j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None)
        if close is None:
            continue
        inner = doc[i + 1 : close].text
        if not inner or not any(c.isupper() for c in inner) or any(c.islower() for c in inner):
            continue
        k = i - 1
        while k >= 0 and i - k <= 16:
            t = doc[k]
            if t.lower_ in ("'s", "'", "(", ")") or not (
                _is_capital(t) or t.lower_ in CONNECTORS or t.text == ","
            ):
                break
            k -= 1
        start = k + 1
        for p in range(i - 1, start, -1):
            if doc[p].text == "the" and doc[p - 1].lower_ not in CONNECTORS:
                start = p + 1  # "Addressing the Kumasi Metropolitan Assembly (KMA)"
                break
        while start < i and (doc[start].lower_ in CONNECTORS or doc[start].text == ","):
            start += 1
        while (
            start + 2 < i
            and (doc[start].lower_ in ROLE_WORDS or doc[start].lower_ in PERSON_TITLES)
            and doc[start + 1].lower_ == "of"
        ):  # "President of the Asian Mayors Network (AMN)": the office is no part of it
            start += 3 if doc[start + 2].lower_ == "the" else 2
        if start >= i:
            continue
        inner_known = by_start.get(i + 1)
        outer = next((m for m in mentions if start <= m.start < i), None)
        located = [m for m in mentions if start <= m.start and m.end <= i]
        if (
            inner_known is not None
            and inner_known.label == "COUNTRY"
            and located
            and located[-1].label in ("PLACE", "NAME")
            and located[-1].end == i
        ):
            continue  # "Dixon, Illinois (USA)", "Forth Worth, Texas (USA)": the country a
            # place lies in, no acronym
        known = inner_known.known if inner_known and inner_known.known else None
        label = inner_known.label if inner_known else None
        if known is None and outer is not None and outer.end == i:
            known, label = outer.known, outer.label
        if label is None:
            label = _head_label(doc[start:i]) or "ORG"
        for m in mentions:
            if start <= m.start and m.end <= close + 1:
                drop.add(id(m))
        known = known or registry.lookup(doc[start:i].text)
        if known is None and doc[start].lower_ in DOCUMENT_HEADS:
            continue  # "a Letter of Intent (LOI)", "the Memorandum of Understanding (MOU)"
        added.append(Mention(start, close + 1, doc[start:i].text, label, known))
    return [m for m in mentions if id(m) not in drop] + added


# a name that starts with one of these and its acronym name a document, not a body
DOCUMENT_HEADS = {"letter", "letters", "memorandum", "memoranda", "agreement", "declaration"}
DOCUMENT_HEADS |= {"protocol", "resolution", "treaty", "accord", "charter", "contract"}


def _extend(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    starts = {m.start for m in mentions}
    span, doc = doc, token_list(doc)  # (indexed; a span for the text of a slice)
    for m in mentions:
        if m.label in ("PLACE", "COUNTRY", "REF") or doc[m.end - 1].text == ")":
            continue
        j = m.end
        while j < len(doc) and j not in starts and doc[j].lower_ not in MEMBER_HEADS:
            if (_is_capital(doc[j]) and doc[j].text not in ("(", ")")) or (
                doc[j].lower_ in ("for", "of", "&") and j + 1 < len(doc) and _is_capital(doc[j + 1])
            ):
                j += 1
            else:
                break
        if j > m.end:
            head = _head_label(doc[m.start : j])
            if head is not None and head != m.label:  # "Eurocities Annual Conference"
                m.label, m.known = head, None
            elif m.label == "ORG" and all(t.lower_ in SECTION_WORDS for t in doc[m.end : j]):
                # "UCLG Africa", "ICLEI Europe": the network's regional section, another body
                text = span[m.start : j].text
                found = registry.lookup(text)
                m.known = found if found is not None else Known(text, "ORG", level=SECTION)
            m.end = j
            m.text = span[m.start : j].text
    return mentions


# words after a name that are no part of it: "ICLEI Members" (the members of ICLEI)
MEMBER_HEADS = {"member", "members", "membership", "memberships"}


# Regions after a network's name that make it the network's regional section (its Known's
# level says so: a body the text names, though no registry knows it)
SECTION = "section"
SECTION_WORDS = {"africa", "asia", "aspac", "europe", "eurasia", "mewa", "latin", "america"}
SECTION_WORDS |= {"americas", "north", "south", "middle", "east", "pacific", "caribbean", "-"}
SECTION_WORDS |= {"oceania", "noram", "asia-pacific", "west", "central", "southern", "eastern"}


def _head_label(span: Any) -> str | None:
    tokens = token_list(span)
    if not tokens:
        return None
    if tokens[-1].lower_ == "mayors" and (len(tokens) < 2 or tokens[0].lower_ in _SOME_MAYORS):
        return None  # "Respective Mayors", "Both Mayors": mayors, not "Climate Mayors"
    return _HEAD_LABEL.get(tokens[-1].lower_)


# words before "Mayors" that name some mayors, not a body of mayors
_SOME_MAYORS = {"respective", "both", "fellow", "other", "all", "the", "former", "deputy"}
_SOME_MAYORS |= {"assistant", "lord", "local", "city", "town", "many", "several", "visiting"}
_SOME_MAYORS |= {"participating", "partner", "sister", "twin", "our", "their", "two", "three"}


def _absorb_places(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """A place inside a capitalised name with a head noun is part of it ("Smart Lyon
    Initiative", "Lyon Urban Forum")."""
    out = list(mentions)
    tokens = token_list(doc)
    n = len(tokens)
    for m in mentions:
        if m.label not in ("PLACE", "COUNTRY"):
            continue
        a, b = m.start, m.end
        while a > 0 and _capital(tokens[a - 1].text) and tokens[a - 1].lower_ not in _NOT_NAMES:
            a -= 1
        while b < n and _capital(tokens[b].text):
            b += 1
        if b > m.end and _head_label(doc[a:b]) is not None:
            inside = [o for o in out if a <= o.start and o.end <= b]
            if all(o.label in ("PLACE", "COUNTRY") for o in inside):
                out = [o for o in out if o not in inside]
                out.append(Mention(a, b, doc[a:b].text, _head_label(doc[a:b]) or "ORG"))
    return out


_MODIFIERS = {"northern", "southern", "eastern", "western", "central", "coastal", "port", "old"}


def _descriptions(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """``the Catalan capital``, ``the northern Portuguese city``, ``the Dutch port city``:
    "the", capitalised words (and a few modifiers), a place noun. A demonym gives the
    description a country ("Dutch": NL) that picks the city it means."""
    from citydip.ingest.text.vocab import DEMONYMS

    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    tokens = token_list(doc)
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token.lower_ != "the" or i in taken:
            continue
        j = i + 1
        capitals = 0
        while j < n and j - i <= 3 and j not in taken:
            if _is_capital(tokens[j]):
                capitals += 1
            elif tokens[j].lower_ not in _MODIFIERS or (
                tokens[j].lower_ == "port" and j + 1 < n and tokens[j + 1].lower_ != "city"
            ):
                break
            j += 1
        if (
            capitals
            and j < n
            and j not in taken
            and tokens[j].lower_ in PLACE_DESCRIPTIONS
            and (j + 1 >= n or tokens[j + 1].lower_ != "of")
        ):
            code = next((DEMONYMS[t.lower_] for t in doc[i + 1 : j] if t.lower_ in DEMONYMS), None)
            out.append(Mention(i, j + 1, doc[i : j + 1].text, "REF", code=code, ref="=city"))
    return out


def _chunks(
    doc: Any,
    mentions: list[Mention],
    registry: Registry,
    lower: frozenset[str] = frozenset(),
    words: set[str] | None = None,
) -> list[Mention]:
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    tokens = token_list(doc)
    text = getattr(doc, "doc", doc).text  # the whole doc's text (a unit is a span of it)
    # in a run of capitals, a word the text also writes in lower case, or a common word, is
    # no name: "A RESOLUTION ESTABLISHING ... THE CITY OF MOAB" names Moab only
    taken |= {
        k
        for k in _shouted(tokens)
        if (word := tokens[k].lower_) in lower or word in COMMON_WORDS or word in SHOUTED_WORDS
    }
    # in a headline in title case, its verbs are no names: "Municipalities of Hebron and
    # Beyoglu Sign Cooperation and Twinning Agreement" names no "Beyoglu Sign"
    # (none: _title_cased adds nothing; ``words``: the unit's words in lower case)
    if not HEADLINE_VERBS.isdisjoint(map(_LOWER, tokens) if words is None else words):
        taken |= {k for k in _title_cased(tokens) if tokens[k].lower_ in HEADLINE_VERBS}
    n = len(tokens)
    # (_capital's answer; a word starting with neither a capital nor a digit is none)
    capital = [(c := t.text[:1]).isupper() or (c.isdigit() and _capital(t.text)) for t in tokens]
    i = 0
    while i < n:
        if i in taken or not capital[i] or (tokens[i].lower_ in _NOT_NAMES):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j not in taken
            and tokens[j].lower_ not in KIND_STOPS
            and not broken(text, tokens[j - 1], tokens[j])
        ):
            if capital[j] or (
                tokens[j].lower_ in CONNECTORS
                and j + 1 < n
                and capital[j + 1]
                and not _spaced_dash(tokens, j)
            ):
                j += 1
            elif _hyphen_particle(tokens, j):
                j += 3  # "Stratford-upon-Avon", "Hay-on-Wye": "-upon-" inside a name
            else:
                break
        if (
            j > i + 2
            and tokens[i + 1].lower_ == "of"
            and (tokens[i].lower_ in PERSON_TITLES or _office(tokens[i].lower_))
        ):
            i += 2  # "Mayor of Hiroshima", "Chair of Climate Mayors": what the title is of
        while j > i + 1 and doc[j - 1].lower_ in CONNECTORS:
            j -= 1  # "Province of" + a known place: the name ends before "of"
        if _admin_suffix(tokens, j, taken):
            j += 2  # "Gyeongsangnam-do", "Yugawara-machi": a suffix of the name
        span = doc[i:j]
        if _descriptor(span) and j < n and tokens[j].lower_ == "of":
            i = j  # "the Chinese City of Nanjing", "the U.S. State of Ohio": the name follows
            continue
        if j + 1 < n and tokens[j].lower_ in DESCRIPTOR_HEADS and tokens[j + 1].lower_ == "of":
            i = j  # "the Californian city of Stockton": an adjective, the name follows
            continue
        if all(t.lower_ in LIST_ONLY or t.lower_ in PLACE_TITLES for t in span):
            i = j  # "Cities", "Friendly Exchange Cities": list words, no name
            continue
        label = _head_label(span)
        if label == "ORG" and j == i + 1 and span[0].lower_ in ORG_HEADS:
            i = j  # "the CPC leadership Group": a head noun alone names no organization
            continue
        if label == "EVENT" and j < len(doc) and j not in taken and _is_year(tokens[j].text):
            j += 1  # "Expo 2015"
            span = doc[i:j]
        if (
            label is None
            and i == 0
            and j == 1
            and registry.place(span.text) is None
            and not _country_follows(doc, j, mentions)
            and not _entry_dash(doc, j)
        ):
            i = j
            continue  # a capitalised first word is not a name by itself, unless a place
        if (
            label is None
            and i == 0
            and j > 1
            and tokens[1].lower_ not in CONNECTORS
            and registry.lookup(span.text) is None
            and registry.place(doc[0:1].text) is None
            and registry.place(doc[1:j].text.split(" and ")[0]) is not None
            and not _entry_dash(doc, j)
        ):
            i = 1  # "Historic Bath", "Sleepy Totnes and Vire": a modifier, then the name
            continue
        if label is None:  # "Marseille and Rio de Janeiro": two names
            k = i
            for cut in [t for t in range(i, j) if tokens[t].lower_ == "and"] + [j]:
                if cut > k:
                    out.append(Mention(k, cut, doc[k:cut].text, "NAME"))
                k = cut + 1
        else:
            out.append(Mention(i, j, span.text, label))
        i = j
    return out


def _entry_dash(doc: Any, j: int) -> bool:
    """A spaced dash after the first words of a short line: an entry's name and what it
    is listed for ("Herakleion – Gastronomy", "Chiang Rai – Design")."""
    if j >= len(doc) or len(doc) > 10 or not _spaced_dash(doc, j):
        return False
    # not "MOCKBA - International Relations - Twin Towns": a page's title
    return not any(t.text in ("-", "--") for t in doc[j + 1 :])


# A place's own bodies after its name ("Colchester Twinning Society", "Bath Sister Cities
# Committee"): the place stays a place.
OWNED_BY_PLACE = {"twinning", "twin", "sister", "friendship", "partnership"}

# Generic nouns that may follow a place's name without making a longer name of it
# ("Miaoli Country" for County, "Nice Area"): the place stays a place.
GENERIC_AFTER = {"country", "area", "village", "township", "metro", "metropole", "region"}

# Words that name kinds of list, never a place or an organization on their own.
LIST_ONLY = {"city", "cities", "town", "towns", "municipalities", "friendly", "exchange"}
LIST_ONLY |= {"international", "sister", "twin", "partner", "friendship", "sisterhood"}
LIST_ONLY |= {"relations", "relationships", "partnerships", "partner", "partners", "twinned"}
# Kind words end a name ("Miaoli Country Sister City": the name is "Miaoli Country").
KIND_STOPS = {"sister", "twin", "friendship", "sisterhood"}


# Lower-case suffixes of Korean and Japanese place names ("Jeollabuk-do", "Musashino-shi").
ADMIN_SUFFIXES = {"do", "si", "shi", "gun", "gu", "machi", "cho", "mura", "ku", "ken", "fu"}
ADMIN_SUFFIXES |= {"dong", "eup", "myeon", "son", "ri"}
# the same after a known place's name, and "-to", "-ward", "-city" ("Dobong-gu", "Minato-ku")
UNIT_SUFFIXES = (ADMIN_SUFFIXES - {"ri"}) | {"to", "ward", "city"}


# The kind of place a descriptor names before "of" ("the Chinese City of Nanjing").
DESCRIPTOR_HEADS = {"city", "town", "state", "province", "county", "village", "port", "capital"}
DESCRIPTOR_HEADS |= {"municipality", "prefecture", "region", "district"}
# and in the plural: "the Philippine cities of Cauayan and Santiago"
PLURAL_HEADS = frozenset({"cities", "towns", "states", "provinces", "counties", "villages"})
PLURAL_HEADS |= {"ports", "capitals", "municipalities", "prefectures", "regions", "districts"}
DESCRIPTOR_HEADS |= PLURAL_HEADS


def _descriptor(span: Any) -> bool:
    """A demonym and a kind of place: "Chinese City", "U.S. State", "German Town"."""
    words = [t.lower_ for t in token_list(span)]
    return (
        len(words) >= 2
        and words[-1] in DESCRIPTOR_HEADS
        and all(w in DEMONYMS or w in ("u.s.", "us", "u.s") for w in words[:-1])
    )


def _hyphen_particle(doc: Any, j: int) -> bool:
    return (
        j + 3 < len(doc)
        and doc[j].text == "-"
        and doc[j + 1].lower_ in NAME_PARTICLES
        and doc[j + 2].text == "-"
        and _is_capital(doc[j + 3])
        and not _spaced_dash(doc, j)
    )


def _admin_suffix(doc: Any, j: int, taken: set[int]) -> bool:
    return (
        j + 1 < len(doc)
        and doc[j].text == "-"
        and doc[j + 1].lower_ in ADMIN_SUFFIXES
        and not _spaced_dash(doc, j)
        and j + 1 not in taken
    )


def _country_follows(doc: Any, j: int, mentions: list[Mention]) -> bool:
    """A country right after token ``j`` ("Winnica (Ukraine)", "Lehrte, Germany"): the
    word before it names a place."""
    k = j + 1 if j < len(doc) and doc[j].text in ("(", ",") else j
    return any(m.label == "COUNTRY" and m.start == k for m in mentions)


def _spaced_dash(doc: Any, j: int) -> bool:
    """A dash with a space before it separates ("Yeosu City - Sister Cities", "Lyon -
    Birmingham"); one without joins ("Nuits-Saint", "Stratford-upon-Avon")."""
    if doc[j].text not in ("-", "--") or j == 0:
        return False
    return not glued(doc[j - 1], doc[j])


def _join_prefixed(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """An unknown capitalised word right before a known place, the two naming one place
    ("Bad" + "Homburg": Bad Homburg, "Saint" + ...): one name."""
    text = str(doc.text)
    if not any(m.label == "NAME" for m in mentions) and not any(j in text for j in _JOINERS):
        return mentions
    at = {m.start: m for m in mentions}
    out: list[Mention] = []
    dropped: set[int] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        if id(m) in dropped:
            continue
        joined = _joined_place(doc, m, at.get(m.end + 1), registry)
        if joined is not None:  # "Berlin-Neukoelln", "Hammersmith & Fulham": one place
            out.append(joined)
            dropped.add(id(at[m.end + 1]))
            continue
        nxt = at.get(m.end)
        if (
            m.label == "NAME"
            and m.end - m.start <= 2
            and nxt is not None
            and nxt.label == "ORG"
            and nxt.known is not None
            and not m.text.split()[-1].islower()
        ):
            # "Global" + "Covenant of Mayors": a longer name, of another known organization
            text = doc[m.start : nxt.end].text
            longer = registry.lookup(text) or registry.link(text, ("ORG",), None)
            if (
                longer is not None
                and longer != nxt.known
                and longer.label == "ORG"
                and fold(longer.name).startswith(fold(text))  # not "EU" + a namesake
            ):
                out.append(Mention(m.start, nxt.end, text, "ORG", longer))
                dropped.add(id(nxt))
                continue
        particle = _particle_place(doc, m, mentions)
        if particle is not None:  # "Navas de San Juan": one place, not "San Juan"
            out.append(Mention(m.start, particle.end, doc[m.start : particle.end].text, "NAME"))
            dropped.add(id(particle))
            continue
        if (
            m.label == "NAME"
            and m.end - m.start <= 2
            and nxt is not None
            and nxt.label == "PLACE"
            and nxt.known is not None
        ):
            text = doc[m.start : nxt.end].text
            found = registry.place(text)
            wider = m.end - m.start == 1 and m.text.lower() in METRO_PREFIXES
            if (found is not None and found.name != nxt.known.name and found.id) or wider:
                # "Greater Paris", "Greater Manchester": the wider area, another place
                out.append(Mention(m.start, nxt.end, text, "NAME"))
                dropped.add(id(nxt))
                continue
        out.append(m)
    return out


METRO_PREFIXES = {"greater", "metropolitan", "metro"}
# lower-case particles inside Romance place names: "Navas de San Juan", "Villanueva de la
# Serena", "Castelnuovo del Garda"
NAME_LINKS = {"de", "del", "de la", "da", "do", "dos", "das", "di", "della", "la"}


def _particle_place(doc: Any, m: Mention, mentions: list[Mention]) -> Mention | None:
    """A known place after an unknown capitalised word and a particle ("Navas de" + "San
    Juan"): the place the gazetteer knows is part of the unknown name."""
    if m.label != "NAME" or m.end - m.start != 1 or m.end + 1 >= len(doc):
        return None
    k = m.end
    words = doc[k].text
    if k + 1 < len(doc) and doc[k + 1].text in ("la", "las", "los"):
        words, k = f"{words} {doc[k + 1].text}", k + 1
    if words not in NAME_LINKS:
        return None
    return next(
        (o for o in mentions if o.start == k + 1 and o.label == "PLACE" and o.known is not None),
        None,
    )


_JOINERS = {"-", "&"}


def _joined_place(doc: Any, m: Mention, nxt: Mention | None, registry: Registry) -> Mention | None:
    """A place and a name joined by a hyphen without spaces or by "&", the whole a place of
    its own: "Berlin-Neukoelln" (Neukölln), "Hammersmith & Fulham" (the borough)."""
    if nxt is None or m.label != "PLACE" or nxt.label not in ("PLACE", "NAME"):
        return None
    joiner = doc[m.end]
    if joiner.text not in _JOINERS:
        return None
    if joiner.text == "-" and not (glued(doc[m.end - 1], joiner) and glued(joiner, doc[nxt.start])):
        return None  # "Durban - Bremen": a pair
    text = doc[m.start : nxt.end].text
    found = registry.place(text) or (
        registry.place(text.replace("&", "and")) if "&" in text else None
    )
    if found is None and joiner.text == "-" and nxt.label == "NAME" and m.known is not None:
        # "Berlin-Neukoelln": a city's district written after the city, the district known
        part = registry.place(nxt.text, m.known.country)
        if part is not None and part.country == m.known.country and not part.regional:
            found = part
    if found is None or (m.known is not None and found.name == m.known.name):
        return None
    return Mention(m.start, nxt.end, text, "PLACE", found)


# Capitalised words after a place that leave it a place ("Madison Mayor", "Houston City").
PLACE_TITLES = {"mayor", "city", "council", "county", "province", "prefecture", "region"}
PLACE_TITLES |= {"state", "district", "municipality", "oblast", "governor", "metropolitan"}
PLACE_TITLES |= {"ward", "borough", "township", "shire", "town", "village", "canton"}


PERSON_TITLES = {"mayor", "governor", "councillor", "councilor", "cllr", "councilmember"}
PERSON_TITLES |= {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "senator", "minister"}
PERSON_TITLES |= {"ambassador", "consul", "deputy", "alderman", "president", "premier"}
PERSON_TITLES |= {"gov", "gov.", "sen.", "rep."}


def _office(word: str) -> bool:
    """An office in a body ("chair", "vice-chair", "co-president"), not "board" or
    "founding", which begin names ("Board of Trade")."""
    return ROLE_WORDS.get(word) not in (None, "board", "founder", "member")


# verbs of speech after a name the store does not know: a person ('..." Kane said')
SPEECH_VERBS = {"said", "says", "told", "added", "noted", "explained", "recalled", "stated"}
SPEECH_VERBS |= {"remarked", "commented", "insisted", "argued", "admitted", "warned"}
LABELS = {"Title", "Population"}  # a directory's field labels
# a newspaper's name after a place's ("the New York Times", "the Washington Post")
NEWSPAPERS = {"Times", "Post", "Herald", "Tribune", "Gazette", "Chronicle", "Journal"}
NEWSPAPERS |= {"Courier", "Examiner", "Telegraph", "Mercury", "Observer", "Sun", "Star"}


def _before_label(doc: Any, end: int) -> bool:
    """Only name words (capitalised, or particles such as "da") between ``end`` and a
    directory's field label."""
    j = end
    while j < len(doc) and j - end <= 5 and doc[j].text not in LABELS:
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in PARTICLES):
            return False
        j += 1
    return j < len(doc) and doc[j].text in LABELS


def _region_code(doc: Any, m: Mention, before: list[Mention]) -> bool:
    """Two capitals after a place and a comma: a state's or province's postal code ("City
    of Newark, CA", "Mount Kisco, NY"), not a place of its own."""
    if m.label not in ("PLACE", "NAME") or m.end - m.start != 1 or m.start < 2:
        return False
    text = m.text
    if len(text) != 2 or not text.isupper() or not text.isalpha():
        return False
    return doc[m.start - 1].text == "," and any(
        o.end == m.start - 1 and o.label in ("PLACE", "NAME") for o in before
    )


def _titled_after(doc: Any, end: int) -> bool:
    """A title in an apposition right after a name: "Mohit Yadav, Consul General of",
    "Eric Adams, Mayor of New York"."""
    return (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in PERSON_TITLES
        and doc[end + 1].text[:1].isupper()
    )


def _titled_before(doc: Any, m: Mention) -> bool:
    """An office named just before a name and a comma: "the Consul General in Medan, Daiki
    Yokoyama,"; or an office inside the name ("Japanese Consul General")."""
    if any(w.lower() in OFFICE_TITLES for w in m.text.split()):
        return True
    if m.start < 2 or doc[m.start - 1].text != "," or m.end - m.start < 2:
        return False
    return any(t.lower_ in OFFICE_TITLES for t in doc[max(0, m.start - 6) : m.start - 1])


# offices whose holder a name near them is ("Consul General", "Ambassador")
OFFICE_TITLES = {"consul", "ambassador", "minister", "secretary-general", "premier"}


def _titled_inside(words: list[str]) -> bool:
    """A person's title inside an unknown name, then a capitalised name: "City Mayor
    Bernard Dy" (the title first is read before)."""
    return any(
        w.lower() in NAME_TITLES and words[i + 1][:1].isupper()
        for i, w in enumerate(words[1:-1], start=1)
    )


def _drop_common(doc: Any, mentions: list[Mention], lower: frozenset[str]) -> list[Mention]:
    """A one-word place or name that is a common word ("March", "World", "Of", "II",
    "East"), an unknown one the text also writes in lower case ("War", "Plans") or an
    unknown three-capital code ("GER") is no place, unless a country follows it."""
    countries = {m.start for m in mentions if m.label == "COUNTRY"}
    unknown = {m.start for m in mentions if m.label == "NAME"}
    out: list[Mention] = []
    person_end = -1  # where the last person's name ended ("Mayor Satya Rhodes-Conway")
    for m in mentions:
        if m.label in ("PLACE", "NAME") and m.text.split()[0].lower() in PERSON_TITLES:
            if not m.text.split()[-1].islower():
                person_end = m.end  # not "Mayor of" (Hiroshima): the place follows
            continue  # "Mayor Eric Garcetti": a person, no place
        if m.label == "NAME" and m.known is None and not LABELS.isdisjoint(m.text.split()):
            continue  # "Vinita Vishwanath Rane Title: Mayor": a directory line, no place
        if m.label == "NAME" and _before_label(doc, m.end):
            continue  # "Firmino da Silveira Soares Filho Title: Mayor": the office holder
        if _region_code(doc, m, out):
            continue  # "Village of Mount Kisco, NY": the state it lies in, no place
        if m.label == "PLACE" and m.end < len(doc) and doc[m.end].text in NEWSPAPERS:
            continue  # "the New York Times reported": a newspaper, no place
        if m.label == "NAME" and _titled_inside(m.text.split()):
            person_end = m.end
            continue  # "City Mayor Bernard Faustino Dy", "Vice Governor Ana Cruz": a person
        if m.label == "NAME" and m.known is None and _titled_after(doc, m.end):
            person_end = m.end
            continue  # "said Mohit Yadav, Consul General of India": a person
        if m.label == "NAME" and m.known is None and _titled_before(doc, m):
            person_end = m.end
            continue  # "Japanese Consul General in Medan, Daiki Yokoyama, said": a person
        if (
            m.label in ("PLACE", "NAME")
            and person_end >= 0
            and (
                m.start == person_end or (m.start == person_end + 1 and doc[person_end].text == "-")
            )
        ):
            person_end = m.end
            continue  # "Rhodes-Conway" after "Mayor Satya": the rest of the person's name
        if (
            m.label == "PLACE"
            and m.end in unknown
            and m.end - m.start == 1
            and not broken(getattr(doc, "doc", doc).text, doc[m.start], doc[m.end])
        ):
            nxt = doc[m.end].lower_
            if (
                nxt not in PLACE_TITLES
                and nxt not in OWNED_BY_PLACE
                and nxt not in GENERIC_AFTER
                and not doc[m.end].text.isupper()
            ):
                continue  # "Vladimir Putin", "Berlin Wall": a longer name, not the place
        if m.label in ("PLACE", "NAME") and m.end - m.start == 1:
            word = m.text.lower()
            common = (
                word in COMMON_WORDS
                or word in DEMONYMS
                or (m.known is None and (word in lower or (m.text.isupper() and len(m.text) <= 3)))
            )
            followed = (m.end in countries and word not in COMPASS_WORDS) or (
                m.end + 1 in countries and doc[m.end].text in (",", "(")
            )  # "March, England" is a place; "West Australia" is one name
            if common and not followed:
                continue
        out.append(m)
    return out


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


# "the two towns", "both cities": the two places a text has just named
PAIR_NOUNS = {"cities", "towns", "municipalities", "communities", "capitals", "ports"}
PAIR_NOUNS |= {"councils"}
# "the two" / "the pair" alone, then a verb: the same two places
PAIR_VERBS = {"have", "has", "had", "are", "were", "became", "become", "established"}
PAIR_VERBS |= {"signed", "agreed", "formed", "share", "shared", "will", "would", "first"}
PAIR_VERBS |= {"officially", "formally", "began", "started", "entered", "renewed", "also"}
PAIR_VERBS |= {"celebrate", "celebrated", "mark", "marked", "forged", "twinned", "linked"}


def _references(doc: Any, mentions: list[Mention]) -> list[Mention]:
    taken = {i for m in mentions for i in range(m.start, m.end)}
    span, doc = doc, token_list(doc)  # (indexed; a span for the text of a slice)
    out = []
    for i, token in enumerate(doc):
        if i in taken:
            continue
        low = token.lower_
        if low in ("it", "its"):
            out.append(Mention(i, i + 1, token.text, "REF", ref="it"))
        elif low == "they":  # the two sides of a tie just read, else nothing
            out.append(Mention(i, i + 1, token.text, "REF", ref="they"))
        elif low in ("the", "this", "both") and i + 1 < len(doc) and i + 1 not in taken:
            # (not "The" + "City and County of Denver": a name)
            nxt = doc[i + 1].lower_
            after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
            named = i + 3 < len(doc) and _is_capital(doc[i + 3])  # "the two capitals Rome and"
            if nxt in ("two", "both") and after in PAIR_NOUNS and not named:  # "the two towns"
                out.append(Mention(i, i + 3, span[i : i + 3].text, "REF", ref="pair"))
            elif low == "the" and nxt in ("two", "pair") and after in PAIR_VERBS:
                # "The two established sister-city ties in 1978", "the pair have been ..."
                out.append(Mention(i, i + 2, span[i : i + 2].text, "REF", ref="pair"))
            elif low == "both" and nxt in PAIR_NOUNS:
                out.append(Mention(i, i + 2, span[i : i + 2].text, "REF", ref="pair"))
            elif nxt in _REF_NOUNS and (i + 2 >= len(doc) or doc[i + 2].lower_ not in ("of",)):
                if low != "both" and (i + 2 >= len(doc) or not _is_capital(doc[i + 2])):
                    out.append(Mention(i, i + 2, span[i : i + 2].text, "REF", ref=f"={nxt}"))
            elif nxt == "city" and i + 2 < len(doc) and doc[i + 2].lower_ == "of":
                continue
    return out


REF_LABELS = _REF_NOUNS


# A city government's name is its city ("Seoul Metropolitan Government", "Colombo Municipal
# Council", "Dubai Municipality", "Kumasi Metropolitan Assembly", "Kyoto City Hall",
# "Municipal Government of Kuala Lumpur", "Autonomous City of Buenos Aires", "City and
# County of Denver"): the words of such a name around a place.
GOV_HEADS = {"government", "council", "municipality", "assembly", "corporation", "hall"}
GOV_HEADS |= {"administration", "authority", "mairie", "municipalidad", "prefeitura"}
GOV_WORDS = GOV_HEADS | {"city", "county", "metropolitan", "municipal", "town", "district"}
GOV_WORDS |= {"local", "regional", "provincial", "autonomous", "special", "borough", "urban"}
# what makes the words around a place a government's name, not the place's own ("Bogor
# City", "Suwon City" are the places; "Incheon Metropolitan City" is a government)
GOV_STRONG = GOV_HEADS | {"metropolitan", "municipal", "autonomous"}
GOV_HEADS |= {"ayuntamiento", "comune", "municipio", "gemeente"}
GOV_WORDS |= GOV_HEADS
GOV_STRONG |= GOV_HEADS
GOV_OF = {"of", "de", "di", "do", "da", "du", "del", "van"}  # "Mairie de Paris"


def _gov_prefix(words: set[str]) -> bool:
    """Words before "of" that name a government ("Municipal Government of", "Autonomous
    City of", "City and County of"); a bare "City of" does not ("a sister City of Taipei",
    "Bed Town of Tokyo")."""
    return bool(words & GOV_STRONG) or {"city", "county"} <= words


def government_place(text: str, registry: Registry) -> Known | None:
    """The place whose government ``text`` names, or None: "Colombo Municipal Council",
    "Penang Island City Council", "Municipal Government of Kuala Lumpur", "City and County
    of Denver" (the government's words around a name the registry knows as a place)."""
    words = text.split()
    low = [w.lower() for w in words]
    of = next((k for k, w in enumerate(low) if k and w in GOV_OF), None)
    if of is not None:
        k = of
        head = low[:k]
        if (
            all(w in GOV_WORDS or w == "and" for w in head)
            and _gov_prefix(set(head))
            and words[0][:1].isupper()
        ):
            rest = words[k + 1 :]
            if rest and rest[0].lower() == "the":
                rest = rest[1:]
            return _government_seat(" ".join(rest), registry)
    rest = list(words)
    stripped: set[str] = set()
    while len(rest) > 1 and rest[-1].lower() in GOV_WORDS:
        stripped.add(rest.pop().lower())
        if stripped & GOV_STRONG:
            found = _government_seat(" ".join(rest), registry)
            if found is not None:
                return found
    return None


def _government_seat(text: str, registry: Registry) -> Known | None:
    """A name as the seat of a government: a place, not a demonym or a common word
    ("British Council", "European Council", "Town Council")."""
    low = text.lower()
    if not text or low in DEMONYMS or low in COMMON_WORDS or low in GOV_WORDS:
        return None
    if registry.country(text) is not None:
        return None  # "Government of Japan": a state, no city
    found = registry.place(text)
    return found if found is not None and found.label == "PLACE" else None


def _governments(doc: Any, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """A government's name is one mention of its place: a place with the government's words
    after it ("Seoul Metropolitan Government", "Dubai Municipality") or before it and "of"
    ("Municipal Government of Kuala Lumpur"), and an organization's name that is one
    ("Colombo Municipal Council")."""
    tokens = token_list(doc)
    if not any(t.lower_ in GOV_WORDS for t in tokens):
        return mentions  # no government's word: nothing to do (most units)
    n = len(tokens)
    out = list(mentions)
    for m in mentions:
        if m not in out:
            continue
        if m.label == "ORG" and (m.known is None or not (m.known.id or m.known.label != "ORG")):
            words = doc[m.start : _name_end(doc, m)].text
            place = government_place(words, registry)
            if place is not None:
                out[out.index(m)] = Mention(m.start, m.end, words, "PLACE", place)
            continue
        if m.label == "NAME" and not (m.end < n and tokens[m.end].lower_ in GOV_OF):
            local = _local_government(m.text)
            if local is not None:  # "Nsawam-Adoagyiri Municipal Assembly": a town's own
                out[out.index(m)] = Mention(m.start, m.end, m.text, "PLACE", local)
                continue
        if m.label not in ("PLACE", "NAME"):
            continue
        start, end = m.start, m.end
        j = end  # the government's words after the name
        while j < n and tokens[j].text[:1].isupper() and tokens[j].lower_ in GOV_WORDS:
            j += 1
        if {t.lower_ for t in tokens[end:j]} & GOV_STRONG:
            end = j
        k = start  # ... or before it and "of" ("Autonomous City of", "City and County of")
        if k >= 2 and tokens[k - 1].lower_ == "the" and tokens[k - 2].lower_ == "of":
            k -= 1
        if k >= 2 and tokens[k - 1].lower_ in GOV_OF:
            i = k - 2
            while i >= 0 and (
                (tokens[i].text[:1].isupper() and tokens[i].lower_ in GOV_WORDS)
                or (tokens[i].lower_ == "and" and i > 0 and tokens[i - 1].text[:1].isupper())
            ):
                i -= 1
            head = {t.lower_ for t in tokens[i + 1 : k - 1]}
            if _gov_prefix(head) and tokens[i + 1].lower_ != "and":
                start = i + 1
        if (start, end) == (m.start, m.end):
            continue
        place_of = _seat(m, doc, registry)  # asked only now: a gazetteer look-up for a name
        if place_of is None:
            continue
        merged = _replace_span(doc, out, start, end, place_of)
        if merged is not None:
            out = merged
    return out


LOCAL_LEVELS = {"municipal", "metropolitan", "district", "town", "city", "county", "borough"}


def _local_government(text: str) -> Known | None:
    """A name no gazetteer knows that ends in a local government's words ("Nsawam-Adoagyiri
    Municipal Assembly", "Njeru Town Council"): the town it governs, unlinked. Not "the
    Security Council" (no local level) nor a lone level ("City Council")."""
    words = text.split()
    k = len(words)
    while k > 0 and words[k - 1].lower() in GOV_WORDS:
        k -= 1
    tail = {w.lower() for w in words[k:]}
    if k == 0 or k == len(words) or not tail & LOCAL_LEVELS or not tail & GOV_HEADS:
        return None
    name = " ".join(words[:k])
    if any(not w[:1].isupper() for w in words[:k]) or name.lower() in _NOT_NAMES:
        return None  # "Relations of City Government" (of Cebu): no town's name
    if {w.lower() for w in words[:k]} & (PERSON_TITLES | {"vice", "first", "second"}):
        return None  # "First Vice President Municipal Government": an office
    return Known(name, "PLACE", None, None, "city")


def _name_end(doc: Any, m: Mention) -> int:
    """Where an organization's own name ends: before a "(ACR)" that the mention includes."""
    end = m.end
    if end - m.start >= 3 and doc[end - 1].text == ")":
        inner = next((k for k in range(end - 2, m.start, -1) if doc[k].text == "("), None)
        if inner is not None:
            return inner
    return end


def _seat(m: Mention, doc: Any, registry: Registry) -> Known | None:
    if m.known is not None:
        return m.known if m.known.label == "PLACE" else None
    if m.label == "NAME":
        return _government_seat(m.text, registry)
    return None


def _replace_span(
    doc: Any, mentions: list[Mention], start: int, end: int, place: Known
) -> list[Mention] | None:
    """``mentions`` with one PLACE mention over [start, end): names inside it dropped, a
    name running into it from the left cut before it ("First Vice President" + "Municipal
    Government of ..."); None when a name runs on past its end."""
    out: list[Mention] = []
    for o in mentions:
        if o.end <= start or o.start >= end:
            out.append(o)
        elif o.start >= start and o.end <= end:
            if o.label not in ("PLACE", "NAME", "REF"):
                return None
        elif o.start < start and o.end <= end and o.label == "NAME":
            cut = start
            while cut > o.start and doc[cut - 1].lower_ in CONNECTORS:
                cut -= 1
            if cut > o.start:
                out.append(Mention(o.start, cut, doc[o.start : cut].text, "NAME"))
        else:
            return None
    out.append(Mention(start, end, doc[start:end].text, "PLACE", place))
    out.sort(key=lambda o: o.start)
    return out


def _defined_acronyms(
    doc: Any, mentions: list[Mention], defined: dict[str, Known], registry: Registry
) -> list[Mention]:
    """Acronyms a text defines: "the Kumasi Metropolitan Assembly (KMA)" adds KMA → Kumasi
    to ``defined``, "the Asian Mayors Forum (AMF)" AMF → that forum (an acronym no registry
    knows); a later "KMA" or "AMF" (a name of its own, or no mention yet) is that place or
    body."""
    for m in mentions:
        if m.label not in ("PLACE", "ORG") or m.end - m.start < 3 or doc[m.end - 1].text != ")":
            continue
        start = _name_end(doc, m)
        inner = doc[start + 1 : m.end - 1].text if start < m.end else ""
        name = doc[m.start : start].text
        if not _is_acronym_text(inner) or not _abbreviates(inner, name):
            continue
        if m.label == "PLACE" and m.known is not None:
            defined[inner] = m.known
        elif m.label == "ORG" and registry.lookup(inner) is None:
            defined[inner] = m.known if m.known is not None else Known(name, "ORG")
    if not defined or defined.keys().isdisjoint(t.text for t in token_list(doc)):
        return mentions
    taken = {i: m for m in mentions for i in range(m.start, m.end)}
    out = [m for m in mentions if not (m.label == "NAME" and m.text in defined)]
    for i, token in enumerate(doc):
        known = defined.get(token.text)
        if known is None:
            continue
        owner = taken.get(i)
        if owner is None or (owner.label == "NAME" and owner.text == token.text):
            out.append(Mention(i, i + 1, token.text, known.label, known))
    out.sort(key=lambda o: o.start)
    return out


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym's letters are the initials of the name's words, in order, the first
    first ("KMA": Kumasi Metropolitan Assembly; not "DRC" after Kinshasa)."""
    initials = [w[0].upper() for w in name.replace("-", " ").split() if w[:1].isalpha()]
    letters = [c for c in acronym if c.isalpha()]
    if not initials or not letters or letters[0] != initials[0]:
        return False
    at = 0
    for c in letters:
        while at < len(initials) and initials[at] != c:
            at += 1
        if at == len(initials):
            return False
        at += 1
    return True


def _is_acronym_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in text
