"""Tie shapes beyond "A is twinned with B" (issue 22), used by ``rules_ties``:

- ``between_pairs``: "an agreement between A and B", "the sister city partnership was
  between Paderborn, Germany and Le Mans, France", "agreements were signed between A, P and
  B, Q, and C, R and D, S" (places in order, two by two; a region or a place after "in" is
  where a city lies, not a side);
- ``pair_after``: "One of the best sister-city pairs is Houston, Texas and Leipzig";
- ``elided``: "Vladivostok became a sister city in 1992, and Shanghai on 28 August 1993":
  the second clause keeps the first one's verb and its other side;
- ``reported_denial``: a tie someone "claimed" that the text then denies ("it is not, and
  never has been") is a denied tie.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from citydip.ingest.text.mentions import DESCRIPTOR_HEADS, PLURAL_HEADS, Mention
from citydip.ingest.text.normalise import WORD_NUMBERS, years_in
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import CLAUSE_BREAKS, Draft, Sentence
from citydip.ingest.text.tokens import token_list
from citydip.ingest.text.vocab import TIE_KIND_WORDS

REPORTING = {"claimed", "claim", "claims", "alleged", "allegedly", "rumoured", "rumored"}
REPORTING |= {"reportedly", "purported", "purportedly", "supposedly", "asserted", "falsely"}
REPORTING |= {"rumour", "rumours", "rumor", "rumors", "reports", "report", "stories", "story"}
REPORTING |= {"suggestions", "suggested", "believed", "belief", "post", "posts", "myth"}
REPORTING |= {"claims", "rumours", "speculation", "suggestion", "assertion", "assertions"}
DENIED = (
    ("it", "is", "not"),
    ("it", "was", "not"),
    ("it", "is", "n't"),
    ("never", "has", "been"),
    ("never", "have", "been"),
    ("never", "was"),
    ("never", "were"),
    (
        "not",
        "true",
    ),
    ("is", "false"),
    ("was", "false"),
    ("are", "false"),
    ("were", "false"),
    ("are", "untrue"),
    ("were", "untrue"),
    ("are", "unfounded"),
    ("is", "unfounded"),
    ("untrue",),
    ("a", "myth"),
    ("a", "hoax"),
    ("no", "such"),
)
PAIR_NOUNS = {"pair", "pairs", "pairing", "pairings", "couple"}
BE = {"is", "are", "was", "were", "be", "been", "remains", "remain"}


# what may stand between a cue and a later "between": "agreements were signed between",
# "agreements are in force between", "ties exist between"
BETWEEN_VERBS = {"made", "signed", "concluded", "established", "formed", "agreed", "sealed"}
BETWEEN_VERBS |= {"force", "exist", "exists", "existing", "existed"}


def between_pairs(
    s: Sentence, cue_end: int, place: object
) -> list[tuple[Known, Known, int, float]]:
    """Pairs after a "between" within three tokens of the cue's end."""
    toks = s.tokens
    at = next(
        (
            i
            for i in range(max(0, cue_end - 1), min(len(toks), cue_end + 9))
            if toks[i].lower_ == "between"
        ),
        None,
    )
    if at is None:
        return []
    gap = {t.lower_ for t in toks[cue_end:at]}
    if at > cue_end + 3 and (
        not gap & BETWEEN_VERBS
        or gap & (CLAUSE_BREAKS | {".", ",", "with"})
        or any(cue_end <= m.start < at and m.label in ("PLACE", "ORG") for m in s.mentions)
    ):
        return []  # "was made in the 1920s between A and B", not another clause's "between"
    return _two_by_two(s, at + 1, place)


def far_between(s: Sentence, cue_end: int, place: object) -> list[tuple[Known, Known, int, float]]:
    """ "a sister city agreement was signed to encourage ties in the fields of education,
    arts, culture, and technology between Hyderabad and Miyoshi": the agreement signed
    ("was signed" right after the cue), its sides after a "between" later in the sentence,
    no place named on the way."""
    toks = s.tokens
    words = [t.lower_ for t in toks[cue_end : cue_end + 3]]
    if not (words[:1] and words[0] in ("was", "were") and set(words[1:]) & BETWEEN_VERBS):
        return []
    at = next((i for i in range(cue_end, len(toks)) if toks[i].lower_ == "between"), None)
    if at is None or any(t.text in (".", ";") for t in toks[cue_end:at]):
        return []
    if any(cue_end <= m.start < at and m.label in ("PLACE", "ORG", "NAME") for m in s.mentions):
        return []
    return _two_by_two(s, at + 1, place)


