"""Rules for relations: membership and its negation, awards, hosted events, programmes,
strategies, agreements and aid. Each rule starts from a cue the Matcher found (or from a
mention of a programme or document) and reads subject, objects and year around it."""

from __future__ import annotations

from typing import Any

from citydip.ingest.text.coref import PENDING_ORG
from citydip.ingest.text.mentions import Mention
from citydip.ingest.text.normalise import year_at
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import Draft, Sentence
from citydip.ingest.text.vocab import NETWORK_NOUNS, role_of

ORG_LABELS = ("ORG",)
NEGATIONS = {"not", "never", "n't", "no", "neither", "nor", "non", "non-member"}


def membership(s: Sentence) -> list[Draft]:
    out: list[Draft] = []
    for name, a, b in s.cues:
        if name not in ("member", "leave"):
            continue
        cue = s.span_text(a, b).lower()
        if cue.startswith("members") and not any(m.end <= a for m in s.mentions):
            continue  # "Members of the network pledge to ...": members in general
        if cue.startswith("signed") and b < len(s.tokens) and s.tokens[b].lower_ == "by":
            continue  # "The agreement was signed by Mr. X, the Chairman of the Council"
        if cue in ("chairs", "co-chairs") and s.prev(a) in ("-", "vice", "as", "the"):
            continue  # "will serve as Vice-Chairs": the noun, which ``roles`` reads
        window = {t.lower_ for t in s.tokens[max(0, a - 3) : a]}
        negated = name == "leave" or bool(window & NEGATIONS)
        objects = s.objects_after(b, ("ORG", "EVENT"), lead=2)
        if not objects and cue.startswith("member"):
            # "a member of several international organizations ..., including the C40 ..."
            named_after = _including(s, b)
            if named_after is not None:
                objects = s.objects_after(named_after, ("ORG", "EVENT"), lead=3)
        if cue.startswith(("member", "members")):  # "a member of the Asian Mayors Forum"
            objects = [_as_org(m) for m in objects] or _unknown_body(s, a, b)
        if not objects and not negated and cue in JOINED and _joined_alone(s, b):
            topic = s.context.topic_org  # "Alcobaça, Setúbal and Cantanhede - joined in
            if topic is not None and topic.label == "ORG":  # 2019": the text's network
                objects = [Mention(a, b, topic.name, "ORG", topic)]
        if not objects:
            continue
        for m in objects:
            s.objects.add(id(m))
        subjects, sure = s.subject(a, ("PLACE", "ORG", "REF"))
        if _reported_unnamed(s, a):
            continue  # "UIL is pleased to announce that 38 cities ... have become members"
        above = [] if negated else _cities_above(s, a)
        if above:  # "The Board decided to accept mentioned above cities as Members of ..."
            subjects, sure = above, 0.9
        if not negated and subjects and subjects[0].label == "PLACE":
            subjects = subjects + _along_with(s, objects[-1].end)
        role = _role(s, b, cue)
        for subject in subjects:
            for m in objects:
                if m.label != "ORG":
                    continue
                for org in s.known(m):
                    if org == subject:
                        continue
                    out.append(
                        Draft(
                            "non_membership" if negated else "membership",
                            subject,
                            org,
                            year=None
                            if negated
                            else s.year_after(m.end, m.end + 4) or s.opening_year(),
                            confidence=0.9 * sure,
                            rule=f"membership:{cue}",
                            role=None if negated else role,
                        )
                    )
    return out


INCLUDING = {"including", "includes", "include", "namely", "like", ":"}
JOINED = {"joined", "join", "joins"}
ANNOUNCING = {"announce", "announces", "announced", "said", "says", "reported", "reports"}
ANNOUNCING |= {"confirmed", "confirms", "stated", "states", "noted", "notes"}


def _reported_unnamed(s: Sentence, a: int) -> bool:
    """The cue is in a clause reported after "announce that" / "said that" that names no
    place before it: its members are not the announcer."""
    doc = s.tokens
    that = next((i for i in range(a - 1, 0, -1) if doc[i].lower_ == "that"), None)
    if that is None or ANNOUNCING.isdisjoint(t.lower_ for t in doc[max(0, that - 3) : that]):
        return False
    return not any(that < m.start < a and m.label in ("PLACE", "NAME") for m in s.mentions)


