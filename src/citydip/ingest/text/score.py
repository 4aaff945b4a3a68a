"""Score extracted claims against a gold annotation: precision and recall per claim type.

An extracted claim matches a gold claim of the same type when the subject, the object (or
value and metric) agree, and, when the gold claim gives a year, the year too. Each gold
claim matches at most one extracted claim. Names match an entity id, or a name equal to
or contained in the extracted name, case- and accent-insensitively, and regardless of
spaces, hyphens, "the" and abbreviations ("St" is "Saint"). Ties (and denied ties)
are symmetric: "Porto, a sister city of Bristol" matches a gold tie Bristol -> Porto.

For ties the score also counts, over matched ties whose gold states it, how often the kind
and the status (active unless the gold says suspended, ended or proposed) came out right,
and lists every tie extracted between two places the gold says are *not* twinned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from citydip.errors import DataError
from citydip.ingest.text.claims import CLAIM_TYPES, TIE_TYPES, ExtractedClaim, Ref
from citydip.text import ABBREVIATIONS, fold

# resolves a gold name to the key of the place the store's gazetteer gives it (place_keys)
Places = Callable[[str], str | None] | None


@dataclass(frozen=True)
class GoldClaim:
    type: str
    subject: str
    objects: tuple[str, ...] = ()
    value: str | None = None
    metric: str | None = None
    year: int | None = None
    locator: str = ""
    document: str = ""  # the file a claim is in, for gold covering several texts
    kind: str | None = None
    status: str | None = None
    end_year: int | None = None
    role: str | None = None
    other_subjects: tuple[str, ...] = ()  # other spellings of the subject ("Albunol")

    @property
    def subjects(self) -> tuple[str, ...]:
        return (self.subject, *self.other_subjects)


@dataclass
class Score:
    """Matches per claim type, and the claims that did not match."""

    true_positives: dict[str, int] = field(default_factory=dict)
    extracted: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)
    missed: list[GoldClaim] = field(default_factory=list)
    wrong: list[ExtractedClaim] = field(default_factory=list)
    kind_right: int = 0
    kind_total: int = 0
    status_right: int = 0
    status_total: int = 0
    denied_as_tie: list[ExtractedClaim] = field(default_factory=list)
    status_wrong: list[tuple[ExtractedClaim, GoldClaim]] = field(default_factory=list)
    nonactive_right: int = 0  # matched ties the gold says are suspended, ended or proposed
    nonactive_total: int = 0

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    def precision(self, type: str | None = None) -> float:
        tp = sum(self.true_positives.values()) if type is None else self.true_positives.get(type, 0)
        n = sum(self.extracted.values()) if type is None else self.extracted.get(type, 0)
        return self._ratio(tp, n)

    def recall(self, type: str | None = None) -> float:
        tp = sum(self.true_positives.values()) if type is None else self.true_positives.get(type, 0)
        n = sum(self.gold.values()) if type is None else self.gold.get(type, 0)
        return self._ratio(tp, n)

    def add(self, other: Score) -> Score:
        """Pool another score into this one (several documents scored one by one)."""
        for mine, theirs in (
            (self.true_positives, other.true_positives),
            (self.extracted, other.extracted),
            (self.gold, other.gold),
        ):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        self.missed += other.missed
        self.wrong += other.wrong
        self.kind_right += other.kind_right
        self.kind_total += other.kind_total
        self.status_right += other.status_right
        self.status_total += other.status_total
        self.denied_as_tie += other.denied_as_tie
        self.status_wrong += other.status_wrong
        self.nonactive_right += other.nonactive_right
        self.nonactive_total += other.nonactive_total
        return self

    def kind_accuracy(self) -> float:
        return self._ratio(self.kind_right, self.kind_total)

    def status_accuracy(self) -> float:
        return self._ratio(self.status_right, self.status_total)

    def nonactive_accuracy(self) -> float:
        """Status right over matched ties whose gold status is not active."""
        return self._ratio(self.nonactive_right, self.nonactive_total)

    def rows(self) -> list[dict[str, Any]]:
        """One row per claim type present in gold or extraction, then the total."""
        types = [t for t in CLAIM_TYPES if t in self.gold or t in self.extracted]
        out = [
            {
                "type": t,
                "gold": self.gold.get(t, 0),
                "extracted": self.extracted.get(t, 0),
                "correct": self.true_positives.get(t, 0),
                "precision": round(self.precision(t), 3),
                "recall": round(self.recall(t), 3),
            }
            for t in types
        ]
        out.append(
            {
                "type": "all",
                "gold": sum(self.gold.values()),
                "extracted": sum(self.extracted.values()),
                "correct": sum(self.true_positives.values()),
                "precision": round(self.precision(), 3),
                "recall": round(self.recall(), 3),
            }
        )
        return out


def load_gold(path: str | Path) -> list[GoldClaim]:
    """Gold claims from a YAML annotation (benchmarks/gold/*.yaml)."""
    import yaml

    where = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(where, None, None, f"cannot read the gold annotation: {exc}") from exc
    out = []
    for number, item in enumerate((data or {}).get("claims") or [], start=1):
        if item.get("type") not in CLAIM_TYPES or not item.get("subject"):
            raise DataError(where, None, f"claims[{number}]", "needs a known type and a subject")
        obj = item.get("object")
        objects = tuple(str(o) for o in (obj if isinstance(obj, list) else [obj] if obj else []))
        subject = item["subject"]
        subjects = [str(x) for x in subject] if isinstance(subject, list) else [str(subject)]
        value = item.get("value")
        out.append(
            GoldClaim(
                item["type"],
                subjects[0],
                objects,
                None if value is None else str(value),
                item.get("metric"),
                item.get("year"),
                str(item.get("locator") or ""),
                str(item.get("document") or ""),
                item.get("kind"),
                item.get("status"),
                item.get("end_year"),
                item.get("role"),
                tuple(subjects[1:]),
            )
        )
    return out


def score_documents(
    folder: str | Path, gold: list[GoldClaim], store: Any, types: tuple[str, ...] | None = None
) -> Score:
    """Extract every document the gold names (files in ``folder``) and pool the scores."""
    from citydip.ingest.text.extract import extract_file

    total = Score()
    places = place_keys(store)
    for document in dict.fromkeys(g.document for g in gold):
        extraction = extract_file(Path(folder) / document, store)
        mine = [g for g in gold if g.document == document]
        total.add(score(extraction.claims, mine, types, places=places))
    return total


def score_files(
    folder: str | Path,
    names: list[str],
    gold: list[GoldClaim],
    store: Any,
    types: tuple[str, ...] | None = None,
) -> Score:
    """Extract every named file in ``folder`` (with or without gold claims: a text that states
    nothing still counts its false positives) and pool the scores."""
    from citydip.ingest.text.extract import extract_file

    total = Score()
    places = place_keys(store)
    for name in names:
        extraction = extract_file(Path(folder) / name, store)
        mine = [g for g in gold if g.document == name]
        total.add(score(extraction.claims, mine, types, places=places))
    return total


def place_keys(store: Any) -> Callable[[str], str | None]:
    """The key (``Ref.key``) of the place a gold name resolves to in the store's gazetteer,
    so that a place the store names otherwise still matches ("Nagaizumi" is the store's
    "Nakatogari", GeoNames 10642464); None for a name it does not resolve."""
    from citydip.ingest.text.registry import Registry

    registry = Registry.from_store(store)

    @cache
    def key(name: str) -> str | None:
        found = registry.place(name)
        if found is None or found.label != "PLACE":
            return None
        return Ref.of(found).key if (found.id or found.geonames_id) else None

    return key


def score(
    extracted: list[ExtractedClaim],
    gold: list[GoldClaim],
    types: tuple[str, ...] | None = None,
    places: Places = None,
) -> Score:
    """Match extracted claims to gold; ``types`` limits both sides to those claim types;
    ``places`` resolves a gold name to a place's key (``place_keys``), so that a claim on
    the same place under the store's other name matches."""
    result = Score()
    if types is not None:
        if "tie" in types:  # a first or latest tie is a tie (the same store predicate)
            extracted = [
                replace(c, type="tie") if c.type in TIE_TYPES and c.type not in types else c
                for c in extracted
            ]
        extracted = [c for c in extracted if c.type in types]
        gold = [g for g in gold if g.type in types]
    for g in gold:
        result.gold[g.type] = result.gold.get(g.type, 0) + 1
    denied = [g for g in gold if g.type == "non_tie"]
    unmatched = list(gold)
    for claim in extracted:
        result.extracted[claim.type] = result.extracted.get(claim.type, 0) + 1
        if claim.type in TIE_TYPES and any(_pair(claim, g, places) for g in denied):
            result.denied_as_tie.append(claim)
        match = next((g for g in unmatched if matches(claim, g, places)), None)
        if match is None:
            result.wrong.append(claim)
            continue
        unmatched.remove(match)
        result.true_positives[claim.type] = result.true_positives.get(claim.type, 0) + 1
        if claim.type in TIE_TYPES:
            _tie_quality(result, claim, match)
    result.missed = unmatched
    return result


def _tie_quality(result: Score, claim: ExtractedClaim, gold: GoldClaim) -> None:
    if gold.kind is not None:
        result.kind_total += 1
        result.kind_right += claim.kind == gold.kind
    result.status_total += 1
    right = (claim.status or "active") == (gold.status or "active")
    if (gold.status or "active") != "active":
        result.nonactive_total += 1
        result.nonactive_right += right
    if right:
        result.status_right += 1
    else:
        result.status_wrong.append((claim, gold))


def _pair(claim: ExtractedClaim, gold: GoldClaim, places: Places = None) -> bool:
    if claim.object is None:
        return False
    subject, obj = claim.subject, claim.object
    return (_names(subject, gold.subjects, places) and _names(obj, gold.objects, places)) or (
        _names(obj, gold.subjects, places) and _names(subject, gold.objects, places)
    )


def matches(claim: ExtractedClaim, gold: GoldClaim, places: Places = None) -> bool:
    if claim.type != gold.type:
        return False
    if gold.objects and claim.type in (*TIE_TYPES, "non_tie") and claim.object is not None:
        if not _pair(claim, gold, places):
            return False
    elif not _names(claim.subject, gold.subjects, places) or (
        gold.objects and (claim.object is None or not _names(claim.object, gold.objects, places))
    ):
        return False
    if gold.value is not None and _digits(claim.value) != _digits(gold.value):
        return False
    if gold.metric is not None and claim.metric != gold.metric:
        return False
    return gold.year is None or claim.year == gold.year


def _names(ref: Ref, wanted: tuple[str, ...], places: Places = None) -> bool:
    name = _key(ref.name)
    if any(w == ref.id or _key(w) in name for w in wanted):
        return True
    if places is None or ref.label != "PLACE" or not (ref.id or ref.geonames_id):
        return False
    return any(places(w) == ref.key for w in wanted)  # the same place, named otherwise


def _key(name: str) -> str:
    """A name as spelling variants share it: folded, abbreviations written out, "the"
    dropped, no spaces ("Sanyo-Onoda" / "Sanyōonoda", "St Davids" / "Saint Davids", "Union
    of the Baltic Cities" / "Union of Baltic Cities")."""
    words = fold(name).split()
    return "".join(ABBREVIATIONS.get(w, w) for w in words if w != "the")


def _digits(value: str | None) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", (value or "").replace(",", ""))
