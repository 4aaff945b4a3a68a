"""Lists: bulleted or line-per-entry items under a heading or an intro line ending in a colon.

    frame_of(sentence, heading)  -> ListFrame | None   what the items that follow are
    read_item(sentence, frame, main) -> [Draft]        one item read in that frame

An intro ("Tampere's twin cities are:", "Partner cities with which Tampere signed
cooperation agreements:", "Graz is a member of:") or a heading made of list words and
place names ("Former twin towns", "Twin towns – sister cities", "Suspended twinning")
gives the list its subject (the place it names, else the text's main city), what the items
are (ties or memberships), the tie kind (sister, partner, friendship) and the status
(former → ended, suspended, proposed). An item gives the partner or the organization (the
first name in it: in a list of ties a name is a place even when the gazetteer lacks it),
its country ("Kaunas, Lithuania"), its years ("– 1991", "(since 1987)", "(1966–1992)")
and its own status ("(suspended in March 2022)", "(ended 2010)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from citydip.ingest.text.coref import BODY_NOUNS, PENDING
from citydip.ingest.text.mentions import GENERIC_AFTER, GOV_WORDS, HEADS, NAME_PARTICLES, Mention
from citydip.ingest.text.normalise import number_at, year_at, years_in
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import Draft, Sentence
from citydip.ingest.text.rules_roles import mayor_office, mayors_in
from citydip.ingest.text.rules_ties import proposing
from citydip.ingest.text.tokens import glued
from citydip.ingest.text.vocab import ROLE_WORDS, STATUS_WORDS, TIE_KIND_WORDS, role_of

JOIN_WORDS = {"joined", "participated", "participating", "founders", "founder"}
MEMBER_WORDS = {"member", "members", "membership", "memberships", "networks", "network"}
MEMBER_WORDS |= {"signatories", "signatory"}
FOUNDING = {"established", "founded", "founding", "founders", "founder", "created"}
LIST_NOUNS = {
    "city",
    "cities",
    "town",
    "towns",
    "municipality",
    "municipalities",
    "partnership",
    "partnerships",
    "twinning",
    "twinnings",
    "relations",
    "relationships",
    "links",
    "ties",
    "partners",
    "communities",
    "regions",
    "provinces",
    "states",
    "counties",
    "prefectures",
}
HEADING_GLUE = {"and", "-", ",", "'s", "of", "the", "international", "other", "current", "active"}
HEADING_GLUE |= {"list", "lists", "overview", "directory", "our", "status"}  # "Sister City List"
HEADING_GLUE |= {"exchange", "exchanges", "relations", "relationships"}  # "Friendly exchange city"
# where the partners are: "Local Sister-city Relations", "Foreign twin towns"
HEADING_GLUE |= {"local", "domestic", "foreign", "overseas", "national", "regional", "global"}


@dataclass(frozen=True)
class ListFrame:
    """What the items of a list are: ties (of a kind, with a status) or memberships."""

    mode: str  # tie | membership (items are organizations) | members (items are places)
    subject: Known | None
    kind: str = "unspecified"
    status: str = "active"
    role: str = "member"
    year: int | None = None  # "from 12 October 1982 establishing brotherly relations with:"


# the frame of a list nothing introduces, in a text about ties: only lines that pair two
# places are read
OPEN_FRAME = ListFrame("tie", None)

INTRO_ENDS = {"with", "include", "includes", "are", "were", "to"}


# items that are people: "Cllr. Mary Howard", "Mayor of Clare", "Dr Anne Lee"
PERSON_ITEMS = {"cllr", "councillor", "councilor", "mayor", "mr", "mrs", "ms", "dr", "sir"}
PERSON_ITEMS |= {"senator", "alderman", "deputy", "prof", "professor", "hon", "madam"}
# bodies whose members are people: "the members of the twinning committee"
PEOPLE_BODIES = {"committee", "board", "society", "association", "club", "commission"}


def frame_of(s: Sentence, heading: bool) -> ListFrame | None:
    """The frame an intro line or a heading sets, or None when it introduces no list."""
    words = [t.lower_ for t in s.tokens]
    kind = next((TIE_KIND_WORDS[w] for w in words if w in TIE_KIND_WORDS), None)
    status = next((STATUS_WORDS[w] for w in words if w in STATUS_WORDS), None)
    status = status or ("proposed" if proposing(s) else "active")
    if status == "active" and _until_year(s):
        status = "ended"  # "Twin and friendly towns until 2022:"
    subject = _named_place(s)
    if heading and kind is not None and words and words[-1] in INTRO_ENDS:
        return ListFrame("tie", subject, kind, status)  # "We have twinned with" + lines
    if heading and subject is None and _role_heading(words):
        # "Executive cities", "Vice-presidents", "Board members": the places listed hold a
        # role in the organization the text is about
        org = s.context.topic_org
        if org is not None:
            return ListFrame("members", org, role=role_of(words) or "member")
    if heading and subject is None and _member_heading(s):
        # "Full Members", "Member cities", "Members of CITYNET": the places listed are
        # members of the organization named, else of the one the text is about
        org = _named_org(s) or known_topic_org(s.context, s.registry)
        if org is not None:
            role = "founder" if set(words) & FOUNDING else "member"
            return ListFrame("members", org, role=role)
    if kind is None and _cooperation(words, heading):
        # "Other cooperations" over a list, "Lisbon has additional cooperation agreements
        # with:", "establishing brotherly relations with the following cities:": ties of no
        # stated kind
        return ListFrame("tie", subject, "unspecified", status, year=_intro_year(s, heading))
    if heading and not _list_heading(s):
        return None
    if heading and kind is not None and set(words) & COOPERATION:
        return ListFrame("tie", subject, kind, status)  # "Cooperation and friendship" + lines
    if heading and subject is not None and kind is None and _only_place(s):
        # a city's name as a header, then its partners ("Seoul" / "- KOR Dongdaemun ...")
        previous = s.context.heading_frame
        inherited = previous.kind if previous is not None else "unspecified"
        return ListFrame("tie", subject, inherited)
    if kind is not None and set(words) & {"member", "members"} and set(words) & PEOPLE_BODIES:
        return None  # "The members of the twinning committee are:": people
    if kind is not None and (not heading or set(words) & LIST_NOUNS):
        return ListFrame("tie", subject, kind, status)
    if not heading and set(words) & (MEMBER_WORDS | JOIN_WORDS):
        made_of = {"comprised", "composed", "consists", "consisting", "made"}  # "... of"
        ignored = {"of"} if set(words) & made_of else set()
        named = _named_org(s) if subject is None else None
        if named is not None and set(words) & MEMBER_WORDS:
            # "The new members of the UNESCO Creative Cities Network are:": its members
            return ListFrame("members", named, role=role_of(words) or "member")
        if subject is None and not (set(words) & {"of", "in"}) - ignored:
            # "The original 12 founding members were:", "Towns that joined later are:":
            # the items are members of the organization the text is about
            org = _named_org(s) or s.context.topic_org
            if org is not None:
                return ListFrame("members", org, role=role_of(words) or "member")
        return ListFrame("membership", subject)
    return None


COOPERATION = {"cooperation", "cooperations", "co-operation", "co-operations", "brotherly"}
COOPERATION |= {"fraternal", "fraternity"}
COOPERATION_GLUE = {"other", "international", "agreement", "agreements", "city", "cities"}
COOPERATION_GLUE |= {"and", "of", "further", "additional", "relations", "-", "towns"}


def _until_year(s: Sentence) -> bool:
    """ "until 2022" in an intro or heading: the ties listed under it ended then."""
    return any(
        t.lower_ == "until" and year_at(s.tokens, i + 1) is not None for i, t in enumerate(s.tokens)
    )


def _intro_year(s: Sentence, heading: bool) -> int | None:
    """The one year an intro line dates its list from ("from 12 October 1982", "since
    1990"), for the items that give none."""
    years = years_in(s.doc)
    if heading or len(years) != 1:
        return None
    at = years[0][0]
    before = {t.lower_ for t in s.tokens[max(0, at - 4) : at]}
    return years[0][1] if before & {"since", "from", "in"} else None


def _cooperation(words: list[str], heading: bool) -> bool:
    """A heading of cooperation words only ("Other cooperations", "Cooperation agreements"),
    or an intro line that ends on "with" or "cities" and speaks of cooperation."""
    words = [w for w in words if w.isalpha() or w == "-"]
    joined = " ".join(words).replace("co - operation", "co-operation").split()
    if not set(joined) & COOPERATION:
        return False
    if heading:
        return all(w in COOPERATION or w in COOPERATION_GLUE for w in joined)
    return bool(joined) and joined[-1] in ("with", "cities", "towns")


ROLE_HEADING_WORDS = {"cities", "city", "members", "member", "towns", "municipalities", "-"}
ROLE_HEADING_WORDS |= {"council", "committee", "steering", "vice", "co", "and", "of", "the"}


def _role_heading(words: list[str]) -> bool:
    """A heading of role words only: "Executive cities", "Vice-presidents", "Board"."""
    return (
        bool(words)
        and role_of(words) is not None
        and all(w in ROLE_WORDS or w in ROLE_HEADING_WORDS for w in words)
    )


MEMBER_HEADING_WORDS = {"member", "members", "participants", "signatories", "founding"}
MEMBER_HEADING_GLUE = {"full", "associate", "associated", "affiliate", "affiliated", "cities"}
MEMBER_HEADING_GLUE |= {"city", "towns", "municipalities", "local", "governments", "list"}
MEMBER_HEADING_GLUE |= {"of", "our", "current", "new", "participating", "the", "and", "-"}
MEMBER_HEADING_GLUE |= {"regular", "ordinary", "principal", "core", "network", "all"}


def _member_heading(s: Sentence) -> bool:
    """A heading of member words only ("Full Members", "Member cities", "Associate members",
    "Members of CITYNET"), not of a city's memberships ("Memberships")."""
    org = {i for m in s.mentions if m.label == "ORG" for i in range(m.start, m.end)}
    words = [t.lower_ for i, t in enumerate(s.tokens) if t.is_alpha and i not in org]
    return bool(set(words) & MEMBER_HEADING_WORDS) and all(
        w in MEMBER_HEADING_WORDS or w in MEMBER_HEADING_GLUE for w in words
    )


def known_topic_org(context: Any, registry: Any) -> Known | None:
    """The organization the text is about, preferring one the registry knows over a title
    read as a name ("Organizational Structure" / "CITYNET 2018-2021 Executive Committee")."""
    ranked = sorted(context.org_weight.items(), key=lambda kv: -kv[1])
    for key, _ in ranked:
        org = context.orgs[key]
        if org.id or registry.lookup(org.name) is not None:
            return org  # type: ignore[no-any-return]
    return context.topic_org  # type: ignore[no-any-return]


def _named_org(s: Sentence) -> Known | None:
    for m in s.mentions:
        if m.label == "ORG":
            found = s.known(m, labels=("ORG",))
            if found and found[0].label == "ORG":
                if found[0].id is None and m.text.split()[-1].lower() in BODY_NOUNS:
                    continue  # "Steering Committee members:": a body of the text's network
                return found[0]
    return None


LIST_VERBS = {"include", "includes", "included", "are", "were", "comprise", "comprises"}
WELCOME = {"welcome", "welcomes", "welcomed", "welcoming"}
MEMBER_ROWS = {"members", "member", "committee", "founders", "founding", "participants"}


def member_row(row: str | None) -> bool:
    """A table row whose label says its cells list members ("Steering Committee")."""
    return bool(row) and bool(set((row or "").lower().split()) & MEMBER_ROWS)


def member_cell(s: Sentence, row: str, org: Known | None) -> list[Draft]:
    """The places a member row's cell lists, members of ``org`` (two or more)."""
    if org is None:
        return []
    places = []
    for m in s.mentions:
        if m.label in ("PLACE", "NAME"):
            found = s.known(m, place=True)
            if found and found[0].label == "PLACE":
                places.append(found[0])
    if len(places) < 2:
        return []
    role = role_of(row.lower().split()) or "member"
    return [
        Draft("membership", p, org, confidence=0.7, rule="membership:table", role=role)
        for p in dict.fromkeys(places)
    ]


OFFICE_HOLDERS = {"mayor", "leader", "governor", "chair", "head", "president", "lord"}


def _office_place(s: Sentence) -> Mention | None:
    """The place a listed person holds office in: "Johanna Rolland, mayor of Nantes",
    "Albert Bore, leader of Birmingham City Council"."""
    for k in range(1, len(s.tokens) - 2):
        if s.tokens[k].lower_ in OFFICE_HOLDERS and s.tokens[k + 1].lower_ == "of":
            at = k + 3 if s.tokens[k + 2].lower_ == "the" else k + 2
            found = next((m for m in s.mentions if m.start == at), None)
            if found is not None and (found.label in ("PLACE", "NAME") or _placed(s, found)):
                return found
    return None


def member_list(s: Sentence) -> list[Draft]:
    """ "Steering committee members include: London, Freetown, Phoenix", "members
    participated: Île-de-France, Barcelona, Johannesburg": the places after the colon are
    members of the organization named before it, else of the one the text is about."""
    tokens = s.tokens
    colons = [i for i, t in enumerate(tokens) if t.text == ":"]
    colon = colons[0] if colons else None
    opening = 0  # where the words before the colon start
    for before, at in zip([-1, *colons], colons, strict=False):
        if not MEMBER_WORDS.isdisjoint(t.lower_ for t in tokens[before + 1 : at]):
            # "The following is a list of attendees: Full members: Balikpapan, ...": the
            # colon after the member words
            colon, opening = at, before + 1
    if colon is None:  # "Member cities of Eurocities include Bristol, Leeds and Lyon",
        # "Members include the mayors of Amman, Athens, ..."
        colon = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.lower_ in LIST_VERBS
                and (1 < i <= 8 or (i == 1 and tokens[0].lower_ in MEMBER_WORDS))
            ),
            None,
        )
    if colon is None or colon + 1 >= len(s.tokens):
        return []
    # words outside brackets: "Member cities (13 cities):"
    words = {t.lower_ for t in _outside_brackets(s.tokens[opening:colon])}
    welcomed = bool(words & WELCOME) and "new" in words  # "proud to welcome five new mayors:"
    founded_by = bool(words & FOUNDING) and "by" in words  # "founded in 1986 by the mayors
    # of six large cities: Barcelona, Birmingham, ..."
    if not words & (MEMBER_WORDS | JOIN_WORDS) and not welcomed and not founded_by:
        return []
    if any(m.label in ("PLACE", "NAME") and opening <= m.start < colon for m in s.mentions):
        return []
    named = _named_org(s)
    org = named or (None if words & {"of", "in"} else s.context.topic_org)
    if org is None:
        return []
    places = []
    tokens = s.tokens
    for m in s.mentions:
        if m.start > colon and m.label in ("PLACE", "NAME"):
            opened = [t.text for t in tokens[colon : m.start] if t.text in "()"]
            if opened and opened[-1] == "(":
                continue  # "Begues (Catalunya)", "Morella (País Valencià)": where it lies
            found = s.known(m, place=True)
            if found and found[0].label == "PLACE" and not found[0].regional:
                places.append(found[0])
    if len(places) < 2:
        return []
    role = role_of([t.lower_ for t in s.tokens[opening:colon]]) or "member"
    if words & FOUNDING and role == "member":
        role = "founder"  # "established in 1986 by the mayors of six cities: A, B, C"
    return [
        Draft("membership", p, org, confidence=0.75, rule="membership:list", role=role)
        for p in dict.fromkeys(places)
    ]


