"""Ties in prose, read at the level of the clause around a tie cue.

Shapes read (the cue is a tie phrase: "twinned with", "sister city", "partnership with",
"twinning agreement", "ties with"...):

- the partner after the cue: "Lyon has been twinned with Birmingham since 1951 and with
  Lyon since 1966" (several partners, each with its year);
- two places joined before the cue: "Rotterdam and Burgas became partner cities in 2004",
  "Bergen and Turku, twin towns since 1951, ...", "Siegen and Leeds signed a friendship
  agreement", "the two cities are not twinned";
- a possessive: "Hanover, which became Bristol's partner city";
- "with which": "Bordeaux, the French city with which Bristol has been twinned";
- the partner as the subject: "Qingdao followed as a friendship city in 2014" (the other
  side is the text's main city);
- "between A and B there is no formal tie".

Each tie gets a kind (sister, partner, friendship, unspecified), a status (active,
suspended, ended, proposed: words in the clause, "suspended", "lapsed in 2015"), an end
year for suspended and ended ties, and a start year (the first year after the partner
that is not the end year, else the opening phrase's). A negation before the cue ("is not
twinned with", "no formal tie") or a denial ("declined a partnership request from") makes
a ``non_tie``: a denied tie, never a tie.
"""

from __future__ import annotations

import itertools
from typing import Any

from citydip.ingest.text import prose
from citydip.ingest.text import tie_shapes as shapes
from citydip.ingest.text.mentions import Mention
from citydip.ingest.text.normalise import number_at, year_at, years_in
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import CLAUSE_BREAKS, FORMING, SIGNED, Draft, Sentence
from citydip.ingest.text.tokens import glued
from citydip.ingest.text.vocab import (
    DEMONYMS,
    DENIALS,
    EXCEPTIONS,
    NEGATIONS,
    STATUS_WORDS,
    TIE_KIND_WORDS,
)

TIE_DOCUMENTS = {"agreement", "agreements", "accord", "pact", "charter", "link", "request"}
TIE_DOCUMENTS |= {"arrangement", "arrangements", "protocol", "protocols", "pacts", "charters"}
PROGRAMME_WORDS = {"program", "programme", "project", "supporters", "initiative"}
STOPS = CLAUSE_BREAKS | {".", "when", "after", "before"}
_STOPS_BUT_COMMA = STOPS - {","}


def ties(s: Sentence) -> list[Draft]:
    if not any(name == "tie" for name, _, _ in s.cues):
        named = prose.continued(s, _place)  # "Among them are Gdańsk, Riga and Tallinn."
        year = prose.group_year(s, [n[0] for n in named], len(named)) if named else None
        if named and year is None and len(named) == 1:
            year = s.year_after(0)  # "The most recent is Katowice, which signed in 2012"
        drafts = [
            Draft("tie", one, two, year=own or year, kind=kind, status="active", confidence=0.6)
            for one, two, kind, own in named
        ]
        drafts += [  # "Between Delhi and London on 25/07/2002." in a record of ties
            Draft("tie", one, two, year=year, status="active", confidence=0.6, rule="tie:between")
            for one, two, year in shapes.between_line(s, _place)
        ]
        for one, two, kind, when in prose.repeated(s, _place):  # "So is Dresden."
            if when is None:
                when = shapes.relative_year(s) or s.opening_year()  # "Two years later, ..."
            drafts.append(Draft("tie", one, two, year=when, kind=kind, status="active"))
        return drafts
    if str(s.doc.text).rstrip().endswith(":"):
        return []  # an intro line: its list is read item by item
    toks = s.tokens
    out: list[Draft] = []
    for a, b, word in _cues(s):
        gated = b - a == 1 and toks[a].lower_ in prose.GATED  # the cue is such a noun alone
        if gated and not prose.gated_tie(s, a):
            continue  # "a rail connection with Lyon" in a text that speaks of no ties
        one_of = _one_of_pair(s, a, b)
        if one_of is not None:  # "Kiel is one of the 12 sister cities of Gdynia"
            subject, partner = one_of
            out.append(Draft("tie", subject, partner, kind=TIE_KIND_WORDS.get(word, "unspecified"),
                             status="active", confidence=0.75, rule=f"tie:{word}"))  # fmt: skip
            continue
        if _counted(s, a):
            # a count: "53 sister cities", unless it names some: ", including X and Y",
            # "two sister city relationships (Limeira, Brazil and Christchurch, ...)"
            nxt = [t.lower_ for t in toks[b : b + 2]]
            if nxt[:2] in ([",", "which"], [",", "that"]):  # ", which includes A, B and C"
                nxt = [t.lower_ for t in toks[b + 2 : b + 3]]
            if not set(nxt) & LIST_OPENERS and not shapes.between_pairs(s, b, _place):
                # unless "two agreements were signed between A and B, and C and D"; a next
                # sentence may name them: "Astana has 40 twin towns. Among them are Oulu, ..."
                subjects, sure = prose.tie_subject(s, a, ("PLACE", "REF"))
                if len(subjects) == 1 and sure >= 0.8 and subjects[0].label == "PLACE":
                    kind_of = TIE_KIND_WORDS.get(word, "unspecified")
                    s.context.tie_plural = (subjects[0], kind_of, s.context.units)
                    out += [  # "four Sister Cities ...; the cities of A, Japan; B, ..."
                        Draft(
                            "tie", subjects[0], k, kind=kind_of, status="active", rule="tie:count"
                        )
                        for k in _counted_after_semicolon(s, a, b)
                        if k != subjects[0]
                    ]
                continue
        if _holders(s, a):
            continue  # "Other towns in Kenya with sister cities in the US include Kisumu": towns
        if word == "partner" and _programme_partner(s, a, b):
            continue  # "partner organisations like ...", "the programme's partner cities"
        kind = TIE_KIND_WORDS.get(word, "unspecified")
        supposed = _supposed(s, a)
        negated = _negated(s, a) or shapes.reported_denial(s, a) or supposed == "contrary"
        negated = negated or _not_to_be(s, b) or _invalidated(s, b)
        start = b + 1 if b < len(toks) and toks[b].lower_ in TIE_DOCUMENTS else b
        if (
            start + 1 < len(toks)
            and toks[start].text in DASHES
            and toks[start + 1].lower_ == "with"
        ):
            start += 1  # "four formal international relationships - with Yaizu in Japan, ..."
        if [t.lower_ for t in toks[start : start + 3]] in _WHICH_INCLUDE:
            start += 2  # "8 sister cities, which include A, B and C": the list after "which"
        start = _relative_with(s, start)  # "partnerships that are being developed are with A"
        lone = toks[a].lower_
        bare = b - a == 1 and (lone in prose.JOINT or lone in APPOSED)  # "a partnership"
        bare = bare and not _the_twin_of(toks, a)  # "is the twin of Uman": its partner follows
        anniversary = s.prev(a) == "of" and a > 1 and toks[a - 2].lower_ in YEARS_OF
        if bare and lone not in APPOSED and s.prev(a) not in prose.JOINT_LEADS and not anniversary:
            continue  # "possibilities of partnership": no tie named ("25 years of twinning" is)
        generic = word in GENERIC or gated or bare
        if bare and lone in APPOSED:
            owned = _owned(s, a, b)
            if owned:  # "Houston's partner Shenzhen", "Los Angeles' twin Guangzhou"
                for owner, partner, end in owned:
                    status, end_year, status_at = _status(s, a, end)
                    year = _start_year(s, end, b, status_at)
                    out.append(
                        Draft(
                            "tie",
                            owner,
                            partner,
                            year=year,
                            kind=kind,
                            status=status,
                            end_year=end_year if status in ("ended", "suspended") else None,
                            confidence=0.6,
                            rule=f"tie:{word}",
                        )
                    )
                continue
        if (
            bare
            and lone in APPOSED
            and not (
                _possessed(s, a) or prose.its_twin(s, a) or (lone == "twin" and s.prev(a) == "to")
            )
        ):
            continue  # a bare "twin" or "partner" only as "Exeter's twin, Rennes,"
        # "the agreement between the City of Sydney and Guangzhou" (in a text about ties)
        pairs = [] if word in GENERIC else shapes.between_pairs(s, b, _place)
        if not pairs and word in GENERIC and _dated_generic(s, a, b):
            pairs = shapes.between_pairs(s, b, _place)  # "Ties between Shanghai and San
            # Francisco date back to 1980", in a text about ties
        if not pairs and _between_one_and_some(s, b):
            continue  # "cooperation between Banda Aceh and a number of cities in that country"
        if not pairs and not negated:
            pairs = _dashed_pairs(s, b)  # "links such as Los Angeles-Guangzhou and Tulsa-Jinhua"
        if not pairs and not negated:
            pairs = shapes.paired_list(s, b, _place)  # "include A and B; C and D; E and F"
        if not pairs:
            pairs = _of_the_two(s, b)  # "the sisterhood of the two cities"
        named_as = False
        if not pairs and not negated:
            pairs = _named_as_to(s, a, b)  # "recognizing A and B as Sister Cities to C"
            named_as = bool(pairs)
        if not pairs and not negated:
            pairs = _namesake(s, a, b)  # "Pembroke is twinned with its namesake in Malta"
        if not pairs and not negated:
            pairs = _apposed_pair(s, a, b)  # "sister cities Osaka and San Francisco broke"
        if not pairs and not generic and not _named_before(s, a):
            pairs = shapes.pair_after(s, b, _place)
        if not pairs:
            pairs = _pairs(s, a, start, generic=generic)
        if not pairs and not negated:
            pairs = _stranded(s, a, start)  # "Ramallah is the fifth city that Dublin ... with."
        if not pairs and not negated:
            pairs = shapes.far_between(s, b, _place)  # "was signed to ... between A and B"
        # "Malmö has twin towns ...", "maintains partnerships with 17 cities"
        plural = any(t.lower_.endswith("s") and t.lower_ != "with" for t in toks[a:b])
        if not pairs and not negated and (plural or prose.number_next(s, start)):
            subjects, sure = prose.tie_subject(s, a, ("PLACE", "REF"))
            if len(subjects) == 1 and sure >= 0.8:
                group = prose.counted_group(s, start, subjects[0])
                s.context.tie_group = group or s.context.tie_group
                if group or plural:
                    s.context.tie_plural = (subjects[0], kind, s.context.units)
        grouped = prose.group_year(s, [p[0] for p in pairs], len(pairs)) if pairs else None
        respective = _respective_years(s, [p[2] for p in pairs])
        for n, (subject, partner, mention_end, sure) in enumerate(pairs):
            if subject == partner:
                continue
            status, end_year, status_at = _status(s, a, mention_end)
            if supposed == "open" and status == "active":
                status = "proposed"  # "if the council agrees, Exeter will twin with Rennes"
            year = respective[n] if respective else _start_year(s, mention_end, b, status_at)
            if year is None and named_as:
                year = _act_year(s, a)  # "formed two such partnerships in early 1963 by
                # adopting resolutions recognizing A and B as Sister Cities to C"
            if year is None:
                year = shapes.relative_year(s)  # "five years later, Kassel and Graz signed"
            if year is None:
                year = prose.clause_year(s, a)  # "...; since 1967, they have been twinned"
            if year is None:
                year = grouped  # "twinned with four towns since 1997 ... the twin towns of"
            if year == end_year and status_at is not None and status_at < a:
                year = None  # "suspended its twinning with Tver in 2022": the end, no start
            if (
                status_at is not None
                and status_at < a
                and end_year is None
                and toks[status_at].lower_ in NOMINAL_STATUS
            ):  # "The termination of the agreement with Kunming was approved in 2020": the
                end_year, year = year, None  # year the tie ended
            if _fictional(s, mention_end):  # "and with the fictional town of Midsomer"
                out.append(
                    Draft(
                        "non_tie", subject, partner, confidence=0.8 * sure, rule="non_tie:fiction"
                    )
                )
                continue
            # "has no official sister cities except Beijing": Beijing is one
            if negated and not _excepted(s, b, mention_end):
                instead = prose.but_with(s, mention_end, _place)
                if instead is not None and instead != subject:  # "..., but with Narbonne"
                    out.append(Draft("tie", subject, instead, kind=kind, status="active"))
                out.append(
                    Draft(
                        "non_tie", subject, partner, confidence=0.85 * sure, rule=f"non_tie:{word}"
                    )
                )
                continue
            out.append(
                Draft(
                    "tie",
                    subject,
                    partner,
                    year=year,
                    end_year=end_year if status in ("ended", "suspended") else None,
                    kind=kind,
                    status=status,
                    confidence=sure * (0.6 if kind == "unspecified" else 0.85),
                    rule=f"tie:{word}",
                )
            )
        if pairs and not negated:
            s.context.last_tie = (pairs[-1][0], pairs[-1][1], kind, s.context.units)
        if len(pairs) == 1 and not negated:
            out += _elided(s, pairs[0], kind)
            out += [  # "..., and Kyiv and Vilnius in 1991"; "; so are Edinburgh and Munich"
                Draft(
                    "tie",
                    one,
                    two,
                    year=year,
                    kind=kind,
                    status="active",
                    confidence=0.7,
                    rule="tie:elided-pair",
                )
                for one, two, year in prose.elided_pairs(s, max(b, pairs[0][2]), _place)
            ]
    return out