def _joined_alone(s: Sentence, b: int) -> bool:
    """ "joined in 2019,", "joined last year", "joined.": a join with no body named."""
    doc = s.tokens
    if b >= len(doc) or doc[b].text in (",", ".", ";", "!"):
        return True
    if doc[b].lower_ in ("in", "on") and year_at(doc, b + 1) is not None:
        return True
    return doc[b].lower_ in ("last", "this") and b + 1 < len(doc) and doc[b + 1].lower_ == "year"


# "accept mentioned above cities as Members of", "admitted these cities as members of"
ABOVE = {"above", "these", "those", "said", "aforementioned", "abovementioned", "listed"}
ACCEPTING = {"accept", "accepted", "accepts", "admit", "admitted", "admits", "approve"}
ACCEPTING |= {"approved", "approves", "welcome", "welcomed", "welcomes", "confirmed"}


def _cities_above(s: Sentence, a: int) -> list[Known]:
    """The places the unit before named, when an acceptance refers to them: "The Board
    decided to accept mentioned above cities as Members of the Union", after "applications
    ... submitted by the cities of: Espoo (Finland), Greifswald (Germany), ..."."""
    before = [t.lower_ for t in s.tokens[max(0, a - 8) : a]]
    if len(before) < 3 or before[-1] != "as" or ACCEPTING.isdisjoint(before):
        return []
    noun = next((i for i, w in enumerate(before) if w in ("cities", "towns", "municipalities")), -1)
    if noun < 1 or ABOVE.isdisjoint(before[max(0, noun - 2) : noun + 2]):
        return []
    previous = s.context.previous
    if previous is None:
        return []
    last: Sentence = previous[0]
    found = [k for m in last.mentions if m.label == "PLACE" for k in last.known(m, place=True)]
    return list(dict.fromkeys(k for k in found if k.label == "PLACE" and not k.regional))


def _including(s: Sentence, b: int) -> int | None:
    """The token after "including" (or "such as") that follows, within fifteen words of
    common nouns, the cue at ``b``: "a member of several networks, including ..."."""
    for k in range(b, min(len(s.tokens), b + 16)):
        token = s.tokens[k]
        if token.lower_ in INCLUDING or (token.lower_ == "such" and s.prev(k + 2) == "as"):
            return k + (2 if token.lower_ == "such" else 1)
        if token.text[:1].isupper() or token.text in (".", ";"):
            return None
    return None


ALONG = (["along", "with"], ["alongside"], ["together", "with"])


def _along_with(s: Sentence, end: int) -> list[Known]:
    """Places joined to a membership after its organization: "Mumbai is the 15th Indian city
    to join ICLEI, along with metropolises like Delhi and Hyderabad"."""
    k = end + 1 if end < len(s.tokens) and s.tokens[end].text == "," else end
    words = [t.lower_ for t in s.tokens[k : k + 2]]
    lead = next((w for w in ALONG if words[: len(w)] == w), None)
    if lead is None:
        return []
    named = s.objects_after(k + len(lead), ("PLACE", "NAME"), 3)
    places = [found[0] for found in (s.known(m, place=True) for m in named) if found]
    return [p for p in places if p.label == "PLACE" and not p.regional]


