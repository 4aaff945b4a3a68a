"""Rules for numbers and ties: counts, populations, date ranges, first and latest ties, ties."""

from __future__ import annotations

import re
from typing import Any

from citydip.gazetteer.geonames import country_name
from citydip.ingest.text import normalise
from citydip.ingest.text.mentions import Mention
from citydip.ingest.text.prose import PARTICIPLES
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import YEAR, Draft, Sentence
from citydip.ingest.text.rules_ties import one_of, owner_after
from citydip.ingest.text.vocab import DEMONYMS, NETWORK_NOUNS, TIE_KIND_WORDS

TIE_METRIC = {
    "sister": "sister",
    "twin": "sister",
    "partner": "partner",
    "friendship": "friendship",
}
TIE_METRIC["friendly"] = "friendship"
TIE_NOUNS = {
    "city",
    "cities",
    "town",
    "towns",
    "municipalities",
    "relationships",
    "ties",
    "agreements",
}
MEMBER_NOUNS = {"members", "companies", "partners", "participants", "member", "firms"}
POPULATION_NOUNS = {"residents", "inhabitants", "people", "citizens", "population"}
TIE_WORDS = {"sister", "partner", "friendship", "twin", "twinned", "twinning", "relationships"}
# words one of which a unit needs for date_range (the first) and ordinal_counts (the second)
DATED_TIE_WORDS = frozenset(TIE_WORDS | {"agreements", "ties"})
ORDINAL_TIE_WORDS = frozenset(TIE_WORDS | {"twinning", "twinnings", "partnership"})


def number_at(s: Sentence, i: int) -> tuple[float, int] | None:
    """The number starting at token ``i`` and the index after it (normalise.number_at)."""
    return normalise.number_at(s.tokens, i)


def _qualifier(s: Sentence, i: int) -> str | None:
    return normalise.qualifier_before(s.tokens, i)


_fmt = normalise.format_number


_DIGIT = re.compile(r"\d")
# the number words (normalise.WORD_NUMBERS) as a set: a gate compares it with the unit's words
_NUMBER_WORDS = frozenset(normalise.WORD_NUMBERS)


def _has_number(s: Sentence) -> bool:
    """A digit or a number word anywhere in the unit (most sentences have neither)."""
    return bool(_DIGIT.search(str(s.doc.text))) or not s.words.isdisjoint(_NUMBER_WORDS)