def between_line(s: Sentence, place: object) -> list[tuple[Known, Known, int | None]]:
    """A line of a text about ties that opens with "Between" and its sides, with no tie
    word: "Between Delhi and London on 25/07/2002.", "Between Delhi and Moscow & St.
    Petersburg on 25/09/2002." (a record of the agreements): the ties, dated."""
    toks = s.tokens
    if not s.context.tie_topic or len(toks) < 4 or toks[0].lower_ != "between":
        return []
    pairs = _two_by_two(s, 1, place)
    if not pairs:
        return []
    years = {year for _, year in years_in(s.doc)}
    year = years.pop() if len(years) == 1 else None
    return [(one, two, year) for one, two, _, _ in pairs]


def pair_after(s: Sentence, cue_end: int, place: object) -> list[tuple[Known, Known, int, float]]:
    """ "sister-city pairs is A, X and B, Y": a pair noun or a copula, then two places."""
    toks = s.tokens
    words = [t.lower_ for t in toks[cue_end : cue_end + 3]]
    if not words or not (set(words[:2]) & (PAIR_NOUNS | BE)):
        return []
    start = cue_end + next(i for i, w in enumerate(words) if w in PAIR_NOUNS | BE) + 1
    while start < len(toks) and toks[start].lower_ in BE:
        start += 1
    word = toks[start].text if start < len(toks) else ""
    if word.isalpha() and word.islower() and word not in ("the", "a", "an", "between", "of"):
        return []  # "the sister city ties was aimed at Chicago, Jacksonville": a verb
    pairs = _two_by_two(s, start, place)
    return pairs[:1] if pairs and pairs[0][2] <= start + 12 else []


def _in_brackets_after(toks: list[Any], at: int, end: int) -> bool:
    """Token ``at`` is inside a bracket opened right after a name that ended at ``end``
    (at most "city" or "town" between)."""
    opened = next((i for i in range(at - 1, max(end - 1, at - 8), -1) if toks[i].text == "("), -1)
    if opened < end or any(t.text == ")" for t in toks[opened:at]):
        return False
    return all(t.lower_ in ("city", "town", "municipality") for t in toks[end:opened])


def _two_by_two(s: Sentence, start: int, place: object) -> list[tuple[Known, Known, int, float]]:
    toks = s.tokens
    places: list[tuple[Known, Mention]] = []
    for m in s.mentions:
        council = s.council_place(m) if m.label == "ORG" and m.start >= start else None
        if m.start < start or (m.label not in ("PLACE", "NAME") and council is None):
            continue
        if m.possessive:
            continue  # "Clover Moore's City of Sydney council": the owner is no side
        between = [t.lower_ for t in toks[start : m.start]]
        if set(between) & (CLAUSE_BREAKS | {".", "with", "to", "for", "including", "among", '"'}):
            break  # "between the capital and Russian cities, including Moscow and Tver"; a
            # quotation's end ('... between the capitals," the ambassador said at X')
        if m.label == "NAME" and m.text.split()[-1].islower():
            continue  # "City of" before "Sydney": a fragment of a council's name
        lead = m.start
        while lead > start and toks[lead - 1].text in ("North", "South", "East", "West"):
            lead -= 1  # "Keighley in West Yorkshire"
        if places and _in_brackets_after(toks, lead, places[-1][1].end):
            continue  # "between Hoi An city (Quang Nam province, Vietnam) and ...": where the
            # place before the bracket lies
        found = council or place(s, m)  # type: ignore[operator]
        if places and (
            (s.prev(lead) in ("in", "near", "of") and not set(between) & {"and", "&"})
            or (
                s.prev(m.start) == ","
                and places[-1][1].end == m.start - 1
                and not (
                    found is not None
                    and (found.id or found.geonames_id)
                    and found.level == "city"
                    and m.known is not None
                )
            )
        ):
            continue  # "Shibetsu City in Hokkaido", "Houston, Texas": where it lies (not a
            # city: "Tel Aviv Municipality, Edirne Municipality": the next pair's first side)
        known = m.known
        if (
            found is None
            and known is not None
            and known.label == "PLACE"
            and known.level not in ("region", "country")
            and not _region_word(s, m.end)
        ):
            found = known  # "Tongchuan, Shaanxi province": a city of prefecture rank
        if found is None and m.label == "NAME" and not _region_word(s, m.end):
            # a side of "between A and B" is a place even when the gazetteer lacks it
            found = Known(m.text, "PLACE", None, s.country_after(m), "city")
        if found is not None:
            places.append((found, m))
        start = m.end
    if len(places) < 2:
        return []
    joins = [
        [t.lower_ for t in toks[one.end : two.start] if t.lower_ != "the"]
        for (_, one), (_, two) in pairwise(places)
    ]
    several = _several_sides(s, places, joins)
    if several:
        return several
    if (
        len(places) >= 3
        and joins[0] in (["and"], ["&"])
        and (len(places) % 2 == 1 or joins[-1] == [",", "and"])
        and not any("and" in join for join in joins[1:-1])
    ):
        # "between Davao City and Iligan City, Kalibo, General Santos City, and Cagayan de
        # Oro City": one side and a list of the others (not "A and B, C and D": pairs)
        first = places[0][0]
        return [(first, b, mb.end, 0.85) for b, mb in places[1:] if b != first]
    out = []
    for k in range(0, len(places) - 1, 2):
        (a, _), (b, mb) = places[k], places[k + 1]
        if a != b:
            out.append((a, b, mb.end, 0.9))
    return out