def admitted(s: Sentence) -> list[Draft]:
    """Places an organization takes in, the organization named as the agent or the goal:
    "C40 recently welcomed Bengaluru, India; Dubai ...; and Quezon City to its network",
    "C40 is celebrating with the addition of two Chinese megacities, Guangzhou and Nanjing",
    "Amman and Durban, the latest additions to the C40 network", "2 new cities joined the
    Eurotowns network: Pforzheim and Hastings"."""
    out: list[Draft] = []
    for name, a, b in s.cues:
        if name != "admit":
            continue
        cue = s.span_text(a, b).lower()
        org: Known | None = None
        places: list[Mention] = []
        if cue.split()[0] in COHORTS:
            # "The latest cohort of Resilient Cities includes Nairobi, Jakarta, ...": the
            # places the cohort of the organization named right after includes
            org = _org_at(s, b)
            verb = next(
                (i for i in range(b, len(s.tokens)) if s.tokens[i].lower_ in COHORT_VERBS), None
            )
            places = [] if verb is None else s.objects_after(verb + 1, ("PLACE", "NAME"), lead=2)
        elif cue.startswith("additions to") or cue.startswith("addition to"):
            org = _org_at(s, b)  # "..., as the latest additions to the C40 network"
            places = [m for m in s.mentions if m.end <= a and m.label in ("PLACE", "NAME")]
        else:
            agents = [m for m in s.mentions if m.end <= a and m.label == "ORG"]
            org = _known_org(s, agents[-1]) if agents else None
            if org is None and cue == "joined by" and _network_joined(s, a):
                org = _topic_org(s)  # "in 2008, it was joined by Gongju (Korea), Lviv ..."
            if org is None and cue.startswith("new"):
                org = _org_before_colon(s, b)  # "2 new cities joined the X network: A and B"
            start = b
            if org is None and cue.startswith("new"):
                org = _topic_body(s, b)  # "the three new members of the association: A, B"
                if org is not None:  # the places after its colon
                    start = next(i for i in range(b, len(s.tokens)) if s.tokens[i].text == ":") + 1
            semicolons = ";" in s.span_text(b, len(s.tokens))
            places = s.objects_after(start, ("PLACE", "NAME"), lead=6, gap=3, semicolons=semicolons)
            if places and not VISITORS.isdisjoint(
                t.lower_ for t in s.tokens[start : places[0].start]
            ):
                continue  # "welcomed delegations from four cities: ...": guests, not members
        if org is None:
            continue
        for n, m in enumerate(places):
            if n and s.state_after(places[n - 1], m):
                continue  # "Mayor X of Mount Vernon, New York and ...": its state
            found = s.known(m, place=True)
            if not found or found[0].label != "PLACE" or found[0].regional:
                continue
            s.objects.add(id(m))
            out.append(
                Draft(
                    "membership",
                    found[0],
                    org,
                    year=s.opening_year(),
                    confidence=0.75,
                    rule=f"membership:{cue}",
                    role="member",
                )
            )
    return out


def announced_membership(s: Sentence) -> list[Draft]:
    """A place's membership announced, welcomed or approved by an organization: "the
    Intercultural Cities programme announces Jonava's membership", "welcomed Oslo's
    membership": the organization named before, else the one the text is about. Not an
    application, a bid, a suspension ("Oslo's membership application", "... was suspended")."""
    if "membership" not in s.words:
        return []
    doc = s.tokens
    out: list[Draft] = []
    for m in s.mentions:
        at = m.end + 1
        if not m.possessive or at >= len(doc) or doc[at].lower_ != "membership":
            continue
        after = doc[at + 1].lower_ if at + 1 < len(doc) else ""
        if after in ("application", "applications", "bid", "request", "fee", "fees", "of", "in"):
            continue
        if after in PASSIVE_BE or after in ("has", "had", "have"):
            continue  # "Oslo's membership was suspended": what became of it
        verbs = {t.lower_ for t in doc[max(0, m.start - 3) : m.start]}
        if verbs.isdisjoint(ANNOUNCING | ACCEPTING | {"celebrate", "celebrates", "celebrated"}):
            continue
        found = s.known(m, place=True)
        if not found or found[0].label != "PLACE" or found[0].regional:
            continue
        agents = [o for o in s.mentions if o.end <= m.start and o.label == "ORG"]
        org = _known_org(s, agents[-1]) if agents else _topic_org(s)
        if org is None:
            continue
        year = s.opening_year()
        out.append(Draft("membership", found[0], org, year=year, confidence=0.75,
                         rule="membership:announced", role="member"))  # fmt: skip
    return out


ASSOCIATIONS = NETWORK_NOUNS - {"members", "member", "membership", "group"}


