"""Text → candidate claims: prepare, segment, run the rule pipeline, apply the rules in order.

    extract_claims(text, registry)          -> [ExtractedClaim, ...]
    extract_file(path, store)               -> Extraction(document, claims)

Claims that say the same thing (same type, subject, object or value) are one claim: the
first sentence that says it is kept, with a year from a later one when it gave none; a
first or latest tie and a tie of the same two places in another sentence are one.
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from citydip.ingest.text import lists, rules_roles, rules_ties
from citydip.ingest.text import rules_numbers as numbers
from citydip.ingest.text import rules_relations as relations
from citydip.ingest.text import tie_shapes as shapes
from citydip.ingest.text.claims import TIE_TYPES, ExtractedClaim, Ref
from citydip.ingest.text.coref import PENDING, PENDING_ORG, SUBJECT_LABELS, Context
from citydip.ingest.text.local_places import local_places
from citydip.ingest.text.mentions import HEADLINE_VERBS, Mention, find_mentions
from citydip.ingest.text.normalise import number_at
from citydip.ingest.text.prose import topical
from citydip.ingest.text.readers import Document, read_document
from citydip.ingest.text.registry import Known, Registry
from citydip.ingest.text.rulebase import Draft, Sentence
from citydip.ingest.text.segment import Unit, prepare, segment
from citydip.ingest.text.tie_status import (
    EarlyStatus,
    apply_early,
    date_pair,
    date_single,
    later_status,
)
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.text import fold

Rule = Callable[[Sentence], list[Draft]]
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z]+(?![\w'-])")
CHUNK = 8000  # characters of text per pipeline call (cut at unit boundaries)

# Order matters: a mention taken as an object by one rule is no subject for the next.
RULES: tuple[Rule, ...] = (
    numbers.date_range,
    numbers.ordinal_ties,
    relations.membership,
    relations.admitted,
    relations.announced_membership,
    rules_roles.roles,
    lists.member_list,
    lists.member_phrase,
    relations.award,
    relations.held_title,
    relations.hosted,
    numbers.counts,
    numbers.ordinal_counts,
    numbers.ordinal_members,
    relations.programme,
    relations.strategy,
    relations.agreement,
    relations.aid,
    rules_ties.ties,
    shapes.ordinal_sequence,
    shapes.other_partners,
    shapes.kin_list,
    shapes.fronted_pair,
    lists.dash_entry,
)


@dataclass
class Extraction:
    """A document and the claims read from it."""

    document: Document
    claims: list[ExtractedClaim]

    def to_dict(self) -> dict[str, Any]:
        by_type = Counter(c.type for c in self.claims)
        return {
            "document": {
                "path": self.document.path,
                "format": self.document.format,
                "title": self.document.title,
                "characters": len(self.document.text),
                "pages": self.document.pages,
            },
            "counts": dict(sorted(by_type.items())),
            "claims": [{"id": i, **c.to_dict()} for i, c in enumerate(self.claims, start=1)],
        }


def extract_file(
    path: str | Path,
    store: Store | None,
    encoding: str = "utf-8",
    progress: Progress | None = None,
) -> Extraction:
    """Read a document and extract its candidate claims, names linked to ``store``."""
    document = read_document(path, encoding=encoding, progress=progress)
    registry = Registry.from_store(store)
    return Extraction(document, extract_claims(document.text, registry))


def extract_claims(text: str, registry: Registry) -> list[ExtractedClaim]:
    """Candidate claims of a text, in document order, one per distinct statement."""
    with _collector_paused():
        return _extract_claims(text, registry)


_pause_lock = threading.Lock()
_paused = 0  # extractions under way
_resume = False  # whether the collector ran before the first of them


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a text is read (issue 22, speed).

    Reading makes and drops many small objects but almost no reference cycles (about a
    hundred objects per 500 KB text: its Context and the sentence it remembers), so the
    collector's passes free nothing; each full pass would still walk the registry's caches
    built after the freeze (name_index.read_index), 4-5% of the CPU on a 1 MB text.
    Reference counting frees the rest as before; the few cycles wait for the next pass
    after the collector resumes. Counted, so overlapping extractions in threads resume it
    once, after the last, and only if it was running before the first.
    """
    global _paused, _resume
    with _pause_lock:
        if _paused == 0:
            _resume = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0 and _resume:
                gc.enable()