def _semicolon_list(s: Sentence, start: int) -> bool:
    """Three or more short parts after ``start`` separated by semicolons, each a name and
    where it lies ("Matola, in Mozambique; Accra, in Ghana; Val de Marne, in France")."""
    doc = s.tokens
    parts: list[list[int]] = [[]]
    for i in range(start, len(doc)):
        if doc[i].text in (".", ":"):
            break
        if doc[i].text == ";":
            parts.append([])
        else:
            parts[-1].append(i)
    countries = {m.start for m in s.mentions if m.label == "COUNTRY"}
    placed = [any(doc[i].text == "," and i + 1 in countries for i in part) for part in parts]
    if len(parts) < 3 and not (len(parts) == 2 and all(placed)):
        return False  # (two parts when each names its country: "Dierdorf, Germany; Ataco,
        # El Salvador and Zamosc, Poland")
    while parts[0] and doc[parts[0][0]].lower_ in ("are", "were", "include", "includes", "with"):
        parts[0] = parts[0][1:]  # "twin cities are Morioka, Japan; Suzhou, China; and ..."
    named = {i for m in s.mentions if m.label in ("PLACE", "NAME") for i in range(m.start, m.end)}
    return all(
        0 < len(part) <= 10
        and any(i in named for i in part)
        and not any(doc[i].lower_ in ("with", "is", "are", "was", "were") for i in part)
        for part in parts
    )


FOLLOWING = {"the", "following", "cities", "towns", "municipalities", "city", "town", ":"}


def _following(s: Sentence, start: int, at: int) -> bool:
    """ "twinned with the following cities Amman, ...": the list's first name at ``at``."""
    words = [t.lower_ for t in s.tokens[start:at]]
    return "following" in words and all(w in FOLLOWING for w in words)


def _after_country(s: Sentence, at: int) -> bool:
    """A name right after "Place, Country" (a list whose separators were lost in copying:
    "Amman, Jordan Amsterdam, Netherlands Ankara, Turkey")."""
    country = next((c for c in s.mentions if c.label == "COUNTRY" and c.end == at), None)
    return country is not None and s.prev(country.start) == ","


def _past_owner_country(s: Sentence, at: int) -> int:
    """Where a partner's mention starts counting its country's possessive before it ("Japan's
    Osaka, China's Tianjin"): the country's start, else ``at``."""
    if at < 2 or s.tokens[at - 1].lower_ not in ("'s", "'"):
        return at
    owner = next((m for m in s.mentions if m.end == at - 1 and m.label == "COUNTRY"), None)
    if owner is None:
        return at
    return (
        owner.start - 1
        if owner.start > 0 and s.tokens[owner.start - 1].lower_ == "the"
        else owner.start
    )


# what may describe a partner right before its name: "the German town Recklinghausen",
# "war-torn Nablus", "the historic city of"
DESCRIBED_NOUNS = {"town", "city", "village", "municipality", "commune", "port", "capital"}
DESCRIBED_BY = DESCRIBED_NOUNS | {"the", "a", "an", "-", "small", "historic", "coastal"}
DESCRIBED_BY |= {"ancient", "torn"}
DESCRIBED_BY |= {"war", "twin", "sister", "partner", "neighbouring", "neighboring", "nearby"}


def _past_description(s: Sentence, at: int, m: Mention | None = None) -> int:
    """Where a partner's mention starts counting the description before its name (up to
    four words: a demonym, an adjective, a place noun): its first word, when a word that
    may lead a partner comes before it; else ``at``. A demonym alone describes a city the
    gazetteer knows ("British Portsmouth", "French Calais")."""
    i = at
    while i > 0 and at - i < 4:
        word = s.tokens[i - 1]
        if word.lower_ not in DESCRIBED_BY and word.lower_ not in DEMONYMS:
            break
        i -= 1
    words = {t.lower_ for t in s.tokens[i:at]}
    if i == at:
        return at
    if s.prev(i) not in ("with", "and", ",", "of", "to", ":") and not _owner_before(s, i):
        return at
    named = m.known if m is not None and m.label == "PLACE" and m.start == at else None
    if named is not None and not named.regional:
        return i  # "with British Portsmouth in 1950": a city described by its demonym
    if not words & (DESCRIBED_NOUNS | {"-"}):
        return at  # "British Columbia": a name, not "British" describing "Columbia"
    return i


def _owner_before(s: Sentence, i: int) -> bool:
    """A country's possessive before token ``i``: "Togo's capital Lomé"."""
    return (
        i >= 2
        and s.tokens[i - 1].lower_ in ("'s", "'")
        and any(m.end == i - 1 and m.label == "COUNTRY" for m in s.mentions)
    )


def _counted_after_semicolon(s: Sentence, a: int, b: int) -> list[Known]:
    """ "Cupertino has four active Sister Cities registered with Sister Cities
    International; the cities of Toyokawa, Japan; Hsinchu, Taiwan; Copertino, Italy; and
    Bhubaneswar, India.": after the counted cue's clause a semicolon opens a list of as many
    places as counted (fewer or more: not the count's places)."""
    tokens = s.tokens
    counted = number_at(tokens, _count_at(s, a))
    # (or a dash or a colon: "nine Sister Cities across the globe - Belfast, Northern
    # Ireland; Caen, France; ...")
    semicolon = next(
        (j for j in range(b, min(len(tokens), b + 12)) if _list_opener(tokens, j)),
        -1,
    )
    if counted is None or semicolon < 0 or counted[0] < 2 or counted[0] != int(counted[0]):
        return []
    named = s.objects_after(semicolon + 1, ("PLACE", "NAME"), semicolons=True)
    places = [p for p in (_place(s, m, strong=True) for m in named) if p is not None]
    return places if len(places) == counted[0] else []


def _listed_name(s: Sentence, m: Mention) -> bool:
    """An unknown name that is an item of a list of places: after a comma or "and", one to
    three capitalised words, the list or the sentence going on after it."""
    words = m.text.split()
    if m.label != "NAME" or not 1 <= len(words) <= 3 or s.prev(m.start) not in (",", "and"):
        return False
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    nxt = s.tokens[m.end].text if m.end < len(s.tokens) else "."
    return nxt in (",", ".", ";", "and", "(")


def _list_opener(tokens: list[Any], j: int) -> bool:
    """A semicolon, a colon or a dash set off by spaces (not "sister-city")."""
    if tokens[j].text in (";", ":"):
        return True
    return tokens[j].text == "-" and j > 0 and not glued(tokens[j - 1], tokens[j])


def _counted_apposition(s: Sentence, start: int, at: int) -> bool:
    """ "with three global cities, Nottingham (UK), ...": a count of the partners, then a
    comma or colon, then the first of them at ``at``."""
    words = s.tokens[start:at]
    lowers = [t.lower_ for t in words]
    if lowers[-2:] == ["such", "as"]:  # "with several cities, such as A, B"
        words = words[:-2]
    elif lowers[-1:] and lowers[-1] in APPOSITION_OPENERS:  # ", including A", ", namely A"
        words = words[:-1]
    elif not lowers or lowers[-1] not in (",", ":"):
        return False
    if words and words[-1].text in (",", ":"):
        words = words[:-1]
    if not 2 <= len(words) <= 8:
        return False
    first = 1 if words[0].lower_ == "with" else 0
    counted = number_at(s.tokens, start + first) is not None or words[first].lower_ in QUANTIFIERS
    return counted and not any(t.text in (",", ";", ".") for t in words[first:])


APPOSITION_OPENERS = {"including", "namely", "notably", "like", "especially"}
QUANTIFIERS = {"several", "many", "various", "numerous", "some", "multiple"}


def _relative_with(s: Sentence, start: int) -> int:
    """After "that ... are with" / "which ... is with" / "Nottingham has ... are with" (a
    relative clause, then the verb and "with"), the partners' list starts after "with";
    else ``start``."""
    if start >= len(s.tokens):
        return start
    reduced = any(  # "arrangements Nottingham currently has in place are with": no "that"
        m.start == start and m.label in ("PLACE", "NAME") for m in s.mentions
    )
    if s.tokens[start].lower_ not in ("that", "which") and not reduced:
        return start
    for i in range(start + 1, min(len(s.tokens) - 1, start + 10)):
        word = s.tokens[i].lower_
        if word in CLAUSE_BREAKS - {"that", "which"} or word in (".", ","):
            return start
        if (
            word in ("are", "is", "was", "were")
            and s.tokens[i + 1].lower_ == "with"
            and i > start + 1
        ):
            return i + 2
    return start


def _possessed(s: Sentence, a: int) -> bool:
    return any(m.possessive and m.end + 1 == a for m in s.mentions)


OWNED_LIST = {"include", "includes", "included", "are", "were", ":", "is", "was", "remains"}


def _owned(s: Sentence, a: int, b: int) -> list[tuple[Known, Known, int]]:
    """ "Houston's partner Shenzhen" (a place right after the noun), "Lyon's twin: Turin"
    (a list after a verb or a colon), "Wallingford's French twin is Luxeuil-les-Bains; its
    German twin is Bad Wurzach": the possessor's ties."""
    owner = next(
        (
            m
            for m in s.mentions
            if (m.possessive or m.text.lower() in ("its", "their"))
            and m.label in ("PLACE", "NAME", "REF")
            and m.end + (0 if m.label == "REF" else 1) <= a <= m.end + 2
            and all(
                t.text.islower() or t.lower_ in DEMONYMS
                for t in s.tokens[m.end + (0 if m.label == "REF" else 1) : a]
            )
        ),
        None,
    )
    if owner is not None and owner.label == "REF":  # "its German twin is": whose it is
        known, sure = prose.tie_subject(s, a, ("PLACE", "REF"))
        subject = known[0] if len(known) == 1 and sure >= 0.8 else None
    else:
        subject = _place(s, owner) if owner is not None else None
    if owner is None or subject is None or b >= len(s.tokens):
        return []
    if s.tokens[b].lower_ in OWNED_LIST:
        found = s.objects_after(b + 1, ("PLACE", "NAME"), semicolons=s.tokens[b].text == ":")
    else:
        found = [m for m in s.mentions if m.start == b and m.label in ("PLACE", "NAME")]
    out: list[tuple[Known, Known, int]] = []
    for m in found:
        if prose.locator(s, None, m) or (out and prose.locator(s, found[0], m)):
            continue
        partner = _place(s, m, strong=True)
        if partner is not None and partner != subject:
            s.objects.add(id(m))
            out.append((subject, partner, m.end))
    return out


def _programme_partner(s: Sentence, a: int, b: int) -> bool:
    """A partner of a programme or project, not a city's partner city."""
    if not s.words.isdisjoint(PROGRAMME_WORDS):
        return True
    after = [t.lower_ for t in s.tokens[b : b + 2]]
    return s.tokens[b - 1].lower_ not in ("city", "cities", "town", "towns") and bool(
        set(after) & {"like", "such"}
    )