# words that make one accord of three cities or more: every two of them are tied
MULTILATERAL = frozenset({"tripartite", "trilateral", "triangular", "quadripartite"})
MULTILATERAL |= {"quadrilateral", "multilateral", "trinational"}


def _several_sides(
    s: Sentence, places: list[tuple[Known, Mention]], joins: list[list[str]]
) -> list[tuple[Known, Known, int, float]]:
    """Three places or more after "between": every two of them when the accord is
    "tripartite" (or "trilateral", ...); else, when one join names a kind of place ("the
    German cities of Kiel and Bonn and the Polish city of Gdynia"), each place of one side
    with each of the other. Nothing otherwise."""
    if len(places) < 3 or any(
        t.lower_ in (";", ".") for t in s.tokens[places[0][1].end : places[-1][1].start]
    ):
        return []
    if not s.words.isdisjoint(MULTILATERAL):
        return [
            (one, two, m2.end, 0.85)
            for i, (one, _) in enumerate(places)
            for two, m2 in places[i + 1 :]
            if one != two
        ]
    cuts = [k for k, join in enumerate(joins) if not DESCRIPTOR_HEADS.isdisjoint(join)]
    if len(cuts) != 1 or any(
        join[:1] not in (["and"], [","], ["&"]) for join in joins[: cuts[0]] + joins[cuts[0] + 1 :]
    ):
        return []
    plural = s.prev(places[0][1].start) == "of" and s.prev(places[0][1].start - 1) in PLURAL_HEADS
    if not plural and PLURAL_HEADS.isdisjoint(joins[cuts[0]]):
        return []  # "between Merri-bek City Council and the City of Canterbury - Bankstown"
    left, right = places[: cuts[0] + 1], places[cuts[0] + 1 :]
    return [(one, two, m2.end, 0.85) for one, _ in left for two, m2 in right if one != two]


LIST_OPENERS = {"include", "includes", "included", "including", "are", "were", ":"}
PAIR_JOINS = {"and", "&", "-", "with"}