MEMBER_KINDS = {"cities", "towns", "municipalities", "governments", "regions", "states"}
# what opens the list after "member cities": "including A, B", "such as A and B", "like A"
PHRASE_OPENERS = {"including", "include", "includes", "like", "namely", "such"}


def member_phrase(s: Sentence) -> list[Draft]:
    """ "existing member cities including Brazzaville, Dubai, Mexico City and Montréal",
    "ICLEI member cities such as Oslo and Lisbon": the places listed after "member cities"
    and an opener are members of the organization named right before "member" or right
    after ("member cities of X"), else of the one the text is about. Two places at least;
    the list ends at its clause."""
    if s.words.isdisjoint(("member", "members")) or s.words.isdisjoint(PHRASE_OPENERS):
        return []
    toks = s.tokens
    for k, t in enumerate(toks):
        if t.lower_ not in ("member", "members") or k + 2 >= len(toks):
            continue
        j = k + 1 if toks[k + 1].lower_ in MEMBER_KINDS else k
        if j == k and t.lower_ == "member":
            continue  # "a member such as": a member alone is no list's head
        org_after = None
        if toks[j + 1].lower_ == "of":  # "member cities of Eurocities, including ..."
            org_after = next(
                (m for m in s.mentions if m.label == "ORG" and j + 2 <= m.start <= j + 3), None
            )
            if org_after is None:
                continue
            j = org_after.end - 1
            if j + 1 < len(toks) and toks[j + 1].text == ",":
                j += 1
        opener = j + 1
        if opener >= len(toks) or toks[opener].lower_ not in PHRASE_OPENERS:
            continue
        if toks[opener].lower_ == "such":
            opener += 1  # "such as"
            if opener >= len(toks) or toks[opener].lower_ != "as":
                continue
        org_before = next((m for m in s.mentions if m.label == "ORG" and m.end == k), None)
        named = org_after or org_before
        org = None
        if named is not None:
            found = s.known(named, labels=("ORG",))
            org = found[0] if found and found[0].label == "ORG" else None
        org = org or (s.context.topic_org if named is None else None)
        if org is None or org.label != "ORG":
            continue
        places = []
        for m in s.objects_after(opener + 1, ("PLACE", "NAME"), lead=2, gap=3):
            found = s.known(m, place=True)
            if found and found[0].label == "PLACE" and not found[0].regional:
                places.append(found[0])
        if len(places) < 2:
            continue
        return [
            Draft("membership", p, org, confidence=0.7, rule="membership:member-phrase",
                  role="member")
            for p in dict.fromkeys(places)
        ]  # fmt: skip
    return []


