"""Roles in a network held through a city's mayor or named for the city (issue 22):

- "Madison Mayor Satya Rhodes-Conway has been named chair of Climate Mayors", "the Mayor
  of Hiroshima serves as President, and the Mayor of Nagasaki as Vice-President", "the
  co-presidents are the mayors of Gdynia, Istanbul and Bogota", "Los Angeles Mayor Eric
  Garcetti founded the network": the city is a member with that role;
- "Hiroshima is its president city", "Hannover was elected vice-president city",
  "Barcelona, Istanbul and Seoul hold co-presidencies": the same, for the places named.

The organization is the one the sentence names, else the one the text is about. Each
mayor takes the role word nearest after it in its clause, else the nearest before it
("Its current president is the Mayor of Durban"); a "former" role, or one whose term ends
("concluding his term as Chair"), leaves the city a plain member.
"""

from __future__ import annotations

from citydip.ingest.text.mentions import SECTION, Mention, initialled
from citydip.ingest.text.registry import Known
from citydip.ingest.text.rulebase import Draft, Sentence
from citydip.ingest.text.vocab import ROLE_WORDS, role_of

MAYOR = {"mayor", "mayors", "mayoress", "mayoralty"}
FOUNDED = {"founded", "co-founded", "cofounded", "launched"}
HOLDING = {"is", "was", "are", "were", "became", "becomes", "become", "holds", "hold", "held"}
HOLDING |= {"elected", "as", "serves", "served", "its", "the", "a", "an", "now", "also", "vice"}
HOLDING |= {"currently", "-", "co", "named", "appointed", "took", "takes", "over", "new"}
STOP = {";", ".", "while", "whereas", "but"}
GATE = frozenset(MAYOR | set(ROLE_WORDS) | FOUNDED | {"governor"})


def roles(s: Sentence) -> list[Draft]:
    """Memberships with a role held by a city's mayor or named for the city."""
    if s.words.isdisjoint(GATE):
        return []
    holders = _mayors(s) + _role_cities(s)
    if not holders:
        return []
    org = _org(s)
    if org is None:
        return []
    marks = sorted(i for _, i, _ in holders)
    colon = next((i for i, t in enumerate(s.tokens) if t.text == ":"), None)
    lead = None  # "Co-presidents: Mayor of Gdynia, Mayor of Istanbul": the role of them all
    if colon is not None and colon <= 4:
        lead = role_of([t.lower_ for t in s.tokens[:colon]])
    found: list[tuple[Known, int, str | None]] = []
    plural: list[bool] = []  # whether the role was read from a plural word before it
    for place, at, fixed in holders:
        role = fixed or (lead if colon is not None and at > colon else None)
        many = False
        if role is None:
            near = _role_near(s, at, marks)
            if near is not None and _of_another(s, near[1], org):
                continue  # "Mayor of Barcelona and President of the AMB": not of this network
            role = near[0] if near is not None else None
            many = near is not None and near[1] < at and s.tokens[near[1]].lower_.endswith("s")
        found.append((place, at, role))
        plural.append(many)
    out: list[Draft] = []
    shared: list[str | None] = []
    for n, (place, at, role) in enumerate(found):
        if role is None:
            role = _shared_role(s, at, found[n + 1 :])
        if role is None and n and plural[n - 1] and _listed_after(s, found[n - 1][1], at):
            role = shared[-1]  # "The co-presidents are the Mayor of Barcelona, the Mayor of
            # Istanbul and the Governor of Tokyo": the plural role of the list's first holder
            plural[n] = True
        shared.append(role)
        if role is None or place == org:
            continue
        out.append(
            Draft("membership", place, org, confidence=0.7, rule="membership:mayor", role=role)
        )
    return out


