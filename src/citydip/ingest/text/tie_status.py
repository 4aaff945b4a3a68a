"""What a clause says became of ties named before it (issue 22):

- "the partnership with Kaliningrad was suspended in March 2022", "their twinning has since
  been terminated": a tie noun, optionally its partner, then a status verb;
- "the council voted to terminate the agreement in 2020", "decided to suspend all links
  with Tver": a decision to end or suspend a tie (a status asked for, "called for the link
  to be suspended", is not one).

A clause naming a partner ("with Kaliningrad") changes the ties with that partner read so
far; one naming none changes the ties of its own sentence read before it, else those of
the last sentence that had any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from citydip.ingest.text import prose
from citydip.ingest.text.claims import TIE_TYPES, ExtractedClaim, Ref
from citydip.ingest.text.registry import Known

# up to two words before the tie noun, quoted or not ('the "sister city" protocol')
_MODIFIERS = r"(?:[\"“”‘’']?[\w\-]+[\"“”‘’']?\s+){0,2}?"
_NOUN = (
    r"(?:twinning|twinnings|partnership|partnerships|relationship|relationships|link|links|"
    r"ties|agreement|agreements|cooperation|relations|friendship|arrangement|arrangements|"
    r"connection|connections|union|bond|bonds|protocol|protocols|pact|pacts)"
)
_NAME = r"(?P<with>[A-Z][\w'.\-]*(?:[ \-](?:[a-z]{1,3}[ \-])?[A-Z][\w'.\-]*)*)"
_PASSIVE = re.compile(
    r"\b(?i:the|this|that|its|their|these|those|both|all)\s+"
    + _MODIFIERS
    + _NOUN
    + r"(?:\s+with\s+"
    + _NAME
    + r")?(?:\s+\([^)]*\))?,?\s+(?:was|were|has|have|had|is|are)\s+"
    r"(?:since\s+|now\s+|then\s+|also\s+|officially\s+|formally\s+|temporarily\s+)?"
    r"(?:been\s+|being\s+)?(?:since\s+|officially\s+|formally\s+|temporarily\s+)?"
    r"(?P<word>suspended|ended|terminated|frozen|severed|dissolved|cancell?ed|canceled|revoked|"
    r"scrapped|paused|put on hold|cut|abolished)\b",
)
_DECIDED = re.compile(
    r"\b(?:voted|decided|agreed|moved|resolved|opted|chose|voting|deciding|agreeing)\s+"
    r"(?:[\w,]+\s+){0,6}?to\s+(?:\w+ly\s+)?"  # "voted to officially sever"
    r"(?P<word>end|terminate|suspend|sever|cut|freeze|cancel|scrap|dissolve|break off|abolish|"
    r"pause)\s+"
    r"(?:(?:the|its|their|all|this|that)\s+)?"
    + _MODIFIERS
    + _NOUN
    + r"(?:\s+with\s+"
    + _NAME
    + r")?",
)
# "Barcelona suspended relations with Tel Aviv", "the council severed its ties with X"
_ACTIVE = re.compile(
    r"\b(?P<word>suspended|ended|severed|terminated|froze|frozen|cut|broke off|cancell?ed|"
    r"revoked|scrapped|dissolved|paused|pausing|ending|severing|abolished)\s+(?:(?i:its|their|the|all)\s+)?"
    + _MODIFIERS
    + r"(?:ties|relations|links?|twinning|partnership|agreement|relationship|cooperation|contacts|"
    r"arrangements?|connections?|exchanges)"
    r"\s+with\s+" + _NAME
)
# "enacted a 'temporary freeze' in its relationship with Safed", "the suspension of all ties
# with Tver", "put an end to its twinning with Perm": a status named by a noun
_NOMINAL = re.compile(
    r"\b(?P<word>suspension|freeze|termination|severing|severance|cancell?ation|end)"
    r"[\"”’']?\s+(?:of|in|on|to)\s+(?:(?i:its|their|the|all)\s+)?"
    + _MODIFIERS
    + r"(?:ties|relations|links?|twinning|partnership|agreement|relationship|cooperation|contacts|"
    r"arrangements?|connections?|exchanges)"
    r"\s+with\s+" + _NAME
)
# a status asked for, not decided: "called for the suspension of ties with", "a petition
# demanding an end to"
_SOUGHT = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|propos(?:e|es|ed|al|ing)|"
    r"petition|motion|ask(?:s|ed|ing)?\s+for|seek(?:s|ing)?|sought|consider(?:s|ed|ing)?)\b"
    r"[^.;]{0,30}$",
    re.I,
)
# "but suspended the link in 2022", "In 2022 the council cut the ties": a tie named before,
# by a demonstrative noun with no partner after it (the sentence's own ties, else the last's)
_ACTIVE_BARE = re.compile(
    r"\b(?P<word>suspended|ended|severed|terminated|froze|cut|broke off|cancell?ed|revoked|"
    r"scrapped|dissolved|paused|abolished|dropped)\s+(?:the|its|their|this|that|these|all)\s+"
    + _MODIFIERS
    + r"(?:ties|relations|links?|twinning|partnership|relationship|"
    r"arrangements?|connections?)\b(?!\s+(?:with|to|between)\b)(?P<with>)"
)
_NOT_DONE = re.compile(
    r"(?:\b(?:denied|denies|deny|dismissed|rejected|refused|declined)\b[^.;]{0,40}|"
    r"\b(?:not|never)\s+(?:\w+\s+)?|n't\s+(?:\w+\s+)?)$",
    re.I,
)
_ENDED = {"end", "terminate", "sever", "cut", "cancel", "scrap", "dissolve", "break off", "abolish"}
# "to cut ties with", "should end the twinning": asked for or foreseen, not done (a decision,
# "voted to cut", is read by _DECIDED)
_ASKED = re.compile(
    r"\b(?:(?<!\bis )(?<!\bare )to|should|would|could|might|must|may|shall)\s+(?:\w+\s+)?$", re.I
)  # "is to cut" is a decision announced
_CUE = re.compile(
    r"suspen|ended|end |termin|froze|frozen|sever|dissol|cancel|revok|scrap|paus|cut|broke|abolish|"
    r"ending|freez"
)
# "The link was set up in 1989", "the partnership was formally signed on 3 May 2004": the
# start year of ties read before without one
_FOUNDED = re.compile(
    r"\b(?i:the|this|that|their|its|our)\s+"
    + _MODIFIERS
    + r"(?:"
    + _NOUN
    + r"|(?i:memorandum|mou|declaration|charter|pact|accord|oath|protocol))"
    # "The original Memorandum of Understanding and Declaration of Friendship was signed"
    + r"(?:\s+of\s+[A-Z][\w\s]{0,50}?)?"
    + r"(?:\s+for\s+(?i:this|that|the|their)\s+\w+)?"  # "The MOU for this cooperation"
    + r"\s+(?:was|were|had been|has been)\s+(?:\w+ly\s+)?(?:set up|established|formed|"
    r"signed|created|founded|made|forged|agreed|launched|formalised|formalized|sealed)\b"
    # "... signed between the cities' municipal administrations in May of 2017"
    r"[^.;]{0,60}?\b(?P<year>1[89]\d\d|20\d\d)\b"
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "The brief ceremony took place in Kumasi on Wednesday June 26, 2024": the signing of the
# ties just read
_CEREMONY = re.compile(
    r"^\W*(?i:the|a|this)\s+" + _MODIFIERS + r"(?i:ceremony|signing)\b[^.;]{0,40}?"
    r"\b(?i:took place|was held|happened)\b[^.;]{0,60}?\b(?P<year>1[89]\d\d|20\d\d)\b"
)
# "The cooperation agreement between Tbilisi and Saarbruken was signed in 1975", "The
# partnership agreement between the cities was signed on October 14, 1979": an agreement of
# a pair read before (any agreement: the tie is known, only its start is new)
_SIGNED = re.compile(
    r"\b(?i:agreement|memorandum|mou|accord|charter|protocol|declaration|treaty)\b[^.;]{0,90}?"
    r"\b(?i:was|were|had been|has been)\s+(?:\w+ly\s+)?(?i:signed|concluded|adopted)\b"
    r"[^.;]{0,120}?\b(?P<year>1[89]\d\d|20\d\d)\b"
)
_THE_CITIES = re.compile(r"\b(?i:the|both|two)\s+(?:two\s+)?(?:cities|towns|municipalities)\b")


RECENT = 300  # claims read last that a later sentence may date


def _may_name_year(sentence: str) -> bool:
    """A "1" or a "2" in the sentence: else it names no year (1800-2099) for _BEGAN, _SIGNED,
    _FOUNDED, _CEREMONY or _A_YEAR to read, and none of them is tried (most sentences)."""
    return "1" in sentence or "2" in sentence


def date_pair(
    sentence: str, places: list[Known], paragraph_place: Known | None, found: list[ExtractedClaim]
) -> None:
    """A later sentence giving the signing year of an agreement of a pair whose tie was read
    without a year: the pair named ("between Tbilisi and Saarbruken"), else "the cities" of a
    paragraph about one partner ("Ljubljana ... between the cities was signed in 1979")."""
    if not _may_name_year(sentence):
        return
    signed = _SIGNED.search(sentence)
    if signed is None:
        return
    found = found[-RECENT:]  # the ties of the page around it: linear in a long text
    the_cities = _THE_CITIES.search(sentence) is not None
    keys = {Ref.of(k).key for k in places}
    if len(keys) < 2 and paragraph_place is not None and the_cities:
        keys.add(Ref.of(paragraph_place).key)
    if len(keys) == 1:
        one = next(iter(keys))
        undated = [
            c
            for c in found
            if c.type == "tie" and c.object is not None and one in (c.subject.key, c.object.key)
        ]
        if len(undated) == 1 and undated[0].year is None and the_cities:
            undated[0].year = int(signed.group("year"))
        return
    if len(keys) != 2:
        return
    for claim in found:
        if claim.type != "tie" or claim.object is None or claim.year is not None:
            continue
        if {claim.subject.key, claim.object.key} == keys:
            claim.year = int(signed.group("year"))


_STARTED = re.compile(
    r"\b(?i:signed|signing|bestowed|granted|conferred|established|formali[sz]ed|inaugurated|"
    r"concluded|sealed)\b"
)
_RECALLED = re.compile(
    r"\b(?i:anniversar\w*|celebrat\w*|years\s+of|renew\w*|re-?sign\w*|marks?|marked|"
    r"jubilee|visit\w*|since|first|earlier|before|after)\b"
)
_A_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# what else a text about ties says was founded: a programme, a movement, an association
_OTHER_STARTED = re.compile(
    r"\b(?i:program|programs|programme|programmes|movement|association|society|committee|"
    r"network|initiative|foundation|organization|organisation)\b"
)
# a relative clause on a tie noun that says when it began
_BEGAN = re.compile(
    r"\b(?i:relationship|twinning|partnership|ties|friendship|link|sisterhood)\b[^.;]{0,40}?,?"
    r"\s+(?:(?i:which|that)\s+(?i:began|started|took\s+place|was\s+established|was\s+formed|"
    r"was\s+signed|dates\s+(?:back\s+)?(?:to|from))|(?i:having\s+(?:taken\s+place|been\s+"
    r"(?:signed|established|formed|sealed))))\b[^;]{0,25}?\b(?P<year>1[89]\d\d|20\d\d)\b"
)


def date_single(sentence: str, places: list[Known], found: list[ExtractedClaim]) -> None:
    """ "Sister city status was bestowed in 1972.", "it was June 30 1989 that the official
    ceremony took place ..., with charters ... signed by": a signing with one year, in a text
    that has named one tie only (and no other place here), dates that tie when it has no
    year yet."""
    if not _may_name_year(sentence):
        return  # (each way below needs a year: _BEGAN's, and one of _A_YEAR)
    began = _BEGAN.search(sentence)
    if began is not None:  # "the 20th anniversary of the relationship ..., which began on
        years = {began.group("year")}  # Nov. 6, 2003": the start, anniversary or not
    else:
        years = set(_A_YEAR.findall(sentence))
        year_at = _A_YEAR.search(sentence)
        said = sentence[: year_at.end()] if year_at is not None else sentence
        # "the signing of the agreement on Oct. 27, 1993, under which the two cities have
        # since been promoting ...": what follows the year recalls nothing
        if _STARTED.search(said) is None or _RECALLED.search(said) is not None:
            return
        if _OTHER_STARTED.search(said) is not None:
            return  # "the Sister City Program was inaugurated ... in 1956": not the tie's start
    if len(years) != 1:
        return
    sides = _one_undated_pair(found)
    if sides is None or any(Ref.of(k).key not in sides for k in places):
        return
    for claim in found[-RECENT:]:
        if claim.type == "tie":
            claim.year = int(next(iter(years)))


def _one_undated_pair(found: list[ExtractedClaim]) -> frozenset[str] | None:
    """The two sides of the ties among the last RECENT claims, when they are all of one
    pair and none has a year; else None. Read from the latest back: in a long text an
    earlier tie of another pair, or with a year, usually ends the reading at once."""
    sides: frozenset[str] | None = None
    for claim in islice(reversed(found), RECENT):
        if claim.type != "tie":
            continue
        if claim.year is not None:
            return None
        pair = frozenset((claim.subject.key, claim.object.key if claim.object else ""))
        if sides is None:
            sides = pair
        elif pair != sides:
            return None
    return sides


# a short sentence denying what the last one reported: "It is not.", "This is untrue."
_DENIAL = re.compile(
    r"^\W*(?:but\s+|however,?\s+)?(?:it|this|that|they|neither|none)\s+(?:is|was|are|were|"
    r"has|have|had)?\s*(?:not|n't|never|false|untrue|unfounded|a myth|a hoax)\b[^.;]{0,40}\W*$",
    re.I,
)


def denied_after(sentence: str, last: list[ExtractedClaim]) -> None:
    """ "A post claimed that Leeds was twinned with Kazan. It is not.": the ties the last
    sentence only reported become denied ties."""
    if not last or _DENIAL.match(sentence.strip()) is None:
        return
    from citydip.ingest.text.tie_shapes import REPORTING

    for tie in last:
        if tie.type != "tie" or tie.object is None:
            continue
        at = tie.sentence.find(tie.object.name)
        words = re.findall(r"[a-z]+", tie.sentence[: at if at >= 0 else None].lower())
        if REPORTING.isdisjoint(words):
            continue
        tie.type, tie.status, tie.kind, tie.year, tie.end_year = "non_tie", None, None, None, None


@dataclass
class EarlyStatus:
    """A status a clause gave the ties with a partner before any such tie was read: "Nanjing
    has suspended official exchanges with Nagoya. The two established sister-city ties in
    1978." (the tie read next is suspended)."""

    partners: list[str]
    status: str
    end_year: int | None


