"""Wikidata P190 (twinned administrative body) → claims, from SPARQL JSON or wbgetentities.

Each statement becomes one ``twinned_with`` claim of the item on its partner, with
qualifiers P580 (start), P582 (end; the tie is then ``ended``), P1534 (end cause, kept in
the ``end_cause`` qualifier), P3831 (object has role: sister / partner / friendship city →
the claim's kind) and the statement's references (P854 reference URL, P248 stated in, P813
retrieved) kept in the claim's ``references`` qualifier. Deprecated statements are
skipped. The items' coordinates (P625), GeoNames ids (P1566) and countries are kept on the
places the gazetteer cannot place. SPARQL variables: docs/importing.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from citydip.errors import DataError
from citydip.ingest import validate
from citydip.ingest.importing import ImportBatch, unresolved_row
from citydip.ingest.pairs import imported_tie, read_text
from citydip.ingest.places import NameQuery, PlaceResolver
from citydip.ingest.wikidata_items import (
    entity_item_facts,
    keep_item_facts,
    keep_least,
    sparql_item_facts,
)
from citydip.ingest.wikidata_items import has_value as _has
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Claim, Json, Source

QID = re.compile(r"^Q[1-9][0-9]*$")
ENTITY_PREFIX = "http://www.wikidata.org/entity/"
# P3831 values by label; an unknown role keeps kind 'unspecified' and is kept as `role`.
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("sister", "sister"),
    ("twin", "sister"),
    ("partner", "partner"),
    ("friend", "friendship"),
)
SUBJECT_VARS = ("city", "item", "a", "subject")
OBJECT_VARS = ("partner", "twin", "b", "object")


@dataclass
class WikidataTie:
    """One P190 statement, as read from any Wikidata format."""

    subject: str
    object: str
    where: str
    start: str | None = None
    end: str | None = None
    role: str | None = None  # QID or label of the P3831 value
    references: list[dict[str, str]] = field(default_factory=list)
    end_cause: dict[str, str] | None = None  # {"id": QID, "label": …} of the P1534 value


@dataclass
class WikidataRecord:
    """The ties of one response, with whatever labels and countries it gives."""

    ties: list[WikidataTie] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    coords: dict[str, tuple[float, float]] = field(default_factory=dict)  # (lat, lon)
    geonames: dict[str, int] = field(default_factory=dict)
    populations: dict[str, int] = field(default_factory=dict)
    # other labels of an item (the 2016 crawl's German label beside an English one)
    aliases: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: WikidataRecord) -> None:
        """Take in the ties and item facts of another response (the next page)."""
        self.ties.extend(other.ties)
        self.labels.update(other.labels)
        tables: tuple[tuple[dict[str, Any], dict[str, Any]], ...] = (
            (self.countries, other.countries),
            (self.coords, other.coords),
            (self.geonames, other.geonames),
        )
        for mine, theirs in tables:
            for qid, value in theirs.items():
                keep_least(mine, qid, value)


def load_json(path: Path) -> Any:
    """Parse a JSON file; truncated or broken JSON is a DataError at its line."""
    from citydip.ingest.jsontext import parse_json

    return parse_json(read_text(path), str(path))


def parse_wikidata(data: Any, label: str) -> WikidataRecord:
    """SPARQL 1.1 JSON results or a wbgetentities response, told apart by their keys.

    A value of the wrong type anywhere (a list where an object belongs, a precision that is
    no number) is a DataError, never a traceback."""
    try:
        if isinstance(data, dict) and "results" in data and "head" in data:
            return parse_sparql(data, label)
        if isinstance(data, dict) and isinstance(data.get("entities"), dict):
            return parse_entities(data, label)
    except (KeyError, TypeError, AttributeError, ValueError, OverflowError, IndexError) as exc:
        problem = f"malformed answer: {type(exc).__name__} {str(exc)[:80]}".strip()
        raise DataError(label, None, None, " ".join(problem.split())) from exc
    raise DataError(label, 1, None, "neither SPARQL JSON results nor a wbgetentities response")


def qid_of(value: Any, where: str, field_name: str) -> str:
    return validate.qid(value, validate.At(where), field_name)


def parse_sparql(data: dict[str, Any], label: str) -> WikidataRecord:
    head_part, results = data.get("head"), data.get("results")
    head = (head_part.get("vars") if isinstance(head_part, dict) else None) or []
    if not isinstance(head, list):
        raise DataError(label, 1, "head.vars", "not a list")
    subject_var = next((v for v in SUBJECT_VARS if v in head), None)
    object_var = next((v for v in OBJECT_VARS if v in head), None)
    if subject_var is None or object_var is None:
        raise DataError(label, 1, "head.vars", f"need a city and a partner variable, got {head}")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise DataError(label, 1, "results.bindings", "missing or not a list")
    record = WikidataRecord()
    grouped: dict[tuple[Any, ...], WikidataTie] = {}
    for number, row in enumerate(bindings, start=1):
        where = f"{label}:result {number}"
        if not isinstance(row, dict):
            raise DataError(label, None, f"result {number}", "not an object")
        values = {k: str(v.get("value", "")) for k, v in row.items() if isinstance(v, dict)}
        for var in (subject_var, object_var):
            if not values.get(var):
                raise DataError(label, None, f"result {number}: {var}", "missing")
        subject = qid_of(values[subject_var], label, f"result {number}: {subject_var}")
        obj = qid_of(values[object_var], label, f"result {number}: {object_var}")
        for var, qid in ((subject_var, subject), (object_var, obj)):
            sparql_item_facts(record, qid, values, var, label, number)
        role = values.get("roleLabel") or values.get("role", "").removeprefix(ENTITY_PREFIX)
        if role:
            role = validate.name(role, validate.At(label), f"result {number}: role")
        at = validate.At(label)
        start = _date(values.get("start"), values.get("startPrecision"), at, f"result {number}")
        end = _date(values.get("end"), values.get("endPrecision"), at, f"result {number}")
        key = (values.get("statement") or (subject, obj), start, end, role)
        tie = grouped.get(key)
        if tie is None:
            tie = grouped[key] = WikidataTie(subject, obj, where, start, end, role or None)
            record.ties.append(tie)
        if values.get("endCause") and tie.end_cause is None:
            tie.end_cause = _cause(values["endCause"], values.get("endCauseLabel", ""), where)
        ref = _reference(
            values.get("ref", ""),
            values.get("statedIn", ""),
            _date(values.get("retrieved"), None, at, f"result {number}") or "",
            where,
        )
        if ref and ref not in tie.references:
            tie.references.append(ref)
    return record


def parse_entities(data: dict[str, Any], label: str) -> WikidataRecord:
    record = WikidataRecord()
    for qid, entity in data["entities"].items():
        if not isinstance(entity, dict) or "missing" in entity:
            continue
        qid = validate.qid(qid, validate.At(label), f"entities.{qid[:40]}")
        labels: dict[str, Any] = entity.get("labels") or {}
        first: dict[str, Any] = labels.get("en") or next(iter(labels.values()), {})
        text = first.get("value") if isinstance(first, dict) else None
        if isinstance(text, str) and text:
            record.labels[qid] = validate.name(text, validate.At(label), f"{qid} label")
        entity_item_facts(record, qid, entity.get("claims", {}), label)
        for number, statement in enumerate(entity.get("claims", {}).get("P190", []), start=1):
            tie = _statement_tie(qid, statement, f"{label}:{qid} P190 #{number}")
            if tie is not None:
                record.ties.append(tie)
    return record


def _statement_tie(qid: str, statement: Any, where: str) -> WikidataTie | None:
    try:
        if statement.get("rank") == "deprecated":
            return None
        snak = statement["mainsnak"]
        if snak.get("snaktype") != "value":
            return None
        at = validate.At(where)
        partner = validate.qid(snak["datavalue"]["value"]["id"], at, "partner")
        qualifiers = statement.get("qualifiers", {})
        start = _time(qualifiers.get("P580"), at, "P580 start time")
        end = _time(qualifiers.get("P582"), at, "P582 end time")
        roles = [q["datavalue"]["value"]["id"] for q in qualifiers.get("P3831", []) if _has(q)]
        roles = [validate.qid(r, at, "P3831 role") for r in roles]
        causes = [q["datavalue"]["value"]["id"] for q in qualifiers.get("P1534", []) if _has(q)]
        refs = []
        for reference in statement.get("references", []):
            snaks = reference.get("snaks", {})
            urls = [s["datavalue"]["value"] for s in snaks.get("P854", []) if _has(s)]
            stated = [s["datavalue"]["value"]["id"] for s in snaks.get("P248", []) if _has(s)]
            retrieved = _time(snaks.get("P813"), at, "P813 retrieved") or ""
            first_url = urls[0] if urls else ""
            ref = _reference(first_url, stated[0] if stated else "", retrieved, where)
            if ref:
                refs.append(ref)
    except KeyError as exc:
        raise DataError(where, None, None, f"malformed statement ({exc!r} missing)") from exc
    except (TypeError, AttributeError, ValueError) as exc:
        raise DataError(where, None, None, f"malformed statement ({exc})") from exc
    tie = WikidataTie(qid, partner, where, start, end, roles[0] if roles else None, refs)
    tie.end_cause = _cause(causes[0], "", where) if causes else None
    return tie


def _time(snaks: Any, at: validate.At, field_name: str) -> str | None:
    """A Wikidata time value at its precision (YYYY, YYYY-MM, YYYY-MM-DD), checked to be
    a real date (no month 13, no 30 February, no year before 1000)."""
    for snak in snaks or []:
        if _has(snak):
            value = snak["datavalue"]["value"]
            text = str(value["time"])
            precision = value.get("precision", 11)
            if not isinstance(precision, int) or isinstance(precision, bool):
                raise TypeError(f"precision {precision!r} is not a whole number")
            return _at_precision(text, precision, at, field_name)
    return None


def _at_precision(text: str, precision: int, at: validate.At, field_name: str) -> str:
    """``+1959-05-01T00:00:00Z`` as YYYY-MM-DD, YYYY-MM or YYYY at precision 11, 10 or
    9 and coarser; anything else written there is a DataError."""
    match = re.match(r"^\+?(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-][0-9:]+)?)?$", text.strip())
    if match is None:
        return validate.date(text[:40], at, field_name)  # says why it is no date
    day = match.group(1)
    written = day[:4] if precision <= 9 else day[:7] if precision == 10 else day
    return validate.date(written, at, field_name)


def _date(value: str | None, precision: str | None, at: validate.At, field_name: str) -> str | None:
    """A SPARQL dateTime as YYYY-MM-DD, or YYYY-MM / YYYY at precision 10 / 9 and coarser;
    anything else is a DataError."""
    if not value:
        return None
    digits = int(precision) if precision and precision.isdigit() else 11
    return _at_precision(value, digits, at, field_name)


def _cause(value: Any, label: str, where: str) -> dict[str, str]:
    at = validate.At(where)
    cause = {"id": validate.qid(value, at, "end cause")}
    if label:
        cause["label"] = validate.name(label, at, "end cause label")
    return cause


def _reference(url: str, stated_in: str, retrieved: str, where: str) -> dict[str, str]:
    at = validate.At(where)
    ref = {}
    if url:
        ref["url"] = validate.text(url, at, "reference URL")
    if stated_in:
        ref["stated_in"] = validate.qid(stated_in, at, "stated in")
    if ref and retrieved:
        ref["retrieved"] = retrieved
    return ref


def role_kind(role: str | None) -> str:
    text = (role or "").lower()
    return next((kind for word, kind in ROLE_WORDS if word in text), "unspecified")


def wikidata_batch(
    store: Store,
    record: WikidataRecord,
    source: Source,
    label: str,
    digest: str,
    *,
    progress: Progress | None = None,
) -> ImportBatch:
    """Claims of a parsed Wikidata record; items are matched by QID, then by label."""
    resolver = PlaceResolver(store, progress=progress, context=source.id)
    qids = list(dict.fromkeys(q for t in record.ties for q in (t.subject, t.object)))
    queries = [
        NameQuery(
            record.labels.get(q, q),
            record.countries.get(q, ""),
            qid=q,
            lat=record.coords[q][0] if q in record.coords else None,
            lon=record.coords[q][1] if q in record.coords else None,
        )
        for q in qids
    ]
    neighbours: dict[str, set[str]] = {}
    for tie in record.ties:
        neighbours.setdefault(tie.subject, set()).add(tie.object)
        neighbours.setdefault(tie.object, set()).add(tie.subject)
    match_of = dict(zip(qids, resolver.resolve(queries, neighbours, record.aliases), strict=True))
    claims: list[Claim] = []
    for tie in record.ties:
        # two items are never one place (docs/identity.md): the ends differ unless the
        # statement ties an item to itself
        city, partner = match_of[tie.subject], match_of[tie.object]
        claim = imported_tie(
            city,
            partner,
            source.id,
            tie.where,
            kind=role_kind(tie.role),
            start=tie.start,
            end=tie.end,
            status="ended" if tie.end else None,
        )
        claim.qualifiers.update(wikidata=f"{tie.subject}>{tie.object}")
        if tie.role and role_kind(tie.role) == "unspecified":
            claim.qualifiers["role"] = tie.role
        if tie.references:
            claim.qualifiers["references"] = cast("Json", tie.references)
        if tie.end_cause:
            claim.qualifiers["end_cause"] = cast("Json", tie.end_cause)
        claims.append(claim)
    keep_item_facts(store, resolver.entities(), record)
    for qid, labels in record.aliases.items():
        for alias in labels if qid in match_of else ():
            resolver.alias(match_of[qid].entity_id, alias, f"Wikidata {qid}: another label")
    unresolved = [unresolved_row(m, label) for m in match_of.values() if m.unresolved]
    return ImportBatch(
        source,
        claims,
        resolver.entities(),
        resolver.names(),
        unresolved,
        digest,
        label,
        resolver.wikidata_ids(),
        resolver.place_qids(),
    )


def wikidata_file_batch(
    store: Store, path: Path, *, progress: Progress | None = None
) -> ImportBatch:
    """A saved SPARQL JSON result or wbgetentities response → a batch for run_import."""
    from citydip.ingest.importing import file_digest, source_id_for

    record = parse_wikidata(load_json(path), str(path))
    if not record.ties:
        raise DataError(str(path), None, None, "no P190 statements in the file")
    source = Source(
        id=source_id_for("wikidata", path.name),
        title=f"Wikidata P190 statements from {path.name}",
        kind="dataset",
        description=f"Imported from {path.name}: {len(record.ties)} statements.",
    )
    digest = file_digest(path)
    return wikidata_batch(store, record, source, str(path), digest, progress=progress)