def _extract_claims(text: str, registry: Registry) -> list[ExtractedClaim]:
    from citydip.ingest.text.pipeline import build_pipeline

    tokenize, matcher = build_pipeline(registry)
    norm, stop = prepare(text)
    units = segment(norm, stop)
    context = Context()
    read = norm[:stop]  # the text read (up to its references)
    lower = frozenset(_LOWER_WORD.findall(read))
    context.tie_topic = topical(lower, read)
    context.local_places = local_places(read)
    found: list[ExtractedClaim] = []
    last_ties: list[ExtractedClaim] = []
    early: list[EarlyStatus] = []  # statuses given before their ties were read
    member_cells: list[tuple[Unit, Sentence]] = []
    entries = lists.Entries()  # headings that are entries of a list ("Shenyang, China")
    roster = lists.Roster()  # members listed after "Here are the new members of X"
    offices = lists.Offices()  # "President Seoul Metropolitan Government, Republic of Korea"
    acronyms: dict[str, Known] = {}  # "the Kumasi Metropolitan Assembly (KMA)": KMA is Kumasi
    people: dict[str, Known | None] = {}  # "Prague Mayor Zdeněk Hřib": Hřib, of Prague
    partner_unit: Unit | None = None  # the last heading read (a partner's, for an agreement)
    for unit, doc, cues, ents in _unit_docs(tokenize, matcher, norm, units):
        context.start_paragraph(unit.paragraph)
        context.next_unit()
        words = {t.lower_ for t in doc.tokens}  # the unit's words, lower case: found once
        mentions = find_mentions(doc, registry, ents, lower, acronyms, people, words)
        if unit.kind == "heading":
            heading = Sentence(doc, mentions, cues, context, registry, words=words)
            context.tie_named = context.tie_named or any(n == "tie" for n, _, _ in cues)
            listed = [d for d in roster.entry(heading) if _valid(d)]
            if listed:  # "The new UNESCO Creative Cities are:" / "Batumi (Georgia) - Music"
                found.extend(_place(d, text, unit) for d in listed)
                continue
            entry = entries.agreement(heading)  # "Sister Cities Agreement" under a partner
            cited = partner_unit if entry and partner_unit is not None else unit  # its partner
            if not unit.lead:  # "Gori" over "- Lutsk, Ukraine": a header, not an entry
                entry = entry or entries.heading(heading, context.main, context.title_place)
            partner_unit = unit
            entry = [d for d in entry if _valid(d)]
            if entry:
                found.extend(_place(d, text, cited) for d in entry)
                entries.open(found[-1], entry[0].object)
                context.see(entry[0].object)  # type: ignore[arg-type]
                context.last_subject = entry[0].object
                continue
            facts = entries.facts(heading)
            if facts is not None:  # "Signing the agreement: 1990" under an entry
                found.extend(_place(d, text, unit) for d in facts if _valid(d))
                continue
            _see_heading(context, heading)
            # a list of bulleted items under its header has no entry headings
            if unit.lead:
                entries.bulleted()
            entries.see_frame(context.heading_frame, context.main)
            roster.close()
            if _headline(heading):  # "Wagga Wagga cuts ties with sister city Kunming"
                drafts = [d for rule in RULES for d in rule(heading) if _valid(d)]
                found.extend(_place(d, text, unit) for d in drafts)
            elif ":" in str(doc.text).rstrip()[:-1]:  # "Member cities: Bangkok, Delhi, ..."
                drafts = [d for d in lists.member_list(heading) if _valid(d)]
                found.extend(_place(d, text, unit) for d in drafts)
            continue
        if unit.kind == "cell" and (lists.member_row(unit.row) or lists.office_row(unit.row)):
            # "Steering Committee | Barcelona, Bogotá, ...": members of the organization the
            # text turns out to be about (an infobox comes before its prose)
            member_cells.append(
                (unit, Sentence(doc, mentions, cues, context, registry, words=words))
            )
            continue
        column = _column_subject(registry, unit.column)
        if unit.kind == "cell" and column is None and unit.header != "label":
            continue
        sentence = Sentence(doc, mentions, cues, context, registry, column, words=words)
        sentence.carried_year = context.paragraph_year
        drafts = entries.own(sentence, _read_unit(sentence, unit, context, offices))
        drafts += _framed_agreements(sentence, drafts, context.heading_frame)
        drafts += [d for d in entries.facts(sentence) or [] if _valid(d)]
        drafts += [d for d in roster.entry(sentence) if _valid(d)]
        roster.intro(sentence)
        placed = [_place(d, text, unit) for d in drafts]
        _entries_after_item(entries, unit, context, placed, drafts)
        said = str(doc.text)  # the unit's text (its doc's, spaces as written)
        if not placed and last_ties:
            _later_status(said, last_ties)  # "Neither of these relationships lasted."
            if unit.kind == "item":
                _year_line(said, last_ties)  # "Berlin" / "Germany" / "1991": one entry
        own_ties = [c for c in placed if c.type == "tie"]
        _held(said, own_ties)
        later_status(said, own_ties, last_ties, found, early)
        if unit.kind == "sentence" and not own_ties:
            named = _places_named(sentence)
            if not placed:  # "The agreement ... was signed in 1975"
                date_pair(said, named, context.paragraph_place, found)
            date_single(said, named, found)  # "Sister city status was bestowed in 1972."
        placed_ties = [c for c in placed if c.type in TIE_TYPES]
        last_ties = placed_ties or ([] if placed else last_ties)
        apply_early(early, placed_ties)
        found.extend(placed)
        _update(context, sentence, drafts)
        context.previous = (sentence, context.units)
        if unit.kind != "item":
            is_intro = said.rstrip().endswith(":")
            context.list_frame = lists.frame_of(sentence, heading=False) if is_intro else None
    for unit, sentence in member_cells:
        if lists.office_row(unit.row):  # "President | Seoul Metropolitan Government"
            drafts = lists.office_cell(
                sentence, unit.row or "", lists.known_topic_org(context, registry)
            )
        else:
            drafts = lists.member_cell(sentence, unit.row or "", context.topic_org)
        found.extend(_place(d, text, unit) for d in drafts if _valid(d))
    found = _settle_pending_org(found, lists.known_topic_org(context, registry))
    return _merge(_respelled(_drop_reported(_settle_pending(found, context.named_most()))))