def apply_early(early: list[EarlyStatus], ties: list[ExtractedClaim]) -> None:
    """Give ties read now the status an earlier clause gave their partner."""
    for said in early:
        for tie in ties:
            if tie.type not in TIE_TYPES or tie.object is None:
                continue
            if (tie.status or "active") != "active":
                continue
            names = (tie.object.name, tie.subject.name)
            if any(_same(name, p) for name in names for p in said.partners):
                _give_status(tie, said.status, said.end_year)


def later_status(
    sentence: str,
    own: list[ExtractedClaim],
    last: list[ExtractedClaim],
    earlier: list[ExtractedClaim],
    early: list[EarlyStatus] | None = None,
) -> None:
    """Set the status (and end year) a sentence gives ties: its own (``own``, read from
    it), the last sentence's (``last``), or any read so far (``earlier`` and ``own``) with
    the partner it names. A status for a partner no tie has yet is kept in ``early``."""
    if not own:
        denied_after(sentence, last)
    founded = (
        (_FOUNDED.search(sentence) or _CEREMONY.search(sentence))
        if last and not own and _may_name_year(sentence)
        else None
    )
    if founded is not None:
        for tie in last:
            if tie.type in TIE_TYPES and tie.year is None:
                tie.year = int(founded.group("year"))
    if not _CUE.search(sentence):
        return
    for pattern in (_PASSIVE, _DECIDED, _ACTIVE, _ACTIVE_BARE, _NOMINAL):
        for match in pattern.finditer(sentence):
            word = match.group("word").lower()
            asked = pattern in (_ACTIVE, _ACTIVE_BARE)
            if asked and _ASKED.search(sentence, 0, match.start()):
                continue  # "calls for Penrith to cut ties with Kunshan": not cut
            if pattern is _NOMINAL and (
                _SOUGHT.search(sentence, 0, match.start())
                or _ASKED.search(sentence, 0, match.start())
            ):
                continue  # "called for the suspension of ties with Tver": not suspended
            if _NOT_DONE.search(sentence, 0, match.start()):
                continue  # "denied that Leicester had severed its link", "has not cut"
            if prose.reversed_after(sentence[match.end() :].lower().split()):
                continue  # "decided to cut ... then repealed the decision"
            status = (
                "suspended"
                if word.startswith(("suspen", "froze", "freez", "paus", "put"))
                else "ended"
            )
            if pattern is _DECIDED and word in _ENDED:
                status = "ended"
            year = _YEAR.search(sentence, match.end(), match.end() + 30)
            if year is None:  # "In February 2023 the mayor froze relations with ..."
                year = ([None, *_YEAR.finditer(sentence, 0, match.start())])[-1]
            end = int(year.group(1)) if year is not None else None
            partners = [] if pattern is _ACTIVE_BARE else _partners(sentence, match)
            if partners:
                targets = [
                    c
                    for c in (*earlier, *own)
                    if c.object is not None
                    and any(_same(c.object.name, p) or _same(c.subject.name, p) for p in partners)
                ]
                if early is not None and not any(c.type in TIE_TYPES for c in targets):
                    early.append(EarlyStatus(partners, status, end))
            else:
                targets = own or last
            for tie in targets:
                now = tie.status or "active"
                # a decision to end a tie read as under discussion ("discussed the
                # cancellation of the protocol" / "decided to terminate the protocol") ends it
                if tie.type not in TIE_TYPES or now not in ("active", "proposed", "suspended"):
                    continue
                if now == "suspended" and status != "ended":
                    continue  # a suspended tie may still be ended ("voted to sever" after it)
                if now == "proposed" and pattern is not _DECIDED:
                    continue
                _give_status(tie, status, end)