def _listed_after(s: Sentence, before: int, at: int) -> bool:
    """The holder at ``at`` is the next item of a list after the one at ``before``: only
    commas, "and", "the", titles and the first holder's place between them."""
    if at <= before:
        return False
    words = [t.lower_ for t in s.tokens[before + 1 : at]]
    if not words or not ("," in words or "and" in words) or not STOP.isdisjoint(words):
        return False
    places = {i for m in s.mentions if before < m.start < at for i in range(m.start, m.end)}
    return all(
        w in LIST_GLUE or w in MAYOR or w in LEADERS or before + 1 + k in places
        for k, w in enumerate(words)
    )


def _shared_role(s: Sentence, at: int, later: list[tuple[Known, int, str | None]]) -> str | None:
    """The role of the next mayor joined by "and" ("Mayor A of Boise, Idaho and Mayor B of
    Atlanta, Georgia will serve as Vice-Chairs"): one predicate for both."""
    for _, then, role in later:
        if then <= at:
            continue
        words = {t.lower_ for t in s.tokens[at:then]}
        if "and" not in words or not words.isdisjoint(STOP):
            return None
        if role is not None:
            return role
    return None


def mayor_office(s: Sentence, role: str) -> list[Draft]:
    """A board listed one office holder per block: "Mr. Philippe Close" / "Mayor of Brussels
    (Belgium)" / "Vice-President of the OWHC": this line names the office (``role``), the
    line right before it the mayor's city, which holds that office in the organization."""
    previous = s.context.previous
    if previous is None or previous[1] != s.context.units - 1:
        return []
    last: Sentence = previous[0]
    if len(last.doc) > 12 or not last.doc or last.doc[0].lower_ not in MAYOR:
        return []
    org = _org(s)
    if org is None:
        return []
    return [
        Draft("membership", place, org, confidence=0.7, rule="membership:office", role=role)
        for place, _, _ in _mayors(last)[:1]
        if place != org
    ]


def mayors_in(s: Sentence) -> list[Known]:
    """The places whose mayor the unit names ("Kasim Reed (Mayor of Atlanta, USA)")."""
    return list(dict.fromkeys(place for place, _, _ in _mayors(s)))


def _mayors(s: Sentence) -> list[tuple[Known, int, str | None]]:
    """(place, index of "mayor", None) for "X Mayor ...", "X's mayor", "mayor(s) of X, Y"."""
    doc = s.doc
    out: list[tuple[Known, int, str | None]] = []
    for i, token in enumerate(doc):
        if token.lower_ not in MAYOR or _former(s, i):
            continue  # "former mayor of New York City Michael Bloomberg": not the city's
        before = [
            m
            for m in s.mentions
            if m.label in ("PLACE", "NAME") and (m.end == i or (m.end == i - 1 and m.possessive))
        ]  # "Madison Mayor", "Madison's mayor"
        named: list[Mention] = before[-1:]
        if not named and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            named = _joined_from(s, i + 2)
        if not named:
            named = _named_then_of(s, i)  # "Mayor Johanna Rolland of Nantes"
        for m in named:
            place = _place(s, m)
            if place is not None:
                out.append((place, i, None))
    for i, token in enumerate(doc):
        if token.lower_ in LEADERS and not _former(s, i):
            # "President of the Region of Nouakchott ... and President of UCLG Africa"
            for m in _government_of(s, i):
                place = _place(s, m, regions=True)
                if place is not None:
                    out.append((place, i, None))
    return out


# titles of a city's or a region's head other than mayor, read with its government's name
LEADERS = {"president", "governor", "chairman", "chairwoman", "chairperson", "head"}
GOVERNMENTS = {"region", "regional", "municipal", "council", "city", "municipality"}
GOVERNMENTS |= {"district", "province", "county", "metropolitan", "government", "prefecture"}
GOVERNMENTS |= {"state", "assembly", "corporation", "-", "people's", "committee"}