def _elided(s: Sentence, pair: tuple[Known, Known, int, float], kind: str) -> list[Draft]:
    """ "A became a sister city in 1992, and B in 1993": B is a tie of A's other side."""
    constant, partner, end, sure = pair
    if any(t.lower_ == "first" for t in s.tokens[:4]):
        constant = partner  # "The first, A, was linked with B; the second, C, followed"
    return [
        Draft(
            "tie",
            constant,
            other,
            year=year,
            kind=kind,
            status="active",
            confidence=0.7 * sure,
            rule="tie:elided",
        )
        for other, year, _ in shapes.elided(s, end, constant, _place)
    ]


def _named_before(s: Sentence, a: int) -> bool:
    return any(m.end <= a and m.label in ("PLACE", "NAME", "REF") for m in s.mentions)


def _respective_years(s: Sentence, ends: list[int]) -> list[int]:
    """ "twinnings with Kobe and Mombasa date from 1957 and 1981": as many years after the
    last partner as there are partners, none between them, are theirs in order."""
    if len(ends) < 2 or years_in(s.doc, ends[0], ends[-1]):
        return []
    stop = next(
        (i for i in range(ends[-1], len(s.tokens)) if s.tokens[i].lower_ in YEAR_STOPS),
        len(s.tokens),
    )
    found = [y for _, y in years_in(s.doc, ends[-1], min(stop, ends[-1] + 12))]
    return found if len(found) == len(ends) else []


def _counted(s: Sentence, a: int) -> bool:
    """A number before the cue, over "sister and" ("three dozen sister and partner cities")."""
    i = _count_at(s, a)
    return i >= 0 and number_at(s.tokens, i) is not None


def one_of(tokens: list[Any], i: int) -> bool:
    """ "one of (the) N" before the number at ``i``: a member of a counted set."""
    k = i - 1
    if k >= 0 and tokens[k].lower_ == "the":
        k -= 1
    return k >= 1 and tokens[k].lower_ == "of" and tokens[k - 1].lower_ == "one"


def owner_after(s: Sentence, end: int) -> Known | None:
    """The place a counted set belongs to, right after its noun: "of Gdynia", "twinned with
    Gomel", "around the world twinned with Gomel"."""
    for m in s.mentions:
        if m.start < end or m.start > end + 6 or m.label not in ("PLACE", "NAME"):
            continue
        if s.prev(m.start) in ("of", "with"):
            place = _place(s, m)
            return place
        return None
    return None


def _one_of_pair(s: Sentence, a: int, b: int) -> tuple[Known, Known] | None:
    """ "Kiel is one of the 12 sister cities of Gdynia": the subject and the place whose
    counted partners it is one of."""
    i = _count_at(s, a)
    if i < 0 or number_at(s.tokens, i) is None or not one_of(s.tokens, i):
        return None
    partner = owner_after(s, b)
    if partner is None:
        return None
    subjects, sure = s.subject(i, ("PLACE", "REF"))
    subjects = [k for k in subjects if k.label == "PLACE" and k != partner]
    if not subjects:  # "One of the 12 sister cities of Gdynia is Kiel": named after "is"
        owner = next(
            (m for m in s.mentions if m.start > b and s.prev(m.start) in ("of", "with")), None
        )
        end = owner.end if owner is not None else len(s.tokens)
        after = next(
            (m for m in s.mentions if m.start == end + 1 and m.label in ("PLACE", "NAME")),
            None,
        )
        if after is not None and s.tokens[end].lower_ in ("is", "was"):
            named = _place(s, after)
            subjects, sure = ([named], 1.0) if named is not None else ([], 0.0)
    return (subjects[0], partner) if len(subjects) == 1 and sure >= 0.9 else None


COUNT_ADJECTIVES = {"active", "official", "formal", "current", "existing", "international"}
COUNT_ADJECTIVES |= {"foreign", "overseas"}


def _count_at(s: Sentence, a: int) -> int:
    """Where a count before the cue at ``a`` would be: over "sister and" and an adjective
    ("four active Sister Cities")."""
    tokens = s.tokens
    i = a - 1
    while i >= 1 and (tokens[i].lower_ == "and" or tokens[i].lower_ in TIE_KIND_WORDS):
        i -= 1
    if i >= 1 and tokens[i].lower_ in COUNT_ADJECTIVES:
        i -= 1
    return i


def _cues(s: Sentence) -> list[tuple[int, int, str]]:
    """Tie cues, the longest where they overlap, with the word that names their kind."""
    spans = sorted(((a, b) for name, a, b in s.cues if name == "tie"), key=lambda x: (x[0], -x[1]))
    named = {
        i
        for m in s.mentions
        if m.label in ("ORG", "EVENT", "PROGRAMME", "AWARD", "DOC")
        for i in range(m.start, m.end)
    }
    out: list[tuple[int, int, str]] = []
    doc = s.tokens
    for a, b in spans:
        if (out and a < out[-1][1]) or a in named:
            continue  # "Sister Cities International" names an organization
        if _organization_name(s, a, b):
            continue  # "The Sister Cities of Los Angeles was founded": an organization
        words = [t.lower_ for t in doc[a:b]]
        if a > 0 and doc[a - 1].lower_ in TIE_KIND_WORDS:
            words.insert(0, doc[a - 1].lower_)  # "friendship ties with"
        if out and a == out[-1][1] and set(words) <= prose.GATED | GENERIC:
            out[-1] = (out[-1][0], b, out[-1][2])  # "Sister City" + "relationships with"
            continue
        word = next((w for w in words if w in TIE_KIND_WORDS), words[0])
        out.append((a, b, word))
    return out


GENERIC = {"ties", "tie", "link", "links", "linked"}
# words after a counted cue that open the list of its partners: "53 sister cities, including
# X and Y", "five sister cities – A; B; C", "(Limeira, Brazil and Christchurch)"
LIST_OPENERS = {"including", "among", "(", ":", "-", "–", "—", "such", "like", "namely"}
LIST_OPENERS |= {"include", "includes", "included", "are", "were"}
_WHICH_INCLUDE = [[",", w, v] for w in ("which", "that") for v in ("include", "includes", "are")]
# nouns read alone only before their partner set off by commas: "Exeter's twin, Rennes,",
# "Its partner, Bucheon, ...", "The new partner, Riga, ..." (prose.its_twin)
APPOSED = {"twin", "partner"}


def _organization_name(s: Sentence, a: int, b: int) -> bool:
    capital = s.tokens[a].text[:1].isupper() and s.tokens[b - 1].text[:1].isupper()
    return capital and s.prev(a) == "the" and b < len(s.tokens) and s.tokens[b].lower_ == "of"


_CLAUSE_ENDS = {".", ";", ":", "?", "!"}
HOLDER_NOUNS = {"towns", "cities", "municipalities", "communities", "councils", "places"}
HOLDER_NOUNS |= {"counties", "districts", "villages", "regions", "provinces", "states"}


def _holders(s: Sentence, a: int) -> bool:
    """A cue that only says what some places have: "towns in Kenya with sister cities in
    the US include Kisumu, Mombasa": the places listed are the towns, not partners."""
    toks = s.tokens
    with_at = next((i for i in range(a - 1, max(-1, a - 4), -1) if toks[i].lower_ == "with"), None)
    if with_at is None:
        return False
    return any(toks[i].lower_ in HOLDER_NOUNS for i in range(max(0, with_at - 5), with_at))


# "Lyon and Leeds are celebrating 25 years of twinning": the tie the years are of
YEARS_OF = {"years", "year", "decades", "anniversary", "jubilee", "centenary"}
# what may come right before "sister cities A and B" naming the pair (not "its sister
# cities A and B", "Lyon's ...", "visited sister cities A and B")
APPOSED_PAIR_LEADS = {"", ",", "the", "two", "both", "as", "former", ";", "(", ":", "longtime"}


def _apposed_pair(s: Sentence, a: int, b: int) -> list[tuple[Known, Known, int, float]]:
    """ "Recently, sister cities Osaka and San Francisco publicly broke their ...": a plural
    tie noun, then two places joined by "and", and no third: the pair the noun names."""
    doc = s.tokens
    if not doc[b - 1].lower_.endswith("s") or (doc[a - 1].lower_ if a else "") not in (
        APPOSED_PAIR_LEADS
    ):
        return []
    named = [m for m in s.mentions if m.start >= b and m.label in ("PLACE", "NAME")]
    if len(named) < 2 or named[0].start != b:
        return []
    first, second = named[0], named[1]
    if [t.lower_ for t in doc[first.end : second.start]] not in (["and"], ["&"]):
        return []
    if second.end < len(doc) and doc[second.end].lower_ in (",", "and", "&", "(", "/"):
        return []  # "sister cities Osaka and Lyon, and ...": a list, or where they lie
    one, two = _place(s, first), _place(s, second)
    if one is None or two is None or one == two:
        return []
    return [(one, two, second.end, 0.85)]


def _of_the_two(s: Sentence, b: int) -> list[Pair]:
    """ "the twinning of the two cities", "the sisterhood of both towns": the pair the text
    has just named."""
    if b == 0 or s.tokens[b - 1].lower_ not in ("of", "between"):
        return []
    ref = next((m for m in s.mentions if m.start == b and m.label == "REF"), None)
    if ref is None or ref.ref != "pair":
        return []
    both = s.known(ref)
    if len(both) != 2 or both[0] == both[1]:
        return []
    return [(both[0], both[1], ref.end, 0.8)]


# the modals of a tie that will not come about ("could no longer be", "cannot be"); the
# other MODALS (below) are those of a status asked for
NOT_TO_BE = {"could", "can", "will", "would", "may", "might", "cannot", "ca", "wo", "shall"}
NOT_MADE = {"established", "formed", "signed", "made", "formalised", "formalized", "possible"}
NOT_MADE |= {"created", "concluded", "realised", "realized", "approved"}


def _not_to_be(s: Sentence, b: int) -> bool:
    """ "the sisterhood of the two cities could no longer be established", "the twinning
    cannot be formalised": a tie the text says will not come about."""
    if s.words.isdisjoint(NOT_TO_BE):
        return False  # (the unit has no modal: none of its words below is one)
    words = [t.lower_ for t in s.tokens[b : b + 12]]
    for k, word in enumerate(words):
        if word in CLAUSE_BREAKS or word in (".", ";"):
            return False
        if word not in NOT_TO_BE:
            continue
        rest = words[k + 1 : k + 6]
        negative = rest[:1] in (["not"], ["n't"], ["never"]) or rest[:2] == ["no", "longer"]
        if word == "cannot":
            negative, rest = True, ["not", *rest]
        if negative and "be" in rest and set(rest) & NOT_MADE:
            return True
    return False


def _stranded(s: Sentence, a: int, start: int) -> list[Pair]:
    """ "Ramallah is the fifth city that Dublin has a twinning agreement with.": a relative
    clause ending in "with" after its cue; the place the sentence opens with is the partner
    of the place named in the clause."""
    doc = s.tokens
    if start >= len(doc) or doc[start].lower_ != "with":
        return []
    if start + 1 < len(doc) and doc[start + 1].text not in (".", ";", "!", ",", ")"):
        return []
    rel = next((k for k in range(a - 1, 0, -1) if doc[k].lower_ in ("that", "which")), None)
    if rel is None:
        return []
    head = next((m for m in s.mentions if m.start == 0 and m.label in ("PLACE", "NAME")), None)
    inner = [m for m in s.mentions if rel < m.start < a and m.label in ("PLACE", "NAME")]
    if head is None or len(inner) != 1 or head.end >= rel:
        return []
    partner = _place(s, head, strong=True)
    subject = _place(s, inner[0], strong=True)
    if partner is None or subject is None or partner == subject:
        return []
    return [(subject, partner, start + 1, 0.8)]


def _supposed(s: Sentence, a: int) -> str | None:
    """A tie only supposed in a conditional clause opened before its cue: "contrary" to
    fact ("if Shanghai and Nairobi were sister cities, ..."), whose pair the text implies is
    not twinned; "open" ("if the council agrees, Exeter will twin with Rennes"), proposed.
    None when the cue is asserted ("even if", "as if" and "whether" aside)."""
    if "if" not in s.words:
        return None
    doc = s.tokens
    for i in range(a - 1, max(-1, a - 13), -1):
        word = doc[i].lower_
        if word in _CLAUSE_ENDS:
            return None
        if word == "if" and s.prev(i) not in ("even", "as", "only"):
            between = {t.lower_ for t in doc[i + 1 : a]}
            if between & {"were", "had"}:
                return "contrary"
            return "open" if between & {"will", "would", "could", "can", "may", "might"} else None
    return None