def _give_status(tie: ExtractedClaim, status: str, end_year: int | None) -> None:
    """Set a tie's status, and the year it ended or was suspended unless that is before the
    tie's start."""
    tie.status = status
    if end_year is not None and (tie.year is None or end_year >= tie.year):
        tie.end_year = end_year


_NAMED = re.compile(r"[A-Z][\w'.\-]*(?:[ \-](?:[a-z]{1,3}[ \-])?[A-Z][\w'.\-]*)*")


def _partners(sentence: str, match: re.Match[str]) -> list[str]:
    """The partners a status clause names: after "with" ("froze relations with Israel and
    with Tel Aviv": both), or before the tie noun ("end the Kunming relationship")."""
    names = [match.group("with")] if match.group("with") else []
    clause_end = min(
        [len(sentence)] + [i for i in (sentence.find(c, match.end()) for c in ".;") if i >= 0]
    )
    rest = sentence[match.end() : clause_end]
    if names:  # "with Israel and with Tel Aviv"; not "suspended by the leader, Susan Aitken"
        names += re.findall(r"\b(?:and|or|,)\s+(?:with\s+)?(" + _NAMED.pattern + ")", rest)
    inner = match.group(0).split()[1:]
    names += [w for w in inner if w[:1].isupper() and not names]
    return names


def _same(name: str, written: str) -> bool:
    a, b = name.lower(), written.lower().rstrip(".,;:")  # "... ties with Leningradsky."
    return a == b or any(x.startswith(y + sep) for x, y in ((a, b), (b, a)) for sep in " -,")