def counts(s: Sentence) -> list[Draft]:
    if not _has_number(s):
        return []
    out: list[Draft] = []
    tokens = doc = s.tokens
    counted: tuple[int, str | None] = (-1, None)  # where the last tie count's noun ended
    starts = normalise.NUMBER_STARTS
    n = len(tokens)
    i = 0
    # only the tokens a number may start at (number_at says None at any other)
    for k in [k for k, t in enumerate(tokens) if (w := t.lower_)[:1].isdigit() or w in starts]:
        if k < i:
            continue  # inside the number or noun phrase just read
        i = k
        found = number_at(s, i)
        if (
            found is None
            or normalise.is_year_token(tokens, i)
            or (i + 1 < n and tokens[i + 1].text == "%")
        ):
            i += 1
            continue
        value, j = found
        if any(m.label == "REF" and m.start <= i < m.end for m in s.mentions):
            i = j  # "The two established sister-city ties": the two places, not a count
            continue
        words = [t.lower_ for t in doc[j : j + 5]]
        metric, noun_at = _metric(words)
        if metric is not None and i >= 1 and doc[i - 1].lower_ in PART_OF_COUNT:
            i = j  # "Victoria's other three twin cities": not all of them
            continue
        if metric == "places":
            # "sister-city agreements with the following 12 cities": ties counted; "... with
            # 220 Japanese cities and 73 Korean cities": the second number counts the same
            after_and = i >= 1 and doc[i - 1].lower_ == "and" and i - 1 == counted[0]
            metric = _tie_cue_before(s, i) or (counted[1] if after_and else None) or metric
        if metric is None or noun_at is None:
            owner = _number_of_members(s, i)
            if owner is not None:  # "The number of Union member cities reached the figure 92"
                out.append(
                    Draft(
                        "count",
                        owner,
                        value=_fmt(value, _qualifier(s, i)),
                        metric="members",
                        confidence=0.7,
                        rule="count:members",
                    )
                )
                i = j
                continue
            kind = _population(words)
            if kind is not None:
                out.extend(_population_claim(s, i, value, j + kind))
            elif _population_before(s, i):  # "a population of more than 2.5 million"
                out.extend(_population_claim(s, i, value, j))
            else:  # "the population of the city is about 475,000"
                out.extend(_population_statement(s, i, value))
            i = j
            continue
        subjects, sure = s.subject(i, ("PLACE", "ORG", "PROGRAMME", "REF"))
        if one_of(tokens, i):  # "Kiel is one of the 12 sister cities of Gdynia": Gdynia's
            owner = owner_after(s, j + noun_at + 1) if metric in TIE_METRIC.values() else None
            subjects, sure = ([owner], 0.9) if owner is not None else ([], 0.0)
        fronted = _fronted_owner(s, i)
        if fronted is not None:  # "With 27 foreign twinned towns, Cissé, in the Vienne
            subjects, sure = [fronted], 1.0  # department, holds the French record"
        if i >= 2 and doc[i - 1].lower_ in ("its", "their") and doc[i - 2].lower_ == "of":
            owner = s._opening_place(i - 1)  # "cut ties with Kunming, one of its four ..."
            if owner is not None:
                subjects, sure = [owner], 0.9
        demonym_owner = _demonym_owner(s, i) if metric in TIE_METRIC.values() else None
        if demonym_owner is not None:  # "Australian cities and towns now have over 500
            subjects, sure = [demonym_owner], 0.9  # sister-city relationships": Australia's
        elif sure < 0.9 and (_located_there(s, i) or _country_before(s, i)):
            # "In Australia, there are 108 sister cities", "China has 293 sister cities":
            # the country's count (of ties only), no city's
            country = _country_owner(s, i) if metric in TIE_METRIC.values() else None
            if country is not None and not _not_owned(s, i, j + noun_at + 1):
                out.append(
                    Draft(
                        "count",
                        country,
                        value=_fmt(value, _qualifier(s, i)),
                        metric=metric,
                        confidence=0.7,
                        rule=f"count:{metric}",
                        qualifier=_qualifier(s, i),
                    )
                )
                elided = _elided_counts(s, j + noun_at + 1)  # ", Germany 5,000 and Italy"
                out += [
                    Draft("count", other, value=_fmt(number, None), metric=metric,
                          confidence=0.65, rule=f"count:{metric}")
                    for other, number in elided
                ]  # fmt: skip
            counted = (j + noun_at + 1, metric if metric in TIE_METRIC.values() else None)
            i = j + noun_at + 1
            continue
        if j + noun_at + 1 < len(doc) and doc[j + noun_at + 1].lower_ in COUNTED_DOCUMENTS:
            i = j + noun_at + 1  # "two sister cities agreements were signed"
            continue
        if metric is not None and words and words[0] in DEMONYMS and metric != "members":
            i = j + noun_at + 1 if noun_at is not None else j  # "two Chinese cities": the
            continue  # ties with one country, not all of them
        if metric in TIE_METRIC.values() and _formed_then(s, i):
            i = j + noun_at + 1  # "In the 1970s the City entered into two Sister City
            continue  # relationships": the ties formed then, not all it has
        if metric not in ("places", "members") and _not_owned(s, i, j + noun_at + 1):
            i = j + noun_at + 1  # "20,000 partnerships worldwide", "twinnings between them"
            continue
        qualifier = _qualifier(s, i)
        network = _network_before(s, i)
        agent = {t.lower_ for t in doc[max(0, i - 3) : i]} & {"by", "from"}
        if metric == "places" and {t.lower_ for t in doc[max(0, i - 6) : i]} & FOUNDING:
            i = j + noun_at + 1  # "established when more than 200 local governments ...":
            continue  # the founders, not the members
        if metric == "places" and not network and not agent:  # not "founded by 32 cities"
            owner = _members_after(s, j + noun_at + 1)
            if owner is not None:  # "more than 1,750 cities ... are a part of the ICLEI network"
                subjects, sure, network = [owner], 0.9, True
        around = {t.lower_ for t in doc[max(0, i - 2) : j + noun_at + 1]}
        if metric == "members" and around & {"founding", "original", "new", "first"}:
            i = j + noun_at + 1  # "the original 12 founding members": not the membership
            continue
        if metric == "members" and not any(
            m.label in ("PLACE", "NAME", "ORG") for m in s.mentions
        ):  # "Membership | 200 member cities": the members of the network the text is about
            org = s.context.topic_org
            subjects, sure = ([org], 0.9) if org is not None else (subjects, sure)
        if doc[j + noun_at].lower_ in KIN_NOUNS and sure < 1.0:
            subjects = []  # "16 sisters", "10 siblings": only of a place the clause names
        for subject in subjects[:1]:
            if metric == "members" and subject.label == "PLACE":
                continue
            if metric == "places" and (
                subject.label == "PLACE" or not (network or _org_has(s, i, subject, sure))
            ):
                continue
            metric = "members" if metric == "places" else metric
            out.append(
                Draft(
                    "count",
                    subject,
                    value=_fmt(value, qualifier),
                    metric=metric,
                    confidence=0.9 * sure,
                    rule=f"count:{metric}",
                    qualifier=qualifier,
                )
            )
        counted = (j + noun_at + 1, metric if metric in TIE_METRIC.values() else None)
        i = j + noun_at + 1
    return out


# verbs between "the number of members" and its figure: "reached (the figure) 92",
# "rose to 140", "stands at 200", "is now 92"
NUMBER_LINKS = {"reached", "reaches", "rose", "grew", "increased", "stands", "stood", "is"}
NUMBER_LINKS |= {"was", "to", "at", "the", "figure", "of", "now", "has", "totals", "totalled"}


def _number_of_members(s: Sentence, i: int) -> Known | None:
    """The organization whose members "the number of ... members" before the figure at ``i``
    counts: one named in the phrase, else the one the text is about."""
    doc = s.tokens
    k = i - 1
    while k >= 0 and i - k <= 5 and doc[k].lower_ in NUMBER_LINKS | QUALIFYING:
        k -= 1
    if k < 2 or doc[k].lower_ not in ("members", "cities", "municipalities", "towns"):
        return None
    start = next((p for p in range(k - 1, max(-1, k - 8), -1) if doc[p].lower_ == "number"), None)
    if start is None or doc[start + 1].lower_ != "of":
        return None
    if "member" not in {t.lower_ for t in doc[start:k]} and doc[k].lower_ != "members":
        return None  # "the number of cities reached 92": cities of what
    named = next(
        (m for m in s.mentions if start < m.start < k and m.label in ("ORG", "NAME")), None
    )
    if named is not None:
        found = s.known(named, labels=("ORG",))
        if found and found[0].label == "ORG":
            return found[0]
    org = s.context.topic_org
    return org if org is not None and org.label == "ORG" else None