PASSIVE_BE = {"was", "were", "been", "is", "are", "be"}
VISITORS = {"delegation", "delegations", "visitors", "guests", "representatives", "mayors"}
VISITORS |= {"officials", "delegates", "visit", "visits"}
COHORTS = {"cohort", "cohorts", "batch", "wave", "intake"}
COHORT_VERBS = {"includes", "include", "included", "comprises", "are", "were", ":"}


# what "was joined by" may follow in a text about a network: "it", "the League"
JOINED_BODIES = NETWORK_NOUNS - {"members", "member", "membership"} | {"it", "league"}


def _network_joined(s: Sentence, a: int) -> bool:
    """ "it was joined by", "the League was joined by" (not "the cities were joined by")."""
    return s.prev(a) in PASSIVE_BE and s.prev(a - 1) in JOINED_BODIES


def _topic_org(s: Sentence) -> Known | None:
    """The organization the text is about, if it is one."""
    org = s.context.topic_org
    return org if org is not None and org.label == "ORG" else None


def _topic_body(s: Sentence, b: int) -> Known | None:
    """ "new members of the association:" / "of our network:": the organization the text
    is about."""
    words = [t.lower_ for t in s.tokens[b : b + 4]]
    if words[:1] != ["of"] or not set(words[1:]) & ASSOCIATIONS:
        return None
    if words[1] not in ("the", "our", "this") or ":" not in s.span_text(b, len(s.tokens)):
        return None
    org = s.context.topic_org
    if org is None:
        return PENDING_ORG  # named later ("... join our association" / "Metropolis now ...")
    return org if org.label == "ORG" else None


def _known_org(s: Sentence, m: Mention) -> Known | None:
    found = s.known(m, labels=ORG_LABELS)
    return found[0] if found and found[0].label == "ORG" else None


def _org_at(s: Sentence, b: int) -> Known | None:
    """The organization named right after ``b`` ("the C40 network")."""
    m = next((m for m in s.mentions if b <= m.start <= b + 2 and m.label == "ORG"), None)
    return _known_org(s, m) if m is not None else None


def _org_before_colon(s: Sentence, b: int) -> Known | None:
    """The organization of "... joined the Eurotowns network:" before the list."""
    colon = next((i for i in range(b, len(s.tokens)) if s.tokens[i].text == ":"), None)
    if colon is None:
        return None
    orgs = [m for m in s.mentions if m.end <= colon and m.label == "ORG"]
    return _known_org(s, orgs[-1]) if orgs else None


def _unknown_body(s: Sentence, a: int, b: int) -> list[Mention]:
    """A name no registry knows right after "member of" ("La Paz is also a member of Merco
    Ciudades, a group of 180 cities"): the body it names, when it is two words or more and
    no place (not "a member of Parliament", not "a member of Greater Manchester")."""
    if s.prev(a) not in ("a", "an") or s.tokens[a].lower_ != "member":
        return []  # "a member of", not "members of the council", "a government member of"
    k = b + 1 if b < len(s.tokens) and s.tokens[b].lower_ == "of" else b
    if k < len(s.tokens) and s.tokens[k].lower_ == "the":
        k += 1
    m = next((m for m in s.mentions if m.start == k), None)
    if m is None or m.label != "NAME" or m.end - m.start < 2 or s.known(m, place=True):
        return []
    subjects, sure = s.subject(a, ("PLACE", "REF"))
    if sure < 1.0 or not subjects or subjects[0].label != "PLACE":
        return []  # of a place the sentence names ("a member of the Metropolitan Section")
    return [Mention(m.start, m.end, m.text, "ORG")]


def _as_org(m: Mention) -> Mention:
    if m.label == "EVENT":
        return Mention(m.start, m.end, m.text, "ORG", None, m.code, m.possessive, m.ref)
    return m


