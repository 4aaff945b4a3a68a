"""What every claim rule works on: a unit's tokens, mentions and cues, and how to find a
subject, a list of objects and a year in it."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from citydip.ingest.text.coref import SUBJECT_LABELS, Context
from citydip.ingest.text.mentions import DESCRIPTOR_HEADS, NAME_TITLES, PERSON_TITLES, Mention
from citydip.ingest.text.normalise import YEAR, year_at, years_in
from citydip.ingest.text.registry import Known, Registry
from citydip.ingest.text.tokens import Token, token_list
from citydip.ingest.text.vocab import COMPASS_WORDS, DEMONYMS, REGION_COUNTRIES, REGION_NAMES
from citydip.text import fold

# what opens a sentence's opening phrase of time ("In March 2023, ...", "On July 14,
# 2006, ...", "Since 1990, ..."; a participle: "Initiated in 2011, ..."; a month)
OPENING_WORDS = frozenset({"in", "on", "since", "by", "during", "from", "at", "after", "before"})
OPENING_WORDS |= {"until", "as", "of", "back", "early", "late", "last", "that", "then"}
OPENING_WORDS |= {"january", "february", "march", "april", "may", "june", "july", "august"}
OPENING_WORDS |= {"september", "october", "november", "december", "jan", "feb", "mar", "apr"}
OPENING_WORDS |= {"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer"}
OPENING_WORDS |= {"autumn", "fall", "winter", "when", "following", "between", "around"}

# words that open a clause whose "the city" is the sentence's first city, not the last named
CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "although", "though", "and"})

# verbs that form a tie, after the date they happened on ("on May 5, 2012 establishing")
FORMING = frozenset({"establishing", "established", "forming", "formed", "creating", "created"})
FORMING |= {"signing", "signed", "approving", "approved", "formalizing", "formalising"}
FORMING |= {"formalized", "formalised", "launching", "launched", "inaugurating", "inaugurated"}

# US states named like a city or a country: after a US city and a comma, its state
US_STATE_NAMES = frozenset({"new york", "washington", "georgia"})

__all__ = ["YEAR", "Draft", "Sentence"]
CLAUSE_BREAKS = {
    ";",
    "which",
    "where",
    "who",
    "whereas",
    "while",
    "but",
    "although",
    "though",
    "however",
    "because",
    "when",
    "whose",
}
CLAUSE_VERBS = {"is", "are", "was", "were", "has", "have", "had", "became", "become", "signed"}
CLAUSE_VERBS |= {"joined", "offered", "ensured", "entered", "agreed", "decided", "followed"}
COUNCIL_HEADS = {"council", "corporation", "government", "municipality", "administration"}
COUNCIL_WORDS = COUNCIL_HEADS | {"city", "county", "regional", "municipal", "borough", "town"}
CONTRAST = {"unlike", "like", "besides", "than", "versus", "vs"}
GLUE = {",", "and", "the", "as", "well", "(", ")", "also", "both", "its", "a", "an", "or", "&"}

# also glue between the items of a list after a cue: "with Portsmouth in 1950, with French
# Calais in 1964" (a demonym describing the next item)
LIST_GLUE = {*DEMONYMS, "with"}
SUBJECT_GLUE = GLUE | {"state", "states", "city", "cities", "of", "well", "town", "towns"}
SUBJECT_GLUE |= {"mayor", "mayors"}
MAYOR_GLUE = {"'s", "'", "the", "of", "city", "and", ",", "-", "vice", "deputy", "then", "lord"}
PLURAL_VERBS = {"have", "are", "were"}  # "the Mayor of Lyon and the Mayor of Turin signed"
SUBJECT_GLUE |= {"village", "municipality", "county", "region", "province", "capital"}


UNTIL = {"until", "till", "til", "through", "before"}  # a year that ends what it dates
SIGNED = {"signed", "inked", "concluded", "sealed", "cosigned", "co-signed", "countersigned"}
# words of a phrase that says where a place lies ("located 12 miles south west of Paris")
DISTANCE_WORDS = {"located", "situated", "lying", "miles", "mile", "km", "kilometres", "kilometers"}
DISTANCE_WORDS |= {"outside", "away"}


@dataclass
class Draft:
    """A claim as a rule found it, before it is placed in the document."""

    type: str
    subject: Known
    object: Known | None = None
    value: str | None = None
    year: int | None = None
    confidence: float = 0.8
    rule: str = ""
    metric: str | None = None
    kind: str | None = None
    role: str | None = None
    qualifier: str | None = None
    end_year: int | None = None
    status: str | None = None


@dataclass
class Sentence:
    """One unit as the rules see it."""

    doc: Any
    mentions: list[Mention]
    cues: list[tuple[str, int, int]]
    context: Context
    registry: Registry
    column: Known | None = None
    objects: set[int] = field(default_factory=set)  # ids of mentions taken as objects
    tie_objects: set[int] = field(default_factory=set)  # ... of first/latest ties
    carried_year: int | None = None
    # the unit's words in lower case (the caller's, found once per unit, else found here)
    words: set[str] = field(default_factory=set, repr=False, compare=False)
    _councils: dict[str, Known | None] = field(default_factory=dict)
    # the unit's token list (rules index it, iterate it and take its length, not the span's:
    # no Span call or Span object per step), the tokens of its cues and the status word of
    # each token asked about (rules_ties.status_word): found once
    tokens: list[Token] = field(init=False, repr=False, compare=False)
    _cue_tokens: set[int] | None = field(default=None, init=False, repr=False, compare=False)
    _relatives: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    status_words: dict[int, str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.tokens = token_list(self.doc)
        if not self.words:
            self.words = {t.lower_ for t in self.tokens}

    # -- mentions -------------------------------------------------------------------------

    def known(
        self, mention: Mention, place: bool = False, labels: tuple[str, ...] = ()
    ) -> list[Known]:
        """What a mention names: its entity, its referents, a place from the gazetteer."""
        if mention.label == "REF":
            if mention.ref in ("=town", "=city") and self.prev(mention.start) in CLAUSE_OPENERS:
                first = self._first_place()  # "Barcelona's mayor ... Tel Aviv, while the city
                if first is not None:  # keeps its agreement with Gaza": the opening's city
                    return [first]
            if mention.ref == "=town" or (mention.ref == "=city" and not self.context.weight):
                # (a text's first "the city" is the city its sentence named)
                town = self._town_before(mention.start)
                if town is not None:
                    return [town]  # "councillors in Bishop's Stortford ... the town's"
            framed = self._framing_city(mention)
            return [framed] if framed is not None else self.context.referents(mention)
        if mention.known is not None:
            country = self.country_after(mention) if place else None
            if country and mention.known.label == "PLACE" and mention.known.country != country:
                found = self.registry.place(mention.text, country)  # "St. Petersburg, Russia"
                return [found] if found else [mention.known]
            return [mention.known]
        if mention.label == "NAME" or place:
            country = self.country_after(mention)
            found = self.registry.place(mention.text, country)
            if found is None and mention.label == "NAME" and self._local(mention.text):
                return [Known(mention.text, "PLACE", None, country, "city")]  # "Crewkerne"
            return [found] if found else []
        if mention.label in ("COUNTRY",):
            return []
        linked = self.registry.link(mention.text, labels or (mention.label,), self._near())
        return [linked or Known(mention.text, mention.label)]

    def _town_before(self, index: int) -> Known | None:
        """The last town the sentence names before ``index`` (a region or a country is not)."""
        for m in reversed(self.mentions):
            if m.end > index or m.label not in ("PLACE", "NAME"):
                continue
            found = [m.known] if m.known else self.known(m, place=True)
            if found and found[0].label == "PLACE" and found[0].level in (None, "city"):
                return found[0]
        return None

    def _local(self, name: str) -> bool:
        """A name the text calls a place somewhere ("the French town of Igny")."""
        return fold(name) in self.context.local_places

    def _framing_city(self, mention: Mention) -> Known | None:
        """ "In Chicago, ..., the mayor suspended the city's tie": the plain "the city" of a
        sentence that opens with "In <city>," is that city."""
        if mention.ref != "=city" or mention.text.lower() not in ("the city", "the city's"):
            return None
        if len(self.tokens) < 3 or self.tokens[0].lower_ != "in":
            return None
        first = next((m for m in self.mentions if m.start == 1), None)
        if first is None or first.label != "PLACE" or first.known is None:
            return None
        if first.end >= mention.start or self.tokens[first.end].text != ",":
            return None
        city = first.known
        return city if city.level in (None, "city", "district") else None

    def council_place(self, mention: Mention) -> Known | None:
        """The place whose government a name is: "Glasgow City Council", "Wagga City
        Council", "Monrovia City Corporation", "City of Houston"."""
        if mention.text not in self._councils:
            self._councils[mention.text] = self._council_place(mention)
        return self._councils[mention.text]

    def _council_place(self, mention: Mention) -> Known | None:
        words = mention.text.split()
        lower = [w.lower() for w in words]
        if "twinning" in lower[1:]:  # "Colchester Twinning Society", "Darlington Town Twinning"
            rest = words[: lower.index("twinning")]
            while rest and rest[-1].lower() in COUNCIL_WORDS:
                rest.pop()
        elif len(words) >= 3 and words[0].lower() == "city" and words[1].lower() == "of":
            rest = words[2:]
        else:
            rest = list(words)
            while rest and rest[-1].lower() in COUNCIL_WORDS:
                rest.pop()
            if len(rest) == len(words) or not set(w.lower() for w in words) & COUNCIL_HEADS:
                return None
        if not rest:
            return None
        found = self.registry.place(" ".join(rest))
        return found if found is not None and found.label == "PLACE" else None

    def _near(self) -> str | None:
        subject = self.column or self.context.last_subject
        return subject.name if subject else None

    def country_after(self, mention: Mention) -> str | None:
        """The country named right after a place ("Toledo, Spain"), or the country of the
        state or province named right after it and a comma ("Toledo, Ohio")."""
        for other in self.mentions:
            near = mention.end <= other.start <= mention.end + 2
            if near and other.label == "COUNTRY":
                return other.code
            if other.start == mention.end + 1 and self.tokens[mention.end].text == ",":
                named = REGION_COUNTRIES.get(fold(other.text))
                if named is not None:
                    return named
                region = other.known
                if region is not None and region.regional and region.country:
                    return region.country
        return None

    def cue_tokens(self) -> set[int]:
        if self._cue_tokens is None:
            self._cue_tokens = {i for _, a, b in self.cues for i in range(a, b)}
        return self._cue_tokens

    # -- subjects -------------------------------------------------------------------------

    def subject(
        self, index: int, labels: tuple[str, ...] = SUBJECT_LABELS
    ) -> tuple[list[Known], float]:
        """Who a cue at token ``index`` is about, and how sure that is (1.0 when named)."""
        if self.column is not None:
            return [self.column], 1.0
        allowed = (*labels, "NAME")
        before = [
            m
            for m in self.mentions
            if m.end <= index
            and (m.label in allowed or (m.label == "ORG" and self.council_place(m)))
        ]
        tokens = self.tokens
        for i in self._relative_before(index):  # the last one before the cue, if any
            prior = [m for m in before if m.end <= i and m.label != "REF"]
            countries = {
                k for m in self.mentions if m.label == "COUNTRY" for k in range(m.start, m.end)
            }
            # "Kunming, China, which": only commas, brackets and a country between; not
            # "X noted that ...", a clause that follows a verb
            relative = bool(prior) and all(
                tokens[k].text in (",", "(", ")") or k in countries for k in range(prior[-1].end, i)
            )
            if prior and relative and i - prior[-1].end <= 3:
                plural = i + 1 < len(tokens) and tokens[i + 1].lower_ in PLURAL_VERBS
                if plural and len(prior) >= 2 and self._glued(prior[-2].end, prior[-1].start):
                    # "Plymouth and Gdynia, which have been paired": both
                    return self.known(prior[-2]) + self.known(prior[-1]), 0.9
                return self.known(prior[-1]), 0.9
        chosen: list[Known] = []
        last: Mention | None = None
        joined = False  # an "and" links the names chosen: "A and B", "A, B and C"
        cue_tokens = self.cue_tokens()
        inside = len(tokens)  # the first token of an apposition's host, once one is read
        for mention in reversed(before):
            if mention.start >= inside:
                continue  # the host itself, taken with its apposition
            if id(mention) in self.objects or self._after_cue(mention, cue_tokens):
                continue
            if self._contrasted(mention.start):
                continue  # "Unlike Barcelona, Seoul has ...": Barcelona is no subject
            if self._distance(mention.start):
                continue  # "Igny, located 12 miles south west of Paris, and ...": a landmark
            placed = mention.label in ("PLACE", "NAME")  # "Toledo, Ohio": of its country
            found = [k for k in self.known(mention, placed) if k.label in (*labels, "PLACE")]
            if (
                found
                and self._locator(mention)
                and (
                    regional(found[0])
                    or tokens[mention.start - 1].lower_ == "in"
                    or self._country_next(mention)
                )
            ):
                continue  # "Brighton, Colorado has ...", "Urumqi in Xinjiang partnered ...":
                # the second place says where the first lies
            if not found and mention.label == "ORG":
                council = self.council_place(mention)  # "Exeter City Council has voted"
                found = [council] if council is not None else []
            if not found:
                continue
            end = mention.end
            host = self._apposed_to(mention)
            if host is not None:  # "Kiel, a port on the Baltic, and Lyon": Kiel
                found = [k for k in self.known(host) if k.label in (*labels, "PLACE")] or found
                inside = host.start
                mention = host
            if (
                last is not None
                and not self._glued(end, last.start)
                and not self._apposed_between(end, last.start)
            ):
                break
            if last is not None:
                link = {t.lower_ for t in tokens[end : last.start]}
                if not link & {"and", "&", "along", "together"} and not joined:
                    break  # "Lublin, Chernihiv twinned with": a new clause's subject
                joined = True
            chosen = found + chosen
            last = mention
        if chosen:
            assert last is not None
            if last.ref == "it" and len(chosen) == 1:
                # "Barcelona is a member of ..., and it hosted": the clause's own subject
                opening = self._opening_place(last.start)
                if opening is not None:
                    return [opening], 1.0
            return chosen, 0.9 if last.label == "REF" else 1.0
        last_subject = self.context.last_subject
        if last_subject is not None and last_subject.label in (*labels, "PLACE"):
            return [last_subject], 0.8
        return [], 0.0

    def _apposed_to(self, mention: Mention) -> Mention | None:
        """The place an apposition ending in ``mention`` describes, when the apposition is
        closed by a comma: "Kiel, a port on the Baltic, and Lyon" (Kiel), "Taiyuan, an
        industrial city in northern China, and ..." (Taiyuan)."""
        tokens = self.tokens
        if mention.end >= len(tokens) or tokens[mention.end].text != ",":
            return None
        at = mention.start
        while at > 0 and tokens[at - 1].lower_ in COMPASS_WORDS:
            at -= 1  # "in northern China", "on the West Coast"
        comma = self.apposition_comma(at)
        if comma < 0:
            return None
        return next(
            (m for m in self.mentions if m.end == comma and m.label in ("PLACE", "NAME")), None
        )

    def apposition_comma(self, at: int) -> int:
        """The comma that opens an apposition ending at token ``at`` ("Kiel, a port on the
        Baltic"), or -1: the words between make noun phrases with the place in the last."""
        tokens = self.tokens
        comma = next((i for i in range(at - 1, max(0, at - 20), -1) if tokens[i].text == ","), -1)
        if comma < 1 or not apposition([t.lower_ for t in tokens[comma + 1 : at]]):
            return -1
        return comma

    def _apposed_between(self, a: int, b: int) -> bool:
        """An apposition between commas, then "and", joins two places: "Taiyuan, an
        industrial city in northern China, and Newcastle"."""
        tokens = self.tokens
        if b - a > 16 or tokens[a].text != "," or tokens[b - 1].lower_ != "and":
            return False
        if b - a < 4 or tokens[b - 2].text != ",":
            return False
        return noun_phrases([t.lower_ for t in tokens[a + 1 : b - 2]])

    def _relative_before(self, index: int) -> list[int]:
        """The last token before ``index`` (the first token aside) that is "which", "who" or
        "that", as a list of none or one (the tokens are listed once per sentence)."""
        if index > len(self.tokens):
            raise IndexError("list index out of range")  # (as indexing token index - 1 does)
        if self._relatives is None:
            self._relatives = [
                i
                for i, t in enumerate(self.tokens)
                if t.lower_ in ("which", "who", "that") and i > 0
            ]
        at = bisect_left(self._relatives, index)
        return self._relatives[at - 1 : at] if at else []

    def _distance(self, start: int) -> bool:
        """A place named to say where another lies: "located 12 miles south west of Paris",
        "some 20 km from Lyon", "situated near Porto"."""
        if self.prev(start) not in ("of", "from", "near", "outside"):
            return False
        lowers = [t.lower_ for t in self.tokens[max(0, start - 12) : start - 1]]
        cut = max((k for k, w in enumerate(lowers) if w in (",", "and", "(", ";")), default=-1)
        return bool(set(lowers[cut + 1 :]) & DISTANCE_WORDS) or self.prev(start) == "near"

    def _locator(self, mention: Mention) -> bool:
        """A region right after "Place," or "Place in" (where that place lies: "Toledo,
        Ohio", "Wallingford in Oxfordshire")."""
        return (
            mention.start >= 2
            and self.tokens[mention.start - 1].lower_ in (",", "in")
            and any(
                m.end == mention.start - 1 and m.label in ("PLACE", "NAME") for m in self.mentions
            )
        )

    def _country_next(self, mention: Mention) -> bool:
        """A country right after the mention (a comma between at most): the middle of
        "Tepatitlán de Morelos, Jalisco Mexico", the region the city before lies in."""
        at = mention.end + 1 if self.prev(mention.end + 1) == "," else mention.end
        return any(m.start == at and m.label == "COUNTRY" for m in self.mentions)

    def _first_place(self) -> Known | None:
        """The place the sentence opens with, itself or its possessive ("Barcelona's mayor
        has signed ...")."""
        first = self.mentions[0] if self.mentions else None
        if first is None or first.label not in ("PLACE", "NAME"):
            return None
        lead = [t.lower_ for t in self.tokens[: first.start]]
        if lead not in ([], ["the"], ["the", "city", "of"], ["in"]):
            return None
        found = self.known(first, place=True)
        return found[0] if len(found) == 1 and found[0].label == "PLACE" else None

    def _opening_place(self, index: int) -> Known | None:
        """The place the sentence (or the clause: after "while", "but", ";") opens with,
        its subject, when named before ``index``."""
        opening = 0
        for i in range(index - 1, 0, -1):
            if self.tokens[i].lower_ in ("while", "whereas", "but", ";", "although", "though"):
                opening = i + 1
                break
        for mention in self.mentions:
            if mention.start < opening:
                continue
            if mention.start >= index:
                return None
            if mention.label == "COUNTRY" or id(mention) in self.objects:
                continue
            after = [t.lower_ for t in self.tokens[mention.end : mention.end + 2]]
            if len(after) == 2 and after[0] in DESCRIPTOR_HEADS and after[1] == "of":
                continue  # "the Ohio city of Toledo": Toledo is the subject
            before = self.prev(mention.start)
            described = before == "of" and self.prev(mention.start - 1) in DESCRIPTOR_HEADS
            if before in ("with", "to", "for", "of", "from", "by") and not described:
                return None
            if mention.label == "REF" and mention.ref == "it":
                return None
            if mention.label == "ORG":  # "the Central Highlands Council will end its ..."
                council = self.council_place(mention)
                if council is not None:
                    return council
                continue
            found = self.known(mention, place=mention.label == "NAME")
            return found[0] if len(found) == 1 and found[0].label == "PLACE" else None
        return None

    def _contrasted(self, index: int) -> bool:
        """A name after "unlike", "like", "besides", "compared to" is set against the
        subject, not the subject."""
        before = [t.lower_ for t in self.tokens[max(0, index - 2) : index]]
        return bool(before) and (
            before[-1] in CONTRAST or (len(before) == 2 and before[0] in ("compared", "as"))
        )

    def _after_cue(self, mention: Mention, cue_tokens: set[int]) -> bool:
        """The object of a verb cue ("operates the Museum") is no subject."""
        i = mention.start - 1
        tokens = self.tokens
        while i >= 0 and tokens[i].lower_ in ("the", "a", "an"):
            i -= 1
        return i >= 0 and i in cue_tokens

    def _glued(self, a: int, b: int) -> bool:
        """Only glue between two names: "A and B", "A (Poland) and B", "the German town of
        A and the Polish city of B"."""
        countries = {
            i for m in self.mentions if m.label == "COUNTRY" for i in range(m.start, m.end)
        }
        countries |= self._locators_between(a, b)  # "Aurangabad in Maharashtra and ..."
        words = [t.lower_ for i, t in enumerate(self.tokens[a:b], start=a) if i not in countries]
        if any(w in ("along", "together") for w in words):  # "Riga, along with Tallinn"
            words = [w for w in words if w not in ("along", "together", "with")]
            return len(words) <= 4 and all(w in SUBJECT_GLUE for w in words)
        if len(words) <= 8 and all(w in SUBJECT_GLUE or w in DEMONYMS for w in words):
            return True
        return self._mayors_between(a, b)

    def _locators_between(self, a: int, b: int) -> set[int]:
        """The tokens of "in Maharashtra", "in the Free State of Bavaria", ", Minnesota" between
        ``a`` and ``b``: where the place before them lies (region names only, or names
        unknown after "in")."""
        out: set[int] = set()
        tokens = self.tokens
        for m in self.mentions:
            if not (a < m.start and m.end <= b) or m.label not in ("PLACE", "NAME"):
                continue
            if m.start - 1 == a and tokens[a].text == ",":
                # "St. Paul, Minnesota and Nagasaki": the state right after the place
                if fold(m.text) in REGION_NAMES or (
                    (known := self.known(m, place=True)) and regional(known[0])
                ):
                    out |= set(range(a, m.end))
                continue
            lead = m.start - 1 if tokens[m.start - 1].lower_ == "the" else m.start
            if lead - 1 < a or tokens[lead - 1].lower_ != "in":
                continue
            known = self.known(m, place=True)
            if known and not regional(known[0]):
                continue  # "Lyon in Rhône and Turin": only regions say where a place lies
            out |= set(range(lead - 1, m.end))
        return out

    def _mayors_between(self, a: int, b: int) -> bool:
        """Two places joined by their mayors: "Calexico Mayor Armando Real and the Mayor of
        Mexicali", "Durban Mayor Mxolisi Kaunda and Vice-Mayor of the City of Xiamen"."""
        tokens = self.tokens[a:b]
        if len(tokens) > 14 or not any(t.lower_ == "and" for t in tokens):
            return False
        titled = False
        for t in tokens:
            if t.lower_ in PERSON_TITLES or t.lower_ in NAME_TITLES:
                titled = True
            elif t.lower_ in MAYOR_GLUE or (titled and t.text[:1].isupper()):
                continue  # "the", "of", "city", or a name after a title: a person's
            else:
                return False
        return titled

    # -- objects --------------------------------------------------------------------------

    def objects_after(
        self,
        index: int,
        labels: tuple[str, ...],
        lead: int = 6,
        gap: int = 2,
        semicolons: bool = False,
    ) -> list[Mention]:
        """The list of mentions after a cue: ``X, the Y, and Z`` (stops at a clause break;
        with ``semicolons``, a list after a colon, ";" separates items: "twinned with:
        Berlin, Germany; Chicago, United States")."""
        cue_tokens = self.cue_tokens()
        out: list[Mention] = []
        following = [m for m in self.mentions if m.start >= index]
        pos = index
        loose = 0
        tokens = self.tokens
        base = self.base
        for mention in following:
            between = tokens[pos : mention.start]
            for token in between:
                i = token.i - base
                if semicolons and token.text == ";":
                    continue
                if token.lower_ in CLAUSE_BREAKS or (
                    i in cue_tokens and i >= index and token.lower_ not in SIGNED
                ):  # (not "the protocol signed in 2007 with Petah Tikva": its partner)
                    return self._own_clause(out, pos, i) if i in cue_tokens else out
                if token.lower_ not in GLUE and token.lower_ not in LIST_GLUE:
                    loose += 1
            limit = lead if not out else gap
            if loose > limit:
                return out
            if out and self._new_clause(pos, mention):
                return out
            loose = 0
            if mention.label == "REF":
                continue
            if mention.possessive:
                pos = mention.end + 1  # "the WHO's Network": WHO qualifies what follows
                continue
            if mention.label in labels:
                out.append(mention)
            elif mention.label not in ("COUNTRY", "NAME"):
                return out
            pos = mention.end
        return out

    def _new_clause(self, pos: int, mention: Mention) -> bool:
        """ ", and Poprad offered ...", ", and Lyon, France, has twinned ...": after a
        comma and "and", a name (and where it lies) and its verb."""
        words = [t.lower_ for t in self.tokens[pos : mention.start]]
        if words[-2:] != [",", "and"] or mention.end >= len(self.tokens):
            return False
        at = mention.end
        country = next((m for m in self.mentions if m.start == at + 1), None)
        if self.tokens[at].text == "," and country is not None and country.label == "COUNTRY":
            at = (
                country.end + 1
                if country.end < len(self.tokens) and self.tokens[country.end].text == ","
                else at
            )
        if at >= len(self.tokens):
            return False
        verb = self.tokens[at].lower_
        return verb in CLAUSE_VERBS or (verb.endswith("ed") and len(verb) > 4)

    def _own_clause(self, out: list[Mention], pos: int, cue: int) -> list[Mention]:
        """Names followed by a verb and another cue start a clause of their own ("twinned
        with Korosten, Gdynia and Pardubice are now sister cities of Zhytomyr"): they are
        not objects of this one."""
        if len(out) < 2 or pos >= cue or self.tokens[pos].lower_ not in CLAUSE_VERBS:
            return out
        kept = out[:-1]
        last = out[-1]
        if kept and [t.lower_ for t in self.tokens[kept[-1].end : last.start]] == ["and"]:
            kept = kept[:-1]
        return kept

    # -- years ----------------------------------------------------------------------------

    def year_after(self, index: int, limit: int | None = None) -> int | None:
        tokens = self.tokens
        end = len(tokens) if limit is None else min(limit, len(tokens))
        for i in range(index, end):
            if tokens[i].lower_ in (";",):
                break
            found = year_at(tokens, i)
            if found is not None:
                return found[0]
        return None

    def year_before(self, index: int) -> int | None:
        """ "in 2009 it took home ...": "in" + a year in the clause just before ``index``."""
        tokens = self.tokens
        for i in range(index - 1, max(-1, index - 7), -1):
            if tokens[i].text in (",", ";") or tokens[i].lower_ in ("and", "but"):
                return None
            found = year_at(tokens, i)
            if found is not None and i > 0 and tokens[i - 1].lower_ in ("in", "since"):
                return found[0]
        return None

    def verb_year(self, index: int) -> int | None:
        """ "on January 3, 2012 establishing a sister city relationship": the date right
        before a verb that forms a tie, within six tokens before ``index``."""
        tokens = self.tokens
        for v in range(index - 1, max(0, index - 7), -1):
            if tokens[v].lower_ in (",", ";", "and"):
                return None
            if tokens[v].lower_ in FORMING:
                found = year_at(tokens, v - 1)
                return found[0] if found is not None else None
        return None

    def when_year(self, index: int) -> int | None:
        """ "the developments of March 2019 when A and B were declared sister cities": the
        date a "when" clause before ``index`` hangs on."""
        at = next((i for i in range(index - 1, -1, -1) if self.tokens[i].lower_ == "when"), None)
        if at is None:
            return None
        found = years_in(self.doc, max(0, at - 3), at)
        return found[-1][1] if found else None

    def opening_year(self) -> int | None:
        """The year of an opening phrase: "In March 2023, ...", "Initiated in 2011, ...", "On
        July 14, 2006, ..." (the comma of a date does not end the phrase)."""
        first = min((m.start for m in self.mentions if m.label != "REF"), default=8)
        end = min(8, max(first, 1))
        tokens = self.tokens
        at = next((i for i, t in enumerate(tokens[:3]) if t.text[:1].isalnum()), 0)
        lead = tokens[at].lower_ if tokens else ""  # past a bullet ("-In 1990, ...")
        if not (lead in OPENING_WORDS or lead.endswith("ed") or year_at(tokens, at)):
            end = min(end, at + 1)  # "Xi first visited the US in 1985": the clause's date
        for i in range(end):
            if tokens[i].text == "," and not self._date_comma(i):
                break
            found = year_at(tokens, i)
            if found is not None:
                # "Until 2022, Helsinki also had a partnership with Moscow": when it ended
                return None if i and tokens[i - 1].lower_ in UNTIL else found[0]
        return None

    def years(self) -> list[tuple[int, int]]:
        return years_in(self.doc)

    def _date_comma(self, i: int) -> bool:
        """The comma of "July 14, 2006": a day number before it, a year after it."""
        if i == 0 or i + 1 >= len(self.tokens):
            return False
        day = self.tokens[i - 1].text
        return day.isdigit() and int(day) <= 31 and year_at(self.tokens, i + 1) is not None

    @property
    def base(self) -> int:
        """Index of the unit's first token in its paragraph's doc."""
        return int(getattr(self.doc, "start", 0))

    def state_after(self, city: Mention, m: Mention) -> bool:
        """``m`` right after ``city`` and a comma names the state or province the city lies
        in ("Boise, Idaho", "Mount Vernon, New York")."""
        if m.start != city.end + 1 or self.tokens[city.end].text != ",":
            return False
        name = fold(m.text)
        if name in REGION_NAMES:
            return True
        known = city.known
        return name in US_STATE_NAMES and known is not None and known.country == "US"

    def prev(self, index: int) -> str:
        """The lower-case token before ``index``, or "" at the start."""
        return str(self.tokens[index - 1].lower_) if index > 0 else ""

    def has(self, *words: str) -> bool:
        return not self.words.isdisjoint(words)

    def span_text(self, a: int, b: int) -> str:
        return str(self.doc[a:b].text)