def _elided_counts(s: Sentence, end: int) -> list[tuple[Known, float]]:
    """Counts that share a country's count's noun, after it: "France has 6,000 twinnings,
    Germany 5,000 and Italy 1,500" (a country, a number, joined by commas and "and")."""
    out: list[tuple[Known, float]] = []
    at = end
    countries = {m.start: m for m in s.mentions if m.label == "COUNTRY"}
    toks = s.tokens
    while at < len(toks) and toks[at].lower_ in (",", "and"):
        k = at + 1
        if toks[at].text == "," and k < len(toks) and toks[k].lower_ == "and":
            k += 1  # ", and Italy 1,500"
        m = countries.get(k)
        found = number_at(s, m.end) if m is not None else None
        if m is None or found is None or normalise.is_year_token(toks, m.end):
            break
        value, after = found
        if after < len(toks) and toks[after].text[:1].isalpha() and toks[after].lower_ != "and":
            break  # "Germany 5,000 people": another noun, another count
        out.append((Known(m.text, "COUNTRY", None, m.code), value))
        at = after
    return out


PART_OF_COUNT = {"other", "additional", "further", "remaining"}
TIE_COUNT_NOUNS = {"twinnings", "twins", "partnerships", "twinning", "partnership", "sisters"}
KIN_NOUNS = {"sisters", "siblings"}
TIE_COUNT_NOUNS |= KIN_NOUNS  # "Cebu City has 22 sisters", "Rishon Letzion has 10 siblings"


def _metric(words: list[str]) -> tuple[str | None, int | None]:
    """The count metric the words after a number name, and where its noun is:
    "sister cities", "twin towns", "partnership cities", "formal twinnings", "sister and
    friendship cities" (the first kind names the metric)."""
    for k, word in enumerate(words[:4]):
        if word in PLACE_ADJECTIVES and any(w in PLACE_NOUNS for w in words[k + 1 : 4]):
            continue  # "2,500 local and regional governments"
        if word in TIE_COUNT_NOUNS:
            return TIE_KIND_WORDS.get(word, "sister"), k
        if word in TIE_METRIC or word in TIE_KIND_WORDS:
            rest = words[k + 1 : k + 4]
            if len(rest) > 1 and rest[0] == "and" and rest[1] in TIE_KIND_WORDS:
                rest = rest[2:]  # "sister and partner cities"
                k += 2
            metric = TIE_METRIC.get(word) or TIE_KIND_WORDS[word]
            if rest and rest[0] in TIE_NOUNS:
                return metric, k + 1
            if len(rest) > 1 and rest[0] == "-" and rest[1] in TIE_NOUNS:
                return metric, k + 2
            return None, None
        if word in MEMBER_NOUNS:
            return "members", k
        if word in PLACE_NOUNS and (k <= 1 or set(words[:k]) <= PLACE_ADJECTIVES):
            return "places", k  # "a network of 220 cities": members, if a network's
        if word in NOT_BETWEEN or normalise.WORD_NUMBERS.get(word) or word[:1].isdigit():
            return None, None  # "1.5 million with eight sister cities": not a count of ties
    return None, None


# Words that end a number's noun phrase: what follows them is not what the number counts.
NOT_BETWEEN = {",", ".", ";", "of", "in", "to", "and", "%", "percent", "with", "has", "have"}
NOT_BETWEEN |= {"had", "for", "from", "at", "on", "by", "its", "their", "is", "are", "was"}
NOT_BETWEEN |= {"people", "residents", "inhabitants", "citizens", "population", "who", "which"}


NOT_BETWEEN |= {"-", "year", "years", "new", "more", "additional", "other", "anniversary", "old"}
PLACE_NOUNS = {"cities", "towns", "municipalities", "mayors", "regions", "councils"}
PLACE_NOUNS |= {"governments", "authorities", "metropolises"}
# words between a number and the places it counts: "2,500 local and regional governments"
PLACE_ADJECTIVES = {"local", "regional", "and", "municipal", "urban", "subnational", "city"}
COUNTED_DOCUMENTS = {"agreements", "agreement", "accords", "memoranda", "mous"}


MEMBER_AFTER = {"member", "members", "part", "signatories", "belong"}
NEWCOMERS = {"new", "joined", "newly", "founded", "joining", "added", "become", "became"}
FOUNDING = {"founded", "established", "created", "formed", "launched", "set"}


def _members_after(s: Sentence, start: int) -> Known | None:
    """The network counted places belong to, said later in the clause: "1,750 cities ...
    are a part of the ICLEI network", "2,500 cities were listed as members" (the network
    named there, else the one the text is about)."""
    doc = s.tokens
    end = start
    while end < len(doc) and end - start <= 16 and doc[end].lower_ not in (";", ".", "but"):
        end += 1
    words = {t.lower_ for t in doc[start:end]}
    if not words & MEMBER_AFTER or words & NEWCOMERS:
        return None  # "88 cities joined", "56 ... new members": newcomers, not the total
    if words & {"take", "took", "taking", "takes", "selected", "chosen"}:
        return None  # "12 municipalities have been selected to take part in": not members
    for m in s.mentions:
        if start <= m.start < end and m.label == "ORG":
            found = s.known(m, labels=("ORG",))
            if found and found[0].label == "ORG":
                return found[0]
    return s.context.topic_org


HAS_VERBS = {"has", "had", "counts", "counted", "comprises", "comprised", "unites", "numbers"}
HAS_VERBS |= {"includes", "included", "represents", "gathers", "brings", "reached", "reaches"}