def _role(s: Sentence, after: int, cue: str) -> str:
    """The position a cue or the words after it name (vocab.role_of: "vice-presidency of",
    "a seat on the board of", "co-chairs"); participants; else member."""
    before = {t.lower_ for t in s.tokens[max(0, after - len(cue.split()) - 2) : after]}
    if "creation" in cue or "co-founded" in cue or "founding" in cue or "founding" in before:
        return "founder"  # "one of the founding members of Eurocities"
    role = role_of(cue.split()) or role_of([t.lower_ for t in s.tokens[after + 1 :]])
    if role is not None:
        return role
    if cue.startswith(("participa", "active")):
        return "participant"
    return "member"


def award(s: Sentence) -> list[Draft]:
    out: list[Draft] = []
    for name, a, b in s.cues:
        if name != "award":
            continue
        cue = s.span_text(a, b).lower()
        passive = _awarded_to(s, a, b)
        if passive is not None:  # "The 2010 Europe Prize has been awarded to the Ukrainian
            out.extend(passive)  # town of Kharkiv"
            continue
        designation = cue.split()[-1] in DESIGNATIONS or cue.endswith(" as")
        obj = _designation(s, b) if designation else _award_object(s, b)
        if obj is None:
            continue
        known, end = obj
        subjects, sure = s.subject(a, ("PLACE", "ORG", "REF", "PROGRAMME"))
        for subject in subjects:
            out.append(
                Draft(
                    "award",
                    subject,
                    known,
                    year=s.year_after(b, end + 6) or s.year_before(a) or s.opening_year(),
                    confidence=0.85 * sure,
                    rule=f"award:{s.span_text(a, b).lower()}",
                )
            )
    return out


# a title a city holds for a year: "European Green Capital", "European Green Leaf",
# "European Capital of Culture", "World Book Capital", "UK City of Culture"
TITLE_ENDS = {"capital", "leaf", "culture", "literature", "design", "gastronomy", "music"}
COPULAS = {"is", "was", "became", "becomes"}


def held_title(s: Sentence) -> list[Draft]:
    """A title a place holds for a year, after a copula: "Nijmegen is the European Green
    Capital 2018", "Ljubljana was European Green Capital in 2016", "... and is European
    Green Leaf 2024". The year is required (not "Berlin is the German Capital")."""
    if s.words.isdisjoint(TITLE_ENDS) or s.words.isdisjoint(COPULAS):
        return []
    doc = s.tokens
    out: list[Draft] = []
    for k, t in enumerate(doc[:-2]):
        if t.lower_ not in COPULAS:
            continue
        i, j = _capitalised_run(doc, k + 1, ("the", "a"))
        if j - i < 2 or doc[j - 1].lower_ not in TITLE_ENDS:
            continue
        year = s.year_after(j, j + 3)
        if year is None:
            continue
        subjects, sure = s.subject(k, ("PLACE", "REF"))
        if len(subjects) != 1 or subjects[0].label != "PLACE":
            continue
        phrase = s.span_text(i, j)
        title = s.registry.link(phrase, ("AWARD",)) or Known(phrase, "AWARD")
        out.append(Draft("award", subjects[0], title, year=year, confidence=0.75 * sure,
                         rule="award:title"))  # fmt: skip
    return out


DESIGNATIONS = {"named", "designated", "crowned", "voted", "chosen", "selected"}
AWARD_HEADS = {"prize", "award", "awards", "plaque", "medal", "diploma", "flag", "trophy"}
AWARD_HEADS |= {"honour", "honor", "capital", "scroll", "label", "title"}
PASSIVE_AUX = {"was", "were", "has", "have", "been", "is", "are", "had"}


