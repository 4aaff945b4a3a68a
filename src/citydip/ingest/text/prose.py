"""Discourse and clause helpers for ties in running prose (issue 22), used by ``rules_ties``:

- ``tie_subject``: the subject of a tie cue, except that a place named as the object of a
  preposition in the first of two coordinated verb phrases is no subject when the sentence
  opens with a place ("Changde donated masks to Anuradhapura and started working with
  sister cities of Bucheon": Changde's ties);
- ``locator``: a place in an apposition after a partner says where the partner lies
  ("twinned with Leningradsky, a suburb of Moscow"; "with Kostroma, 250 miles north-east of
  Moscow"), it is no partner;
- ``clause_year``: the year a clause opens with ("...; since 1967, they have been formally
  twinned");
- ``topical``: whether a text is about ties at all, so that general nouns ("its connection
  with Volgograd", "its agreement with Belgorod", "arrangements with Kostroma") are read as
  ties only in texts that speak of twinning or sister cities elsewhere;
- ``reversed_after``: a decision that was undone or voted down ("decided to cut ... then
  repealed the decision", "a motion to end ... was defeated") changes no status.
"""

from __future__ import annotations

import re

from citydip.ingest.text.coref import PENDING
from citydip.ingest.text.mentions import Mention
from citydip.ingest.text.normalise import year_at
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import Sentence, noun_phrases, regional
from citydip.ingest.text.tokens import glued
from citydip.ingest.text.vocab import REGION_NAMES

# words that tell a text is about ties between places (read from the whole text's lower-case
# words, so a title or a later paragraph counts too)
TOPIC_WORDS = frozenset(
    {"twinned", "twinning", "twinnings", "twin", "twins", "sister", "sister-city"}
    | {"sister-cities", "twin-town", "twin-towns", "jumelage", "partnerstadt"}
)
# nouns that name a tie only in such a text, and only with "with" after them
GATED = frozenset(
    {"connection", "connections", "arrangement", "arrangements", "relationship"}
    | {"relationships", "agreement", "agreements", "association", "bond", "bonds"}
)
# a gated noun after one of these is some other accord: "a cooperation agreement with Barcelona"
OTHER_ACCORDS = {"cooperation", "co-operation", "trade", "economic", "business", "investment"}
OTHER_ACCORDS |= {"academic", "research", "cultural", "scientific", "technical", "commercial"}
OTHER_ACCORDS |= {"collaboration", "exchange", "memorandum", "framework", "loan", "tax", "free"}
OTHER_ACCORDS |= {"bilateral", "supply", "service", "services", "funding", "data", "climate"}
OTHER_ACCORDS |= {"working", "business-to-business", "strategic", "security", "defence"}
COMPASS = {"North", "South", "East", "West", "Upper", "Lower", "Greater", "Central"}
# tie nouns that name a tie alone only between two places named before them ("Toulouse and
# Bristol have had a partnership since 1947", "Brest and Plymouth renewed their twinning")
JOINT = frozenset({"twinning", "partnership", "twin", "sisterhood"})
GATED = GATED | {"relations", "friendship"}
JOINT_LEADS = {"a", "an", "the", "their", "its", "formal", "official", "town", "city", "close"}
JOINT_LEADS |= {"long", "longstanding", "long-standing", "lasting", "first", "civic"}
PARTICIPLES = {"twinned", "linked", "paired", "partnered", "united", "joined"}
PREPOSITIONS = {"to", "for", "with", "by", "at", "into", "towards", "toward", "on", "upon"}
LOCATING = {"of", "near", "in", "outside", "from"}
# words after a suspension or an ending that undo it: "decided to cut ..., then repealed the
# decision", "a motion to end ... was defeated", "the suspension was lifted in 2023"
UNDONE = {"repealed", "reversed", "overturned", "rescinded", "defeated", "withdrawn"}
UNDONE |= {"retracted", "vetoed", "blocked", "denied", "dismissed", "untrue", "false"}
UNDONE |= {"unfounded", "refuted", "lifted", "reinstated", "restored", "resumed"}