def _named_then_of(s: Sentence, i: int) -> list[Mention]:
    """The places after a mayor's own name and "of": "Mayor Johanna Rolland of Nantes"."""
    doc = s.doc
    j = i + 1
    while (
        j < len(doc)
        and j - i <= 6
        and (
            doc[j].text[:1].isupper()
            or doc[j].text == "-"
            or (doc[j].text == "." and initialled(doc, j - 1))  # "Justin M. Bibb"
        )
    ):
        j += 1
    if j == i + 1 or j + 1 >= len(doc) or doc[j].lower_ != "of":
        return []
    return _joined_from(s, j + 1)


def _government_of(s: Sentence, i: int) -> list[Mention]:
    """The place whose government a title heads: "President of the Region of Nouakchott",
    "President of the Municipal Council of Tangiers", "Governor of Hokkaido"."""
    doc = s.doc
    j = i + 1
    if j >= len(doc) or doc[j].lower_ != "of":
        return []
    j += 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    k = j
    while k < len(doc) and doc[k].lower_ in GOVERNMENTS:
        k += 1
    if k > j and k + 1 < len(doc) and doc[k].lower_ == "of":
        return _joined_from(s, k + 1)
    if doc[i].lower_ == "governor" and k == j:
        return _joined_from(s, j)  # "Governor of Hokkaido"
    return []


def _role_cities(s: Sentence) -> list[tuple[Known, int, str | None]]:
    """Places a role is named for: "Hiroshima is its president city", "Barcelona, Istanbul
    and Seoul hold co-presidencies"."""
    doc = s.doc
    out: list[tuple[Known, int, str | None]] = []
    for k, token in enumerate(doc):
        if token.lower_ not in ROLE_WORDS:
            continue
        nxt = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        plural_role = token.lower_.endswith(("ies", "s")) and token.lower_ != "mayors"
        if nxt not in ("city", "cities", "town", "towns") and not plural_role:
            continue
        j = k - 1
        while j >= 0 and doc[j].lower_ in HOLDING and k - j <= 5:
            j -= 1
        last = next((m for m in s.mentions if m.end == j + 1), None)
        if last is None or last.label not in ("PLACE", "NAME"):
            continue
        role = role_of([t.lower_ for t in doc[max(0, k - 2) : k + 1]])
        for m in _joined_to(s, last):
            place = _place(s, m, regions=True)
            if place is not None and role is not None and not _former(s, k):
                out.append((place, k, role))
    return out


def _role_near(s: Sentence, at: int, marks: list[int]) -> tuple[str, int] | None:
    """The role word nearest after a mayor at ``at`` in its clause, else before it: the
    role and where its word is."""
    doc = s.doc
    later = [m for m in marks if m > at]
    end = min([len(doc), at + 14, *later])
    for k in range(at + 1, end):
        if doc[k].lower_ in STOP and not (doc[k].text == "." and initialled(doc, k - 1)):
            break
        role = _role_at(s, k)
        if role is not None:
            return role, k
    earlier = [m for m in marks if m < at]
    start = max([0, at - 10, *(m + 1 for m in earlier)])
    for k in range(at - 1, start - 1, -1):
        if doc[k].lower_ in STOP:
            break
        role = _role_at(s, k)
        if role is not None:
            return role, k
    return None


def _of_another(s: Sentence, k: int, org: Known) -> bool:
    """The role word at ``k`` is "of" another body than ``org``: "President of the AMB"
    (a name, known or not, that is not the organization's)."""
    doc = s.doc
    j = k + 1
    if j >= len(doc) or doc[j].lower_ != "of":
        return False
    j += 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j >= len(doc) or not doc[j].text[:1].isupper():
        return False
    owner = next((m for m in s.mentions if m.start <= j < m.end), None)
    if owner is None:
        return True  # an unknown acronym or name: "the AMB"
    if owner.label in ("PLACE", "COUNTRY", "REF") or owner.text == org.name:
        return False
    found = s.known(owner, labels=("ORG",)) if owner.label != "NAME" else []
    return not found or (found[0] != org and found[0].name != org.name)