COUNTY_ENDINGS = ("shire", " county", " province", " prefecture", " region", " oblast")


def regional(known: Known) -> bool:
    """A region, or a name that says it is one ("Oxfordshire", "Kent County")."""
    return known.regional or known.name.lower().endswith(COUNTY_ENDINGS)


_NOT_APPOSED = {"with", "which", "who", "that", "where", ";", "(", "is", "was", "are", "were"}
_NOT_APPOSED |= {"has", "have", "had", "said", "says"}


def apposition(inner: list[str]) -> bool:
    """The words between a comma and a place make a noun phrase describing the place before
    the comma, the place in its last phrase: "a port on the", "an industrial city in northern
    China and the capital of"."""
    while inner and inner[-1] == "the":
        inner.pop()
    return noun_phrases(inner) and inner[-1] in ("in", "on", "of", "near", "by")


def noun_phrases(words: list[str]) -> bool:
    """ "a port on the", "the capital of ... and a major port": noun phrases joined by
    "and", no verb or clause among them."""
    if not words or words[0] not in ("a", "an", "the") or not _NOT_APPOSED.isdisjoint(words):
        return False
    joined = [i for i, word in enumerate(words) if word == "and"]
    return all(i + 1 < len(words) and words[i + 1] in ("a", "an", "the") for i in joined)