def _tie_cue_before(s: Sentence, i: int) -> str | None:
    """The kind of a tie cue ending just before "with (the following) N": "sister-city
    agreements with the following 12 cities" counts sister cities."""
    k = i - 1
    while k >= 0 and s.tokens[k].lower_ in ("the", "following", "some", "more", "than", "over"):
        k -= 1
    if k >= 1 and s.tokens[k].text in (":", "-"):  # "Sisterhood relationships : 3 cities"
        return _label_kind([t.lower_ for t in s.tokens[:k]])
    if k < 0 or s.tokens[k].lower_ != "with":
        return None
    for name, a, b in s.cues:
        if name == "tie" and k - 3 <= b <= k + 1:
            # the cue's own words, or the kind just before a bare "ties": "friendly ties with"
            span = s.doc[max(0, a - 1) : b] if b - a == 1 else s.doc[a:b]
            word = next((t.lower_ for t in span if t.lower_ in TIE_KIND_WORDS), None)
            if word is not None:
                return TIE_METRIC.get(word) or TIE_KIND_WORDS[word]
            if any(t.lower_ == "twinned" for t in span):
                return "sister"  # "Lyon is twinned with 14 cities"
    return None


LABEL_WORDS = {"international", "relationships", "relations", "cities", "towns", "links", "and"}
LABEL_WORDS |= {"&", "of", "the", "status", "exchange", "-"}


def _label_kind(words: list[str]) -> str | None:
    """The kind a label of list words names ("International sisterhood relationships",
    "Partnerships"), None when other words are in it."""
    kinds = [TIE_KIND_WORDS[w] for w in words if w in TIE_KIND_WORDS]
    if not kinds or not all(w in TIE_KIND_WORDS or w in LABEL_WORDS for w in words):
        return None
    return TIE_METRIC.get(kinds[0], kinds[0])


NOBODY_S = {"worldwide", "globally", "between", "among", "amongst"}


OWNER_VERBS = HAS_VERBS | {"have", "maintains", "maintain", "keeps", "holds", "boasts"}


# past verbs of making ties: a number of ties after one counts the ties made then
FORMED_THEN = {"entered", "formed", "signed", "established", "concluded", "created", "forged"}
FORMED_THEN |= {"struck", "inked", "launched"}


def _formed_then(s: Sentence, i: int) -> bool:
    """ "entered into two Sister City relationships", "formed two such partnerships in
    1963": a past verb just before the number, not after "has" ("has formed 12 ...")."""
    tokens = s.tokens
    verb = i - 1
    while verb > 0 and i - verb < 3 and tokens[verb].lower_ in ("into", "in", "on", "up"):
        verb -= 1
    if verb < 0 or tokens[verb].lower_ not in FORMED_THEN:
        return False
    lead = {t.lower_ for t in tokens[max(0, verb - 2) : verb]}
    return not lead & {"has", "have", "had", "'s", "'ve"}


def _not_owned(s: Sentence, i: int, k: int) -> bool:
    """Ties counted right after their noun as the world's or as between others ("20,000
    twinning partnerships have been born worldwide", "the six twinnings between
    signatories"): no place's count. (A network's "96 cities around the world" are its
    members: not asked.)"""
    clause = []
    for t in s.tokens[k : k + 8]:
        if t.text in (".", ";"):
            break
        clause.append(t.lower_)
    if clause[:1] and clause[0] in ("between", "among", "amongst"):
        return True
    if s.column is not None or any(t.lower_ in OWNER_VERBS for t in s.tokens[max(0, i - 12) : i]):
        return False  # "Taipei has 52 sister cities worldwide", a table's column: the city's
    if _tie_cue_before(s, i) is not None:
        return False  # "Lyon is twinned with 14 cities around the world"
    joined = " ".join(clause)
    return "worldwide" in clause or "globally" in clause or "around the world" in joined


def _org_has(s: Sentence, i: int, subject: Known, sure: float) -> bool:
    """ "It now counts more than 10,000 cities", "UCLG represents 240,000 towns": an
    organization's verb of having, right before the number: its members."""
    if subject.label != "ORG" or sure < 0.9:
        return False
    before = [t.lower_ for t in s.tokens[max(0, i - 5) : i]]
    return bool(set(before) & HAS_VERBS)


def _network_before(s: Sentence, i: int) -> bool:
    """ "a global network of more than 220 cities": the cities are a network's members."""
    return any(t.lower_ in NETWORK_NOUNS for t in s.tokens[max(0, i - 6) : i])


def _located_there(s: Sentence, i: int) -> bool:
    """ "In NSW and the NT, ... there are 42 sister city ties": a count of the area the
    sentence opens with, not of the city the text is about ("There are 12 twin towns" is)."""
    there = any(t.lower_ == "there" for t in s.tokens[max(0, i - 3) : i])
    return (
        there
        and len(s.tokens) > 1
        and s.tokens[0].lower_ == "in"
        and s.tokens[1].text[:1].isupper()
    )


PLACES_OF = {"cities", "towns", "municipalities", "councils", "communities"}


UNIT_OF = {"city", "town", "municipality", "village", "district", "borough", "commune"}


def _fronted_owner(s: Sentence, i: int) -> Known | None:
    """ "With 27 foreign twinned towns, Cissé, in the Vienne department, holds ...", "With a
    population of over 70,600 people, Loulé is ...": a number in an opening "With" phrase
    belongs to the place right after the phrase's comma."""
    doc = s.tokens
    k = 1
    while k < i and doc[k].lower_ in ("a", "population", "of", "over", "about", "some", "nearly"):
        k += 1  # "With a population of over 70,600 people, Loulé is ..."
    if k < i or doc[0].lower_ != "with":
        return None
    comma = next((k for k in range(i + 1, min(len(doc), i + 10)) if doc[k].text == ","), None)
    if comma is None:
        return None
    first = next((m for m in s.mentions if m.start == comma + 1), None)
    if first is None or first.label not in ("PLACE", "NAME"):
        return None
    found = s.known(first, place=True)
    return found[0] if found and found[0].label == "PLACE" else None


