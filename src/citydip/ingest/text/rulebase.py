"""What every claim rule works on: a unit's tokens, mentions and cues, and how to find a
subject, a list of objects and a year in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from citydip.ingest.text.coref import SUBJECT_LABELS, Context
from citydip.ingest.text.mentions import Mention
from citydip.ingest.text.normalise import YEAR, year_at, years_in
from citydip.ingest.text.registry import Known, Registry

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
GLUE = {",", "and", "the", "as", "well", "(", ")", "also", "both", "its", "a", "an", "or", "&"}


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
    _lowers: set[str] | None = None

    # -- mentions -------------------------------------------------------------------------

    def known(
        self, mention: Mention, place: bool = False, labels: tuple[str, ...] = ()
    ) -> list[Known]:
        """What a mention names: its entity, its referents, a place from the gazetteer."""
        if mention.label == "REF":
            return self.context.referents(mention)
        if mention.known is not None:
            country = self.country_after(mention) if place else None
            if country and mention.known.label == "PLACE" and mention.known.country != country:
                found = self.registry.place(mention.text, country)  # "St. Petersburg, Russia"
                return [found] if found else [mention.known]
            return [mention.known]
        if mention.label == "NAME" or place:
            found = self.registry.place(mention.text, self.country_after(mention))
            return [found] if found else []
        if mention.label in ("COUNTRY",):
            return []
        linked = self.registry.link(mention.text, labels or (mention.label,), self._near())
        return [linked or Known(mention.text, mention.label)]

    def _near(self) -> str | None:
        subject = self.column or self.context.last_subject
        return subject.name if subject else None

    def country_after(self, mention: Mention) -> str | None:
        for other in self.mentions:
            near = mention.end <= other.start <= mention.end + 2
            if near and other.label == "COUNTRY":
                return other.code
        return None

    def cue_tokens(self) -> set[int]:
        return {i for _, a, b in self.cues for i in range(a, b)}

    # -- subjects -------------------------------------------------------------------------

    def subject(
        self, index: int, labels: tuple[str, ...] = SUBJECT_LABELS
    ) -> tuple[list[Known], float]:
        """Who a cue at token ``index`` is about, and how sure that is (1.0 when named)."""
        if self.column is not None:
            return [self.column], 1.0
        before = [m for m in self.mentions if m.end <= index and m.label in (*labels, "NAME")]
        for i in range(index - 1, -1, -1):
            if self.doc[i].lower_ in ("which", "who", "that") and i > 0:
                prior = [m for m in before if m.end <= i and m.label != "REF"]
                if prior and i - prior[-1].end <= 3:
                    return self.known(prior[-1]), 0.9
                break
        chosen: list[Known] = []
        last: Mention | None = None
        cue_tokens = self.cue_tokens()
        for mention in reversed(before):
            if id(mention) in self.objects or self._after_cue(mention, cue_tokens):
                continue
            found = [k for k in self.known(mention) if k.label in (*labels, "PLACE")]
            if not found:
                continue
            if last is not None and not self._glued(mention.end, last.start):
                break
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
        if self.context.last_subject is not None:
            return [self.context.last_subject], 0.8
        return [], 0.0

    def _opening_place(self, index: int) -> Known | None:
        """The place the sentence opens with (its subject), when named before ``index``."""
        for mention in self.mentions:
            if mention.start >= index:
                return None
            if mention.label == "COUNTRY" or id(mention) in self.objects:
                continue
            if self.prev(mention.start) in ("with", "to", "for", "of", "from", "by"):
                return None
            if mention.label == "REF" and mention.ref == "it":
                return None
            found = self.known(mention, place=mention.label == "NAME")
            return found[0] if len(found) == 1 and found[0].label == "PLACE" else None
        return None

    def _after_cue(self, mention: Mention, cue_tokens: set[int]) -> bool:
        """The object of a verb cue ("operates the Museum") is no subject."""
        i = mention.start - 1
        while i >= 0 and self.doc[i].lower_ in ("the", "a", "an"):
            i -= 1
        return i >= 0 and i in cue_tokens

    def _glued(self, a: int, b: int) -> bool:
        words = [t.lower_ for t in self.doc[a:b]]
        allowed = GLUE | {"state", "states", "city", "cities", "of", "well"}
        return len(words) <= 8 and all(w in allowed for w in words)

    # -- objects --------------------------------------------------------------------------

    def objects_after(
        self, index: int, labels: tuple[str, ...], lead: int = 6, gap: int = 2
    ) -> list[Mention]:
        """The list of mentions after a cue: ``X, the Y, and Z`` (stops at a clause break)."""
        cue_tokens = self.cue_tokens()
        out: list[Mention] = []
        following = [m for m in self.mentions if m.start >= index]
        pos = index
        loose = 0
        for mention in following:
            between = self.doc[pos : mention.start]
            for token in between:
                i = token.i - self.base
                if token.lower_ in CLAUSE_BREAKS or (i in cue_tokens and i >= index):
                    return out
                if token.lower_ not in GLUE:
                    loose += 1
            limit = lead if not out else gap
            if loose > limit:
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

    # -- years ----------------------------------------------------------------------------

    def year_after(self, index: int, limit: int | None = None) -> int | None:
        end = len(self.doc) if limit is None else min(limit, len(self.doc))
        for i in range(index, end):
            if self.doc[i].lower_ in (";",):
                break
            found = year_at(self.doc, i)
            if found is not None:
                return found[0]
        return None

    def year_before(self, index: int) -> int | None:
        """ "in 2009 it took home ...": "in" + a year in the clause just before ``index``."""
        for i in range(index - 1, max(-1, index - 7), -1):
            if self.doc[i].text in (",", ";") or self.doc[i].lower_ in ("and", "but"):
                return None
            found = year_at(self.doc, i)
            if found is not None and i > 0 and self.doc[i - 1].lower_ in ("in", "since"):
                return found[0]
        return None

    def opening_year(self) -> int | None:
        """The year of an opening phrase: "In March 2023, ...", "Initiated in 2011, ..."."""
        first = min((m.start for m in self.mentions if m.label != "REF"), default=8)
        end = min(8, max(first, 1))
        for i in range(end):
            if self.doc[i].text == ",":
                break
            found = year_at(self.doc, i)
            if found is not None:
                return found[0]
        return None

    def years(self) -> list[tuple[int, int]]:
        return years_in(self.doc)

    @property
    def base(self) -> int:
        """Index of the unit's first token in its paragraph's doc."""
        return int(getattr(self.doc, "start", 0))

    def prev(self, index: int) -> str:
        """The lower-case token before ``index``, or "" at the start."""
        return str(self.doc[index - 1].lower_) if index > 0 else ""

    def has(self, *words: str) -> bool:
        if self._lowers is None:
            self._lowers = {t.lower_ for t in self.doc}
        return not self._lowers.isdisjoint(words)

    def span_text(self, a: int, b: int) -> str:
        return str(self.doc[a:b].text)