def topical(lower: frozenset[str], text: str) -> bool:
    """Whether a text is about ties: a topic word it writes in lower case, a capitalised
    "Sister City" / "Twin Town" (a resolution that writes only those), "sister-city" with a
    hyphen, or a city's "partner cities" / "friendship cities" ("Warsaw's partner
    cities")."""
    if not lower.isdisjoint(TOPIC_WORDS) or _TOPIC_TITLE.search(text) is not None:
        return True
    return _KIN_CITIES.search(text) is not None or _HYPHENED.search(text) is not None


# "sister-city", "twin-town" written with a hyphen (the lower-case word list holds no
# hyphenated words)
_HYPHENED = re.compile(r"\b(?:sister|twin)-(?:cit|town|state|relation|partner)")


_KIN_CITIES = re.compile(
    r"\b(?:[Pp]artner|[Ff]riendship|[Ff]riendly) (?:[Cc]it(?:y|ies)|[Tt]owns?)\b"
)


_TOPIC_TITLE = re.compile(r"\b(?:Sister|SISTER|Twin|TWIN)[ -]?(?:[Cc]it|CIT|[Tt]own|TOWN)")


def gated_tie(s: Sentence, a: int) -> bool:
    """A gated noun at token ``a`` names a tie: the text is about ties and no other kind of
    accord is named just before it ("its agreement with Belgorod", not "a cooperation
    agreement with Barcelona"), unless joined to it ("cooperation and friendship")."""
    toks = s.tokens
    joined = (a > 0 and toks[a - 1].lower_ == "and") or (
        a + 1 < len(toks) and toks[a + 1].lower_ == "and"
    )  # "an agreement for cooperation and friendship", "friendship and cooperation"
    if joined and toks[a].lower_ == "friendship":
        side = toks[a - 2] if toks[a - 1].lower_ == "and" else toks[min(a + 2, len(toks) - 1)]
        if side.lower_ in OTHER_ACCORDS:
            return True  # a formal accord of friendship, in any text
    if not s.context.tie_topic:
        return False
    if joined and toks[a - 1].lower_ == "and":
        return True  # the tie named beside another accord
    return OTHER_ACCORDS.isdisjoint(t.lower_ for t in toks[max(0, a - 2) : a])


def tie_subject(s: Sentence, a: int, labels: tuple[str, ...]) -> tuple[list[Known], float]:
    """``s.subject`` for a tie cue, with the coordinated-verb correction (module doc)."""
    subjects, sure = s.subject(a, labels)
    if not subjects and not s.context.weight and s.column is None:
        return [PENDING], 0.8  # no place named yet: the one the text turns out to be about
    owner = _its_owner(s, a, nearest=not subjects)
    if owner is not None:  # "Wallingford's relations with its German twin"
        return [_placed_in(s, a, owner) or owner], 1.0
    owner = possessor(s, a)
    if owner is not None and subjects != [owner]:  # "ran the Half Marathon in Orlando's
        return [owner], 1.0  # sister city of Urayasu": the cue's possessor, not the opening
    if sure < 1.0 or len(subjects) != 1:
        return subjects, sure
    placed = _placed_in(s, a, subjects[0])
    if placed is not None:
        return [placed], 1.0
    chosen = next(
        (
            m
            for m in reversed(s.mentions)
            if m.end <= a and m.label in ("PLACE", "NAME") and s.known(m)[:1] == subjects
        ),
        None,
    )
    if chosen is None or s.prev(chosen.start) not in PREPOSITIONS:
        return subjects, sure
    between = {t.lower_ for t in s.tokens[chosen.end : a]}
    if "and" not in between:
        return subjects, sure  # "a delegation from Nagoya visited ...": no second verb
    opening = _opening(s, chosen.start)
    if opening is not None and opening != subjects[0]:
        return [opening], 1.0
    return subjects, sure