VOTES = {"voted", "vote", "votes", "voting"}
REJECTING = DENIALS | {"rejecting", "declining", "refusing", "rejects", "declines", "refuses"}
THROWN = {"threw", "throw", "throws", "thrown", "voted", "vote", "votes", "turned"}
THROWN |= {"strike", "strikes", "struck", "striking", "shot", "shoot"}  # "strike down a motion"
PROPOSALS = {"move", "motion", "proposal", "request", "bid", "offer", "plan", "idea", "call"}
PROPOSALS |= {"plans", "proposals", "vote"}
# "Amsterdam cancels plan to twin with Tel Aviv", "scrapped the vote on a proposal to twin"
REJECTING |= {"cancels", "cancelled", "canceled", "cancel", "scraps", "scrapped", "scrap"}
REJECTING |= {"abandons", "abandoned", "shelves", "shelved", "withdraws", "withdrew"}


def _move_rejected(s: Sentence, a: int) -> bool:
    """A denial of a proposal earlier in the cue's clause, however far: "rejecting a move by
    Councilman Paul Little to also make the Tibetan capital, Lhasa, a sister city"."""
    if s.words.isdisjoint(REJECTING) and s.words.isdisjoint(THROWN) and s.words.isdisjoint(CALLED):
        return False  # (no word of the unit could reject)
    doc = s.tokens
    for i in range(a - 1, max(-1, a - 25), -1):
        if doc[i].lower_ in (";", ".", "but", "however", "while"):
            return False
        thrown = doc[i].lower_ in THROWN and i + 1 < a and doc[i + 1].lower_ in ("out", "down")
        thrown = thrown or (doc[i].lower_ in CALLED and i + 1 < a and doc[i + 1].lower_ == "off")
        if doc[i].lower_ in REJECTING or thrown:  # "threw out a move to twin the city with"
            after = {t.lower_ for t in doc[i + 1 : i + 4]}
            # not "rejected a motion ... to rescind its twin city status": an ending refused
            ending = _ends_between(s, i + 1, a) or any(
                doc[k].lower_ in ENDING_VERBS for k in range(i + 1, a)
            )
            return bool(after & PROPOSALS) and not ending
    return False


VOTERS = {"councillors", "councilors", "members", "councilmen", "people", "residents"}
CALLED = {"called", "calls", "call", "calling"}  # "called off a vote on twinning the city"
ENDING_VERBS = {"rescind", "rescinds", "rescinding", "revoke", "cancel", "annul", "drop"}
# every word _negated reads a negation by (a unit with none of them negates no cue)
_NEGATING = frozenset(VOTES | REJECTING | THROWN | CALLED | NEGATIONS | DENIALS)
INVALID = {"invalid", "void", "null", "annulled", "nullified", "illegitimate", "unlawful"}


def _invalidated(s: Sentence, b: int) -> bool:
    """ "A sister-city agreement between Kaohsiung and Male was declared invalid by the
    Maldivian Ministry": a tie declared void never stood."""
    if s.words.isdisjoint(INVALID):
        return False
    lowers = [t.lower_ for t in s.tokens[b:]]
    for k, word in enumerate(lowers):
        if word in (";", "but", "although", "though"):
            return False
        if word in INVALID and set(lowers[max(0, k - 3) : k]) & {"declared", "ruled", "deemed"}:
            return True
    return False


def _negated(s: Sentence, a: int) -> bool:
    if s.words.isdisjoint(_NEGATING):
        return False  # (none of the words below in the unit: a vote, a rejection, a negation)
    doc = s.tokens
    window = [t.lower_ for t in doc[max(0, a - 4) : a]]
    wider = {t.lower_ for t in doc[max(0, a - 7) : a]}  # "turned down a request to twin"
    base = max(0, a - 8)
    lowers = [t.lower_ for t in doc[base:a]]
    for k in range(len(lowers) - 1):
        if lowers[k] in VOTES and lowers[k + 1] == "against":
            # "voted against a proposal to become a sister city with Nablus"; not "voted
            # against terminating the agreements", nor "Twelve councillors voted against"
            # (some of the votes, not the decision)
            voters = {t.lower_ for t in doc[max(0, base + k - 3) : base + k]}
            if voters & VOTERS:
                return False
            return not _ends_between(s, base + k + 2, a)
    if _move_rejected(s, a):
        return True  # "..., rejecting a move by Councilman Little to make Lhasa a sister city"
    if not (set(window) & (NEGATIONS | DENIALS) or wider & DENIALS):
        return False
    last = max(i for i in range(max(0, a - 7), a) if doc[i].lower_ in NEGATIONS | DENIALS)
    if any(t.lower_ in ("but", "yet", "however", ";", "while") for t in doc[last + 1 : a]):
        return False  # "Russia has denied Ukrainian sovereignty but defends keeping a friendly
        # relationship with Khabarovsk": the denial is another clause's
    # "denied that Leicester had severed its link", "has not cut its ties": what is denied is
    # the ending, not the tie
    return not _ends_between(s, last + 1, a)


def _excepted(s: Sentence, after: int, end: int) -> bool:
    """An exception word between a negated cue and the partner that ends at ``end``: "no
    sister cities except Beijing", "no partners other than Tallinn"."""
    lowers = [t.lower_ for t in s.tokens[after:end]]
    pairs = {" ".join(lowers[k : k + 2]) for k in range(len(lowers) - 1)}
    return bool((set(lowers) | pairs) & EXCEPTIONS)


def _pairs(s: Sentence, a: int, start: int, generic: bool) -> list[tuple[Known, Known, int, float]]:
    """(subject, partner, token after the partner, sureness) for each tie of a cue."""
    toks = s.tokens
    out: list[tuple[Known, Known, int, float]] = []
    previous: Mention | None = None
    verb_object: list[Known] = []
    cue_subject: tuple[list[Known], float] | None = None
    if generic:  # "a link was formed with Yaroslavl", "ties were established with Kobe"
        j = start
        while j < len(toks) and toks[j].lower_ in FORMED:
            j += 1
        if j > start and j < len(toks) and toks[j].lower_ == "with":
            start = j
    linked = toks[a].lower_ in ("linked", "twinned")  # "twinned to the French town of Igny"
    with_word = "to" if linked and s.prev(start + 1) == "to" else "with"
    if toks[a].lower_ in APPOSED and start < len(toks) and toks[start].text == ",":
        with_word = ","  # "Exeter's twin, Rennes, sent a choir"
    joined = prose.of_with(s, start, _place)
    if joined:  # "the twinning of Coventry with Dresden"
        return joined
    titled = _of_colon(s, start)
    if titled:  # "Sister cities of Lagos: Atlanta (1974), Belo Horizonte (2003)"
        return titled
    colon = start < len(toks) and toks[start].text == ":"
    if generic:
        start, verb_object = prose.verb_object(s, start)  # "links the city with Bloomington"
    colon = colon or prose.colon_ahead(s, start)  # "with four other partners: A, in B; C"
    colon = colon or _semicolon_list(s, start)  # "with Matola, in Mozambique; Accra, in Ghana"
    for m in s.objects_after(start, ("PLACE", "NAME"), lead=10, gap=3, semicolons=colon):
        if id(m) in s.objects:
            continue
        lead = _past_owner_country(s, _past_description(s, _past_owner_country(s, m.start), m))
        if (
            previous is not None
            and _year_between(s, previous.end, m.start)
            and s.prev(lead) not in ("with", "of")
            and toks[previous.end].text != "("
        ):
            break  # "... of Shanghai since 1986, and Gothenburg and Bergen became ..."
        if previous is None and _year_between(s, start, m.start):
            gap = {t.lower_ for t in toks[start : m.start]}
            if gap & {",", "and", ";"}:
                break  # "became a sister city in 1992, and Shanghai ...": another clause
        if prose.locator(s, previous, m) or prose.fragment(s, m):
            continue  # "twinned with Leningradsky, a suburb of Moscow": where it lies
        if prose.region_after(s, previous, m):
            continue  # "sister city of Urayasu, Chiba.": the prefecture it lies in
        to_partner = m.start == start + 1 and toks[start].lower_ == "to"  # "sister city to X"
        if (
            previous is None
            and s.prev(m.start) != with_word
            and not to_partner
            and prose.located(s, start, m)
        ):
            break  # "twin towns across the Baltic": where they are, no partner
        if prose.contrasted(s, m):
            continue  # "sister cities, like those of Nagoya, include Naples"
        if previous is not None and prose.alias(s, previous, m):
            continue  # "Volgograd (Stalingrad)": the same place's other name
        previous = m
        partner = _place(s, m, strong=not generic or _ending(s, a))
        if partner is None and out and not generic and _listed_name(s, m):
            # "a Sister City to Solonytsivka, Chuguiv and Merepha": names the gazetteer
            # lacks, listed after a partner it knows
            partner = Known(_bare(m.text), "PLACE", None, out[-1][1].country, "city")
        if partner is None:
            continue
        if cue_subject is None:  # who the cue is about, found once for all its partners
            cue_subject = prose.tie_subject(s, a, ("PLACE", "REF"))
        subjects, sure = cue_subject
        if generic and verb_object:
            subjects, sure = verb_object, 1.0
        if sure < 1.0:
            fronted = prose.fronted_subject(s, a, m.end)  # "Twinned with Amiens, Darlington"
            subjects, sure = ([fronted], 1.0) if fronted is not None else (subjects, sure)
        if sure < 1.0 and partner in subjects:
            return []  # "we ... a partnership with both Alzey and Cosne": not Alzey's ties
        subjects = [k for k in subjects if k != partner]
        if not subjects:
            continue
        if sure < 1.0 and "between" in {t.lower_ for t in toks[max(0, start - 3) : m.start]}:
            break  # "between the Ukrainian capital and Moscow": a side the text left unnamed
        if sure < 1.0 and len(subjects) > 1:
            subjects = subjects[:1]
        # after the country ("..., China's Tianjin"), the description ("the German town
        # Recklinghausen", "war-torn Nablus", "French Calais") and its owner ("Togo's capital")
        at = lead
        direct = (
            s.prev(at) in ("with", "of", "and", ":", "from", "(", with_word)
            or to_partner
            or _past_both(s, m.start) in ("with", with_word)  # "with both Alzey and Cosne"
            or (s.prev(m.start) == "the" and s.prev(m.start - 1) in ("with", with_word))
            or (not out and _counted_apposition(s, start, m.start))
            or (bool(out) and _after_country(s, m.start))  # "Amman, Jordan Amsterdam, ..."
            or (not out and _following(s, start, m.start))  # "with the following cities A"
            or (colon and s.prev(m.start) == ";")
            or (bool(out) and s.prev(at) == "," and out[-1][3] >= sure)
        )  # "Sister cities: Turku, Bergen, Gothenburg and Reykjavik"
        if generic and not (direct and toks[start].lower_ == with_word):
            break  # "ties with Austin"; not "a tie in Austin"
        if not direct and s.prev(start) == "with":
            break  # "a partnership with a brewery in Leeds": the partner is the brewery
        if out and not direct and s.prev(at) not in (",", "and", "&", ";", "or"):
            break  # "twin town of Wallingford, lies in the Vosges": another clause's place
        s.objects.add(id(m))
        for subject in subjects:  # "Gdynia and Pardubice are now sister cities of Zhytomyr"
            out.append((subject, partner, m.end, sure * (1.0 if direct else 0.75)))
    if len(out) >= 2 and (
        s.prev(start) in ("of", "between")
        or (out[0][3] < 1.0 and _joined(s, out[0], out[1]) and _agent(s, out[0]))
    ):
        # "the twinning of Dresden and Ostrava", "the Twinning Pact was signed by the cities
        # of Bucha and Bergamo": the two names are the pair
        return [(out[0][1], out[1][1], out[1][2], min(out[0][3], out[1][3]))]
    if out:
        return _respective(s, start, out)
    dashed = _dash_pair(s, a)
    if dashed is not None:  # "the Wagga Wagga-Kunming sister city relationship"
        return [dashed]
    its = _its_partner(s, a)
    if its is not None:  # "a delegation from Nagoya visited Los Angeles, its sister city"
        return [its]
    taken = _as_its(s, a)
    if taken is not None:  # "Tulsa joined hands with Celle as its third sister city"
        return [taken]
    among = prose.among_its(s, a)
    if among is not None:  # "Norwich counts Rouen among its twin cities"
        return [among]
    theirs = prose.their_pair(s, a)
    if theirs is not None:  # "Bradford and Mönchengladbach ... Their twinning dates from"
        return [theirs]
    between = _between(s, a)
    joint = toks[a].lower_ in ("linked", "paired") or (  # "A and B have had a partnership"
        toks[a].lower_ in prose.JOINT and (a + 1 == len(toks) or toks[a + 1].lower_ != "with")
    )
    # "St. Paul and Nagasaki established their relationship in 1955": a gated noun owned by
    # the two places that form it
    joint = joint or (
        s.prev(a) == "their"
        and s.prev(a - 1) in FORMING
        and toks[a].lower_ in prose.GATED
        and (a + 1 == len(toks) or toks[a + 1].lower_ != "with")
    )
    if between is not None or (generic and not joint):
        return [between] if between is not None else []  # "A and B were first linked" reads on
    subjects, sure = s.subject(a, ("PLACE", "REF"))
    places = [k for k in subjects if k.label == "PLACE"]
    if len(places) >= 2:  # "Rotterdam and Burgas became partner cities", "the two cities"
        actor = _actor(s, a, places)
        if actor is not None:  # "the council voted to recognise Padua and Ramallah as ..."
            return [(actor, p, a, 0.8) for p in places if p != actor]
        if 3 <= len(places) <= 5:  # "Dakar, Kinshasa and Brazzaville signed a twinning
            # agreement": a tie of every two of them
            return [
                (one, two, a, sure * 0.9) for i, one in enumerate(places) for two in places[i + 1 :]
            ]
        return [(places[0], places[1], a, sure)]
    owner = _possessor(s, a)
    if owner is not None and places and owner == places[-1]:
        # "Paris, Hamburg and Madrid became Kyiv's new sister cities"
        at = next(m.start for m in s.mentions if m.possessive and _place(s, m) == owner)
        named, named_sure = s.subject(at, ("PLACE",))
        named = [k for k in named if k.label == "PLACE" and k != owner]
        if named and named_sure >= 0.9:
            return [(owner, k, a, named_sure) for k in named]
    if owner is not None and places and owner != places[0]:
        return [(owner, places[0], a, sure)]  # "Hanover, which became Bristol's partner city"
    partner = _with_which(s, a)
    if partner is not None and places and partner != places[0]:
        return [(places[0], partner, a, sure)]
    main = s.context.main
    before = [t.lower_ for t in toks[max(0, a - 2) : a]]
    appositive = len(before) == 2 and before[1] in ("a", "an") and before[0] in APPOSITIVE
    if appositive and len(places) == 1 and sure == 1.0 and main is not None and main != places[0]:
        return [(main, places[0], a, 0.8)]  # "Qingdao followed as a friendship city"
    return []