def _demonym_owner(s: Sentence, i: int) -> Known | None:
    """ "Australian cities and towns now have over 500 ...", "Japanese municipalities have
    1,762 ...": the country whose places the clause's subject names, at its start."""
    doc = s.tokens
    k = 0
    comma = next((c for c in range(min(5, len(doc))) if doc[c].text == ","), None)
    if comma is not None and doc[0].lower_ not in DEMONYMS:
        k = comma + 1  # "Today, Australian cities and towns have over 500 ..."
    k += 1 if k < len(doc) and doc[k].lower_ == "the" else 0
    if k + 1 >= i or doc[k].lower_ not in DEMONYMS or doc[k + 1].lower_ not in PLACES_OF:
        return None
    if any(m.start < i and m.label in ("PLACE", "NAME", "ORG") for m in s.mentions):
        return None
    code = DEMONYMS[doc[k].lower_]
    return Known(country_name(code) or doc[k].text, "COUNTRY", None, code)


def _country_owner(s: Sentence, i: int) -> Known | None:
    """The country whose ties a number counts: the last one named before it in its
    sentence, not one the ties are "with" ("108 sister cities with Japan")."""
    before = [
        m
        for m in s.mentions
        if m.label == "COUNTRY"
        and m.end <= i
        and not (m.start > 0 and s.tokens[m.start - 1].lower_ in ("with", "between", "and"))
    ]
    if not before:
        return None
    return Known(before[-1].text, "COUNTRY", None, before[-1].code)


def _country_before(s: Sentence, i: int) -> bool:
    return any(m.label == "COUNTRY" and m.end <= i for m in s.mentions)


def _population(words: list[str]) -> int | None:
    for k, word in enumerate(words[:2]):
        if word in POPULATION_NOUNS:
            return k
    return None


def _population_before(s: Sentence, i: int) -> bool:
    words = [t.lower_ for t in s.tokens[max(0, i - 4) : i]]
    return "population" in words and "of" in words


STRONG_POPULATION = {"inhabitants", "population"}
POPULATION_LEADS = {"of", "to", "has", "had", "have", "with", "counts", "houses", "numbers"}


def _population_context(s: Sentence, i: int, noun: int) -> bool:
    """ "a city of 300,000 people", "home to 2 million residents", "has 1.2 million
    citizens": a population; "5,000 people attended", "displaced 50,000 residents": not.
    "inhabitants" and "a population of" are populations wherever they stand."""
    if noun < len(s.tokens) and s.tokens[noun].lower_ in STRONG_POPULATION:
        return True
    k = i - 1
    while k >= 0 and s.tokens[k].lower_ in QUALIFYING:
        k -= 1
    return k >= 0 and s.tokens[k].lower_ in POPULATION_LEADS


QUALIFYING = {"more", "than", "over", "about", "some", "nearly", "almost", "around", "roughly"}
QUALIFYING |= {"approximately", "just", "under", "a", "an", "estimated", "population", "total"}


# words that make a figure a wider area's: "Metro Atlanta is home to 6.3 million people",
# "an urban agglomeration of 9,765,188 people", "1.4 million in the urban area"
WIDER_AREA = {"metropolitan", "metro", "agglomeration", "conurbation", "wider", "larger"}
WIDER_AREA |= {"greater", "urban", "suburbs", "surrounding", "region", "regional", "province"}
CITY_PROPER = {"proper", "limits", "municipality", "itself"}


def _wider_area(s: Sentence, i: int, end: int) -> bool:
    """The figure at ``i`` (its noun ending at ``end``) counts a wider area than the city:
    such a word in its clause before it, or "in the urban area" right after it, and the
    city proper ("city proper", "within the city limits") not named on the way."""
    doc = s.tokens
    start = i
    while start > 0 and i - start < 14 and doc[start - 1].text not in (",", ";", ".", "(", ":"):
        start -= 1
    before = {t.lower_ for t in doc[start:i]}
    after = {t.lower_ for t in doc[i + 1 : end + 5]}
    if not CITY_PROPER.isdisjoint(before | after):
        return False
    if not WIDER_AREA.isdisjoint(before):
        return True
    opening = {t.lower_ for t in doc[: min(8, start)]}  # "The Greater Boston metropolitan
    if not METRO.isdisjoint(opening):  # statistical area, which ..., has a population of"
        return True
    return "in" in after and not WIDER_AREA.isdisjoint(after)


METRO = {"metropolitan", "metro", "agglomeration", "conurbation"}


def _population_claim(s: Sentence, i: int, value: float, noun: int) -> list[Draft]:
    if value < 1000 or not _population_context(s, i, noun):
        return []
    if _wider_area(s, i, noun + 1):
        return []
    opening = _fronted_owner(s, i) or _opening_owner(s, i)
    subjects, sure = ([opening], 0.9) if opening is not None else s.subject(i, ("PLACE", "REF"))
    if not subjects or subjects[0].label != "PLACE":
        return []
    qualifier = _qualifier(s, i)
    return [
        Draft(
            "population",
            subjects[0],
            value=str(int(value)),
            confidence=0.85 * sure,
            rule="population",
            qualifier=qualifier,
        )
    ]