def _awarded_to(s: Sentence, a: int, b: int) -> list[Draft] | None:
    """ "The 2010 Europe Prize has been awarded to the Ukrainian town of Kharkiv": the
    award named before a passive "awarded to", the places after "to" its winners; None
    when the cue is no such passive."""
    doc = s.tokens
    if s.span_text(a, b).lower() != "awarded" or b >= len(doc) or doc[b].lower_ != "to":
        return None
    i = a
    while i > 0 and doc[i - 1].lower_ in PASSIVE_AUX:
        i -= 1
    if i == a:
        return None
    while i > 0 and doc[i - 1].text in (",",):
        return None  # "..., which was awarded to": a relative clause, read as usual
    j = i
    while j > 0 and (doc[j - 1].text[:1].isupper() or doc[j - 1].lower_ in _CONNECT):
        j -= 1
    words = [t for t in doc[j:i] if t.text[:1].isupper() and not t.text.isdigit()]
    if not words or words[-1].lower_ not in AWARD_HEADS:
        return None
    named = year_at(doc, j - 1) if j > 0 else None  # "The 2010 Europe Prize"
    named_year = named[0] if named is not None else None
    while j < i and (doc[j].lower_ in ("the", "a") or doc[j].text.isdigit()):
        found = year_at(doc, j)  # "The 2010 Europe Prize": the prize's name, its year apart
        named_year = found[0] if found is not None else named_year
        j += 1
    phrase = s.span_text(j, i)
    award = s.registry.link(phrase, ("AWARD",)) or Known(phrase, "AWARD")
    winners = s.objects_after(b + 1, ("PLACE", "NAME"), lead=6)
    places = [k for m in winners for k in s.known(m, place=True)[:1] if k.label == "PLACE"]
    year = named_year or s.year_before(i) or s.year_after(b, len(doc))
    return [
        Draft("award", place, award, year=year, confidence=0.8, rule="award:awarded to")
        for place in dict.fromkeys(places)
    ]


_CONNECT = {"of", "for", "&", "and", "the", "de"}


def _capitalised_run(doc: list[Any], after: int, leads: tuple[str, ...]) -> tuple[int, int]:
    """Where a capitalised run starts and ends after ``after`` and the lead words given
    ("the European Green Capital"), joined by "of", "for", "&", "and", "the", "de"."""
    i = after
    while i < len(doc) and doc[i].lower_ in leads:
        i += 1
    j = i
    while j < len(doc) and (
        doc[j].text[:1].isupper()
        or (doc[j].lower_ in _CONNECT and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())
    ):
        j += 1
    return i, j


def _designation(s: Sentence, after: int) -> tuple[Known, int] | None:
    """The title after "was named", "was designated", "was crowned": a capitalised run
    ("European Capital of Innovation", "European Green Capital")."""
    doc = s.tokens
    i, j = _capitalised_run(doc, after, ("the", "a", "an", "as"))
    words = [t for t in doc[i:j] if t.text[:1].isupper()]
    if len(words) < 2 and not (words and words[0].lower_ in ("award", "prize")):
        return None  # "was named after ...", "named Smith"
    for m in s.mentions:
        if i <= m.start < j:
            s.objects.add(id(m))
    phrase = s.span_text(i, j)
    return (s.registry.link(phrase, ("AWARD",)) or Known(phrase, "AWARD")), j


def _award_object(s: Sentence, after: int) -> tuple[Known, int] | None:
    for m in s.mentions:
        if m.start < after or m.start > after + 14:
            continue
        if m.label == "AWARD" or (m.label in ("NAME", "PROGRAMME") and s.prev(m.start) == "a"):
            found = s.known(m) if m.label == "AWARD" else [Known(m.text, "AWARD")]
            if found:
                s.objects.add(id(m))
                return found[0], m.end
    doc = s.doc
    for i in range(after, min(after + 4, len(doc))):
        if doc[i].lower_ in ("award", "prize", "title"):
            j = i + 1
            while j < len(doc) and doc[j].lower_ not in (",", ";", "for", ".") and j - i < 8:
                j += 1
            phrase = doc[i:j].text
            category = [t.text for t in doc[i + 1 : j] if t.text[:1].isupper()]
            linked = s.registry.link(" ".join(category), ("AWARD",)) if category else None
            return (linked or Known(phrase, "AWARD")), j
    return _titled_award(s, after)