ENTRY_DASHES = {"-", "–", "—"}


def dash_entry(s: Sentence) -> list[Draft]:
    """A sentence that opens with a partner and a dash under a heading of ties ("Sister
    Cities" / "Budapest – the cooperation agreement was signed in 2005."): a tie of the
    list's subject (else the text's city) with that place, dated by the line's year when it
    gives one; not when the line names another place."""
    frame = s.context.heading_frame
    toks = s.tokens
    if frame is None or frame.mode != "tie" or frame.kind == "unspecified" or len(toks) < 4:
        return []
    first = s.mentions[0] if s.mentions else None
    if first is None or first.start != 0 or first.label not in ("PLACE", "NAME"):
        return []
    if first.end >= len(toks) or toks[first.end].text not in ENTRY_DASHES:
        return []
    subject = frame.subject if frame.subject not in (None, PENDING) else s.context.main
    found = s.known(first, place=True)
    if subject is None or not found or found[0].label != "PLACE" or found[0] == subject:
        return []
    own = {found[0], subject}
    for m in s.mentions[1:]:
        if m.label in ("PLACE", "NAME") and not set(s.known(m, place=True)[:1]) <= own:
            return []  # "Lyon – its partnership with Turin ...": not the entry's own tie
    years = years_in(s.doc, first.end)
    return [
        Draft("tie", subject, found[0], year=years[0][1] if len(years) == 1 else None,
              kind=frame.kind, status=frame.status, confidence=0.7, rule="tie:dash-entry")
    ]  # fmt: skip


def _placed(s: Sentence, m: Mention) -> bool:
    """A mention naming a place: a place or unknown name, or a council ("Chiayi City
    Government", "City of Yeosu") whose place is known."""
    return m.label in ("PLACE", "NAME") or (m.label == "ORG" and s.council_place(m) is not None)


SITE_WORDS = {"government", "council", "municipal", "metropolitan", "official", "website"}
SITE_WORDS |= {"home", "site", "page", "portal", "office", "main", "menu", "contents"}
SITE_WORDS |= {"you", "are", "here", "our", "welcome", "to"}
# a document's own labels before a colon: "Documentation: Sister-city Relations of Cebu"
SITE_WORDS |= {"documentation", "section", "chapter", "part", "appendix", "annex", "exhibit"}
SITE_WORDS |= {"attachment", "table", "background", "subject", "topic", "re", "overview"}


def _list_heading(s: Sentence) -> bool:
    """A heading of list words and place names only ("Tampere's former twin towns"), or
    of such a part beside a site's name ("Chiayi City Government - Sister Cities", "Home >
    City & Partnerships > Twinned towns")."""
    parts = _heading_parts(s)
    if len(parts) > 1:
        listing = LIST_NOUNS | set(TIE_KIND_WORDS)
        return any(
            _list_words(s, a, b) and any(t.lower_ in listing for t in s.tokens[a:b])
            for a, b in parts
        ) and all(_list_words(s, a, b, SITE_WORDS) for a, b in parts)
    return _list_words(s, 0, len(s.tokens))


def _heading_parts(s: Sentence) -> list[tuple[int, int]]:
    """A heading's parts between separators: a spaced dash, "|", ">" or ":"."""
    cuts = [
        i
        for i, t in enumerate(s.tokens)
        if t.text in ("|", ">", ":")
        or (t.text in ("-", "--") and i > 0 and not glued(s.tokens[i - 1], t))
    ]
    bounds = [-1, *cuts, len(s.tokens)]
    return [(a + 1, b) for a, b in pairwise(bounds) if b > a + 1]


def _list_words(s: Sentence, a: int, b: int, also: set[str] | None = None) -> bool:
    """Tokens ``a``..``b`` are list words, status words and place names (and ``also``)."""
    inside = {i for m in s.mentions if _placed(s, m) for i in range(m.start, m.end)}
    tokens = s.tokens
    for i in range(a, b):
        token = tokens[i]
        word = token.lower_
        if also is not None and word in also:
            continue
        if i in inside or word in HEADING_GLUE or not token.is_alpha:
            continue
        listing = word in LIST_NOUNS or word in TIE_KIND_WORDS or word in AGREEMENT_LISTS
        listing = listing or word in COOPERATION  # "Cooperation and friendship"
        if not listing and word not in STATUS_WORDS:
            return False
    return True


# "Sister cities partnership agreements", "Twinning agreements": a list of agreements is a
# list of ties
AGREEMENT_LISTS = {"agreements", "arrangements", "accords", "external"}


def _only_place(s: Sentence) -> bool:
    inside = {i for m in s.mentions if m.label in ("PLACE", "NAME") for i in range(m.start, m.end)}
    return all(i in inside or not t.is_alpha for i, t in enumerate(s.tokens))


def _named_place(s: Sentence) -> Known | None:
    """The place a list's intro or heading is of: the one written right before its kind
    words ("Dublin will be joining a long list of Montreal sister cities including:"), else
    the first one it names."""
    for m in s.mentions:
        if m.label not in ("PLACE", "NAME") or m.end >= len(s.tokens) - 1:
            continue
        if s.tokens[m.end].lower_ in TIE_KIND_WORDS and s.tokens[m.end].lower_ != "partner":
            found = s.known(m, place=m.label == "NAME")
            if found and found[0].label == "PLACE":
                return found[0]
    for m in s.mentions:
        if m.label == "ORG" and s.council_place(m) is not None:
            return s.council_place(m)
        if m.label in ("PLACE", "NAME") or (m.label == "REF" and m.ref != "pair"):
            found = s.known(m, place=m.label == "NAME")
            if found and found[0].label == "PLACE":
                return found[0]
    return None


COLUMN_DATES = {"date", "since", "year", "established", "signing", "signed", "twinned"}
COLUMN_PLACES = {"city", "cities", "town", "towns", "municipality", "partner", "partners", "name"}
_ROW_SPLIT = re.compile(r"\t+|\s{2,}|\s*\|\s*")
_THOUSANDS = re.compile(r"\(\s*(?:1,000|1000|thousands?)(?:\s+people)?\s*\)|\bthousands?\b", re.I)


ENTRY_GLUE = {",", "(", ")", "/", "-", "the", "since", "in", "from", ".", ":", "and"}
ENTRY_GLUE |= {"city", "town", "municipality"}  # "Gifu City, Japan"