def _placed_in(s: Sentence, a: int, subject: Known) -> Known | None:
    """ "Wakefield, in West Yorkshire, has announced ...": the place before ", in X," is the
    subject, X says where it lies."""
    named = next(
        (m for m in reversed(s.mentions) if m.end <= a and s.known(m)[:1] == [subject]), None
    )
    if named is None:
        return None
    at = named.start
    while at > 0 and s.tokens[at - 1].text in COMPASS:
        at -= 1  # "in West Yorkshire" read as "West" + "Yorkshire"
    tokens = s.tokens
    end = named.end  # "the capital of Shanxi province,", "of Aichi and a major port,"
    while end < len(tokens) and end - named.end < 6 and tokens[end].text.isalpha():
        if not tokens[end].text.islower():
            return None
        end += 1
    if end >= len(tokens) or tokens[end].text != ",":
        return None
    tail = [t.lower_ for t in tokens[named.end : end]]
    if len(tail) > 1 and not (tail[0] == "and" and noun_phrases(tail[1:])):
        return None
    if at >= 3 and s.prev(at) in ("in", "near") and s.tokens[at - 2].text == ",":
        comma = at - 2
    elif at >= 2 and s.prev(at) == "," and regional(subject):
        comma = at - 1  # "Civic leaders in Wallingford, Oxfordshire, asked ...": a county
    else:  # "Kiel, a port on the Baltic, is twinned", "Taiyuan, an industrial city in
        # northern China and the capital of Shanxi province, has been twinned": an
        # apposition between commas
        comma = s.apposition_comma(at)
        if comma < 0:
            return None
    before = next(
        (m for m in s.mentions if m.end == comma and m.label in ("PLACE", "NAME")),
        None,
    )
    if before is None:
        return None
    found = s.known(before, place=True)
    return found[0] if found and found[0].label == "PLACE" else None


def verb_object(s: Sentence, start: int) -> tuple[int, list[Known]]:
    """ "links the city with Bloomington", "pairs Oxford with Bonn": a tie verb's object
    right after it, then "with": the object is the tie's subject, the partner follows."""
    m = next((m for m in s.mentions if m.start >= start), None)
    if m is None or m.label not in ("REF", "PLACE") or m.end >= len(s.tokens):
        return start, []
    if s.tokens[m.end].lower_ != "with" or any(
        t.text[:1].isalnum() for t in s.tokens[start : m.start]
    ):
        return start, []
    found = [k for k in s.known(m) if k.label == "PLACE"]
    return (m.end, found) if found else (start, [])


def colon_ahead(s: Sentence, start: int) -> bool:
    """A colon opens the partners' list a few words on: "relationships with four other
    partners: Issy, in France; Ramallah, in Palestine"."""
    doc = s.tokens
    for i in range(start, min(len(doc), start + 6)):
        if doc[i].text == ":" or (i == start and doc[i].text in ("-", "–", "—")):
            return not any(start <= m.start < i for m in s.mentions if m.label != "REF")
    return False


def _opening(s: Sentence, before: int) -> Known | None:
    """The place a sentence opens with, when it is the sentence's subject (first mention,
    not after a preposition, before ``before``)."""
    for m in s.mentions:
        if m.start >= before:
            return None
        if m.label == "COUNTRY":
            continue
        if m.label not in ("PLACE", "NAME") or s.prev(m.start) in PREPOSITIONS | LOCATING:
            return None
        found = s.known(m, place=m.label == "NAME")
        return found[0] if found and found[0].label == "PLACE" else None
    return None


_UNIT_NAMES = {"City", "Town", "Municipality", "Borough", "County", "District", "Village"}


def locator(s: Sentence, previous: Mention | None, m: Mention) -> bool:
    """``m`` sits in an apposition after the partner ``previous``: ", a suburb of M", ",
    120 miles east of M", ", near M"."""
    if previous is None or m.start <= previous.end:
        return False
    between = s.tokens[previous.end : m.start]
    words = [t.lower_ for t in between]
    if len(words) < 2 or len(words) > 7 or words[0] != "," or words[-1] not in LOCATING:
        return False
    if len(words) == 4 and words[1] == "the" and between[2].text in _UNIT_NAMES:
        return False  # "Berwick Upon Tweed, the City of Springfield, ...": a name
    return not set(words) & {"and", "&", "or", "with", ";", "as", "well"}