RESPECTIVE = {"their", "respective", "respectively"}


def _respective(s: Sentence, start: int, out: list[Pair]) -> list[Pair]:
    """As many subjects as partners, paired in order when the text says each has its own
    ("Adana and Antalya canceled their protocols with Beersheba and Bat Yam", "Urumqi,
    Puyang and Xi'an were declared sister cities to Karachi, Gwadar and Multan"); else
    every subject with every partner."""
    subjects = list(dict.fromkeys(p[0] for p in out))
    partners = list(dict.fromkeys(p[1] for p in out))
    if len(subjects) < 2 or len(subjects) != len(partners) or len(out) != len(subjects) ** 2:
        return out
    said = s.words & RESPECTIVE or s.tokens[start].lower_ == "to"
    if not said:
        return out
    ends = {p[1]: (p[2], p[3]) for p in out}
    return [(one, two, *ends[two]) for one, two in zip(subjects, partners, strict=True)]


def _as_its(s: Sentence, a: int) -> Pair | None:
    """ "with Celle as its third sister city", "welcomed Celle as their newest twin": the
    place before "as its" is the partner, the subject's."""
    i = a - 1
    owners = ("its", "their", "a", "an")
    while i >= 0 and a - i <= 3 and s.tokens[i].lower_ not in owners:
        if not s.tokens[i].text.islower():
            return None
        i -= 1
    if i < 2 or s.tokens[i].lower_ not in owners or s.tokens[i - 1].lower_ != "as":
        return None
    end = i - 1
    named_by = s.tokens[i].lower_ in ("a", "an")  # "selected Ponta Delgada as an official
    # Sister City": only after a naming verb (not "visited Lyon as a sister city delegate")
    country = next((m for m in s.mentions if m.end == end and m.label == "COUNTRY"), None)
    if country is not None and s.prev(country.start) in ("of", "in", ","):
        end = country.start - 1  # "welcomed Dobong-gu of South Korea as its newest sister city"
    named = next((m for m in s.mentions if m.end == end and m.label in ("PLACE", "NAME")), None)
    partner = _place(s, named, strong=True) if named is not None else None
    if named is None or partner is None:
        return None
    if named_by and s.prev(_past_description(s, named.start, named)) not in NAMING_VERBS:
        return None
    subjects, sure = s.subject(named.start, ("PLACE", "REF"))
    subjects = [k for k in subjects if k != partner]
    return (subjects[0], partner, a, 0.85 * sure) if subjects else None


def _of_colon(s: Sentence, start: int) -> list[Pair]:
    """ "Sister cities of Lagos: Atlanta (1974), Belo Horizonte (2003)", "The twin towns of
    Ghent include Kiel and Nottingham": the place after "of" is the subject, the names after
    the colon or the verb its partners."""
    if start + 2 >= len(s.tokens) or s.tokens[start].lower_ != "of":
        return []
    owner_at = next((m for m in s.mentions if m.start == start + 1), None)
    if owner_at is None or owner_at.end >= len(s.tokens):
        return []
    if s.tokens[owner_at.end].lower_ not in (":", "include", "includes", "are", "were"):
        return []
    owner = _place(s, owner_at, strong=True)
    if owner is None:
        return []
    out: list[Pair] = []
    for m in s.objects_after(owner_at.end + 1, ("PLACE", "NAME"), semicolons=True):
        partner = _place(s, m, strong=True)
        if partner is not None and partner != owner:
            s.objects.add(id(m))
            out.append((owner, partner, m.end, 1.0))
    return out


def _ending(s: Sentence, a: int) -> bool:
    """A verb that ends or suspends the tie a generic cue names, just before it ("cut all
    ties with", "severed its links with"): what follows "with" is a partner, a place even
    when the gazetteer lacks it."""
    return _ends_between(s, max(0, a - 3), a)


def _ends_between(s: Sentence, lo: int, hi: int) -> bool:
    """A word that ends or suspends a tie among tokens [lo, hi)."""
    return any(status_word(s, i) in ("ended", "suspended") for i in range(lo, hi))


def _past_both(s: Sentence, i: int) -> str:
    """The word before token ``i`` past "both" / "either" ("with both Alzey and Cosne")."""
    k = i - 1
    if k < 1 or s.tokens[k].lower_ not in ("both", "either"):
        return ""
    return str(s.tokens[k - 1].lower_)


Pair = tuple[Known, Known, int, float]
FORMED = {"was", "were", "has", "have", "had", "been", "formed", "established", "created"}
FORMED |= {"forged", "set", "up", "signed", "made", "officially", "formally", "also", "first"}
# verbs whose object is the named places, the tie being the subject's: "recognise Padua and
# Ramallah as twin cities", "welcomed A and B as new sister cities"
NAMING_VERBS = {"recognise", "recognised", "recognize", "recognized", "recognising", "named"}
NAMING_VERBS |= {"recognizing", "designate", "designated", "declared", "declare", "added"}
NAMING_VERBS |= {"welcomed", "welcome", "approved", "approve", "chose", "selected", "adopted"}
NAMING_VERBS |= {"accepted", "accept", "made", "make", "list", "lists", "listed", "counts"}


SOME = {"a", "an", "several", "some", "other", "various", "many", "more", "few", "its"}
DASHES = {"-", "–", "—", ":"}


def _between_one_and_some(s: Sentence, b: int) -> bool:
    """ "between Banda Aceh and a number of cities", "between Lyon and several Chinese
    cities": one place and places not named, right after the cue; no tie of a named pair."""
    toks = s.tokens
    at = next((i for i in (b, b + 1) if i < len(toks) and toks[i].lower_ == "between"), None)
    if at is None:
        return False
    first = next((m for m in s.mentions if m.start in (at + 1, at + 2)), None)
    if first is None or first.end + 1 >= len(toks) or toks[first.end].lower_ != "and":
        return False
    return toks[first.end + 1].lower_ in SOME or toks[first.end + 1].text[:1].isdigit()


def _namesake(s: Sentence, a: int, b: int) -> list[Pair]:
    """ "Pembroke is currently twinned with its namesake in Malta": the place of the
    subject's name in the country named after "namesake in"."""
    toks = s.tokens
    at = b + 1 if b < len(toks) and toks[b].lower_ == "with" else b
    words = [t.lower_ for t in toks[at : at + 3]]
    if len(words) < 3 or words[0] not in ("its", "their", "a") or words[1] != "namesake":
        return []
    if words[2] not in ("in", "from"):
        return []
    country = next((m for m in s.mentions if m.start == at + 3 and m.label == "COUNTRY"), None)
    subjects, sure = prose.tie_subject(s, a, ("PLACE",))
    if country is None or country.code is None or len(subjects) != 1 or sure < 0.9:
        return []
    twin = s.registry.place(subjects[0].name, country.code)
    if twin is None or twin == subjects[0] or twin.country != country.code:
        return []
    return [(subjects[0], twin, country.end, 0.8)]


def _named_as_to(s: Sentence, a: int, b: int) -> list[Pair]:
    """ "adopting resolutions recognizing Albury, Australia and Mercedes, Uruguay as official
    Sister Cities to the City of Merced": the place after "to" or "of" is the subject, the
    places between the naming verb and "as" its partners."""
    toks = s.tokens
    at = a - 1
    while at > 0 and toks[at].text.islower() and toks[at].lower_ in ("official", "its", "their"):
        at -= 1
    if at < 2 or toks[at].lower_ != "as" or b >= len(toks) or toks[b].lower_ not in ("to", "of"):
        return []
    verbs = [i for i in range(at - 1, max(0, at - 16), -1) if toks[i].lower_ in NAMING_VERBS]
    named = [m for m in s.mentions if m.label in ("PLACE", "NAME", "ORG")]
    after = next((m for m in named if m.start > b), None)
    if not verbs or after is None or after.start > b + 4:
        return []
    owner = _place(s, after) if after.label != "ORG" else s.council_place(after)
    if owner is None:
        return []
    between = [m for m in named if verbs[0] < m.start and m.end <= at and m.label != "ORG"]
    partners = [_place(s, m, strong=True) for m in between]
    found = [p for p in dict.fromkeys(partners) if p is not None and p != owner]
    return [(owner, p, after.end, 0.85) for p in found]


FICTION = {"fictional", "fictitious", "imaginary", "mythical", "non-existent", "nonexistent"}
FICTION |= {"made-up", "invented", "fake", "fantasy", "mythological"}


def _fictional(s: Sentence, end: int) -> bool:
    """The partner whose mention ends at ``end`` is described as made up ("the fictional
    town of Midsomer", "an imaginary twin, Narnia"): no tie."""
    m = next((m for m in s.mentions if m.end == end), None)
    if m is None:
        return False
    return not FICTION.isdisjoint(t.lower_ for t in s.tokens[max(0, m.start - 5) : m.start])


def _act_year(s: Sentence, a: int) -> int | None:
    """The one year a sentence gives before the cue at ``a``, "in" (and "early", "late" or
    a month) right before it: the year of the act that named the ties."""
    found = years_in(s.doc, 0, a)
    if len(found) != 1 or years_in(s.doc, a, len(s.tokens)):
        return None
    at = found[0][0]
    before = [t.lower_ for t in s.tokens[max(0, at - 3) : at]]
    return found[0][1] if "in" in before else None