def paired_list(s: Sentence, cue_end: int, place: object) -> list[tuple[Known, Known, int, float]]:
    """ "Local twinning arrangements ... include Northwich and Carlow; Hartford and Mornant;
    Northwich and Dole": after the cue, a list whose items are each a pair of places (items
    split by semicolons, else by commas), two items at least."""
    doc = s.tokens
    opener = next(
        (
            k
            for k in range(cue_end, min(len(doc), cue_end + 10))
            if doc[k].lower_ in LIST_OPENERS | {"with"}
        ),
        None,
    )
    if opener is None or doc[opener].lower_ == "with":
        return []
    cut = ";" if any(t.text == ";" for t in doc[opener:]) else ","
    out: list[tuple[Known, Known, int, float]] = []
    item: list[tuple[Known, Mention]] = []
    k = opener + 1
    mentions = [
        m for m in s.mentions if m.start > opener and m.label in ("PLACE", "NAME", "COUNTRY")
    ]
    for m in [*mentions, None]:
        gap = doc[k : m.start] if m is not None else doc[k:]
        words = [t.lower_ for t in gap]
        if m is not None and m.label == "COUNTRY" and words in (["in"], [","], ["("]):
            k = m.end  # "Carlow in Ireland": where it lies
            continue
        if cut in words or m is None or (words in (["and"], ["."]) and len(item) == 2):
            if len(item) != 2 or item[0][0] == item[1][0]:
                break
            out.append((item[0][0], item[1][0], item[1][1].end, 0.85))
            item = []
            if m is None or words[-1:] == ["."]:
                break
            words = words[words.index(cut) + 1 :] if cut in words else words[1:]
        if m is None or m.label == "COUNTRY" or (words and not set(words) <= PAIR_JOINS | {")"}):
            break
        if item and not set(words) & PAIR_JOINS:
            break
        found = place(s, m) or m.known  # type: ignore[operator]
        if found is None and m.label == "NAME":
            found = Known(m.text, "PLACE")
        if found is None or found.label != "PLACE":
            break
        item.append((found, m))
        k = m.end
        if len(item) > 2:
            break
    return out if len(out) >= 2 else []


REGION_WORDS = {"province", "region", "state", "county", "prefecture", "oblast", "district"}


def _region_word(s: Sentence, at: int) -> bool:
    toks = s.tokens
    return at < len(toks) and toks[at].lower_ in REGION_WORDS


LATER = {"later", "after", "afterwards", "on"}
EARLIER = {"earlier", "before", "previously", "prior"}
SPANS = {"year": 1, "years": 1, "decade": 10, "decades": 10}


def relative_year(s: Sentence, upto: int | None = None) -> int | None:
    """ "five years later", "a decade later", "the following year", "the next year": a
    year counted from the last year named before it (in the sentence, else in the text)."""
    doc = s.doc
    tokens = token_list(doc)
    n = len(tokens)
    end = n if upto is None else min(n, upto)
    for i in range(end):
        word = tokens[i].lower_
        step: int | None = None
        follows = tokens[i + 1].lower_ if i + 1 < n else ""
        if word in SPANS and follows in LATER | EARLIER and i > 0:
            count = tokens[i - 1].lower_
            amount = 1 if count in ("a", "one") else WORD_NUMBERS.get(count)
            if amount is None and count.isdigit():
                amount = int(count)
            if amount is not None:  # "a year earlier": counted back
                step = amount * SPANS[word] * (-1 if follows in EARLIER else 1)
        elif word in ("following", "next") and follows == "year":
            step = 1
        elif word == "since" and follows == "then" and i <= 1:
            step = 0  # "Since then, Wilmington is a Sister City to ...": from the year just read
        if step is None:
            continue
        earlier = [y for at, y in years_in(doc, 0, i)]
        base = earlier[-1] if earlier else s.context.last_year
        return base + step if base is not None else None
    return None


# a denial of what is reported, said before the report: "there is no truth in reports that",
# "the council dismissed claims that", "contrary to rumours"
DENIED_BEFORE: tuple[tuple[str, ...], ...] = (
    ("no", "truth"),
    ("not", "true"),
    ("dismissed",),
    ("denied",),
    ("denies",),
    ("deny",),
    ("debunked",),
    ("rejected",),
    ("refuted",),
    ("contrary", "to"),
    ("false",),
    ("baseless",),
    ("unfounded",),
)


def reported_denial(s: Sentence, a: int) -> bool:
    """A cue inside what someone claimed, with a denial after it in the sentence, or before
    the report ("there is no truth in reports that A is twinned with B")."""
    toks = s.tokens
    before = {t.lower_ for t in toks[max(0, a - 14) : a]}
    if not before & REPORTING:
        return False
    report = max(i for i in range(max(0, a - 14), a) if toks[i].lower_ in REPORTING)
    lead = [t.lower_ for t in toks[max(0, report - 6) : report]]
    for n in range(len(lead)):
        for opening in DENIED_BEFORE:
            if tuple(lead[n : n + len(opening)]) == opening:
                return True
    words = [t.lower_ for t in toks[a:]]
    for n in range(len(words)):
        for phrase in DENIED:
            if tuple(words[n : n + len(phrase)]) == phrase:
                return True
    return False