def region_after(s: Sentence, previous: Mention | None, m: Mention) -> bool:
    """ "Orlando's sister city of Urayasu, Chiba.": a place after the partner and a comma
    that closes the clause, with no list going on, is where the partner lies."""
    if previous is None or [t.text for t in s.tokens[previous.end : m.start]] != [","]:
        return False
    nxt = s.tokens[m.end] if m.end < len(s.tokens) else None
    if nxt is not None and nxt.text not in (".", ",", ";", ")"):
        return False
    if nxt is not None and nxt.text == ",":
        after = s.tokens[m.end + 1] if m.end + 1 < len(s.tokens) else None
        if after is None or after.text[:1].isupper() or after.lower_ in ("and", "&", "or"):
            return False  # "with Lyon, Leeds, Porto and Turin": a list
    before = {t.lower_ for t in s.tokens[max(0, previous.start - 3) : previous.start]}
    if before & {",", "and", "&"}:
        return False  # the partner is itself an item of a list
    if m.text.lower() in REGION_NAMES:
        return True  # "Honolulu, Hawaii": a state, whatever the store holds under its name
    one, two = previous.known, m.known
    return not (one is not None and two is not None and one.country != two.country)


def clause_year(s: Sentence, a: int) -> int | None:
    """A year in the opening phrase of the clause holding token ``a`` (after ";" or ":"):
    "...; since 1967, they have been formally twinned"."""
    start = next((i + 1 for i in range(a - 1, -1, -1) if s.tokens[i].text in (";", ":")), None)
    if start is None:
        return None
    for i in range(start, min(a, start + 5)):
        if s.tokens[i].text == ",":
            break
        found = year_at(s.tokens, i)
        if found is not None:
            return found[0]
    return None


def reversed_after(words: list[str]) -> bool:
    """An undoing word after a decision: "then repealed the decision", "was defeated"."""
    return not UNDONE.isdisjoint(words)


def fragment(s: Sentence, m: Mention) -> bool:
    """The mention is the tail of a hyphenated name ("Issy-les-Moulineaux" read as
    "Moulineaux"): no partner of its own."""
    if m.start < 2 or s.tokens[m.start - 1].text != "-":
        return False
    return glued(s.tokens[m.start - 2], s.tokens[m.start - 1])


GROUP_NOUNS = {"towns", "cities", "communities", "municipalities", "villages", "partners"}


def number_next(s: Sentence, start: int) -> bool:
    """A number right after a cue (or after its "with"): "twinned with four towns"."""
    from citydip.ingest.text.normalise import number_at

    i = start + 1 if start < len(s.tokens) and s.tokens[start].lower_ == "with" else start
    return i < len(s.tokens) and number_at(s.tokens, i) is not None


def counted_group(s: Sentence, start: int, subject: Known) -> tuple[Known, int, int] | None:
    """ "twinned with four small towns in the Elztal region since 1997": partners counted,
    not named, with the year they were twinned (named in a later sentence: ``group_year``)."""
    from citydip.ingest.text.normalise import number_at

    i = start + 1 if start < len(s.tokens) and s.tokens[start].lower_ == "with" else start
    if i >= len(s.tokens):
        return None
    found = number_at(s.tokens, i)
    if found is None:
        return None
    count = int(found[0])
    if not 2 <= count <= 20:
        return None
    nouns = [t.lower_ for t in s.tokens[i + 1 : i + 4]]
    if not GROUP_NOUNS & set(nouns):
        return None
    for k in range(i, min(len(s.tokens), i + 16)):
        if s.tokens[k].text in (";", ".") or (s.tokens[k].text == "," and s.prev(k + 1) == "and"):
            break
        year = year_at(s.tokens, k)
        if year is not None:
            return (subject, count, year[0])
    return None


def group_year(s: Sentence, subjects: list[Known], partners: int) -> int | None:
    """The year of a counted group whose partners a sentence now names (as many of them,
    the same subject)."""
    group = s.context.tie_group
    if group is None or partners != group[1] or any(k != group[0] for k in subjects):
        return None
    s.context.tie_group = None
    return group[2]


Pair = tuple[Known, Known, int, float]
ELLIPSIS = {"so", "as", "are", "were", "did", "do", "too", "also", "then"}
ELLIPTIC_VERBS = {"followed", "did", "too", "also", "likewise"}