def _dashed_pairs(s: Sentence, b: int) -> list[Pair]:
    """Places joined two by two by an unspaced dash after the cue ("sister-city links such
    as Los Angeles-Guangzhou and New York-Beijing"): each two are a pair."""
    doc = s.tokens
    after = [m for m in s.mentions if m.start >= b and m.label in ("PLACE", "NAME")]
    out: list[Pair] = []
    for one, two in itertools.pairwise(after):
        dash = one.end
        if two.start != dash + 1 or doc[dash].text != "-":
            continue
        if not glued(doc[dash - 1], doc[dash]) or not glued(doc[dash], doc[dash + 1]):
            continue  # "Lyon - Birmingham": a spaced dash separates
        if any(t.lower_ in CLAUSE_BREAKS for t in doc[b : one.start]):
            break  # "ties with their counterparts in Russia, but leaders of the ..."
        first, second = _place(s, one, strong=True), _place(s, two, strong=True)
        if first is None or second is None or first == second:
            continue
        if first.country is not None and first.country == second.country:
            continue  # "Bloomington-Normal": one area's name
        s.objects.update((id(one), id(two)))
        out.append((first, second, two.end, 0.85))
    return out


def _dash_pair(s: Sentence, a: int) -> Pair | None:
    """Two places joined by a dash right before the cue: "the Oxford-Bonn twinning"."""
    second = next((m for m in s.mentions if m.end == a), None)
    if second is None or second.start < 2 or s.tokens[second.start - 1].text not in ("-", "/"):
        return None
    first = next((m for m in s.mentions if m.end == second.start - 1), None)
    if first is None:
        return None
    one, two = _place(s, first, strong=True), _place(s, second, strong=True)
    if one is None or two is None or one == two:
        return None
    if one.country is not None and one.country == two.country:
        return None  # "the Bloomington-Normal sister cities group": one area's name
    return (one, two, a, 0.85)


def _its_partner(s: Sentence, a: int) -> Pair | None:
    """ "X, its (Chinese) sister city": X is the partner of what "its" stands for, the
    place the sentence is about (named before X), else the text's last subject."""
    toks = s.tokens
    i = a - 1
    while i >= 0 and a - i <= 3 and toks[i].lower_ not in ("its", "their"):
        if not (toks[i].lower_ in DEMONYMS or toks[i].text.islower()):
            return None
        i -= 1
    if i < 2 or toks[i].lower_ not in ("its", "their") or toks[i - 1].text != ",":
        return None
    named = next((m for m in s.mentions if m.end == i - 1 and m.label in ("PLACE", "NAME")), None)
    partner = _place(s, named, strong=True) if named is not None else None
    if named is None or partner is None:
        return None
    for m in s.mentions:
        if m.start >= named.start:
            break
        own = _place(s, m) if m.label in ("PLACE", "NAME") else None
        if own is not None and own != partner:
            return (own, partner, a, 0.8)
    last = s.context.last_subject
    if last is not None and last.label == "PLACE" and last != partner:
        return (last, partner, a, 0.7)
    return None


def _actor(s: Sentence, a: int, places: list[Known]) -> Known | None:
    """The subject of a verb whose objects are the places before a cue."""
    first = next(
        (
            m
            for m in s.mentions
            if m.end <= a and m.label in ("PLACE", "NAME") and _place(s, m) == places[0]
        ),
        None,
    )
    if first is None:
        return None
    i = first.start - 1
    while i >= 0 and s.tokens[i].lower_ in ("the", "cities", "towns", "of", "city", "town"):
        i -= 1
    if i < 1 or s.tokens[i].lower_ not in NAMING_VERBS or s.tokens[i - 1].lower_ in ("be", "been"):
        return None
    before = [m for m in s.mentions if m.end <= i]
    for m in reversed(before):
        found = s.known(m) if m.label == "REF" else ([_place(s, m)] if m.label != "ORG" else [])
        if m.label == "ORG":
            council = s.council_place(m)
            found = [council] if council is not None else []
        for known in found:
            if known is not None and known.label == "PLACE" and known not in places:
                return known
    return None


def _joined(s: Sentence, one: Pair, two: Pair) -> bool:
    """Two partners named as "A and B" with nothing else between them."""
    first = next((m for m in s.mentions if m.end == one[2]), None)
    second = next((m for m in s.mentions if m.end == two[2]), None)
    if first is None or second is None:
        return False
    words = [t.lower_ for t in s.tokens[first.end : second.start]]
    return words == ["and"] or words == ["&"]


def _agent(s: Sentence, one: Pair) -> bool:
    """The first partner comes after "by" or "of" ("signed by the cities of A and B")."""
    first = next((m for m in s.mentions if m.end == one[2]), None)
    if first is None or s.prev(first.start) not in ("by", "of"):
        return False
    # not "agreements with the American cities of Atlanta and Columbus": the partners
    return "with" not in {t.lower_ for t in s.tokens[max(0, first.start - 6) : first.start]}


def _place(s: Sentence, m: Mention, strong: bool = False) -> Known | None:
    """The place a mention names; after a strong cue ("twinned with X") a name the
    gazetteer lacks is still a place, unlinked."""
    found = s.known(m, place=True)
    if found and found[0].label == "PLACE" and found[0].level in (None, "city", "district"):
        return found[0]
    lead = m.start - 1 if s.prev(m.start) == "the" else m.start
    if strong and found and found[0].regional and s.prev(lead) in ("with", "and"):
        return found[0]  # "twinned with New South Wales" / "with the Kaliningrad Region"
    if strong and found and found[0].regional and _region_described(s, lead):
        return found[0]  # "sister relationships with the U.S. states of Oregon and Hawaii"
    if strong and not found and m.label == "NAME" and s.prev(m.start) in ("with", "of", "("):
        return Known(_bare(m.text), "PLACE", None, s.country_after(m), "city")
    if strong and not found and m.label == "NAME" and s.prev(m.start) in ("and", ",", ";"):
        country = _country_next(s, m)  # "partner cities of Hanover Germany and Apasco Mexico"
        if country is not None:
            return Known(_bare(m.text), "PLACE", None, country, "city")
    return None


# what names a region before "of" ("the U.S. states of Oregon and Hawaii")
REGION_HEADS = frozenset({"state", "states", "province", "provinces", "prefecture", "region"})
REGION_HEADS |= {"prefectures", "regions", "county", "counties", "oblast", "oblasts"}


def _region_described(s: Sentence, lead: int) -> bool:
    """A region's mention that a region noun and "of" describe, alone or in a list after one
    ("the provinces of Zhejiang and Jiangxi")."""
    i = lead
    while i > 1 and s.prev(i) in (",", "and"):
        m = next((m for m in s.mentions if m.end == i - 1), None)
        if m is None or m.known is None or not m.known.regional:
            return False
        i = m.start
    return s.prev(i) == "of" and s.prev(i - 1) in REGION_HEADS


UNIT_NOUNS = ("District", "City", "Town", "Municipality", "Borough")


def _bare(name: str) -> str:
    """An unlinked place's name without the unit noun after it ("Leningradsky District" is
    "Leningradsky"), so the tie merges with the same place named bare elsewhere."""
    head, _, last = name.rpartition(" ")
    return head if head and last in UNIT_NOUNS else name


def _country_next(s: Sentence, m: Mention) -> str | None:
    """The country named right after a name, with at most a comma, "City" or "in" between
    ("Apasco Mexico", "Munoko City in Uganda", "Apasco, Mexico")."""
    gap = {",", "city", "in", "(", "town"}
    for other in s.mentions:
        if other.start < m.end or other.start > m.end + 3:
            continue
        if any(t.lower_ not in gap for t in s.tokens[m.end : other.start]):
            return None
        code = other.code if other.label == "COUNTRY" else s.registry.country(other.text)
        if code is not None:
            return code
        return None
    return None


def _year_between(s: Sentence, a: int, b: int) -> bool:
    return bool(years_in(s.doc, a, b))


def _between(s: Sentence, a: int) -> tuple[Known, Known, int, float] | None:
    """ "Between Lisbon and Rotterdam there is no formal tie"."""
    toks = s.tokens
    for i in range(max(0, a - 14), a):
        if toks[i].lower_ != "between":
            continue
        named = [m for m in s.mentions if i < m.start < a and m.label in ("PLACE", "NAME")]
        places = [p for p in (_place(s, m) for m in named[:2]) if p is not None]
        if len(places) == 2 and places[0] != places[1]:
            return places[0], places[1], a, 0.9
    return None


def _possessor(s: Sentence, a: int) -> Known | None:
    """The city or district whose tie the cue names ("Bristol's partner city")."""
    m = prose.possessive_before(s, a)
    return _place(s, m) if m is not None else None


def _with_which(s: Sentence, a: int) -> Known | None:
    for i in range(max(1, a - 8), a):
        if s.tokens[i].lower_ in ("which", "whom") and s.tokens[i - 1].lower_ == "with":
            before = [
                m for m in s.mentions if m.end <= i - 1 and m.label in ("PLACE", "NAME", "REF")
            ]
            for m in reversed(before):
                if prose.fragment(s, m):
                    return None  # "Issy-les-Moulineaux" read as "Moulineaux"
                found = s.known(m, place=m.label == "NAME")
                if found and found[0].label == "PLACE":
                    return found[0]
    return None


def _status(s: Sentence, a: int, end: int) -> tuple[str, int | None, int | None]:
    """The status words in the clause around a tie say, its end year, and where it was said."""
    doc = s.tokens
    found: tuple[str, int] | None = None
    first: int | None = None  # where the first status word is (start years stop there)
    i = a - 1
    while (
        i >= 0
        and a - i <= 14
        and (doc[i].lower_ not in STOPS or _included(doc, i) or _included(doc, i - 1))
    ):
        if a - i > 10 and not any(_included(doc, k) for k in range(i, a)):
            break  # past ten tokens only through ", including": the head's status
        word = status_word(s, i)
        if word is not None and not _not_yet(s, i):
            found = (word, i)
            break
        if (
            word is None
            and _intended(doc, i)
            and (_sought(doc, i) or _preliminary(doc, i) or not _not_yet(s, i))
        ):
            found = ("proposed", i)  # "resolved to establish", "an initiative to make A a",
            break  # "signed a letter of intent to become sister cities" (not "committed to
            # build ... our relationships": no tie sought)
        i -= 1
    if found is None:
        i = end
        # "A delegation from Yamanashi, Sioux City's sister city in Japan, will be in ...":
        # the cue is in an apposition of the partner, which the next comma after it closes
        named_ends = {m.end for m in s.mentions if m.label in ("PLACE", "NAME")}
        apposed = any(doc[k].text == "," and k in named_ends for k in range(max(0, a - 5), a))
        while i < len(doc) and i - end <= 12 and doc[i].lower_ not in _STOPS_BUT_COMMA:
            if doc[i].lower_ == "," and i + 1 < len(doc) and doc[i + 1].lower_ in ("and", "but"):
                break  # ", and in 2019 a second one was proposed": another clause's status
            if apposed and i > a and doc[i].text == ",":
                break
            word = status_word(s, i)
            if word == "proposed" and _signed_to(doc, i):
                word = None  # "have signed a sister city agreement to explore ...": a purpose
            if word == "proposed" and _named_partner(s, a, end):
                word = None  # "A delegation to sister city Nagaizumi-cho will foster ...":
                # the tie a noun names is there; the future is the delegation's
            if word == "proposed" and any(
                doc[k].lower_ == "since" and years_in(doc, k + 1, k + 2) for k in range(end, i)
            ):
                word = None  # "twinned with Turin since 1960 and will sign a new charter"
            if word is not None and not _not_yet(s, i):
                # the last one: "with Pskov, frozen since 2022, was formally ended in 2024"
                found = (word, i) if found is None or word != "proposed" else found
                first = i if first is None else first
            i += 1
        if found is None and i < len(doc) and doc[i].lower_ == "which":
            found = _which_status(s, i)  # "with Moscow, which was suspended after ..."
    if found is None:
        inherited = _inherited_status(s)
        return (inherited, None, None) if inherited else _range_status(s, end)
    status, at = found
    if status != "proposed" and prose.reversed_after([t.lower_ for t in doc[at + 1 :]]):
        return "active", None, None  # "decided to cut ties ..., then repealed the decision"
    if status in ("ended", "suspended") and _revived(doc, at):
        return "proposed", None, at  # "an agreement ... lapsed in 2003; efforts to revive it"
    after = years_in(doc, at + 1, at + 5)
    if after:
        return status, after[0][1], at if first is None else first
    if at < a:
        later = years_in(doc, end, end + 3) if status != "proposed" else []
        if later:  # "Leeds suspended its twinning with Tver in 2022": when it ended
            return status, later[0][1], at
        return status, s.opening_year(), at  # "In 2022 the council suspended ..."
    return status, None, at if first is None else first