def elided(
    s: Sentence, after: int, other: Known, place: object
) -> list[tuple[Known, int | None, int]]:
    """ ", and B in 1993" after a tie clause: (partner, year, end) for each elided clause
    (a place then a date, no verb of its own), the tie's other side being ``other``."""
    out: list[tuple[Known, int | None, int]] = []
    i = after
    doc = s.tokens
    while i < len(doc):
        if doc[i].lower_ not in (",", "and", ";"):
            i += 1
            if i - after > 12:
                break
            continue
        j = i
        while j < len(doc) and doc[j].lower_ in (",", "and", ";", "then"):
            j += 1
        j = _past_descriptor(doc, j)  # ", and the U.S. city of Albuquerque in 1990"
        m = next((m for m in s.mentions if m.start == j and m.label in ("PLACE", "NAME")), None)
        if m is None:
            i = j + 1
            continue
        k = m.end
        if k < len(doc) and doc[k].lower_ not in ("in", "on", "since", "from", "(", ","):
            break  # "and Shanghai signed ...": a clause with its own verb
        years = years_in(s.doc, k, min(len(doc), k + 6))
        if not years:
            break
        found = place(s, m)  # type: ignore[operator]
        if found is None or found == other:
            break
        s.objects.add(id(m))  # no subject for a later cue of the sentence
        out.append((found, years[0][1], years[0][0] + 1))
        after = i = years[0][0] + 1
    return out


def _past_descriptor(doc: Any, j: int) -> int:
    """The token after "the U.S. city of" / "the African city of" at ``j``, else ``j``."""
    if j >= len(doc) or doc[j].lower_ != "the":
        return j
    for k in range(j + 1, min(len(doc), j + 5)):
        if doc[k].lower_ == "of" and k > j + 1 and doc[k - 1].lower_ in DESCRIPTOR_HEADS:
            return k + 1
    return j


FIRSTS = {"first", "earliest", "oldest"}


def _recent_tie(s: Sentence) -> tuple[Known, Known, str, int] | None:
    """The tie read in this unit or the two before it (subject, partner, kind, unit)."""
    last = s.context.last_tie
    return last if last is not None and last[3] >= s.context.units - 2 else None


def ordinal_sequence(s: Sentence) -> list[Draft]:
    """ "Ramallah is the fifth city that Dublin has a twinning agreement with. The first was
    San Jose in 1986, followed by Liverpool in 1997, then Barcelona the following year, and
    Beijing in 2010.": right after a tie, a sentence opening "The first was" names earlier
    partners of the same city, in order, each with the year after it ("the following year":
    the one before plus one)."""
    doc = s.tokens
    if len(doc) < 4 or doc[0].lower_ != "the" or doc[1].lower_ not in FIRSTS:
        return []
    if doc[2].lower_ not in ("was", "is", ","):
        return []
    last = _recent_tie(s)
    if last is None:
        return []
    subject, kind = last[0], last[2]
    partners: list[tuple[Known, Mention]] = []
    for m in s.mentions:
        if m.start < 3 or m.label not in ("PLACE", "NAME"):
            continue
        if partners and s.prev(m.start) in ("in", "near", ","):
            continue  # "San Jose in the United States", "Setagaya in Tokyo": where it lies
        found = s.known(m, place=True)
        if found and found[0].label == "PLACE" and found[0] != subject:
            partners.append((found[0], m))
    out = []
    year: int | None = None
    for n, (partner, m) in enumerate(partners):
        end = partners[n + 1][1].start if n + 1 < len(partners) else len(doc)
        words = [t.lower_ for t in doc[m.end : end]]
        found_year = s.year_after(m.end, end)
        if found_year is not None:
            year = found_year
        elif year is not None and "following" in words and "year" in words:
            year += 1
        else:
            year = None
        out.append(
            Draft(
                "tie",
                subject,
                partner,
                year=year,
                kind=kind,
                status="active",
                confidence=0.7,
                rule="tie:first",
            )
        )
    return out


OTHER_NOUNS = {"cities", "partners", "sister", "twin", "towns", "ones", "partner", "city"}
OTHER_NOUNS |= {"municipalities", "twins", "sisters", "sister-cities"}


KIN = {"sisters": "sister", "twins": "sister", "siblings": "sister"}