def of_with(s: Sentence, start: int, place: object) -> list[Pair]:
    """ "the twinning of Coventry with Dresden", "the partnership of Lyon and Turin": a cue
    ending in "of", then both sides."""
    if s.prev(start) != "of":
        return []
    after = [m for m in s.mentions if m.start >= start and m.label in ("PLACE", "NAME")]
    if len(after) < 2 or after[0].start != start:
        return []
    one, two = after[0], after[1]
    link = [t.lower_ for t in s.tokens[one.end : two.start]]
    if link not in (["with"], ["and"], ["&"]):
        return []
    a = place(s, one, strong=True)  # type: ignore[operator]
    b = place(s, two, strong=True)  # type: ignore[operator]
    return [(a, b, two.end, 0.9)] if a is not None and b is not None and a != b else []


def elided_pairs(s: Sentence, after: int, place: object) -> list[tuple[Known, Known, int | None]]:
    """Clauses that repeat a pair clause's verb for another pair: "Kyiv and Kraków signed an
    agreement in 1993, and Kyiv and Vilnius in 1991"; "...; so are Edinburgh and Munich"."""
    from citydip.ingest.text.normalise import years_in

    out: list[tuple[Known, Known, int | None]] = []
    doc = s.tokens
    i = after
    while i < len(doc):
        if doc[i].text not in (",", ";"):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].lower_ in ELLIPSIS | {"and"}:
            j += 1
        elliptic = {t.lower_ for t in doc[i + 1 : j]} & {"so", "as"}
        one = next((m for m in s.mentions if m.start == j), None)
        if one is None or one.label not in ("PLACE", "NAME"):
            i = j + 1
            continue
        two = next((m for m in s.mentions if m.start == one.end + 1), None)
        if (
            two is None
            or doc[one.end].lower_ not in ("and", "&")
            or two.label
            not in (
                "PLACE",
                "NAME",
            )
        ):
            break
        k = two.end
        if k < len(doc) and doc[k].lower_ in ELLIPTIC_VERBS:
            k += 1  # "...; Dresden and Strasbourg followed in 1990"
        if k < len(doc) and doc[k].lower_ not in ("in", "on", "since", "from", "(", ",", ".", ";"):
            break  # "and Kyiv and Vilnius signed ...": a clause with its own verb
        years = years_in(s.doc, k, min(len(doc), k + 5))
        if not years and not elliptic:
            break
        a = place(s, one, strong=True)  # type: ignore[operator]
        b = place(s, two, strong=True)  # type: ignore[operator]
        if a is None or b is None or a == b:
            break
        out.append((a, b, years[0][1] if years else None))
        i = years[0][0] + 1 if years else k
    return out


LOCATIVE = {"across", "throughout", "around", "in", "from", "to", "near", "outside", "at"}
LOCATIVE |= {"within", "beyond", "over", "along", "abroad"}


def located(s: Sentence, start: int, m: Mention) -> bool:
    """The first name after a cue comes after a locative preposition, not "with" or "of":
    "twin towns across the Baltic", "sister cities in Japan"."""
    i = m.start - 1
    while i >= start and s.tokens[i].lower_ in ("the", "a", "an"):
        i -= 1
    return i >= start and s.tokens[i].lower_ in LOCATIVE


CONTINUING = (
    ("the", "most", "recent", "is"),
    ("the", "most", "recent", "was"),
    ("the", "latest", "is"),
    ("the", "latest", "was"),
    ("the", "newest", "is"),
    ("the", "oldest", "is"),
    ("the", "first", "was"),
    ("the", "first", "is"),
    ("among", "them", "are"),
    ("among", "these", "are"),
    ("among", "them"),
    ("they", "include"),
    ("these", "include"),
    ("they", "are"),
    ("these", "are"),
    ("they", "were"),
    ("the", "cities", "are"),
    ("the", "towns", "are"),
    ("the", "others", "are"),
    ("the", "other", "cities", "are"),
    ("the", "other", "towns", "are"),
    ("the", "other", "n", "are"),
    ("the", "other", "n", "cities", "are"),
)
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


def _after_opening(s: Sentence) -> int:
    """The token after an opening phrase and its comma ("In addition to Jakarta, "), else 0."""
    for i in range(1, min(len(s.tokens), 7)):
        if s.tokens[i].text == ",":
            return (
                i + 1 if s.tokens[0].lower_ in ("in", "besides", "apart", "beyond", "other") else 0
            )
    return 0