DATING_VERBS = {"date", "dates", "dated", "go", "goes", "went", "began", "begun", "started"}


def _dated_generic(s: Sentence, a: int, b: int) -> bool:
    """A generic tie noun ("ties", "links") whose pair a dating verb follows, in a text
    about ties, no other accord named before it ("Ties between A and B date back to
    1980"; not "Trade ties between A and B grew")."""
    if not s.context.tie_topic or not prose.OTHER_ACCORDS.isdisjoint(
        t.lower_ for t in s.tokens[max(0, a - 2) : a]
    ):
        return False
    return any(t.lower_ in DATING_VERBS for t in s.tokens[b : b + 12])


def _included(doc: list[Any], i: int) -> bool:
    """A comma that opens the examples of what the clause before names ("suspend relations
    with Israel, including the twinning agreement with Tel Aviv")."""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return doc[i].text == "," and nxt in ("including", "notably", "especially", "namely")


NAMING_CUE = {"sister", "twin", "partner", "friendship", "city", "town", "-", "cities"}


def _named_partner(s: Sentence, a: int, end: int) -> bool:
    """The cue at ``a`` is a noun right before the partner's name ("sister city
    Nagaizumi-cho"), the partner's mention ending at ``end``."""
    m = next((m for m in s.mentions if m.end == end), None)
    return (
        m is not None and m.start > a and all(t.lower_ in NAMING_CUE for t in s.tokens[a : m.start])
    )


# a sentence that goes on naming the ties the one before spoke of: "These include ..."
ANAPHORIC_LEADS = {("these", "include"), ("these", "included"), ("they", "include")}
ANAPHORIC_LEADS |= {("those", "include"), ("these", "are"), ("among", "them"), ("among", "these")}
ANAPHORIC_LEADS |= {("they", "included"), ("these", "were")}


def _which_status(s: Sentence, i: int) -> tuple[str, int] | None:
    """ ", which was suspended after the invasion": a relative clause on the tie saying what
    became of it (a plan is not what became of it)."""
    doc = s.tokens
    j = i + 1
    while j < len(doc) and doc[j].lower_ in RELATIVE_GLUE:
        j += 1
    word = status_word(s, j) if j < len(doc) else None
    return (word, j) if word is not None and word != "proposed" else None


REVIVING = {"revive", "revival", "reviving", "renew", "renewing", "re-establish", "reestablish"}
REVIVING |= {"rekindle", "relaunch", "reactivate", "resurrect"}


def _revived(doc: Any, at: int) -> bool:
    """A tie ended or lapsed that the sentence goes on to try to bring back ("lapsed in
    2003, the two cities have made efforts to revive the co-operation"): proposed again."""
    return any(t.lower_ in REVIVING for t in doc[at + 1 :])


def _inherited_status(s: Sentence) -> str | None:
    """ "Several other twinning arrangements are lying dormant. These include relationships
    with Sacramento (USA), Winnipeg (Canada), ...": the status the sentence before gave."""
    if tuple(t.lower_ for t in s.tokens[:2]) not in ANAPHORIC_LEADS:
        return None
    previous = s.context.previous
    if previous is None or previous[1] != s.context.units - 1:
        return None
    before: Sentence = previous[0]
    for i in range(len(before.doc)):
        word = status_word(before, i)
        if word is not None and not _not_yet(before, i):
            return word
    return None


SIGNING = SIGNED | {"signs", "sign"}
# what a tie is made by when it is yet to be: "have resolved to establish a sister-city
# relation", "decided to declare Islamabad as the sister city of Minsk"
INTENT_VERBS = {"establish", "forge", "formalise", "formalize", "declare", "create", "form"}
INTENT_VERBS |= {"build", "initiate", "launch", "become", "make", "set", "develop", "explore"}
# ... unless the "to" follows a vote or a signature: "voted to establish" made the tie
DONE_BEFORE_TO = SIGNED | {"voted", "votes", "vote", "moved", "approved"}


def _intended(doc: Any, i: int) -> bool:
    """ "to establish" before a tie noun, not as the purpose of a signature or a vote: a
    tie intended, not made ("agreed to establish", "resolved to establish")."""
    if i < 1 or doc[i - 1].lower_ != "to":
        return False
    verb, lead = doc[i].lower_, doc[i - 2].lower_ if i >= 2 else ""
    if _preliminary(doc, i):
        return True  # "signed a Letter of Intent (LOI) to form a sister city partnership"
    sought = lead in INITIATIVES and verb in INITIATED  # "an initiative to make A a ..."
    if not sought and (
        verb not in INTENT_VERBS or lead in DONE_BEFORE_TO | {"used", "how", "order", "way"}
    ):
        return False
    return not any(t.lower_ in SIGNED for t in doc)


# documents that precede a tie: "a letter of intent", "a memorandum of understanding"
PRELIMINARY = {"intent", "intention", "memorandum", "mou", "understanding", "loi"}


def _preliminary(doc: Any, i: int) -> bool:
    """ "to" and a verb making a tie (``i``) after a preliminary document: what "a letter
    of intent" or "a memorandum of understanding" is signed to make, a tie yet to be."""
    window = {t.lower_ for t in doc[max(0, i - 8) : i - 1]}
    return (
        i >= 1
        and doc[i - 1].lower_ == "to"
        and doc[i].lower_ in INITIATED
        and bool(window & PRELIMINARY)
    )


# "started an initiative to make Dushanbe a sister city of Boulder": a tie sought
INITIATIVES = {"initiative", "effort", "efforts", "campaign", "bid", "attempt", "push", "drive"}
INITIATIVES |= {"proposal", "plan", "plans", "idea", "move", "motion", "request", "application"}
INITIATED = {"make", "become", "twin", "establish", "create", "form", "forge", "pair", "link"}
MADE = INITIATED | {"initiate", "formalise", "formalize", "sign", "launch", "set"}
# an act done for a tie's sake: "met virtually to formalize their sister city status"
DONE_FOR = {"met", "meet", "meets", "gathered", "convened", "signed", "voted", "travelled"}


def _sought(doc: Any, i: int) -> bool:
    """ "to" and a verb making a tie (``i``), sought rather than done: "an initiative to
    make", "join forces to become", not "met virtually to formalize"."""
    return doc[i].lower_ in MADE and not any(t.lower_ in DONE_FOR for t in doc[max(0, i - 6) : i])


def proposing(s: Sentence) -> bool:
    """A sentence that says a tie is yet to be made ("KMC is in a process to establish a
    sisterly relationship with the following cities:")."""
    doc = s.tokens
    return any(status_word(s, i) == "proposed" and not _signed_to(doc, i) for i in range(len(doc)))


def _the_twin_of(toks: list[Any], a: int) -> bool:
    """ "Milford Haven is the twin of Uman", "is a partner of Lyon": a bare noun after an
    article and a copula, then "of" and a name."""
    return (
        2 <= a < len(toks) - 2
        and toks[a - 1].lower_ in ("the", "a")
        and toks[a - 2].lower_ in ("is", "was", "are", "were", "became", "becomes", "remains")
        and toks[a + 1].lower_ == "of"
        and toks[a + 2].text[:1].isupper()
    )


def _signed_to(doc: Any, i: int) -> bool:
    """A word of intent after "to" in a sentence that signs the agreement: its purpose."""
    return i > 0 and doc[i - 1].lower_ == "to" and any(t.lower_ in SIGNING for t in doc[:i])


# status words beyond vocab.STATUS_WORDS: a tie paused or abolished
MORE_STATUS = dict.fromkeys(("pausing", "pauses", "pause", "suspending", "freezing"), "suspended")
MORE_STATUS |= dict.fromkeys(("abolished", "abolishing", "severing", "terminating"), "ended")
# a status named by a noun: "a temporary freeze in its relationship with", "the suspension
# of ties with", "the termination of the agreement with"
NOMINAL_STATUS = dict.fromkeys(("suspension", "freeze"), "suspended")
NOMINAL_STATUS |= dict.fromkeys(("termination", "severance", "cancellation"), "ended")
MORE_STATUS |= NOMINAL_STATUS
# a nominal status asked for, not decided: "called for the suspension of ties with"
SOUGHT = {"call", "calls", "called", "calling", "urge", "urges", "urged", "urging", "demand"}
SOUGHT |= {"demands", "demanded", "demanding", "petition", "motion", "proposal", "proposed"}
SOUGHT |= {"seek", "seeks", "seeking", "sought", "consider", "considers", "considering"}
MODALS = {"to", "should", "would", "could", "might", "must", "will", "shall", "may"}
# "voted to end", "decided to suspend": a decision taken, not a status asked for
DECIDED = {"voted", "decided", "agreed", "resolved", "moved", "opted", "chose", "elected"}
DECIDED |= {"unanimously", "formally", "officially", "deciding", "voting", "agreeing"}
DECIDED |= {"memo", "decree", "ordered", "order"}  # "signed a memo to suspend relations"
# verbs that end or suspend a tie when a tie noun follows: "cut ties with", "to end the
# twinning", "terminate the agreement", "broke off relations"
TIE_VERBS = {
    **dict.fromkeys(("cut", "cuts", "cutting", "end", "ends", "terminate", "terminates"), "ended"),
    **dict.fromkeys(("sever", "severs", "severing", "broke", "break", "breaks"), "ended"),
    **dict.fromkeys(("breaking", "terminating", "ending", "scrapping", "dissolving"), "ended"),
    **dict.fromkeys(("scrap", "scraps", "cancel", "cancels", "dissolve", "dissolves"), "ended"),
    **dict.fromkeys(("freeze", "freezes", "freezing", "suspending", "halted"), "suspended"),
    **dict.fromkeys(("abolish", "abolishes"), "ended"),
    **dict.fromkeys(("pause", "pauses", "pausing"), "suspended"),
    # "withdrew from its twinning", "pulled out of the partnership", "dropped its twin town"
    **dict.fromkeys(("withdrew", "withdraws", "withdraw", "withdrawing", "withdrawn"), "ended"),
    **dict.fromkeys(("dropped", "drops", "drop", "dropping", "pulled", "pulls", "quit"), "ended"),
}
PARTICLES = {"out", "of", "from", "away"}  # "pulled out of its partnership"
# a tie status said in two words: "put on hold", "put on ice", "in talks over a twinning"
PHRASE_STATUS = {("on", "hold"): "suspended", ("on", "ice"): "suspended"}
PHRASE_STATUS |= {("in", "talks"): "proposed", ("under", "discussion"): "proposed"}
PHRASE_STATUS |= {("being", "developed"): "proposed", ("being", "negotiated"): "proposed"}
PHRASE_STATUS |= {("process", "to"): "proposed", ("process", "of"): "proposed"}
TIE_NOUNS = {"ties", "tie", "link", "links", "twinning", "twinnings", "partnership"}
TIE_NOUNS |= {"partnerships", "relationship", "relationships", "relations", "agreement"}
TIE_NOUNS |= {"agreements", "contacts", "cooperation", "off", "twin", "sister", "friendship"}
# a tie intended or offered, not yet made: "plans to establish", "ready to become"
PROPOSING = {"proposal", "proposals", "propose", "proposes", "proposing", "plan", "planning"}
PROPOSING |= {"intends", "intend", "intention", "ready", "considering", "exploring"}
PROPOSING |= {"negotiating", "seeks", "seeking", "potential", "possible", "envisaged", "aims"}
PROPOSING |= {"hopes", "hoping", "prospects", "invitation", "offered", "offer"}
PROPOSING |= {"recommends", "recommended", "recommending", "recommend", "suggested"}
PROPOSING |= {"consideration", "considered", "negotiations", "explore", "explores", "explored"}
PROPOSING |= {"pursue", "pursuing", "draft", "envisages", "mulling", "weighing"}
PROPOSING |= {"interested", "keen", "eager", "willing", "inviting", "invites", "wishes", "wish"}
# a decision still to come when "on" or "whether" follows: "vote on partnership between"
WEIGHING = {"vote", "votes", "voting", "decide", "decides", "deciding", "debate", "debates"}
WEIGHING |= {"debating", "consult", "consults", "consulting"}