def entry_heading(s: Sentence, frame: ListFrame | None, main: Known | None) -> list[Draft]:
    """A heading that is one entry of the list its frame opened: "Shenyang, China",
    "Bischofsheim (Germany)", "Washington/Missouri, USA", "WETZLAR (Germany) since 1969",
    "Hachinohe, Japan | tagline". Its place (with a country, a year or a known name)
    is the partner; the lines under it (its date, its population) belong to it."""
    if frame is None or frame.mode != "tie":
        return []
    subject = frame.subject or main
    end = next((i for i, t in enumerate(s.tokens) if t.text == "|"), len(s.tokens))
    first = next((m for m in s.mentions if m.label in ("PLACE", "NAME")), None)
    if subject is None or first is None or first.start > 0 or end < first.end:
        return []
    inside = {i for m in s.mentions if m.end <= end for i in range(m.start, m.end)}
    years = years_in(s.doc, first.end, end)
    dated = {i for i, _ in years}
    if not all(
        i in inside or i in dated or t.lower_ in ENTRY_GLUE for i, t in enumerate(s.tokens[:end])
    ):
        return []
    countries = [m for m in s.mentions if m.label == "COUNTRY" and m.end <= end]
    partner = _place(s, first, countries[0].code if countries else None)
    if partner is None or partner == subject:
        return []
    if not (countries or years or partner.id or partner.geonames_id):
        return []
    return [
        Draft(
            "tie",
            subject,
            partner,
            year=years[0][1] if years else None,
            kind=frame.kind,
            status=frame.status,
            confidence=0.8,
            rule="tie:entry",
        )
    ]


DATING_WORDS = {"signing", "signed", "agreement", "since", "established", "twinned", "twinning"}
DATING_WORDS |= {"partnership", "relationship", "linked", "friendship", "founded", "concluded"}
_POPULATION_LABEL = re.compile(
    r"^\s*(?:population|inhabitants|pop\.?)\s*[:.]?\s*"
    r"(?:(?:about|around|approx\.?|approximately|some|over|nearly|ca\.?)\s+)?(?=\d)",
    re.I,
)


def entry_year(s: Sentence) -> int | None:
    """The year a line under an entry dates it by ("Signing the agreement: 1990",
    "Partnership since 1987", "Friendly relationship established on December 9, 2003")."""
    words = s.words
    found = years_in(s.doc)
    if len(s.tokens) <= 3 and len(found) == 1 and all(not t.is_alpha for t in s.tokens):
        return found[0][1]  # a line that is only a year: "Berlin" / "Germany" / "1991"
    # "since" alone dates the entry only in a short line or one that names a tie ("Partnership
    # since 1987"), not "exchange programs with Lakehead University since 1988"
    since_dates = (
        len(s.tokens) <= 8
        or not words.isdisjoint(TIE_KIND_WORDS)
        or bool(words & (DATING_WORDS - {"since"}))
    )
    for k, t in enumerate(s.tokens):
        if t.lower_ in DATING_WORDS and (t.lower_ != "since" or since_dates):
            after = years_in(s.doc, k + 1)
            if after:
                return after[0][1]
    return None


def entry_kind(s: Sentence) -> str | None:
    """The kind a line under an entry names right before its dating word ("Partnership
    since 1987", "Friendly relationship established on ..."): the entry's own, over its
    heading's."""
    for k, t in enumerate(s.tokens):
        if t.lower_ in DATING_WORDS:
            before = [w.lower_ for w in s.tokens[max(0, k - 3) : k + 1]]
            return next((TIE_KIND_WORDS[w] for w in before if w in TIE_KIND_WORDS), None)
    return None


# The type of an agreement as a line of its own under an entry ("Sister Cities Agreement",
# "Cooperation Arrangement", "Declaration of Cooperation", "Memorandum of Understanding",
# "Friendship Agreement", "Letter of Intent").
AGREEMENT_NOUNS = {"agreement", "agreements", "arrangement", "declaration", "memorandum"}
AGREEMENT_NOUNS |= {"protocol", "accord", "charter", "letter", "mou", "treaty", "pact"}
AGREEMENT_NOUNS |= {"understanding", "intent", "intention"}
AGREEMENT_WORDS = AGREEMENT_NOUNS | {"cooperation", "co", "operation", "collaboration"}
AGREEMENT_WORDS |= {"city", "cities", "town", "towns", "of", "on", "and", "the", "joint"}
AGREEMENT_WORDS |= {"friendly", "exchange", "exchanges", "relations", "relationship"}


def agreement_kind(s: Sentence) -> str | None:
    """The kind of tie a line naming an agreement's type makes: sister for a sister-city or
    twinning agreement, friendship for a friendship one, partner for the others (partnership,
    cooperation, a memorandum); None for any other line."""
    words = [t.lower_ for t in s.tokens if t.is_alpha]
    if not words or len(words) > 8 or not set(words) & AGREEMENT_NOUNS:
        return None
    if not all(w in AGREEMENT_WORDS or w in TIE_KIND_WORDS for w in words):
        return None
    return next((TIE_KIND_WORDS[w] for w in words if w in TIE_KIND_WORDS), "partner")


def entry_population(s: Sentence, place: Known) -> list[Draft]:
    """A population label under an entry: "Population: 12 645 citizens", "Population :
    6.85 million", "Pop. 14,959"."""
    text = s.span_text(0, len(s.tokens))
    match = _POPULATION_LABEL.match(text)
    if match is None:
        return []
    at = next((i for i, t in enumerate(s.tokens) if t.idx - s.tokens[0].idx >= match.end()), None)
    number = number_at(s.tokens, at) if at is not None else None
    if number is None:
        return []
    return [
        Draft(
            "population", place, value=str(int(number[0])), confidence=0.8, rule="population:entry"
        )
    ]


class Entries:
    """Headings that are the entries of a list: the tie frame a list heading opened
    ("Friendship Cities", "Twin towns"), the entry read last and what its lines say."""

    def __init__(self) -> None:
        self.frame: ListFrame | None = None
        self.claim: Any = None  # the entry's tie (an ExtractedClaim), dated by its lines
        self.place: Known | None = None
        # an entry-like heading outside any list ("Nairobi City County Government, Republic
        # of Kenya"), a tie of the title's place once an agreement's type follows it
        self.pending: list[Draft] = []
        self.off = False  # the text's lists are bulleted lines under their headers

    def bulleted(self) -> None:
        """A header over bulleted items was read ("Gori" / "- Lutsk, Ukraine"): the text
        lists partners as bullets, so no heading of it is an entry ("Poti" / "Rustavi" are
        headers whose lists a copy lost)."""
        self.off = True
        self.frame = self.claim = self.place = None

    def see_frame(self, frame: ListFrame | None, main: Known | None) -> None:
        """A heading was read: a tie frame opens a list of entries (of the place it names,
        else of the text's main city now: the entries named later do not take over),
        another frame ends it."""
        if frame is not None and not self.off:
            # a frame of the city named later (PENDING) takes no entry headings: a city's name
            # under "Sister cities" is then the header of its own partners
            subject = frame.subject or main
            tie = frame.mode == "tie" and subject is not None and subject is not PENDING
            self.frame = ListFrame("tie", subject, frame.kind, frame.status) if tie else None
            self.claim = self.place = None

    def heading(self, s: Sentence, main: Known | None, title: Known | None = None) -> list[Draft]:
        """The tie an entry heading makes in the open list; outside a list, with a title
        place, the heading is kept as a candidate for ``agreement``."""
        drafts = entry_heading(s, self.frame, main)
        self.pending = []
        if not drafts and self.frame is None and title is not None:
            self.pending = entry_heading(s, ListFrame("tie", title), title)
        return drafts

    def agreement(self, s: Sentence) -> list[Draft]:
        """A line naming an agreement's type right under a candidate entry heading on a city's
        page ("Dubai Municipality, United Arab Emirates" / "Sister Cities Agreement"): the
        tie of the page's place with the heading's, of the agreement's kind."""
        pending, self.pending = self.pending, []
        kind = agreement_kind(s) if pending else None
        if kind is None:
            return []
        for d in pending:
            d.kind, d.confidence = kind, 0.75
        return pending

    def own(self, s: Sentence, drafts: list[Draft]) -> list[Draft]:
        """A population read in a line under an entry that opens with the entry's name
        ("L'Isle Adam lies ... on the river Oise and has 10,000 inhabitants") is the
        entry's, whatever place the line names last."""
        if self.place is None or not drafts:
            return drafts
        first = next((m for m in s.mentions if m.label in ("PLACE", "NAME")), None)
        if first is None or first.start > 1:
            return drafts
        found = s.known(first, place=True)
        if not found or found[0] != self.place:
            return drafts
        for d in drafts:
            if d.type == "population" and d.subject != self.place:
                d.subject = self.place
        return drafts

    def open(self, claim: Any, place: Known | None) -> None:
        self.claim, self.place = claim, place

    def facts(self, s: Sentence) -> list[Draft] | None:
        """What a line under the open entry says of it: its year (set on the entry's tie),
        the type of its agreement ("Sister Cities Agreement", "Memorandum of Understanding":
        the tie's kind) and its population. None when no entry is open or the line says
        nothing of it."""
        if self.claim is None or self.place is None:
            return None
        kind = agreement_kind(s)
        if kind is not None:
            self.claim.kind = kind
            return []
        year = entry_year(s)
        if year is not None and self._names_another(s):
            year = None  # "Our linkage with Gifu City ... Yanaizu ... began in 1998" under
            # the Duluth entry: another tie's year
        if year is not None and self.claim.year is None:
            self.claim.year = year
            kind = entry_kind(s)
            if kind is not None:  # "Partnership since 1987" under "Twinned towns"
                self.claim.kind = kind
        drafts = entry_population(s, self.place)
        return drafts if drafts or year is not None else None

    def _names_another(self, s: Sentence) -> bool:
        """The line names a place other than the entry's and its list's subject."""
        own = {self.place, self.frame.subject if self.frame else None, s.context.main}
        for m in s.mentions:
            if m.label in ("PLACE", "NAME"):
                found = s.known(m, place=True)[:1]
                if found and found[0].label == "PLACE" and found[0] not in own:
                    return True
        return False