def continued(s: Sentence, place: object) -> list[tuple[Known, Known, str, int | None]]:
    """ "Malmö has twin towns across the Baltic. Among them are Gdańsk, Riga and Tallinn.":
    the sentence right after one that spoke of a subject's partners without naming them
    names them."""
    spoken = s.context.tie_plural
    if spoken is None or spoken[2] != s.context.units - 1:
        return []
    at = _after_opening(s)  # "In addition to Jakarta, the cities are Beijing, ..."
    words = [t.lower_ for t in s.tokens[at : at + 5]]
    words = [("n" if w[:1].isdigit() or w in NUMBER_WORDS else w) for w in words]
    lead = next((p for p in CONTINUING if tuple(words[: len(p)]) == p), None) or _named_group(words)
    if lead is None:
        return []
    out: list[tuple[Known, Known, str, int | None]] = []
    semicolons = any(t.text == ";" for t in s.tokens)
    previous: Mention | None = None
    ends: list[int] = []
    for m in s.objects_after(at + len(lead), ("PLACE", "NAME"), lead=2, gap=3, semicolons=True):
        if previous is not None and (
            (s.prev(m.start) == "in" and m.start - previous.end <= 2)
            or (semicolons and _same_item(s, previous, m))
        ):
            continue  # "Tacoma in Washington State", "Manado, North Sulawesi": where it lies
        found = place(s, m, strong=True)  # type: ignore[operator]
        if found is not None and found != spoken[0]:
            out.append((spoken[0], found, spoken[1], None))
            previous = m
            ends.append(m.end)
        if lead[-1] in ("is", "was"):
            break  # "The most recent is Katowice, which signed in 2012"
    if semicolons:  # "Bitung and Manado in 1993; Tacoma in 1994": each item's year
        out = [(*o[:3], _item_year(s, end)) for o, end in zip(out, ends, strict=True)]
    else:  # "They include Berlin (1991), Budapest (2005) and Chicago (1960)"
        out = [(*o[:3], bracket_year(s, end)) for o, end in zip(out, ends, strict=True)]
    return out


def bracket_year(s: Sentence, end: int) -> int | None:
    """The year in brackets right after a partner ending at ``end``: "Berlin (1991)",
    "Chicago (since 1960)"."""
    toks = s.tokens
    if end >= len(toks) or toks[end].text != "(":
        return None
    k = end + 1
    if k < len(toks) and toks[k].lower_ in ("since", "from", "est.", "established"):
        k += 1
    found = year_at(toks, k)
    return found[0] if found is not None else None


def _item_year(s: Sentence, end: int) -> int | None:
    """The first year after ``end`` in its semicolon-separated item."""
    for i in range(end, len(s.tokens)):
        if s.tokens[i].text == ";":
            return None
        found = year_at(s.tokens, i)
        if found is not None:
            return found[0]
    return None


# "International partners include", "Its other twin towns are": the partners a sentence
# before counted, named
GROUP_MODIFIERS = {"international", "foreign", "overseas", "other", "local", "domestic", "its"}
GROUP_MODIFIERS |= {"their", "current", "present"}
GROUP_NOUNS = {"partners", "cities", "towns", "twins", "sisters", "ones", "partnerships"}


def _named_group(words: list[str]) -> tuple[str, ...] | None:
    k = 0
    while k < len(words) and k < 2 and words[k] in GROUP_MODIFIERS:
        k += 1
    if k + 1 < len(words) and words[k] in GROUP_NOUNS and words[k + 1] in ("include", "are"):
        return tuple(words[: k + 2])
    return None


def _same_item(s: Sentence, previous: Mention, m: Mention) -> bool:
    """In a list of semicolon-separated items, a name in the same item as the last partner
    after only a comma ("Manado, North Sulawesi in 1993;"): where it lies."""
    between = [t.text for t in s.tokens[previous.end : m.start]]
    return between == [","] and m.label == "NAME"


SAME_AS = (("so", "is"), ("so", "are"), ("so", "was"), ("so", "were"), ("as", "is"))
ADDED = {"added", "acquired", "gained"}