def kin_list(s: Sentence) -> list[Draft]:
    """ "six cities that are formally linked as Bandung's sisters: Braunschweig (Germany),
    Forth Worth, Texas (USA), Suwon (South Korea)": a place's possessive, a plural kin noun,
    then a colon or "are"/"include": the places after are its partners."""
    doc = s.tokens
    owner = next(
        (
            m
            for m in s.mentions
            if m.possessive
            and m.label == "PLACE"
            and m.end + 2 < len(doc)
            and doc[m.end + 1].lower_ in KIN
            and doc[m.end + 2].lower_ in (":", "are", "include", "were")
        ),
        None,
    )
    if owner is None:
        return []
    found = s.known(owner, place=True)
    if not found or found[0].label != "PLACE":
        return []
    kind = KIN[doc[owner.end + 1].lower_]
    out = []
    for m in s.objects_after(owner.end + 3, ("PLACE", "NAME"), lead=2, gap=4):
        located = any(o.end == m.start - 1 and o.label in ("PLACE", "NAME") for o in s.mentions)
        if s.prev(m.start) == "," and located:
            continue  # "Forth Worth, Texas": where it lies
        partner = s.known(m, place=True)
        if not partner and m.label == "NAME" and m.end < len(doc) and doc[m.end].text in ",(":
            partner = [Known(m.text, "PLACE", None, s.country_after(m), "city")]  # unknown
        if partner and partner[0].label == "PLACE" and partner[0] not in (found[0], None):
            if partner[0].regional:
                continue
            tie = Draft("tie", found[0], partner[0], kind=kind, status="active")
            tie.rule = "tie:kin list"
            out.append(tie)
    return out


def other_partners(s: Sentence) -> list[Draft]:
    """ "Seoul is one of the four cities that have relations with Jakarta. The other three
    are Rotterdam, Paris and Tokyo.": right after a tie, "The other (N) (cities) are"
    names more partners of the same city (the one of the pair the text is about)."""
    doc = s.tokens
    if len(doc) < 4 or doc[0].lower_ != "the" or doc[1].lower_ != "other":
        return []
    k = 2
    while k < len(doc) and (
        doc[k].lower_ in OTHER_NOUNS or doc[k].lower_ in WORD_NUMBERS or doc[k].text.isdigit()
    ):
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ("are", "were", "include", "included", ":"):
        return []
    last = _recent_tie(s)
    if last is None:
        return []
    main = s.context.main
    owner = last[1] if main is not None and main == last[1] else last[0]
    out = []
    for m in s.mentions:
        if m.start <= k or m.label not in ("PLACE", "NAME"):
            continue
        if s.prev(m.start) in ("in", "near") or (
            s.prev(m.start) == "," and any(o.end == m.start - 1 for o in s.mentions)
        ):
            continue  # "Almere in Holland", "Newark, New Jersey": where it lies
        found = s.known(m, place=True)
        if found and found[0].label == "PLACE" and found[0] != owner and not found[0].regional:
            out.append(
                Draft(
                    "tie",
                    owner,
                    found[0],
                    kind=last[2],
                    status="active",
                    confidence=0.7,
                    rule="tie:the-other",
                )
            )
    return out


FRONT_NOUNS = {"towns", "cities", "municipalities", "communities", "regions", "provinces"}


def fronted_pair(s: Sentence) -> list[Draft]:
    """ "Twin towns since 1983, Wesseling and West Devon have ...", "Sister cities for
    thirty years, A and B ...": a sentence that opens by calling the two places it names
    next a pair of twins."""
    doc = s.tokens
    if len(doc) < 6 or doc[0].lower_ not in TIE_KIND_WORDS or doc[1].lower_ not in FRONT_NOUNS:
        return []
    comma = next((k for k in range(2, min(len(doc), 8)) if doc[k].text == ","), None)
    if comma is None:
        return []
    places = [m for m in s.mentions if m.start > comma and m.label in ("PLACE", "NAME")]
    if len(places) < 2 or places[0].start != comma + 1:
        return []
    a, b = places[0], places[1]
    if [t.lower_ for t in doc[a.end : b.start]] not in (["and"], ["&"]):
        return []
    found_a, found_b = s.known(a, place=True), s.known(b, place=True)
    if not found_a or not found_b or found_a[0] == found_b[0]:
        return []
    years = years_in(s.doc, 2, comma)
    return [
        Draft(
            "tie",
            found_a[0],
            found_b[0],
            year=years[0][1] if years and doc[years[0][0] - 1].lower_ in ("since", "in") else None,
            kind=TIE_KIND_WORDS[doc[0].lower_],
            status="active",
            confidence=0.75,
            rule="tie:fronted-pair",
        )
    ]