def _role_at(s: Sentence, k: int) -> str | None:
    word = s.tokens[k].lower_
    if word in FOUNDED:
        return "founder"
    if word not in ROLE_WORDS:
        return None
    if _former(s, k) or _term_ending(s, k):
        return "member"  # "concluding his term as Chair": an office left, the city stays
    return role_of([t.lower_ for t in s.tokens[max(0, k - 2) : k + 1]])


ENDING_TERM = {"concluding", "ending", "completing", "finishing", "completed", "ended"}


def _term_ending(s: Sentence, k: int) -> bool:
    """ "concluding his term as Chair": the role word ends a term of office."""
    words = [t.lower_ for t in s.tokens[max(0, k - 5) : k]]
    return "term" in words and not ENDING_TERM.isdisjoint(words)


def _former(s: Sentence, k: int) -> bool:
    return any(
        t.lower_ in ("former", "ex", "outgoing", "past") for t in s.tokens[max(0, k - 3) : k]
    )


def _joined_from(s: Sentence, start: int) -> list[Mention]:
    """Places named from ``start`` on, joined by commas and "and": "of Gdynia, Istanbul and
    Bogota"."""
    out: list[Mention] = []
    at = start
    for m in s.mentions:
        if m.start < at:
            continue
        if m.start != at or m.label not in ("PLACE", "NAME"):
            break
        if out and s.state_after(out[-1], m):
            at = m.end  # "of Mount Vernon, New York and ...": the state the city lies in
        else:
            out.append(m)
            at = m.end
        while at < len(s.tokens) and s.tokens[at].lower_ in (",", "and", "&"):
            at += 1
    return out


def _joined_to(s: Sentence, last: Mention) -> list[Mention]:
    """The places of a list ending with ``last``: "Barcelona, Istanbul and Seoul"."""
    before = [m for m in s.mentions if m.end <= last.start and m.label in ("PLACE", "NAME")]
    out = [last]
    for m in reversed(before):
        between = {t.lower_ for t in s.tokens[m.end : out[0].start]}
        if not between or not between <= LIST_GLUE:
            break
        out.insert(0, m)
    return out


# between the places of a list of holders: "Berlin, Barcelona, the Province of Gauteng, Tehran"
LIST_GLUE = {",", "and", "&", "the", "of", "province", "state", "region", "city", "county"}


def _place(s: Sentence, m: Mention, regions: bool = False) -> Known | None:
    """A city a mention names (a province too with ``regions``: "the Province of Gauteng"
    among the co-presidents of a network)."""
    found = s.known(m, place=True)
    levels = (None, "city", "district", "region") if regions else (None, "city", "district")
    if found and found[0].label == "PLACE" and found[0].level in levels:
        return found[0]
    return None


def _org(s: Sentence) -> Known | None:
    """The organization the sentence names (known), else the one the text is about."""
    for m in s.mentions:
        if m.label != "ORG" or s.council_place(m) is not None:
            continue
        found = s.known(m, labels=("ORG",))
        if found and found[0].label == "ORG" and _named_org(found[0], m):
            return found[0]
    for m in s.mentions:
        at = m.start - 1 if m.start > 0 and s.tokens[m.start - 1].lower_ == "the" else m.start
        after_role = at > 0 and s.tokens[at - 1].lower_ in ROLE_WORDS  # "to chair X"
        if at > 1 and s.tokens[at - 1].lower_ == "of":
            after_role = s.tokens[at - 2].lower_ in ROLE_WORDS  # "named chair of (the) X"
        unknown_org = m.label == "ORG" and m.known is None and s.council_place(m) is None
        if after_role and (unknown_org or (m.label == "NAME" and not s.known(m, place=True))):
            org = Known(m.text, "ORG")  # "named chair of X", "President of the X Network"
            s.context.weigh(org, 1.0)  # the network the next sentences may mean
            return org
    return s.context.topic_org


def _named_org(org: Known, m: Mention) -> bool:
    """An organization a registry knows, or a network's regional section ("UCLG Africa"),
    not a capitalised name read as one."""
    return bool(org.id) or org.name != m.text or org.level == SECTION