def repeated(s: Sentence, place: object) -> list[tuple[Known, Known, str, int | None]]:
    """A sentence that repeats the last tie for another place, right after it: "Kiel is
    twinned with Coventry. So is Dresden." (Dresden and Coventry); "Coventry has been
    twinned with Stalingrad since 1944. Dresden followed in 1959 and Kiel in 1967."
    (Coventry's); "Two years later, it added Naas." (the last tie's subject's)."""
    from citydip.ingest.text.normalise import years_in

    last = s.context.last_tie
    if last is None or last[3] != s.context.units - 1:
        return []
    subject, partner, kind, _ = last
    words = [t.lower_ for t in s.tokens[:2]]
    places = [m for m in s.mentions if m.label in ("PLACE", "NAME")]
    if tuple(words) in SAME_AS and places and places[0].start == 2:
        found = place(s, places[0], strong=True)  # type: ignore[operator]
        return [(found, partner, kind, None)] if found not in (None, partner) else []
    out: list[tuple[Known, Known, str, int | None]] = []
    for i, t in enumerate(s.tokens):
        if t.lower_ == "followed" and places and places[0].end == i and places[0].start <= 1:
            anchors = [places[0]] + [m for m in places[1:] if s.prev(m.start) == "and"]
        elif t.lower_ in ADDED and i > 0:
            anchors = [m for m in places if m.start > i][:1]
            if not anchors or anchors[0].start > i + 2:
                return []
        else:
            continue
        for m in anchors:
            found = place(s, m, strong=True)  # type: ignore[operator]
            years = years_in(s.doc, m.end, min(len(s.tokens), m.end + 4))
            if found is not None and found not in (subject, partner):
                out.append((subject, found, kind, years[0][1] if years else None))
        break
    return out


CONTRASTING = {"like", "unlike", "besides", "than"}


def contrasted(s: Sentence, m: Mention) -> bool:
    """A name set against the subject inside the object list: "like those of Nagoya"."""
    i = m.start - 1
    while i >= 0 and s.tokens[i].lower_ in ("the", "those", "that", "of", "for", "in"):
        i -= 1
    return i >= 0 and s.tokens[i].lower_ in CONTRASTING


def fronted_subject(s: Sentence, a: int, after: int) -> Known | None:
    """ "Twinned with Amiens since 1965, Darlington welcomed ...": a participle opening the
    sentence, its subject the first place after the comma that closes it."""
    if any(t.text[:1].isalpha() for t in s.tokens[:a]) or a > 2:
        return None
    if s.tokens[a].lower_ not in PARTICIPLES:
        return None  # "Sister cities: Turku, Bergen": a list, no participle
    comma = next(
        (i for i in range(after, min(len(s.tokens), after + 8)) if s.tokens[i].text == ","), None
    )
    if comma is None:
        return None
    m = next((m for m in s.mentions if m.start > comma), None)
    if m is None or m.label not in ("PLACE", "NAME"):
        return None
    if any(t.lower_ not in ("the", "city", "town", "of") for t in s.tokens[comma + 1 : m.start]):
        return None
    found = s.known(m, place=True)
    return found[0] if found and found[0].label == "PLACE" else None


def among_its(s: Sentence, a: int) -> Pair | None:
    """ "Norwich counts Rouen among its twin cities": the place before "among its" is the
    partner, the clause's first place the subject."""
    i = a - 1
    while i >= 0 and a - i <= 3 and s.tokens[i].lower_ not in ("its", "their"):
        i -= 1
    if i < 2 or s.tokens[i].lower_ not in ("its", "their") or s.tokens[i - 1].lower_ != "among":
        return None
    named = next((m for m in s.mentions if m.end == i - 1 and m.label in ("PLACE", "NAME")), None)
    if named is None:
        return None
    first = next((m for m in s.mentions if m.label in ("PLACE", "NAME")), None)
    if first is None or first is named:
        return None
    one, two = s.known(first, place=True), s.known(named, place=True)
    if not one or not two or one[0] == two[0] or "PLACE" not in (one[0].label, two[0].label):
        return None
    return (one[0], two[0], a, 0.85)


def their_pair(s: Sentence, a: int) -> Pair | None:
    """ "Their twinning dates from 1971": a bare tie noun after "their" in a sentence that
    names no place is the tie of the last two places named."""
    if s.prev(a) != "their" or s.tokens[a].lower_ not in JOINT:
        return None
    if any(m.label in ("PLACE", "NAME") for m in s.mentions):
        return None
    cities = s.context.cities
    if len(cities) < 2 or cities[-1] == cities[-2]:
        return None
    return (cities[-2], cities[-1], a, 0.8)