ROSTER_WORDS = {"here", "following", "below", "these"}
ROSTER_HEADS = {"city", "town", "village", "borough", "county", "township", "municipality"}
ROSTER_GLUE = {"of", "pop", "mayor", "population", "de", "la", "the"}
# an intro line ending in a colon that lists office holders: "appointed to the board are:"
BOARD_WORDS = {"board", "committee", "bureau", "presidium", "mayors"}


class Roster:
    """A roster of members after a sentence that announces it ("Here are the new members
    that have joined NLC so far in 2012."): each later block that is an entry ("City of
    Gary, IN / Pop. 80,294 / Mayor ...", no prose) is a member of the organization named,
    with its population. A heading ends it."""

    def __init__(self) -> None:
        self.org: Known | None = None
        self.role = "member"

    def close(self) -> None:
        self.org = None
        self.role = "member"

    def intro(self, s: Sentence) -> None:
        words = s.words
        if str(s.doc.text).rstrip().endswith(":") and not words.isdisjoint(BOARD_WORDS):
            # "The nine mayors appointed to the board are:", then one office holder per line
            org = _named_org(s) or s.context.topic_org
            if org is not None and org.label == "ORG":
                self.org = org
                self.role = role_of(t.lower_ for t in s.tokens) or "member"
                return
        if str(s.doc.text).rstrip().endswith(":") and "new" in words:
            org = _named_org(s)  # "The new UNESCO Creative Cities are:"
            for wider in (self.org, s.context.topic_org):  # the network named before or the
                if org is not None and wider is not None and org.name in wider.name:
                    org = wider  # text is about: "UNESCO Creative Cities Network"
            if org is not None:
                self.org, self.role = org, "member"
                return
        if words.isdisjoint(ROSTER_WORDS):
            return
        if words & (MEMBER_WORDS | JOIN_WORDS) and words & ROSTER_WORDS:
            org = _named_org(s) or _joined_name(s) or s.context.topic_org
            if org is not None:
                self.org, self.role = org, "member"

    def entry(self, s: Sentence) -> list[Draft]:
        if self.org is None or len(s.tokens) > 24:
            return []
        prose = [
            t
            for t in _roster_words(s)
            if t.is_alpha and t.text.islower() and t.lower_ not in ROSTER_GLUE
        ]
        place = None if prose else _roster_place(s)
        if place is None and not prose:
            held = mayors_in(s)  # "Kasim Reed (Mayor of Atlanta, USA)"
            place = held[0] if len(held) == 1 else None
        if place is None:
            return []
        out = [
            Draft(
                "membership",
                place,
                self.org,
                confidence=0.7,
                rule="membership:roster",
                role=self.role,
            )
        ]
        for k, t in enumerate(s.tokens[:-1]):
            if t.lower_ in ("pop", "pop.", "population"):
                at = (
                    k + 2 if s.tokens[k + 1].text in (".", ":") and k + 2 < len(s.tokens) else k + 1
                )
                number = number_at(s.tokens, at)
                if number is not None:
                    out.append(
                        Draft(
                            "population",
                            place,
                            value=str(int(number[0])),
                            confidence=0.75,
                            rule="population:roster",
                        )
                    )
                break
        return out


def _roster_words(s: Sentence) -> list[Any]:
    """An entry's tokens outside brackets and before a dash: "Belfast (United Kingdom of
    Great Britain and Northern Ireland) - Music" reads "Belfast"."""
    return _outside_brackets(s.tokens, until_dash=True)


def _outside_brackets(tokens: list[Any], until_dash: bool = False) -> list[Any]:
    """The tokens outside round brackets; with ``until_dash``, up to the first dash outside
    them that follows a token kept."""
    out: list[Any] = []
    depth = 0
    for t in tokens:
        if until_dash and t.text in ("-", "–", "—") and depth == 0 and out:
            break
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            out.append(t)
    return out


def _joined_name(s: Sentence) -> Known | None:
    """The organization a sentence says members joined, known or not ("joined NLC")."""
    for k, t in enumerate(s.tokens[:-1]):
        nxt = s.tokens[k + 1]
        if t.lower_ in ("joined", "join") and nxt.text.isupper() and len(nxt.text) >= 2:
            return s.registry.lookup(nxt.text) or Known(nxt.text, "ORG")  # "joined NLC"
    return None


def _roster_place(s: Sentence) -> Known | None:
    """The place a roster entry opens with: "City of Gary, IN", "Town of Payson", "Lyon"."""
    doc = s.tokens
    if len(doc) > 2 and doc[0].lower_ in ROSTER_HEADS and doc[1].lower_ == "of":
        end = next((k for k in range(2, len(doc)) if doc[k].text in (",", "(")), None)
        if end is None or end == 2:
            return None
        name = s.span_text(2, end)
        found = s.registry.place(name)
        return found if found is not None and found.label == "PLACE" else Known(name, "PLACE")
    first = next((m for m in s.mentions if m.label in ("PLACE", "NAME")), None)
    if first is None or first.start != 0:
        return None
    named = s.known(first, place=True)
    if named and named[0].label == "PLACE":
        return named[0]
    bracket = first.end < len(doc) and doc[first.end].text == "("
    country = s.country_after(first) if bracket else None
    # "Bida (Nigeria) - Crafts and Folk Art": a name the gazetteer lacks, its country after it
    return Known(first.text, "PLACE", None, country, "city") if country else None


LABEL_GLUE = HEADING_GLUE | {"exchange", "&", ":", "status", "relationship", "-"}


def label_item(
    s: Sentence, previous: ListFrame | None, main: Known | None
) -> tuple[ListFrame, int] | None:
    """An item that opens with a list label: "Sister Cities Japan Yugawara-machi",
    "Friendly Exchange Cities Japan Musashino-shi", "Partnerships : 4 cities in 2
    countries". The label is a frame for this item and the items after it (the subject
    stays the list's); returns it and where the entry starts."""
    kind = None
    noun = False
    i = 0
    while i < len(s.tokens):
        word = s.tokens[i].lower_
        if word in TIE_KIND_WORDS:
            kind = kind or TIE_KIND_WORDS[word]
            noun = noun or word in LIST_NOUNS
        elif word in LIST_NOUNS:
            noun = True
        elif word not in LABEL_GLUE and word not in STATUS_WORDS:
            break
        i += 1
    if kind is None or not noun or i == 0:
        return None
    # the label ends at a colon or a dash, or where an entry's country column starts
    # ("Sister Cities Japan Yugawara-machi"); not inside a name ("Sister Cities
    # International"), not before "with" ("Twinning with Moscow suspended")
    bounded = s.tokens[i - 1].text in (":", "-") or any(
        m.label == "COUNTRY" and m.start == i for m in s.mentions
    )
    named = any(m.label not in ("COUNTRY", "REF") and m.start < i for m in s.mentions)
    if not bounded or named:
        return None
    words = [t.lower_ for t in s.tokens[:i]]
    status = next((STATUS_WORDS[w] for w in words if w in STATUS_WORDS), "active")
    subject = previous.subject if previous is not None and previous.mode == "tie" else None
    return ListFrame("tie", subject or main, kind, status), i