# what may stand between a verb and its tie noun: "broke their sixty-year-old formal
# relationship" (not "broke ground on the sister city garden")
OBJECT_BREAKS = CLAUSE_BREAKS | {".", ",", "on", "in", "at", "for", "with", "to", "of", "by"}


def _tie_object(tokens: Any, j: int) -> bool:
    """A tie noun heads the object that starts at token ``j``, within eight words."""
    for k in range(j, min(len(tokens), j + 9)):
        word = tokens[k].lower_
        if word in TIE_NOUNS:
            nxt = tokens[k + 1].lower_ if k + 1 < len(tokens) else "."
            return nxt in OBJECT_BREAKS or nxt in TIE_NOUNS or not nxt.isalpha()
        if word in OBJECT_BREAKS or tokens[k].text[:1].isupper():
            return False
    return False


def status_word(s: Sentence, i: int) -> str | None:
    """The status token ``i`` gives a tie near it, if any (found once per token)."""
    if i not in s.status_words:
        s.status_words[i] = _status_word(s.tokens, i)
    return s.status_words[i]


TIME_NOUNS = {"year", "years", "decade", "decades", "month", "months", "week", "weeks"}
TIME_NOUNS |= {"century", "centuries", "days", "day", "few", "several", "two", "three"}


def _time_after(tokens: list[Any], i: int) -> bool:
    """A span of time starts at token ``i``: "ten years", "decade", "30 years"."""
    words = [t.lower_ for t in tokens[i : i + 2]]
    return words[0] in TIME_NOUNS or (len(words) == 2 and words[1] in TIME_NOUNS)


def _status_word(tokens: list[Any], i: int) -> str | None:
    word = tokens[i].lower_
    if word in ("formerly", "previously") and i + 1 < len(tokens):
        name = tokens[i + 1]
        if name.lower_ in ("known", "called", "named") or name.text[:1].isupper():
            return None  # "Chennai (formerly known as Madras)": an old name, not an old tie
    if word == "past" and i + 1 < len(tokens) and _time_after(tokens, i + 1):
        return None  # "over the past ten years", "in the past decade": a time, not a status
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    if word in LAPSED_STATES and i > 0 and tokens[i - 1].lower_ in ("not", "longer"):
        return "ended" if tokens[i - 1].lower_ == "longer" else "suspended"  # "is not active"
    if word in MORE_STATUS:
        return MORE_STATUS[word]  # "Exeter is pausing its links with Yaroslavl"
    if word == "once" and i > 0 and tokens[i - 1].lower_ in ("was", "were", "had", "been"):
        return "ended"  # "Kunming was once a sister city of Wagga Wagga"
    if word in PROPOSING:
        return "proposed"
    if word in WEIGHING and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("on", "whether"):
        return "proposed"  # "Councilors vote on partnership between Curitiba and Miami"
    future = word in ("will", "shall", "due") and i + 1 < len(tokens)
    if future and _ending_announced(tokens, i + 1):
        return None  # "will be scrapped": the ending decided (read at "scrapped"), no plan
    verb = i + 2 if future and tokens[i + 1].lower_ in ("also", "soon", "now") else i + 1
    if future and verb < len(tokens) and tokens[verb].lower_ in FUTURE_VERBS:
        return "proposed"  # "will become sister cities", "will also establish ... relations"
    ahead = [t.lower_ for t in tokens[i + 1 : i + 3]] if word in PROSPECTS else []
    if len(ahead) == 2 and ahead[0] == "to" and ahead[1] in FUTURE_VERBS - {"be", "to"}:
        return "proposed"  # "is expected to formalise", "plans to establish"
    maybe = word in ("could", "would", "may", "might", "should") and i + 1 < len(tokens)
    if maybe and tokens[i + 1].lower_ in FUTURE_VERBS - {"be", "to"}:  # "could become"
        return "proposed"
    if maybe and [t.lower_ for t in tokens[i + 1 : i + 3]] == ["be", "made"]:
        return "proposed"  # "agreed that Islamabad and Minsk should be made sister cities"
    if word in TIE_VERBS:
        j = i + 1
        while j < len(tokens) and tokens[j].lower_ in PARTICLES:
            j += 1
        ahead = [t.lower_ for t in tokens[j : j + 5]]
        owned = next((k for k, w in enumerate(ahead[:4]) if w in ("'s", "'")), None)
        if owned is not None:  # "end the city's sister city relationship", "Leeds' twinning"
            j += owned + 1
        after = {t.lower_ for t in tokens[j : j + 3]}
        if after & TIE_NOUNS or _tie_object(tokens, j):
            return TIE_VERBS[word]
        if not after.isdisjoint(("relations", "contacts", "cooperation")) and any(
            _included(tokens, k) for k in range(j, min(len(tokens), j + 10))
        ):
            return TIE_VERBS[word]  # "suspend relations with Israel, including the twinning"
        return None
    if i > 0 and (tokens[i - 1].lower_, word) in PHRASE_STATUS:
        return PHRASE_STATUS[(tokens[i - 1].lower_, word)]
    return None


# what a tie is while it lasts: "is not active" (suspended), "no longer active" (ended)
LAPSED_STATES = {"active", "valid", "operational", "operating", "functioning"}
AUXILIARIES = {"be", "been", "being", "is", "was", "were", "are", "has", "have", "had"}
RELATIVE_GLUE = AUXILIARIES | {"later", "then", "since", "also"}  # ", which was later ..."
# after "will" or "due": a tie yet to be made ("will become sister cities", "due to sign")
FUTURE_VERBS = {"become", "sign", "be", "establish", "formalise", "formalize", "twin", "to"}
FUTURE_VERBS |= {"officially", "formally", "soon", "ink", "seal"}
# a tie foreseen: "is expected to formalise", "is set to sign", "plans to establish"
PROSPECTS = {"expected", "set", "scheduled", "plans", "planning", "hopes", "hoping", "aims"}
PROSPECTS |= {"intends", "poised", "likely", "preparing", "prepares"}


def _ending_announced(tokens: list[Any], at: int) -> bool:
    """ "be scrapped", "be axed", "be suspended" from token ``at``: an ending or a
    suspension announced ("will be axed", "are to be scrapped")."""
    if at + 1 >= len(tokens) or tokens[at].lower_ != "be":
        return False
    word = tokens[at + 1].lower_
    return STATUS_WORDS.get(word) in ("ended", "suspended") or MORE_STATUS.get(word) == "ended"


def _not_yet(s: Sentence, i: int) -> bool:
    """ "called for the link to be suspended", "urge him to suspend", "should be ended": a
    status asked for or foreseen is not the tie's status yet ("proposed" is one); "voted
    to end" is a decision taken."""
    if status_word(s, i) == "proposed" or s.tokens[i].lower_ in LAPSED_STATES:
        return False
    near = [t.lower_ for t in s.tokens[max(0, i - 3) : i] if t.lower_ not in AUXILIARIES]
    if near and near[-1] in NEGATIONS:
        return True  # "was not suspended", "never ended"
    if not DENIALS.isdisjoint(t.lower_ for t in s.tokens[max(0, i - 5) : i]):
        return True  # "a spokesman denied that Leicester had severed its link"
    if s.tokens[i].lower_ in NOMINAL_STATUS and not SOUGHT.isdisjoint(
        t.lower_ for t in s.tokens[max(0, i - 6) : i]
    ):
        return True  # "called for the suspension of ties with Perm"
    before = [t.lower_ for t in s.tokens[max(0, i - 4) : i]]
    before = [w for w in before if w not in ("be", "immediately", "now", "also", "not")]
    wider = [t.lower_ for t in s.tokens[max(0, i - 7) : i - 1]]
    if before and before[-1] == "to" and set(wider) & DECIDED:
        return False  # "voted on Tuesday to suspend"
    if len(before) >= 2 and before[-1] == "to" and before[-2] in ("is", "are"):
        return False  # "Doncaster is to cut all ties with Ozyorsk": a decision announced
    toks = s.tokens
    if i >= 2 and toks[i - 1].lower_ == "be" and toks[i - 2].lower_ in ("will", "shall"):
        # "will be axed, it's been confirmed": an ending announced (not "urged that the
        # link will be suspended")
        return not SOUGHT.isdisjoint(t.lower_ for t in toks[max(0, i - 16) : i])
    if i >= 3 and toks[i - 1].lower_ == "be" and toks[i - 2].lower_ == "to":
        lead = toks[i - 3]  # "partnerships with Nanning and Xiangyang to be axed" (a
        # headline), "is to be scrapped"; not "called for the link to be suspended"
        asked = not SOUGHT.isdisjoint(t.lower_ for t in toks[max(0, i - 16) : i])
        return asked or not (lead.text[:1].isupper() or lead.lower_ in ("is", "are"))
    return bool(before) and before[-1] in MODALS


def _range_status(s: Sentence, end: int) -> tuple[str, int | None, int | None]:
    """ "twinned from 1961 until 2014", "(1966-1992)": a closed range is an ended tie."""
    found = years_in(s.doc, end, min(len(s.tokens), end + 10))
    if len(found) >= 2 and found[1][0] - found[0][0] <= 3 and found[0][1] < found[1][1]:
        link = {t.lower_ for t in s.tokens[found[0][0] + 1 : found[1][0]]}
        if link & {"until", "till", "to", "-"}:
            return "ended", found[1][1], found[1][0]
    if found and found[0][0] > 0 and s.tokens[found[0][0] - 1].lower_ in ("until", "till"):
        return "ended", found[0][1], found[0][0] - 1  # "also twinned with Riga until 2015"
    return "active", None, None


APPOSITIVE = {"as", ",", "became", "become", "becomes", "is", "was", "remains"}
YEAR_STOPS = {";", ".", "but", "although", "though", "whereas", "while", "however"}


def _past_apposition(doc: list[Any], at: int) -> int:
    """The token after ", a coastal city in Fujian province," at ``at``, else ``at``."""
    if at + 2 >= len(doc) or doc[at].text != "," or doc[at + 1].lower_ not in ("a", "an", "the"):
        return at
    for i in range(at + 2, min(len(doc), at + 16)):
        if doc[i].text == ",":
            return i + 1
        if doc[i].lower_ in YEAR_STOPS or year_at(doc, i) is not None:
            return at
    return at


def _start_year(s: Sentence, after: int, cue_end: int, status_at: int | None) -> int | None:
    """The first year after the partner (before the status word), else after the cue, else
    the opening phrase's ("In the spring of 1988, Adelaide and Christchurch became ...");
    an opening year before a status word ("In 2022 the council suspended") is its end."""
    doc = s.tokens
    after = _past_apposition(doc, after)  # "with Xiamen, a coastal city in Fujian, on ..."
    if cue_end > after:  # "established a friendly relationship in 2016 and a twinning
        # relationship in 2019": the year the cue's own phrase gives
        for i in range(cue_end, min(len(doc), cue_end + 3)):
            found = year_at(doc, i)
            if found is not None:
                return found[0]
    for origin in (after, cue_end):
        for i in range(origin, min(len(doc), origin + 12)):
            if doc[i].lower_ in YEAR_STOPS or (status_at is not None and i >= status_at >= origin):
                break
            if doc[i].lower_ == "," and i + 1 < len(doc) and doc[i + 1].lower_ in ("and", "but"):
                break  # ", and in 2019 ...": another clause's date
            if origin == cue_end and doc[i].text == "(" and any(m.end == i for m in s.mentions):
                break  # "with Shanghai (since 1986) and Chicago": Shanghai's year
            found = year_at(doc, i)
            if found is not None:
                return found[0]
    if status_at is not None and status_at < cue_end:
        return None
    return (
        s.opening_year()
        or s.year_before(cue_end - 1)
        or s.when_year(cue_end - 1)
        or s.verb_year(cue_end - 1)
    )