def but_with(s: Sentence, end: int, place: object) -> Known | None:
    """ "not twinned with Lviv, but with Narbonne": the place after "but (with)" right after
    a denied partner is a partner."""
    words = [t.lower_ for t in s.tokens[end : end + 4]]
    if "but" not in words[:2]:
        return None
    at = end + words.index("but") + 1
    if at < len(s.tokens) and s.tokens[at].lower_ in ("with", "rather", "instead"):
        at += 1
    m = next((m for m in s.mentions if m.start == at and m.label in ("PLACE", "NAME")), None)
    return place(s, m, strong=True) if m is not None else None  # type: ignore[operator]


def alias(s: Sentence, previous: Mention, m: Mention) -> bool:
    """ "Volgograd (Stalingrad)": a name in brackets right after a partner is its other name."""
    return (
        m.start == previous.end + 1
        and s.tokens[previous.end].text == "("
        and m.end < len(s.tokens)
        and s.tokens[m.end].text == ")"
    )


def its_twin(s: Sentence, a: int) -> bool:
    """ "its German twin, Bad Wurzach": a bare "twin" after "its"/"their" (and a word or two
    such as a demonym), then a comma and the partner."""
    i = a - 1
    while i >= 0 and a - i <= 3 and s.tokens[i].lower_ not in ("its", "their", "the"):
        i -= 1
    if i < 0 or s.tokens[i].lower_ not in ("its", "their", "the"):
        return False
    if s.tokens[i].lower_ == "the" and (i > 0 or s.context.last_subject is None):
        return False  # "The partner, Riga, ...": only opening a sentence, after a subject
    return (
        a + 2 < len(s.tokens)
        and s.tokens[a + 1].text == ","
        and any(m.start == a + 2 and m.label in ("PLACE", "NAME") for m in s.mentions)
    )


def possessor(s: Sentence, a: int) -> Known | None:
    """The place ``possessive_before(s, a)`` names."""
    m = possessive_before(s, a)
    found = s.known(m, place=m.label == "NAME") if m is not None else []
    return found[0] if found and found[0].label == "PLACE" else None


def possessive_before(s: Sentence, a: int) -> Mention | None:
    """ "Bristol's partner city", "Birmingham's longest standing partner city", "Curitiba's
    16th sister city": the possessive mention whose tie the cue at token ``a`` names."""
    for m in s.mentions:
        if not m.possessive or m.label not in ("PLACE", "NAME") or not m.end + 1 <= a:
            continue
        between = s.tokens[m.end + 1 : a]
        if len(between) <= 3 and all(t.text.islower() or t.text == "-" for t in between):
            return m
    return None


def _its_owner(s: Sentence, a: int, nearest: bool) -> Known | None:
    """ "its"/"their" as the last mention before a cue, after a possessive place in the same
    clause: that place ("Wallingford's relations with its German twin")."""
    before = [m for m in s.mentions if m.end <= a]
    if (
        not before
        or before[-1].label != "REF"
        or s.tokens[before[-1].start].lower_
        not in (
            "its",
            "their",
        )
    ):
        return None
    ref = before[-1]
    owner = next(
        (
            m
            for m in reversed(before[:-1])
            if m.possessive and m.label in ("PLACE", "NAME") and ref.start - m.end <= 8
        ),
        None,
    )
    if owner is None and nearest:  # "the town of Wallingford is trying to break its
        # twinning": the nearest place before "its" in its clause, when "its" has no referent
        owner = next(
            (
                m
                for m in reversed(before[:-1])
                if m.label in ("PLACE", "NAME") and ref.start - m.end <= 10
            ),
            None,
        )
        if owner is not None and s.prev(owner.start) in ("with", "to", "from", "for", "by"):
            return None
    if owner is None or {t.lower_ for t in s.tokens[owner.end : ref.start]} & {";", ".", "but"}:
        return None
    found = s.known(owner, place=True)
    return found[0] if found and found[0].label == "PLACE" else None
