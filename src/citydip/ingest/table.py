"""A city's own table of ties (CSV or JSON Lines) → claims: an officer's records.

Columns / keys (docs/importing.md): ``partner`` (required), ``country``, ``kind``
(sister, partner, friendship, cooperation, joint-statement, unspecified), ``start`` and
``end`` (YYYY, YYYY-MM or YYYY-MM-DD), ``status`` (active, suspended, ended),
``source_url``, ``notes``, and ``city`` when the table is not given one city for all rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from citydip import vocabulary as vocab
from citydip.errors import DataError, InvalidInput
from citydip.ingest import validate
from citydip.ingest.importing import ImportBatch, file_digest, source_id_for, unresolved_row
from citydip.ingest.pairs import csv_rows, imported_tie, read_text
from citydip.ingest.places import Match, NameQuery, PlaceResolver
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Source

TABLE_FIELDS = (
    "city",
    "city_country",
    "partner",
    "country",
    "kind",
    "start",
    "end",
    "status",
    "source_url",
    "notes",
)
KIND_WORDS = {
    "sister city": "sister",
    "sister-city": "sister",
    "twin": "sister",
    "twin town": "sister",
    "partner city": "partner",
    "partnership": "partner",
    "friendship city": "friendship",
    "friendly city": "friendship",
    "friendly": "friendship",
    "mou": "cooperation",
    "agreement": "cooperation",
    "": "unspecified",
}


def parse_table(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV or JSON Lines table (by extension; ``.jsonl``/``.ndjson`` are JSON)."""
    text = read_text(path)
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows = list(_jsonl_rows(path, text))
    else:
        rows = list(csv_rows(path, text, ("partner",), TABLE_FIELDS[:2] + TABLE_FIELDS[3:]))
    if not rows:
        raise DataError(str(path), None, None, "no rows")
    return [(line, _check_row(path, line, row)) for line, row in rows]


NUMERIC_FIELDS = ("start", "end")  # a year may be written as a JSON number


def _jsonl_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    from citydip.ingest.jsontext import json_type, parse_json

    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        item = parse_json(raw, str(path), number)
        if not isinstance(item, dict):
            got = json_type(item)
            raise DataError(
                str(path), number, None, f"expected one JSON object per line, got {got}"
            )
        for key, value in item.items():
            if key not in TABLE_FIELDS:
                allowed = ", ".join(TABLE_FIELDS)
                raise DataError(str(path), number, key, f"unknown field (allowed: {allowed})")
            if value is None or isinstance(value, str):
                continue
            if isinstance(value, int) and not isinstance(value, bool) and key in NUMERIC_FIELDS:
                continue
            raise DataError(str(path), number, key, f"expected text, got {json_type(value)}")
        rows.append((number, {k: "" if v is None else str(v).strip() for k, v in item.items()}))
    return rows


def _check_row(path: Path, line: int, row: dict[str, str]) -> dict[str, str]:
    at = validate.At(str(path), line)

    def fail(field: str, problem: str) -> DataError:
        return at.error(field, problem)

    if not row.get("partner"):
        raise fail("partner", "empty")
    for field in ("partner", "city", "country", "city_country"):
        if row.get(field):
            row[field] = validate.name(row[field], at, field)
    for field in ("source_url", "notes"):
        if row.get(field):
            row[field] = validate.text(row[field], at, field)
    kind = row.get("kind", "").lower()
    kind = KIND_WORDS.get(kind, kind)
    if kind not in vocab.TIE_KINDS:
        raise fail("kind", f"{row['kind']!r} is not one of {', '.join(vocab.TIE_KINDS)}")
    row["kind"] = kind
    for field in ("start", "end"):
        row[field] = validate.optional_date(row.get(field), at, field) or ""
    status = row.get("status", "").lower()
    if status and status not in vocab.TIE_STATUSES:
        raise fail("status", f"{row['status']!r} is not one of {', '.join(vocab.TIE_STATUSES)}")
    row["status"] = status
    url = row.get("source_url", "")
    if url and not url.startswith(("http://", "https://")):
        raise fail("source_url", f"{url!r} is not an http(s) URL")
    return row


def table_batch(
    store: Store,
    path: Path,
    city: str | None = None,
    city_country: str | None = None,
    source_kind: str = "official",
    title: str | None = None,
    complete: bool = False,
    *,
    progress: Progress | None = None,
) -> ImportBatch:
    """Read, validate and resolve a city's table; ``complete`` marks it the city's full list."""
    if source_kind not in vocab.SOURCE_KINDS:
        raise InvalidInput(
            f"{source_kind!r} is not one of {vocab.SOURCE_KINDS}", field="source_kind"
        )
    title = validate.option_text(title, "title")
    rows = parse_table(path)
    for line, row in rows:
        if not (city or row.get("city")):
            raise DataError(str(path), line, "city", "empty (name the city, or give a city column)")
    resolver = PlaceResolver(store, progress=progress, context=path.name)
    known = _known_city(store, city) if city else None
    queries: list[NameQuery] = []
    for _, row in rows:
        if row.get("city"):
            queries.append(NameQuery(row["city"], row.get("city_country", "")))
        else:
            queries.append(NameQuery(city or "", city_country or ""))
        queries.append(NameQuery(row["partner"], row.get("country", "")))
    matches = resolver.resolve(queries)
    if known is not None:
        matches = [
            known if q.name == city and not q.country else m
            for q, m in zip(queries, matches, strict=True)
        ]
    cities = {m.entity_id for m in matches[0::2]}
    owner = next(iter(cities)) if len(cities) == 1 else None
    source = Source(
        id=source_id_for("table", path.name),
        title=title or f"Ties table {path.name}",
        kind=source_kind,
        description=f"Imported from {path.name}: {len(rows)} rows.",
        lists_ties_of=owner if complete else None,
    )
    claims, unresolved = [], []
    for index, (line, row) in enumerate(rows):
        subject, partner = matches[2 * index], matches[2 * index + 1]
        where = f"{path.name}:{line}"
        for match, other in ((subject, partner), (partner, subject)):
            if match.unresolved:
                unresolved.append(unresolved_row(match, where, other.written))
        claim = imported_tie(
            subject,
            partner,
            source.id,
            where,
            kind=row["kind"],
            start=row.get("start") or None,
            end=row.get("end") or None,
            status=row.get("status") or ("ended" if row.get("end") else None),
        )
        claim.qualifiers.update(_extra(row))
        claims.append(claim)
    return ImportBatch(
        source,
        claims,
        resolver.entities(),
        resolver.names(),
        unresolved,
        file_digest(path),
        str(path),
        resolver.wikidata_ids(),
        resolver.place_qids(),
    )


def _known_city(store: Store, name: str) -> Match | None:
    """The city named by ``--city`` when the store knows it by that name."""
    from citydip.errors import CitydipError
    from citydip.knowledge.lookup import find_city

    try:
        return Match(find_city(store, name).id, "resolved", name)
    except CitydipError:
        return None


def _extra(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if row.get("source_url"):
        out["references"] = [{"url": row["source_url"]}]
    if row.get("notes"):
        out["note"] = row["notes"]
    return out