def _titled_award(s: Sentence, after: int) -> tuple[Known, int] | None:
    """ "was awarded the European Green Capital title", "received the Europe Prize": a
    capitalised run right after the verb, followed by "title" or "award", or ending in a
    word that names an award."""
    doc = s.tokens
    i, j = _capitalised_run(doc, after, ("the", "a", "an", "its", "their"))
    if j - i < 2:
        return None
    titled = j < len(doc) and doc[j].lower_ in ("title", "award", "prize", "status", "label")
    if not titled and doc[j - 1].lower_ not in AWARD_HEADS:
        return None
    phrase = s.span_text(i, j)
    for m in s.mentions:
        if i <= m.start < j:
            s.objects.add(id(m))
    return (s.registry.link(phrase, ("AWARD",)) or Known(phrase, "AWARD")), j + int(titled)


def hosted(s: Sentence) -> list[Draft]:
    out: list[Draft] = []
    for name, a, b in s.cues:
        if name != "host":
            continue
        objects = s.objects_after(b, ("EVENT", "AWARD", "ORG", "PROGRAMME"), lead=5, gap=2)
        if not objects:
            continue
        subjects, sure = s.subject(a, ("PLACE", "ORG", "ASSET", "REF"))
        for m in objects:
            s.objects.add(id(m))
        for subject in subjects:
            for m in objects:
                for event in s.known(m, labels=("EVENT", "AWARD")):
                    out.append(
                        Draft(
                            "event_hosted",
                            subject,
                            Known(event.name, "EVENT", event.id),
                            year=s.year_after(m.end, m.end + 4) or s.opening_year(),
                            confidence=0.85 * sure,
                            rule=f"event_hosted:{s.span_text(a, b).lower()}",
                        )
                    )
    return out


PROGRAMME_NOUNS = {"program", "programs", "programme", "programmes", "project", "projects"}


def programme(s: Sentence) -> list[Draft]:
    out: list[Draft] = []
    for m in s.mentions:
        if m.label != "PROGRAMME" or id(m) in s.objects:
            continue
        owner = _possessor(s, m.start)
        if owner is not None:
            subjects, sure = [owner], 1.0
        else:
            subjects, sure = s.subject(m.start, ("PLACE", "REF"))
        year = s.year_after(m.end, m.end + 4) or s.opening_year()
        for subject in subjects:
            for known in s.known(m):
                out.append(
                    Draft(
                        "programme",
                        subject,
                        known,
                        year=year,
                        confidence=0.75 * sure,
                        rule="programme:name",
                    )
                )
    for name, a, b in s.cues:
        if name != "run":
            continue
        end = next(
            (
                i
                for i in range(b, min(b + 6, len(s.tokens)))
                if s.tokens[i].lower_ in PROGRAMME_NOUNS
            ),
            None,
        )
        if end is None or any(
            m.start < end + 1 and m.end > b for m in s.mentions if m.label != "REF"
        ):
            continue
        phrase = s.span_text(b, end + 1)
        subjects, sure = s.subject(a, ("PLACE", "ORG", "ASSET", "REF"))
        for subject in subjects:
            out.append(
                Draft(
                    "programme",
                    subject,
                    Known(phrase, "PROGRAMME"),
                    confidence=0.7 * sure,
                    rule="programme:runs",
                )
            )
    return out


def _possessor(s: Sentence, index: int) -> Known | None:
    """``C40's Knowledge Hub``: the named owner right before a name."""
    for m in s.mentions:
        if m.possessive and m.end + 1 == index and m.label not in ("REF", "COUNTRY"):
            found = s.known(m)
            return found[0] if found else None
    return None


def strategy(s: Sentence) -> list[Draft]:
    out: list[Draft] = []
    for m in s.mentions:
        if m.label != "DOC":
            continue
        found = s.known(m)
        if not found:
            continue
        document = found[0]
        inside = [k for k in _places_in(s, document.name)]
        owner = _possessor(s, m.start)
        subjects, sure = (
            ([inside[0]], 1.0)
            if inside
            else ([owner], 1.0)
            if owner
            else s.subject(m.start, ("PLACE", "REF"))
        )
        year = s.year_after(m.end, m.end + 6)
        for subject in subjects:
            out.append(
                Draft(
                    "strategy",
                    subject,
                    document,
                    year=year,
                    confidence=0.8 * sure,
                    rule="strategy:name",
                )
            )
    return out