def read_row(s: Sentence, frame: ListFrame, main: Known | None, header: str) -> list[Draft]:
    """An entry row of a table under its header ("Country | City | Population (1,000) |
    Area | Sisterhood Date | Features"): the partner from the place column, the year from
    the date column, the kind from the row, a population from the population column;
    the other columns (descriptions) are not read."""
    heads = [h.strip() for h in header.split(" | ")]
    cells = _row_cells(s)
    if len(cells) != len(heads):
        return read_item(s, frame, main)
    subject = frame.subject or main
    place_at = next(
        (k for k, h in enumerate(heads) if set(h.lower().split()) & COLUMN_PLACES), None
    )
    if subject is None or place_at is None or frame.mode != "tie":
        return read_item(s, frame, main)
    a, b = cells[place_at]
    first = next((m for m in s.mentions if m.label in ("PLACE", "NAME") and a <= m.start < b), None)
    if first is None:
        return []
    country = next(
        (
            s.registry.country(s.span_text(*cells[k]))
            for k, h in enumerate(heads)
            if set(h.lower().split()) & {"country", "nation"}
        ),
        None,
    )
    partner = _place(s, first, country)
    if partner is None or partner == subject:
        return []
    dated = [k for k, h in enumerate(heads) if set(h.lower().split()) & COLUMN_DATES]
    years = [y for k in dated for _, y in years_in(s.doc, *cells[k])]
    kinds = [k for k, h in enumerate(heads) if k == place_at or "category" in h.lower()]
    kind = next((_own_kind(s, *cells[k]) for k in kinds if _own_kind(s, *cells[k])), None)
    out = [
        Draft(
            "tie",
            subject,
            partner,
            year=years[0] if years else None,
            kind=kind or frame.kind,
            status=frame.status,
            confidence=0.85 if subject is frame.subject else 0.75,
            rule="tie:table",
        )
    ]
    for k, h in enumerate(heads):
        if "population" in h.lower():
            number = number_at(s.tokens, cells[k][0]) if cells[k][1] > cells[k][0] else None
            if number is not None:
                scale = 1000 if _THOUSANDS.search(h) else 1
                value = number[0] * scale
                out.append(
                    Draft(
                        "population",
                        partner,
                        value=str(int(value)),
                        confidence=0.8,
                        rule="population:table",
                    )
                )
    return out


def _row_cells(s: Sentence) -> list[tuple[int, int]]:
    """The token ranges of a row's cells (split at "|", tabs, runs of spaces)."""
    text = s.span_text(0, len(s.tokens))
    base = s.tokens[0].idx
    bounds = []
    pos = 0
    for match in _ROW_SPLIT.finditer(text):
        if match.start() > pos:
            bounds.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    cells = []
    for ca, cb in bounds:
        toks = [t.i - s.tokens[0].i for t in s.tokens if ca <= t.idx - base < cb]
        cells.append((toks[0], toks[-1] + 1) if toks else (0, 0))
    return cells


BRACKET_TIES = {"twinned", "paired", "partnered", "linked", "sister", "twin", "city", "of"}


def _bracketed_subject(s: Sentence, after: int) -> Known | None:
    """The place a bracket after the partner names as its own side: "(twinned with
    Cocody)", "(with Treichville)" in the list of Abidjan's sister cities."""
    doc = s.tokens
    for k in range(after, len(doc)):
        if doc[k].text != "(":
            continue
        j = k + 1
        while j < len(doc) and doc[j].lower_ in BRACKET_TIES:
            j += 1
        if j >= len(doc) or doc[j].lower_ != "with":
            return None
        m = next((m for m in s.mentions if m.start == j + 1), None)
        if m is None or m.label not in ("PLACE", "NAME"):
            return None
        found = s.known(m, place=True)
        if not found and m.label == "NAME":
            return Known(m.text, "PLACE", None, None, "city")  # a district no gazetteer has
        return found[0] if found and found[0].label == "PLACE" else None
    return None


def read_item(s: Sentence, frame: ListFrame, main: Known | None, start: int = 0) -> list[Draft]:
    """The claim one list item makes in its frame (empty when it names nothing fitting);
    ``start``: the token its entry starts at (after a label such as "Sister Cities")."""
    subject = frame.subject or main
    if subject is None and frame.mode == "tie":
        subject = Known("", "PLACE")  # only a line that pairs two places can be read
    if subject is None:
        return []
    if s.doc[:1].text.lower().rstrip(".") in PERSON_ITEMS:
        return []  # "Cllr. Mary Howard", "Mayor of Clare": a person, not a partner or member
    if frame.mode == "membership":
        return _membership(s, subject)
    if frame.mode == "members":
        office = _office_place(s)  # "Johanna Rolland, mayor of Nantes (president)"
        first = office or next((m for m in s.mentions if m.label in ("PLACE", "NAME")), None)
        near = first is not None and (first is office or first.start <= 2)
        member = _place(s, first) if first is not None and near else None
        if first is None or member is None or member == subject or _body_name(s, first, member):
            return []
        own_role = role_of([t.lower_ for t in s.tokens[first.end :]])  # "Nagasaki (Vice-President)"
        members = [member, *(k for k, _ in _more_partners(s, first))]  # "A (FR) and B (LT)"
        return [
            Draft(
                "membership",
                one,
                subject,
                confidence=0.75,
                rule="membership:list",
                role=own_role or frame.role,
            )
            for one in dict.fromkeys(members)
            if one != subject
        ]
    if _header_row(s) or _field_line(s):
        return []
    lead = entry_start(s, start)
    first = next(
        (m for m in s.mentions if m.label in ("PLACE", "NAME", "ORG") and m.start >= lead), None
    )
    if first is None or first.start > lead + 2:
        return []
    partner = _place(s, first, _country_before(s, first))
    if (
        partner is not None
        and not (partner.id or partner.geonames_id)
        and first.end < len(s.tokens)
        and s.tokens[first.end].lower_ == "of"
    ):
        return []  # "Bed Town of Tokyo": a description, not an unknown place
    if partner is not None and not (partner.id or partner.geonames_id) and _prose_after(s, first):
        return []  # "Hot springs resort city": a description
    paired = _pair_line(s, first, open_pair=frame.subject is None)
    if paired is not None and partner is not None and paired[0] != partner:
        subject, first = partner, paired[1]  # "Durban - Bremen, Germany": a pair per line
        partner = paired[0]
    own = _bracketed_subject(s, first.end)
    if own is not None:  # "Alfortville, France (twinned with Cocody)": a district's own tie
        subject = own
    if partner is None or partner == subject or not subject.name:
        return []
    status, since, end = _dates(s, frame.status)
    since = since if since is not None else frame.year
    confidence = 0.85 if subject is frame.subject else 0.75
    more = [] if paired is not None or own is not None else _more_partners(s, first)
    entries = [(partner, since, end, status)]
    kind = _own_kind(s, first.end) or frame.kind
    if more:  # "Berlin (Germany), Budapest (Hungary), Kyiv (Ukraine)": one line, several
        named = [first, *(m for _, m in more)]
        ends = [m.start for m in named[1:]] + [len(s.tokens)]
        entries = []
        for (other, mention), stop in zip([(partner, first), *more], ends, strict=True):
            years = [y for _, y in years_in(s.doc, mention.end, stop)]
            entries.append((other, years[0] if years else None, None, frame.status))
    return [
        Draft(
            "tie",
            subject,
            other,
            year=year,
            end_year=end_year,
            kind=kind,
            status=state,
            confidence=confidence * (1.0 if other.id or other.geonames_id else 0.9),
            rule="tie:list",
        )
        for other, year, end_year, state in entries
        if other != subject
    ]


# a record's field labels before a colon ("Sponsors: Eric Engelbart", "Type: Resolution")
FIELD_LABELS = {"sponsor", "sponsors", "attachments", "attachment", "type", "status", "name"}
FIELD_LABELS |= {"title", "author", "authors", "contact", "department", "indexes", "file"}
FIELD_LABELS |= {"agenda", "meeting", "enactment", "version", "subject", "date", "from", "to"}