OWNING = {"has", "had", "have", "counts", "numbers"}
# words between "population" and its figure: "the population of the city is about 475,000",
# "the city population stands at 4 million", "recorded Abidjan's population as 6,321,017"
POPULATION_LINKS = {"is", "was", "stands", "stood", "at", "as", "of", "reached", "reaches"}
POPULATION_LINKS |= {"totals", "totalled", "totaled", "numbers", "numbered", ":", "be", "to"}
POPULATION_LINKS |= {"estimated", "put", "grew", "rose", "has", "had", "a"}


def _population_statement(s: Sentence, i: int, value: float) -> list[Draft]:
    """A figure the sentence gives as a place's population, the word "population" a few
    words before it in the same clause: the place is the one whose population it is (its
    possessive, "of" it, a place right before "population", "Suqian, population 4.7
    million"), else the clause's subject ("Officially, the population of the city is ...":
    the city the text is about)."""
    if value < 1000:
        return []
    doc = s.tokens
    k = i - 1
    while k >= 0 and doc[k].lower_ in QUALIFYING - {"population"}:
        k -= 1
    p = k
    while p >= 0 and i - p <= 10 and doc[p].lower_ != "population":
        if doc[p].text in (".", ";", "!", "?") or doc[p].text[:1].isdigit():
            return []
        p -= 1
    if p < 0 or i - p > 10 or doc[k].lower_ not in POPULATION_LINKS | {"population"}:
        return []
    owner = _population_owner(s, p, k)
    if owner is None or owner.label != "PLACE" or owner.regional:
        return []
    if _wider_area(s, p, i + 1):
        return []  # "the Greater Boston metropolitan area ... has a population of 4,919,179"
    return [
        Draft(
            "population",
            owner,
            value=str(int(value)),
            confidence=0.75,
            rule="population:statement",
            qualifier=_qualifier(s, i),
        )
    ]


def _population_owner(s: Sentence, p: int, k: int) -> Known | None:
    """Whose is the "population" at token ``p`` (its figure after token ``k``)."""
    doc = s.tokens
    before = next((m for m in s.mentions if m.end in (p, p - 1) and m.end <= p), None)
    if before is not None and (before.possessive or before.end == p or s.prev(p) == ","):
        # "Abidjan's population", "the city population", "Suqian, population 4.7 million"
        found = s.known(before, place=True)
        return found[0] if found else None
    after = next((m for m in s.mentions if p + 1 < m.start <= p + 3 and m.end <= k + 1), None)
    if p + 1 < len(doc) and doc[p + 1].lower_ == "of" and after is not None:
        found = s.known(after, place=True)  # "the population of the city is ..."
        return found[0] if found else None
    subjects, sure = s.subject(p, ("PLACE", "REF"))
    return subjects[0] if subjects and sure >= 0.9 else None


def _opening_owner(s: Sentence, i: int) -> Known | None:
    """The place a sentence opens with, when it is what has the number: "Prizrem has a
    population of 130,000" (a place the gazetteer lacks), "Kutna Hora is situated east of
    Prague and has a population of 21,000" (the verb after "and" shares the subject)."""
    at = max((k + 1 for k in range(i) if s.tokens[k].text in (".", "!", "?", ";")), default=0)
    lead = [t.lower_ for t in s.tokens[at : at + 3]]
    if len(lead) == 3 and lead[0] == "the" and lead[1] in UNIT_OF and lead[2] == "of":
        at += 3  # "The municipality of Karak ... has nearly 250,000 inhabitants"
    first = next((m for m in s.mentions if m.label in ("PLACE", "NAME") and m.start >= at), None)
    if first is None or first.start != at:
        return None
    verb = next((k for k in range(first.end, i) if s.tokens[k].lower_ in OWNING), None)
    if verb is None:
        return None
    between = [m for m in s.mentions if first.end <= m.start < verb and m.label != "COUNTRY"]
    if between and s.tokens[verb - 1].lower_ != "and":
        return None
    found = s.known(first, place=True)
    if found and found[0].label == "PLACE":
        return found[0]
    if first.label == "NAME" and verb == first.end:
        return Known(first.text, "PLACE")  # a name right before "has": the place
    return None


_YEAR_RANGE = re.compile(r"^(1[6-9]\d\d|20\d\d)-(1[6-9]\d\d|20\d\d)$")


def date_range(s: Sentence) -> list[Draft]:
    if not _DIGIT.search(str(s.doc.text)) or s.words.isdisjoint(DATED_TIE_WORDS):
        return []
    doc = s.tokens
    for i, token in enumerate(doc):
        pair = None
        if token.lower_ in ("between", "from") and i + 3 < len(doc):
            a, link, b = doc[i + 1].text, doc[i + 2].lower_, doc[i + 3].text
            if YEAR.match(a) and YEAR.match(b) and link in ("and", "to", "-", "until"):
                pair = (int(a), int(b))
        elif "-" in token.text and _YEAR_RANGE.match(token.text):
            pair = (int(token.text[:4]), int(token.text[5:]))
        if pair and pair[0] < pair[1]:
            subjects, sure = s.subject(i, ("PLACE", "REF"))
            if subjects:
                value = f"{pair[0]}-{pair[1]}"
                draft = Draft(
                    "date_range", subjects[0], value=value, year=pair[0], end_year=pair[1]
                )
                draft.confidence, draft.rule = 0.8 * sure, "date_range"
                return [draft]
    return []


ORDINALS = {"first": "first_tie", "earliest": "first_tie", "oldest": "first_tie"}
ORDINALS.update({"latest": "latest_tie", "newest": "latest_tie", "recent": "latest_tie"})
_ORDINAL_WORDS = frozenset(ORDINALS)  # (a set, for the unit's words to be compared with)