def _places_in(s: Sentence, name: str) -> list[Known]:
    words = name.replace("City of ", "").split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            known = s.registry.lookup(" ".join(words[i : i + size]))
            if known is not None and known.label == "PLACE":
                return [known]
    return []


def agreement(s: Sentence) -> list[Draft]:
    out: list[Draft] = []
    for name, a, b in s.cues:
        if name != "agreement":
            continue
        before = {t.lower_ for t in s.tokens[max(0, a - 3) : a]}
        if (
            before & {"sister", "twinning", "sister-city", "friendship"}
            or s.doc[a - 1 : a].text == "-"
        ):
            continue
        pair = _pair(s, a, b)
        if pair is None:
            continue
        subject, partner, sure = pair
        later = [y for i, y in s.years() if i >= b]
        # "An Agreement with Emerich town (Germany) was signed on May 26, 1991": the one
        # year after the cue, however far, before the paragraph's
        year = (
            s.year_after(b, b + 12)
            or (later[0] if len(later) == 1 else None)
            or s.opening_year()
            or s.carried_year
        )
        value = _complement(s, a)
        out.append(
            Draft(
                "agreement",
                subject,
                partner,
                value=value,
                year=year,
                confidence=0.75 * sure,
                rule="agreement",
            )
        )
    return out


def _pair(s: Sentence, a: int, b: int) -> tuple[Known, Known, float] | None:
    for m in s.mentions:
        if m.start >= b and s.prev(m.start) == "with" and m.label in ("PLACE", "NAME", "ORG"):
            partner = s.known(m, place=m.label == "NAME")
            subjects, sure = s.subject(a, ("PLACE", "ORG", "REF"))
            if partner and subjects and partner[0] != subjects[0]:
                return subjects[0], partner[0], sure
    for m in s.mentions:
        if m.label == "REF" and m.ref == "pair" and m.start < a:
            both = _last_two(s, m)
            if len(both) == 2:
                main = s.context.main  # the text's city of the moment leads, else the topic
                topic = main if main in both else s.context.last_subject
                first, second = (both[1], both[0]) if topic == both[1] else (both[0], both[1])
                return first, second, 0.9
    return None


def _last_two(s: Sentence, pair: Mention) -> list[Known]:
    """What "the two cities" means: the last two cities named, this sentence included
    ("It was twinned with Bremen in 2011, and the two cities later signed ...")."""
    here: list[Known] = []
    for m in s.mentions:
        if m.start >= pair.start or m.label not in ("PLACE", "NAME", "REF") or m is pair:
            continue
        if m.label == "REF" and m.ref not in ("it", "=city"):
            continue
        here += [k for k in s.known(m, place=m.label == "NAME") if k.label == "PLACE"]
    if not here:
        return s.context.referents(pair)
    out: list[Known] = []
    for city in reversed([*s.context.cities, *here]):
        if city not in out:
            out.append(city)
        if len(out) == 2:
            return list(reversed(out))
    return []


def _complement(s: Sentence, a: int) -> str:
    j = a
    doc = s.tokens
    while j < len(doc) and doc[j].lower_ not in (",", ";", ".", "with", "in") and j - a < 12:
        j += 1
    return s.span_text(a, j)


def aid(s: Sentence) -> list[Draft]:
    for name, a, b in s.cues:
        if name != "aid":
            continue
        subjects, sure = s.subject(a, ("PLACE", "REF"))
        if not subjects:
            continue
        subject = subjects[0]
        recipient = None
        for m in s.mentions:
            if (
                m.start >= b
                and s.prev(m.start) in ("to", "for", "in")
                and m.label in ("PLACE", "NAME")
            ):
                found = s.known(m, place=True)
                recipient = found[0] if found else None
                break
        if recipient is None:
            others = [k for k in reversed(s.context.cities) if k != subject]
            recipient = others[0] if others else None
            sure *= 0.8
        if recipient is None:
            continue
        year = s.year_after(b, b + 10) or s.opening_year()
        return [Draft("aid", subject, recipient, year=year, confidence=0.7 * sure, rule="aid")]
    return []