def _field_line(s: Sentence) -> bool:
    """A record's field line: a label word, a colon, its value ("Sponsors: Eric
    Engelbart"), which lists no partner."""
    doc = s.tokens
    return len(doc) > 2 and doc[1].text == ":" and doc[0].lower_ in FIELD_LABELS


def _own_kind(s: Sentence, after: int, end: int | None = None) -> str | None:
    """The kind an item names for itself after its partner ("Onomichi City, Hiroshima
    Prefecture Friendship City 2016.12.22"), over its list's."""
    words = s.doc[after:end] if end is not None else s.doc[after:]
    return next((TIE_KIND_WORDS[t.lower_] for t in words if t.lower_ in TIE_KIND_WORDS), None)


# What opens an entry line before its name: an item number ("1 United States Jackson
# City"), a country column ("Japan | Karatsu", "China Daqing"), cell bars, and a
# description ("With the English town of Hitchin since 1958", "And with the Czech city of").
ENTRY_NOUNS = {"town", "city", "village", "municipality", "commune", "district", "borough"}
ENTRY_NOUNS |= {"region", "province", "county", "prefecture", "state", "port", "capital"}


def entry_start(s: Sentence, start: int = 0) -> int:
    """The token an entry line's name may start at (see ENTRY_NOUNS)."""
    doc = s.tokens
    countries = {m.start: m.end for m in s.mentions if m.label == "COUNTRY"}
    names = [m.start for m in s.mentions if m.label in ("PLACE", "NAME", "ORG")]
    i = start
    while i < len(doc):
        text = doc[i].text
        if text in ("|", "-", ".", ")", ":", "/") or (
            i == start and text.isdigit() and len(text) <= 3
        ):
            i += 1
        elif i in countries and any(n >= countries[i] for n in names):
            i = countries[i]
        elif doc[i].lower_ in ("with", "and") and i < start + 2:
            i += 1
        else:
            break
    return _past_description(doc, i)


def _past_description(doc: Any, i: int) -> int:
    """After "the English town of", "the small French town of": where the name starts."""
    if i >= len(doc) or doc[i].lower_ != "the":
        return i
    for k in range(i + 1, min(i + 6, len(doc) - 1)):
        if doc[k].lower_ in ENTRY_NOUNS and doc[k + 1].lower_ == "of":
            return k + 2
    return i


LIST_GLUE = {",", ";", "and", "&", "(", ")", "since", "-", "from"}


def _more_partners(s: Sentence, first: Mention) -> list[tuple[Known, Mention]]:
    """The other places of a line that lists several, with nothing but commas, "and",
    brackets and countries between them."""
    countries = {i for m in s.mentions if m.label == "COUNTRY" for i in range(m.start, m.end)}
    out: list[tuple[Known, Mention, list[str]]] = []
    last = first
    for m in s.mentions:
        if m.start < first.end or m.label == "COUNTRY":
            continue
        if m.start == last.end and m.text.lower() in GENERIC_AFTER:
            last = m  # "Nice Metropole (France) and Vilnius": the noun is the first's
            continue
        gap = [
            t.text.lower()
            for i, t in enumerate(s.tokens[last.end : m.start], start=last.end)
            if i not in countries and year_at(s.tokens, i) is None
        ]
        if m.label not in ("PLACE", "NAME") or not gap or not set(gap) <= LIST_GLUE:
            return []
        if not set(gap) & {",", ";", "and", "&"}:
            return []
        found = _place(s, m)
        if found is None:
            return []
        out.append((found, m, gap))
        last = m
    if len(out) == 1 and out[0][2] == [","]:
        return []  # "Marrakesh, Morocco", "Mecklenburg County, North Carolina": where it lies
    return [(k, m) for k, m, _ in out]


PAIR_JOINS: tuple[list[str], ...] = (["-"], ["/"], ["--"])
# in a list whose frame names no subject ("Sister city relations between the U.S. and
# Japan"), a line naming two places is a pair however they are joined: "Lyon and Turin,
# 1993", "Sapporo City Portland, Oregon November 17, 1959"
OPEN_PAIR_JOINS: tuple[list[str], ...] = (*PAIR_JOINS, ["and"], ["&"], ["with"], [])


def _pair_line(
    s: Sentence, first: Mention, open_pair: bool = False
) -> tuple[Known, Mention] | None:
    """The second place of an item that pairs two ("Durban - Bremen, Germany", "Leeds /
    Lille"): the two names joined by a dash or a slash alone; with ``open_pair`` (the
    list names no subject) also by "and", "&", "with" or nothing but an entry noun
    ("Sapporo City Portland")."""
    second = next((m for m in s.mentions if m.start > first.start), None)
    if second is None or second.label not in ("PLACE", "NAME"):
        return None
    gap = [t.text for t in s.tokens[first.end : second.start]]
    if open_pair and gap and gap[-1].lower() in ENTRY_NOUNS:
        gap = gap[:-1]  # "Sapporo City Portland": the first name's own noun
    if gap not in (OPEN_PAIR_JOINS if open_pair else PAIR_JOINS):
        return None
    joiner = s.tokens[first.end]
    one_name = glued(s.tokens[first.end - 1], joiner) and glued(joiner, s.tokens[second.start])
    if one_name and (gap == ["-"] or (gap == ["/"] and not open_pair)):
        # "Yushu-Gilin Province": one hyphenated name; "Gatineau/Hull, Quebec" in a list of
        # one city's partners: one partner by two names, not a pair
        return None
    if open_pair and gap in ([], ["with"]) and not second.text[:1].isupper():
        return None
    found = _place(s, second)
    return (found, second) if found is not None else None


ENTRY_TAIL_WORDS = {"since", "in", "and", "from", "until", "to", "of"}


def _prose_after(s: Sentence, mention: Mention) -> bool:
    """Lower-case words right after a name: prose, not an entry's tail (a country, a year,
    brackets, "since 1987")."""
    if mention.end >= len(s.tokens):
        return False
    word = s.tokens[mention.end]
    return word.is_alpha and word.text.islower() and word.lower_ not in ENTRY_TAIL_WORDS


def _country_before(s: Sentence, mention: Mention) -> str | None:
    """The country column before an entry's name ("United States Syracuse City")."""
    return next(
        (m.code for m in s.mentions if m.label == "COUNTRY" and m.end <= mention.start),
        None,
    )


HEADER_WORDS = {"item", "no", "nation", "category", "signing", "signed", "type", "area"}
HEADER_WORDS |= {"population", "features", "remarks", "notes", "date", "dates", "year", "since"}
HEADER_WORDS |= {"city", "cities", "town", "towns", "country", "state", "name", "partner"}
HEADER_WORDS |= {"region", "province", "prefecture", "established", "agreement", "signed", "of"}


def _header_row(s: Sentence) -> bool:
    """A table's header read as a line ("Item Nation Signing City/State Category Signing
    Date"): header words only."""
    words = [t.lower_ for t in s.tokens if t.is_alpha]
    return len(words) >= 2 and all(w in HEADER_WORDS for w in words)


def _place(s: Sentence, mention: Mention, country: str | None = None) -> Known | None:
    known = mention.known
    if (
        country is not None
        and s.country_after(mention) is None
        and (known is None or (known.label == "PLACE" and known.country != country))
    ):
        near = s.registry.place(mention.text, country)  # "United States Syracuse City"
        if near is not None and near.label == "PLACE":
            return near
    found = s.known(mention, place=True)
    if found and found[0].label == "PLACE":
        return found[0]
    if mention.label == "NAME":  # in a list of ties a name is a place, linked or not
        name = _UNIT_OF.sub("", mention.text) or mention.text  # "City of Sta. Josefa"
        return Known(name, "PLACE", None, s.country_after(mention), "city")
    return None


# the kind of local government before an unknown place's name: "Municipality of Burgos"
_UNIT_OF = re.compile(
    r"^(?:the\s+)?(?:city|municipality|town|village|borough|commune|township)\s+of\s+", re.I
)