def ordinal_ties(s: Sentence) -> list[Draft]:
    if s.words.isdisjoint(TIE_WORDS) or s.words.isdisjoint(_ORDINAL_WORDS):
        return []
    out: list[Draft] = []
    kind = _tie_kind(s)
    for i, token in enumerate(s.tokens):
        kind_type = ORDINALS.get(token.lower_)
        if kind_type is None or _adverbial(s, i):
            continue
        if s.doc[i + 1 : i + 2].text.lower() in ("pair", "pairs"):
            continue  # "A and B became the first pair of sister cities": a tie of the two
        if _one_of_superlative(s, i):
            continue  # "one of Australia's youngest cities with one of Japan's oldest"
        if i > 0 and token.text[:1].isupper() and s.doc[i + 1 : i + 2].text[:1].isupper():
            continue  # "a delegation from Thunder Bay and First Nation Communities": a name
        place = _next_place(s, i + 1, i + 14)
        if place is None:
            place = _earlier_partner(s, i)  # "with Seattle in 1957, the first such tie"
            if place is None:
                continue
            subjects, sure = s.subject(place[0].start, ("PLACE", "REF"))
        else:
            s.objects.add(id(place[0]))
            s.tie_objects.add(id(place[0]))
            subjects, sure = s.subject(i, ("PLACE", "REF"))
        mention, known = place
        subjects = [k for k in subjects if k != known]
        if not subjects:
            continue
        year = s.year_after(mention.end, mention.end + 12)
        out.append(
            Draft(
                kind_type,
                subjects[0],
                known,
                year=year,
                kind=kind,
                confidence=0.85 * sure,
                rule=f"tie:{token.lower_}",
            )
        )
    return out


def _one_of_superlative(s: Sentence, i: int) -> bool:
    """ "one of Japan's oldest", "one of the oldest": a superlative among many, never the
    first tie."""
    before = [t.lower_ for t in s.tokens[max(0, i - 5) : i]]
    return "one" in before and "of" in before[before.index("one") :]


def _adverbial(s: Sentence, i: int) -> bool:
    """ "first revealed by", "first reported in": the ordinal qualifies a verb, no tie (a
    tie's own participle, "first twinned with", still counts)."""
    if i + 1 >= len(s.tokens):
        return False
    nxt = s.tokens[i + 1].lower_
    return nxt.endswith("ed") and nxt not in PARTICIPLES and s.prev(i) not in ("the", "its")


ANAPHORIC_TIES = {"such", "tie", "link", "twinning", "partnership", "relationship", "agreement"}
ANAPHORIC_TIES |= {
    "sister",
    "twin",
    "partner",
    "friendship",
}  # "with Celle as its third sister city"


def _earlier_partner(s: Sentence, i: int) -> tuple[Mention, Known] | None:
    """The partner of a tie named before "the first such tie" / "its first twinning"."""
    if not {t.lower_ for t in s.tokens[i + 1 : i + 3]} & ANAPHORIC_TIES:
        return None
    for m in reversed([m for m in s.mentions if m.end <= i]):
        if s.prev(m.start) == "with" and m.label in ("PLACE", "NAME"):
            found = s.known(m, place=True)
            if found and found[0].label == "PLACE":
                return m, found[0]
    return None


def _next_place(s: Sentence, a: int, b: int) -> tuple[Mention, Known] | None:
    for m in s.mentions:
        if a <= m.start < b and m.label in ("PLACE", "NAME"):
            if s.prev(m.start) == "the" and s.prev(m.start - 1) == "in":
                continue  # "its first sister city in the Middle East": where, not which
            found = s.known(m, place=True)
            if found and found[0].label == "PLACE" and not found[0].regional:
                return m, found[0]
    return None


def _tie_kind(s: Sentence) -> str:
    for token in s.tokens:
        if token.lower_ in ("sister", "twin", "twinned", "twinning"):
            return "sister"
        if token.lower_ in ("friendship", "partner"):
            return "friendship" if token.lower_ == "friendship" else "partner"
    return "unspecified"


# ordinals of a tie ("Kumasi became Charlotte's seventh Sister City"): the owner's count
ORDINAL_VALUES = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_ORDINAL_VALUE_WORDS = frozenset(ORDINAL_VALUES)  # (as _ORDINAL_WORDS)
_NUMERAL_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$")
# words that make the tie a prospect, not a fact ("could become Curitiba's 16th sister city")
PROSPECTIVE = {"could", "would", "will", "may", "might", "shall", "proposed", "potential"}
PROSPECTIVE |= {"prospective", "possible", "future", "planned", "plans", "hopes", "hope"}
PROSPECTIVE |= {"expected", "aims", "seeks", "if", "not", "never", "against", "rejected"}
PROSPECTIVE |= {"declined", "refused"}
COPULAS = {"is", "was", "became", "becomes", "as", "be", "been", "remains", "named"}
ORDINAL_NOUNS = {"city", "town", "municipality", "relationship", "agreement", "region"}
ORDINAL_NOUNS |= {"province", "county", "community", "link", "tie", "mou", "cities"}


def _ordinal_value(text: str) -> int | None:
    lower = text.lower()
    if lower in ORDINAL_VALUES:
        return ORDINAL_VALUES[lower]
    numeral = _NUMERAL_ORDINAL.match(lower)
    return int(numeral.group(1)) if numeral and int(numeral.group(1)) >= 2 else None


def _may_be_ordinal(lower: str) -> bool:
    """Whether _ordinal_value may find a value in a token (its lower case): a word of
    ORDINAL_VALUES or a numeral ("16th"), which starts with a digit."""
    return lower in ORDINAL_VALUES or lower[:1].isdigit()