def _settle_pending_org(claims: list[ExtractedClaim], org: Known | None) -> list[ExtractedClaim]:
    """Members read before the text named its organization ("the three new members of the
    association: Kazan, Goyang and Greater Paris" over "Metropolis now brings together ...")
    are the organization the text is about; without one they are dropped."""
    out = []
    for claim in claims:
        if claim.object is not None and claim.object.id == PENDING_ORG.id:
            if org is None:
                continue
            claim.object = Ref.of(org)
        out.append(claim)
    return out


def _settle_pending(claims: list[ExtractedClaim], named: list[Known]) -> list[ExtractedClaim]:
    """Claims read before the text named any place are the store place it names most, of
    those it does not name as their partners; without one they are dropped, and so are
    those whose partner is not a known place."""
    pending = [c for c in claims if c.subject.id == PENDING.id]
    if not pending:
        return claims
    partners = {c.object.key for c in pending if c.object is not None}
    main = next((Ref.of(k) for k in named if Ref.of(k).key not in partners), None)
    out = []
    for claim in claims:
        if claim.subject.id == PENDING.id:
            if main is None or claim.object is None or not claim.object.linked:
                continue
            claim.subject = main
        out.append(claim)
    return out


def _drop_reported(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """A tie the text reports someone claiming ("an article claimed that A was twinned with
    B") or only hoped for ("hopes that the partnership with Yokohama will be fruitful") and
    denies elsewhere ("the two cities have never been twinned", "the sisterhood of the two
    cities could no longer be established") is no tie."""
    denied = {_pair(c) for c in claims if c.type == "non_tie"}
    if not denied:
        return claims
    return [
        c
        for c in claims
        if not (
            c.type == "tie"
            and _pair(c) in denied
            and (_reported(c.sentence) or c.status == "proposed")
        )
    ]


def _pair(claim: ExtractedClaim) -> frozenset[str]:
    return frozenset((claim.subject.name, claim.object.name if claim.object else ""))


def _reported(sentence: str) -> bool:
    from citydip.ingest.text.tie_shapes import REPORTING

    return bool(set(re.findall(r"[a-z]+", sentence.lower())) & REPORTING)


def _unit_docs(
    tokenize: Any, matcher: Any, norm: str, units: list[Unit]
) -> Iterator[tuple[Unit, Any, list[tuple[str, int, int]], list[Any]]]:
    """Each unit as a span of a doc of whole units (one tokenizer call per ~8 KB), with its
    cues and entities (both found once per doc and handed out by bisection).

    Docs are cut at any unit boundary, never only at paragraphs, so a text without blank
    lines (or one long line: segment caps sentences) costs the same per byte as any other:
    the work per unit depends on its doc's size, which is bounded (issue 15, item 3).
    """
    groups: list[list[Unit]] = []
    for unit in units:
        if not groups or unit.end - groups[-1][0].start > CHUNK:
            groups.append([])
        groups[-1].append(unit)
    for group in groups:
        base = group[0].start
        doc = tokenize(norm[base : group[-1].end])
        doc.ents = matcher.names(doc)
        matches = sorted((a, b, name) for name, a, b in matcher.cues(doc))
        starts = [a for a, _, _ in matches]
        entities = list(doc.ents)
        ent_starts = [e.start for e in entities]
        for unit in group:
            span = doc.char_span(unit.start - base, unit.end - base, alignment_mode="expand")
            if span is None or not len(span):
                continue
            first = bisect_left(starts, span.start)
            last = bisect_left(starts, span.end, lo=first)
            cues = [
                (name, a - span.start, b - span.start)
                for a, b, name in matches[first:last]
                if b <= span.end
            ]
            lo = bisect_left(ent_starts, span.start)
            hi = bisect_left(ent_starts, span.end, lo=lo)
            ents = [e for e in entities[lo:hi] if e.end <= span.end]
            yield unit, span, cues, ents


def _read_unit(
    sentence: Sentence, unit: Unit, context: Context, offices: lists.Offices
) -> list[Draft]:
    """A list item as an office line, else in its list's frame; any other unit (or an item
    no frame explains) by the rules in order."""
    context.tie_named = context.tie_named or any(name == "tie" for name, _, _ in sentence.cues)
    if unit.kind == "item":
        office = offices.read(
            sentence, unit.paragraph, lists.known_topic_org(context, sentence.registry)
        )
        if office is not None:
            return [d for d in office if _valid(d)]
        frame = context.list_frame or context.heading_frame
        labelled = lists.label_item(sentence, frame, context.main)
        start = 0
        if labelled is not None:  # "Sister Cities Japan Yugawara-machi": a new frame
            context.list_frame = frame = labelled[0]
            start = labelled[1]
            if sentence.column is None:  # "Partnerships : 4 cities": the list's subject's
                sentence.column = frame.subject
        if frame is not None:
            read = (
                lists.read_row(sentence, frame, context.main, unit.header)
                if unit.header
                else lists.read_item(sentence, frame, context.main, start)
            )
            drafts = [d for d in read if _valid(d)]
            if drafts:  # and what the item says of its place ("Hitchin has 33,000 people")
                more = numbers.counts(sentence) if len(sentence.tokens) > 8 else []
                return drafts + _item_populations(sentence, drafts, more)
        elif context.tie_topic or context.tie_named:
            # no frame, in a text about ties: a line pairing two places is still a tie
            # ("Sapporo City Portland, Oregon November 17, 1959"); nothing else is read here
            paired = [d for d in lists.read_item(sentence, lists.OPEN_FRAME, None) if _valid(d)]
            if paired:
                return paired
    return [d for rule in RULES for d in rule(sentence) if _valid(d)]


def _entries_after_item(
    entries: lists.Entries,
    unit: Unit,
    context: Context,
    placed: list[ExtractedClaim],
    drafts: list[Draft],
) -> None:
    """ "we are twinned with the following:" / "Schweinfurt, Germany" / its text /
    "Koszalin, Poland": a list's first partner read as an item makes the headings of the same
    shape after it entries of that list."""
    frame = context.list_frame
    if unit.kind != "item" or frame is None or frame.mode != "tie" or entries.frame is not None:
        return
    tie = next((c for c in placed if c.type == "tie"), None)
    if tie is not None:
        entries.see_frame(frame, context.main)
        entries.open(tie, drafts[placed.index(tie)].object)


def _item_populations(s: Sentence, drafts: list[Draft], more: list[Draft]) -> list[Draft]:
    """The populations a list item gives are its one place's ("City of Madison, WI / Paul
    Soglin Title: Mayor Population: 252551"; "Edmonton, capital of Alberta, with 899447
    people"), whoever the sentence reading took them for."""
    places = {d.subject for d in drafts if d.type == "membership"}
    places |= {d.object for d in drafts if d.type == "tie" and d.object is not None}
    found = [d for d in more if d.type == "population" and _valid(d)]
    if len(places) != 1:
        return found
    place = next(iter(places))
    tokens = s.tokens
    for k in range(len(tokens) - 2):  # a directory's label: "Population: 45810"
        if tokens[k].lower_ == "population" and tokens[k + 1].text == ":":
            number = number_at(tokens, k + 2)
            if number is not None and number[0] >= 100:
                value = str(int(number[0]))
                found.append(Draft("population", place, value=value, rule="population:label"))
    return list({d.value: replace(d, subject=place) for d in found}.values())


def _framed_agreements(
    sentence: Sentence, drafts: list[Draft], frame: lists.ListFrame | None
) -> list[Draft]:
    """Under a heading of ties ("Twin cities"), a line about an agreement with a place ("An
    Agreement with Emerich town (Germany) was signed on May 26, 1991", "The Letter of Intent
    with Saldus ... was signed") states a tie of the heading's kind: the section lists them
    as such."""
    if frame is None or frame.mode != "tie" or frame.kind == "unspecified":
        return []
    if any(d.type == "tie" for d in drafts):
        return []
    opening = {a for name, a, _ in sentence.cues if name == "agreement" and a <= 2}
    if not opening:
        return []
    return [
        Draft(
            "tie",
            d.subject,
            d.object,
            year=d.year,
            kind=frame.kind,
            status=frame.status,
            confidence=0.7 * d.confidence,
            rule="tie:agreement-under-heading",
        )
        for d in drafts
        if d.type == "agreement" and d.object is not None and d.object.label == "PLACE"
    ]


def _column_subject(registry: Registry, header: str | None) -> Known | None:
    """The entity a table column is about: a known name, else a place by that name."""
    if not header:
        return None
    return registry.lookup(header) or registry.place(header)


def _valid(draft: Draft) -> bool:
    if (draft.subject.label == "COUNTRY" and draft.type != "count") or (
        draft.object is not None and draft.object == draft.subject
    ):
        return False
    if draft.object is not None and _spelled_alike(draft.subject, draft.object):
        return False  # "Pyatigorsk" and an unlinked "Pyathigorsk": one place, two spellings
    return draft.object is not None or draft.value is not None


def _respelled(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    """A place the gazetteer lacks, spelt like one the document links elsewhere ("Karslruhe"
    beside "Karlsruhe"), is that place: its claims then merge with the linked ones."""
    linked = {
        ref.key: ref
        for c in claims
        for ref in (c.subject, c.object)
        if ref is not None and ref.label == "PLACE" and (ref.id or ref.geonames_id)
    }
    if not linked:
        return claims
    for claim in claims:
        for side in ("subject", "object"):
            ref = getattr(claim, side)
            if ref is None or ref.label != "PLACE" or ref.id or ref.geonames_id:
                continue
            alike = [known for known in linked.values() if _spelled_alike(ref, known)]
            if len(alike) == 1:
                setattr(claim, side, alike[0])
    return claims


def _spelled_alike(one: Known | Ref, two: Known | Ref) -> bool:
    """Two places, one the gazetteer lacks, whose names differ by a letter or two (not two
    places of different countries)."""
    if one.label != "PLACE" or two.label != "PLACE" or (bool(one.id) == bool(two.id)):
        return False
    if one.country and two.country and one.country != two.country:
        return False  # "Merced" (US) and "Mercedes, Uruguay": two places
    if (one.geonames_id and not one.id) or (two.geonames_id and not two.id):
        return False  # the gazetteer knows the unlinked one as a place of its own
    a, b = fold(one.name), fold(two.name)
    return a[:3] == b[:3] and SequenceMatcher(None, a, b).ratio() >= 0.85


def _place(draft: Draft, text: str, unit: Unit) -> ExtractedClaim:
    sentence = text[unit.start : unit.end].replace("\n", " ")
    return ExtractedClaim(
        type=draft.type,
        subject=Ref.of(draft.subject),
        object=Ref.of(draft.object) if draft.object else None,
        value=draft.value,
        year=draft.year,
        sentence=sentence,
        start=unit.start,
        end=unit.end,
        confidence=draft.confidence
        * (1.0 if draft.object is None or _linked(draft.object) else 0.9),
        rule=draft.rule,
        metric=draft.metric,
        kind=draft.kind,
        role=draft.role,
        qualifier=draft.qualifier,
        end_year=draft.end_year,
        status=draft.status,
    )


def _linked(known: Known) -> bool:
    return bool(known.id or known.geonames_id)


def _headline(sentence: Sentence) -> bool:
    """A heading that is a sentence (a news headline, a title with a verb), not a label
    ("Twin towns - sister cities", "International relations"): five words or more, some of
    them in lower case beyond glue words."""
    words = [t.text for t in sentence.tokens if t.text[:1].isalpha()]
    lower = [w for w in words if w.islower() and w not in _HEADING_GLUE]
    verb = any(w.lower() in HEADLINE_VERBS for w in words)  # "China Has 293 Sister Cities"
    return len(words) >= 5 and (len(lower) >= 2 or verb) and _no_list_frame(sentence)


_HEADING_GLUE = {"and", "of", "the", "a", "an", "in", "with", "to", "for", "on", "at", "by"}


def _no_list_frame(sentence: Sentence) -> bool:
    return lists.frame_of(sentence, heading=True) is None


CONTINENTS = {"europe", "asia", "africa", "america", "americas", "oceania", "north", "south"}
CONTINENTS |= {"latin", "central", "middle", "east", "and", "the", "caribbean", "pacific", "-"}
CONTINENTS |= {"outside", "other", "rest", "of", "world", "overseas", "abroad", "domestic"}


def _subheading(context: Context, sentence: Sentence) -> bool:
    """A country or a continent heading inside a list ("Germany", "Asia"): the list goes on."""
    if context.heading_frame is None and context.list_frame is None:
        return False
    countries = {
        i for m in sentence.mentions if m.label == "COUNTRY" for i in range(m.start, m.end)
    }
    return all(
        i in countries or t.lower_ in CONTINENTS or not t.text[:1].isalnum()
        for i, t in enumerate(sentence.tokens)
    )


def _see_heading(context: Context, sentence: Sentence) -> None:
    if _subheading(context, sentence):
        return
    places: list[Known] = []
    title = not context.orgs and not context.places  # the document's first heading
    for mention in sentence.mentions:
        if mention.label == "ORG":
            for org in sentence.known(mention):
                context.weigh(org, 5.0 if title else 2.0)
            council = sentence.council_place(mention)  # "Chiayi City Government"
            if council is not None:
                places.append(council)
        elif title and mention.label == "NAME" and not sentence.known(mention, place=True):
            context.weigh(Known(mention.text, "ORG"), 5.0)  # "= Douzelage =": a title
        found = [mention.known] if mention.known else []
        if mention.label == "NAME":
            found = sentence.known(mention, place=True)
        places += [k for k in found if k.label == "PLACE"]
    for known in places:
        context.see(known)
        context.weigh(known, 2.0)
    if len(places) == 1:
        context.last_subject = places[0]
        if title:
            context.title_place = places[0]  # "Galway" over the text: its topic
    frame = lists.frame_of(sentence, heading=True)
    if (
        frame is not None
        and (frame.mode, frame.subject, context.main) == ("tie", None, None)
        and frame.kind != "unspecified"
    ):
        # "Sister Cities" over a list before any place is named: the items are partners of
        # the city the text turns out to be about, not of the first item
        frame = replace(frame, subject=PENDING)
    context.heading_frame = frame
    context.list_frame = None


def _place_named(sentence: Sentence, mention: Mention) -> Known | None:
    """The place a place or unknown name mention names, if any."""
    if mention.label not in ("PLACE", "NAME"):
        return None
    found = [mention.known] if mention.known else sentence.known(mention, place=True)
    return found[0] if found and found[0].label == "PLACE" else None


def _places_named(sentence: Sentence) -> list[Known]:
    """The cities a sentence names (countries and regions left out)."""
    named = (_place_named(sentence, m) for m in sentence.mentions)
    return [k for k in named if k is not None and k.level in (None, "city")]


def _update(context: Context, sentence: Sentence, drafts: list[Draft]) -> None:
    if context.paragraph_place is None:
        named = _places_named(sentence)
        context.paragraph_place = named[0] if named else None
    for mention in sentence.mentions:
        known = mention.known
        if known is None and mention.label == "ORG":
            for org in sentence.known(mention):
                context.weigh(org, 1.0)  # the topic organization only: not a referent
            council = sentence.council_place(mention)
            if council is None:
                continue
            known = council  # "Glasgow City Council": the text is about Glasgow
        if known is None and mention.label == "NAME":
            found = sentence.known(mention, place=True)  # places the store lacks count too
            known = found[0] if found else None
        if known is not None:
            context.see(known)
            context.weigh(known, 1.0)
    tied = [(d.subject, d.object) for d in drafts if d.type == "tie" and d.object is not None]
    if len(tied) == 1:
        context.last_pair = (*tied[0], context.units)
    if drafts:
        for draft in drafts:  # partners named in claims: "the two cities", "the city"
            if draft.object is not None and draft.object.label == "PLACE":
                context.see(draft.object)
            context.weigh(draft.subject, 1.0)
        one = drafts[0]
        main = context.main
        if len(drafts) == 1 and one.type in TIE_TYPES and main is not None and one.object == main:
            # "Braunschweig was the first city to sign ... with Bandung" on Bandung's page:
            # the next unnamed tie is Bandung's
            context.last_subject = main
        elif len(drafts) == 1:  # what counting the one subject gives
            context.last_subject = one.subject
        else:
            context.last_subject = Counter(d.subject for d in drafts).most_common(1)[0][0]
        context.see(context.last_subject)
    else:
        opening = next(
            (m for m in sentence.mentions if m.start <= 3 and m.label in SUBJECT_LABELS), None
        )
        if opening is not None:
            found = [opening.known] if opening.known else sentence.known(opening)
            if found:
                context.last_subject = found[0]
                context.weigh(found[0], 1.0)
        first = sentence.mentions[0] if sentence.mentions else None
        opened = _place_named(sentence, first) if first is not None and first.start == 0 else None
        if opened is not None:
            context.opening = (opened, context.paragraph, context.units)
    years = sentence.years()
    context.paragraph_year = years[0][1] if years else None
    if years:
        context.last_year = years[-1][1]
    elif any(d.year for d in drafts):  # a year counted from an earlier one ("a year later")
        context.last_year = max(d.year for d in drafts if d.year)


_NONE_LASTED = re.compile(
    r"\b(?:neither|none) of (?:these|those|them|the two|the)\b[^.;]*?\b(?:lasted|survived|"
    r"continued|remains?|endured)\b|\b(?:both|these|those|the two|all) (?:relationships?|ties|"
    r"links|twinnings?|partnerships?|agreements?) (?:have |has |had )?(?:since |later |long "
    r"|also )?(?:been |were |was )?(?P<word>ended|lapsed|terminated|dissolved|severed|expired|"
    r"suspended|frozen)\b",
    re.I,
)


_ON_HOLD = re.compile(r"\bon (?:hold|pause|ice)\b", re.I)
_LATTER = re.compile(r"^\W*the latter\b", re.I)


_YEAR_LINE = re.compile(r"^\W*(?:since\s+|from\s+)?((?:1[6-9]|20)\d\d)\W*$", re.I)


def _year_line(line: str, ties: list[ExtractedClaim]) -> None:
    """A list line that is only a year dates the one entry above it, read from the lines
    before (a table copied one cell per line: "Berlin" / "Germany" / "1991")."""
    match = _YEAR_LINE.match(line.strip())
    if match is None or len(ties) != 1 or ties[0].type != "tie" or ties[0].year is not None:
        return
    ties[0].year = int(match.group(1))


def _held(sentence: str, ties: list[ExtractedClaim]) -> None:
    """A sentence that puts ties on hold: its own ("keeping its friendship agreements with
    Petsjenga and Severomorsk, but the cooperation will still be on hold"), or the last
    sentence's ("The cooperation agreements are currently on hold"); "The latter put
    sister-city relations on pause" only the last of them."""
    if not ties or not _ON_HOLD.search(sentence):
        return
    for tie in ties[-1:] if _LATTER.search(sentence) else ties:
        if tie.type == "tie" and (tie.status or "active") == "active":
            tie.status = "suspended"


def _later_status(sentence: str, ties: list[ExtractedClaim]) -> None:
    """A sentence after some ties that says what became of them: "Neither of these
    relationships lasted", "Both links were suspended in 2022"."""
    _held(sentence, ties)
    match = _NONE_LASTED.search(sentence)
    if match is None:
        return
    word = (match.group("word") or "ended").lower()
    status = "suspended" if word in ("suspended", "frozen") else "ended"
    for tie in ties:
        if (tie.status or "active") == "active":
            tie.status = status


def _merge(claims: list[ExtractedClaim]) -> list[ExtractedClaim]:
    kept: dict[tuple[str, ...], ExtractedClaim] = {}
    pairs: dict[tuple[str, ...], ExtractedClaim] = {}  # ties by their two places
    out: list[ExtractedClaim] = []
    for claim in claims:
        first = kept.get(claim.key)
        if first is None:
            first = pairs.get(_merge_key(claim))
            if first is None or first.start == claim.start or first.type == claim.type:
                # one sentence that says both ("a sister city agreement with Seattle, the
                # first such tie") states the tie and its rank: two claims
                kept[claim.key] = claim
                pairs.setdefault(_merge_key(claim), claim)
                out.append(claim)
                continue
            kept[claim.key] = first
            if first.type == "tie":  # "the first tie ... 1968" said after the tie
                first.type, first.qualifier = claim.type, claim.qualifier
        if first.kind == "friendship" and claim.kind == "sister" and claim.year is not None:
            # "established a friendly relationship in 2016 and a twinning relationship in
            # 2019": the friendship became a twinning, the tie is that twinning
            first.kind, first.year = claim.kind, claim.year
        if (
            first.status == "proposed"
            and claim.status == "active"
            and claim.year is not None
            and (first.year is None or claim.year > first.year)
        ):  # "an initiative in 1982 to make Dushanbe a sister city of Boulder"; "In 1987,
            # the mayor officially made Boulder a sister city of Dushanbe": made since
            first.status, first.year = "active", claim.year
            first.confidence = max(first.confidence, claim.confidence)
            continue
        if first.kind == "unspecified" and claim.kind not in (None, "unspecified"):
            first.kind = claim.kind  # "a freeze in its relationship with Safed" / "Lille is
            # twinned with Safed": the twinning
        friendship_year = first.kind == "sister" and claim.kind == "friendship"
        if first.year is None and claim.year is not None and not friendship_year:
            first.year = claim.year  # (a twinning's year is not its earlier friendship's)
        later = claim.status not in (None, "active")
        if (first.status or "active") == "active" and later:
            first.status, first.end_year = claim.status, claim.end_year  # a later suspension
        elif first.status == "proposed" and claim.status in ("ended", "suspended"):
            first.status, first.end_year = claim.status, claim.end_year  # discussed, then done
        if first.role in (None, "member", "participant") and claim.role not in (
            None,
            "member",
            "participant",
        ):
            first.role = claim.role
        first.confidence = max(first.confidence, claim.confidence)
    return out


def _merge_key(claim: ExtractedClaim) -> tuple[str, ...]:
    """A first or latest tie and a tie of the same two places in another sentence say one
    tie ("Durham was first linked with Kostroma in 1968" / "... ending the twinning")."""
    key = claim.key
    if claim.type in ("first_tie", "latest_tie") and claim.object is not None:
        low, high = sorted((claim.subject.key, claim.object.key))
        return ("tie", low, high, "")
    return key