def _dates(s: Sentence, status: str) -> tuple[str, int | None, int | None]:
    """Status, start year and end year of an item: "1989 (suspended in March 2022)"."""
    years = years_in(s.doc)
    marker = next(
        ((i, STATUS_WORDS[t.lower_]) for i, t in enumerate(s.tokens) if t.lower_ in STATUS_WORDS),
        None,
    )
    if marker is None and status == "active" and _of_intent(s):
        status = "proposed"  # "Brisbane, Australia / Protocol of Intent / Resolution No. 1111"
    if marker is not None:
        status = marker[1]
        before = [y for i, y in years if i < marker[0]]
        after = [y for i, y in years if i > marker[0]]
        if after:
            return status, (before[0] if before else None), after[0]
    if len(years) >= 2 and years[1][1] > years[0][1]:
        if any(t.text == "/" for t in s.tokens[years[0][0] : years[1][0]]):
            return status, None, None  # "(2015/2016)": the year is uncertain, no span
        return ("ended" if status == "active" else status), years[0][1], years[1][1]
    return status, (years[0][1] if years else None), None


def _of_intent(s: Sentence) -> bool:
    """ "Letter of Intent", "Protocol of Intent", "statement of intent": a tie intended."""
    doc = s.tokens
    return any(
        t.lower_ in ("intent", "intention") and i and doc[i - 1].lower_ == "of"
        for i, t in enumerate(doc)
    )


BODY_WORDS = HEADS["ORG"] | {"trust", "society", "club", "committee", "company", "university"}
BODY_WORDS |= {"school", "college", "institute", "group", "league", "ngo", "fund", "church"}


def _body_name(s: Sentence, mention: Mention, member: Known) -> bool:
    """A name no gazetteer knows with an organization's word in it ("Peace Education Trust",
    "League of Historic Towns"): a member that is no place."""
    if member.id or member.geonames_id:
        return False
    return any(w in BODY_WORDS for w in mention.text.lower().split())


def _membership(s: Sentence, subject: Known) -> list[Draft]:
    first = next((m for m in s.mentions if m.label in ("ORG", "NAME")), None)
    if first is None or first.start > 2:
        return []
    found = s.known(first, labels=("ORG",)) if first.label == "ORG" else []
    org = found[0] if found else Known(first.text, "ORG")
    if org.label != "ORG":
        return []
    s.objects.add(id(first))
    return [
        Draft(
            "membership",
            subject,
            org,
            year=s.year_after(first.end, first.end + 6),
            confidence=0.8,
            rule="membership:list",
            role=role_of([t.lower_ for t in s.tokens[first.end :]]) or "member",
        )
    ]


# Words of an office on a network's page ("First Vice President", "president emeritus",
# "Executive Committee", "Auditor"): the office's role.
OFFICE_WORDS = {"vice", "first", "second", "third", "fourth", "deputy", "emeritus", "-", "co"}
OFFICE_WORDS |= {"committee", "executive", "auditor", "auditors", "treasurer", "secretary"}
OFFICE_WORDS |= {"general", "member", "members", "board", "steering", "honorary", "elected"}
OFFICE_ROLES = {"auditor": "executive", "auditors": "executive", "committee": "executive"}
OFFICE_ROLES |= {"members": "member", "member": "member", "secretary": "executive"}
OFFICE_TAIL = {",", "(", ")", ".", ";"}
OFFICE_NOUNS = ENTRY_NOUNS | GOV_WORDS


def office_role(words: list[str]) -> str | None:
    """The role an office's words name: "president emeritus" → president-emeritus, "First
    Vice President" → executive, "Auditor" → executive, "Executive Committee" → executive."""
    role = role_of(words)
    if role == "president" and "emeritus" in words:
        return "president-emeritus"
    if role is None:
        role = next((OFFICE_ROLES[w] for w in words if w in OFFICE_ROLES), None)
    return role


class Offices:
    """Office holders listed line by line on a network's page: "President Seoul Metropolitan
    Government, Republic of Korea", "Auditor Muntinlupa City, Philippines" (an office, a
    place or its government, its country), and the bare lines after an office ("Busan
    Metropolitan Government, Republic of Korea") holding the same one, until the list ends.
    Each place is a member, with that role, of the organization the text is about; a member
    that is no place (a league of cities, an NGO) is none."""

    def __init__(self) -> None:
        self.role: str | None = None
        self.paragraph = -1

    def read(self, s: Sentence, paragraph: int, org: Known | None) -> list[Draft] | None:
        """The membership an item line gives, [] for an office line whose holder is no
        place, None for a line that is no office line (read as usual)."""
        if paragraph != self.paragraph:
            self.role, self.paragraph = None, paragraph
        if org is None or org.label != "ORG":
            return None
        doc = s.tokens
        k = 0
        while k < len(doc) and (doc[k].lower_ in OFFICE_WORDS or doc[k].lower_ in ROLE_WORDS):
            k += 1
        role = office_role([t.lower_ for t in doc[:k]]) if k else None
        if k and role is None:
            return None
        if role is None and self.role is None:
            return None
        holder = _office_holder(s, k)
        if holder is None and role is not None:
            held = mayor_office(s, role)  # "Mayor of Brussels (Belgium)" / "Vice-President
            if held:  # of the OWHC"
                self.role = None
                return held
        if holder is None:
            if role is None:
                self.role = None
                return None
            self.role = role  # "Executive Committee Ahmedabad Study Action Group, India"
            return []
        place, end = holder
        countries = {i for m in s.mentions if m.label == "COUNTRY" for i in range(m.start, m.end)}
        if not all(
            t.text in OFFICE_TAIL
            or i in countries
            or (t.text[:1].isupper() and t.lower_ in OFFICE_NOUNS)  # "Yokohama City, Japan"
            for i, t in enumerate(doc[end:], start=end)
        ):
            if role is None and not _entry_like(s):
                self.role = None
                return None  # prose: the list of offices has ended
            self.role = role or self.role  # "League of Cities of the Philippines, Philippines"
            return []
        self.role = role or self.role
        if place is None or place == org:
            return []
        return [
            Draft(
                "membership", place, org, confidence=0.75, rule="membership:office", role=self.role
            )
        ]


def office_row(row: str | None) -> bool:
    """A table row labelled with an office only ("President", "First Vice President",
    "Auditor"), not with members ("Steering Committee": ``member_row``)."""
    words = (row or "").lower().replace("-", " - ").split()
    return (
        bool(words)
        and not member_row(row)
        and all(w in OFFICE_WORDS or w in ROLE_WORDS for w in words)
        and office_role(words) is not None
    )


def office_cell(s: Sentence, row: str, org: Known | None) -> list[Draft]:
    """The place an office row's cell names alone (with its country), a member of ``org``
    in that office: "President | Seoul Metropolitan Government, Republic of Korea"; the
    places of a cell naming several ("Executive Board | A, B")."""
    if org is None or org.label != "ORG":
        return []
    holder = _office_holder(s, 0)
    if holder is None or holder[0] is None or holder[0] == org:
        return []
    countries = {i for m in s.mentions if m.label == "COUNTRY" for i in range(m.start, m.end)}
    tail = s.doc[holder[1] :]
    if not all(
        t.text in OFFICE_TAIL or t.i - s.base in countries or t.lower_ in OFFICE_NOUNS for t in tail
    ):
        return member_cell(s, row, org)  # "Executive Board | A City Council, B City Council"
    role = office_role(row.lower().replace("-", " - ").split())
    return [
        Draft("membership", holder[0], org, confidence=0.75, rule="membership:office", role=role)
    ]


def _entry_like(s: Sentence) -> bool:
    """A line of names only: no lower-case word but the particles of names."""
    return all(
        not (t.is_alpha and t.text.islower()) or t.lower_ in NAME_PARTICLES for t in s.tokens
    )


def _office_holder(s: Sentence, k: int) -> tuple[Known | None, int] | None:
    """What holds an office from token ``k`` on: (its place, or None for another kind of
    member, and where its name ends), or None when no name starts there."""
    for m in s.mentions:
        if m.end <= k or m.label in ("REF", "COUNTRY"):
            continue
        if m.start > k:
            return None
        if m.start < k:  # a name running over the office's words: "Executive Committee X"
            return None, m.end
        if m.label == "ORG":
            return s.council_place(m), m.end
        found = s.known(m, place=True)
        ok = found and found[0].label == "PLACE" and found[0].level in (None, "city", "district")
        return (found[0] if ok else None), m.end
    return None