def ordinal_counts(s: Sentence) -> list[Draft]:
    """The owner of an Nth tie has N ties of its kind, when the text states the tie as a
    fact: "Kumasi became Charlotte's seventh Sister City", "Senna City is the second sister
    city of Davao", "Davao City inks 3rd sister city MoU", "Ramallah is the fifth city that
    Dublin has a twinning agreement with". Not for a prospect ("could become Curitiba's 16th
    sister city") nor a first tie (its own rule)."""
    if s.words.isdisjoint(ORDINAL_TIE_WORDS):
        return []
    if s.words.isdisjoint(_ORDINAL_VALUE_WORDS) and not _DIGIT.search(str(s.doc.text)):
        return []  # no ordinal word and no numeral ("16th"): nothing _ordinal_value reads
    tokens = s.tokens
    out: list[Draft] = []
    for i, token in enumerate(tokens):
        if not _may_be_ordinal(token.lower_):
            continue
        value = _ordinal_value(token.text)
        if value is None:
            continue
        if {t.lower_ for t in tokens[:i]} & PROSPECTIVE:
            break
        metric, end = _ordinal_tie(tokens, i + 1)
        if metric is None:
            continue
        owner = _ordinal_owner(s, i, end)
        if owner is None or owner.label != "PLACE":
            continue
        out.append(
            Draft(
                "count",
                owner,
                value=str(value),
                metric=metric,
                confidence=0.8,
                rule=f"count:ordinal:{metric}",
            )
        )
    return out


def ordinal_members(s: Sentence) -> list[Draft]:
    """An organization whose Nth member a text names has N members: "Mumbai joins ... as
    the 1000th Member of ICLEI", "ICLEI has announced Mumbai as its 1000th member"."""
    if not s.has("member"):
        return []
    tokens = s.tokens
    out: list[Draft] = []
    for i, token in enumerate(tokens[:-1]):
        if not _may_be_ordinal(token.lower_):
            continue
        value = _ordinal_value(token.text)
        if value is None or tokens[i + 1].lower_ != "member":
            continue
        if {t.lower_ for t in tokens[:i]} & PROSPECTIVE:
            break
        named: Mention | None = None
        k = i + 4 if i + 3 < len(tokens) and tokens[i + 3].lower_ == "the" else i + 3
        if i + 2 < len(tokens) and tokens[i + 2].lower_ == "of":  # "1000th Member of ICLEI"
            named = next((m for m in s.mentions if m.start == k and m.label == "ORG"), None)
        elif i > 0 and tokens[i - 1].lower_ == "its":  # "as its 1000th member"
            named = next((m for m in s.mentions if m.start == i - 1), None)
        found = s.known(named) if named is not None else []
        org = found[0] if found and found[0].label == "ORG" else None
        if org is not None:
            out.append(
                Draft(
                    "count",
                    org,
                    value=str(value),
                    metric="members",
                    confidence=0.75,
                    rule="count:ordinal:members",
                )
            )
    return out


def _ordinal_tie(tokens: list[Any], k: int) -> tuple[str | None, int]:
    """The metric of the tie words after an ordinal and where they end: "Sister City",
    "sister-city", "twinning", "partnership", "city that X has a twinning agreement with"."""
    words = [t.lower_ for t in tokens[k : k + 4]]
    if not words:
        return None, k
    kind = TIE_KIND_WORDS.get(words[0])
    if kind is not None:
        metric = TIE_METRIC.get(words[0]) or kind
        rest = words[1:]
        if rest[:1] == ["-"]:
            rest = rest[1:]
        if rest[:1] and rest[0] in ORDINAL_NOUNS | TIE_NOUNS:
            return metric, k + len(words) - len(rest) + 1
        if words[0] in TIE_COUNT_NOUNS or words[0] in ("twinning", "partnership"):
            return metric, k + 1  # "its fifth twinning"
        return None, k
    if words[0] in ("city", "town") and len(words) > 1 and words[1] in ("that", "which"):
        later = {t.lower_ for t in tokens[k + 2 :]}
        kinds = [TIE_KIND_WORDS[w] for w in later if w in TIE_KIND_WORDS]
        return (kinds[0], k + 1) if kinds else (None, k)
    return None, k


def _ordinal_owner(s: Sentence, i: int, end: int) -> Known | None:
    """Whose Nth tie: a possessive right before ("Charlotte's seventh", "its fifth"), a
    place after ("of Davao", "city that Dublin has"), else the subject of a clause whose
    verb is no copula ("Davao City inks 3rd sister city MoU")."""
    doc = s.tokens
    before = doc[i - 1].lower_ if i >= 1 else ""
    if before in ("'s", "'") and i >= 2:
        owner = next((m for m in s.mentions if m.end == i - 1), None)
        found = s.known(owner, place=True) if owner is not None else []
        return found[0] if found else None
    if before in ("its", "their"):
        subjects, sure = s.subject(i - 1, ("PLACE", "REF"))
        return subjects[0] if subjects and sure >= 0.9 else None
    if end < len(doc) and doc[end].lower_ in ("of", "for", "that", "which"):
        owner = next((m for m in s.mentions if m.start in (end + 1, end + 2)), None)
        if owner is not None and owner.label in ("PLACE", "NAME", "REF"):
            found = s.known(owner, place=True)
            return found[0] if found else None
        return None
    verbs = {t.lower_ for t in doc[max(0, i - 3) : i]}
    if verbs & COPULAS:
        return None  # "Senna City is the second sister city": whose is not said
    subjects, sure = s.subject(i, ("PLACE", "REF"))
    return subjects[0] if subjects and sure >= 1.0 else None
