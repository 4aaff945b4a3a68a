"""Pairs CSV (``city1,country1,city2,country2``) → twinned_with claims, one source per file.

The format of Wikipedia's lists of twin towns as scraped into a table: each row says that
``city1`` lists ``city2`` as a twin. Names go through the gazetteer with their country;
a name that does not resolve becomes a ``name-…`` entity, reported, never dropped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from citydip.errors import DataError
from citydip.ingest import validate
from citydip.ingest.importing import ImportBatch, file_digest, source_id_for, unresolved_row
from citydip.ingest.places import Match, NameQuery, PlaceResolver
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Claim, JsonObject, Source

PAIR_COLUMNS = ("city1", "country1", "city2", "country2")


def read_text(path: Path) -> str:
    """A file's text as UTF-8; unreadable, empty or non-UTF-8 files are DataErrors."""
    from citydip.files import read_input

    data = read_input(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(
            str(path), line, None, "not UTF-8 text (re-save the file as UTF-8)"
        ) from exc
    if not text.strip():
        raise DataError(str(path), None, None, "empty file")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError(str(path), line, None, "NUL byte: not a text file")
    return text


def csv_rows(
    path: Path, text: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of a CSV with a header; missing columns and ragged rows are DataErrors."""
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines)
    try:
        header = [h.strip().lower() for h in next(reader)]
        missing = [c for c in required if c not in header]
        if missing:
            raise DataError(
                str(path), 1, missing[0], f"missing column (need {', '.join(required)})"
            )
        known = set(required) | set(optional)
        unknown = [h for h in header if h not in known]
        if optional and unknown:
            allowed = ", ".join((*required, *optional))
            raise DataError(str(path), 1, unknown[0], f"unknown column (allowed: {allowed})")
        line = reader.line_num
        for values in reader:
            start, line = line + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                problem = f"{len(values)} fields where the header has {len(header)}"
                raise DataError(str(path), start, None, problem)
            yield start, {h: v.strip() for h, v in zip(header, values, strict=True)}
    except csv.Error as exc:
        raise DataError(str(path), reader.line_num, None, f"bad CSV: {exc}") from exc


def parse_pairs(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Every row of a pairs CSV, checked: both city names present."""
    rows = list(csv_rows(path, read_text(path), PAIR_COLUMNS))
    for line, row in rows:
        at = validate.At(str(path), line)
        for column in ("city1", "city2"):
            if not row[column]:
                raise DataError(str(path), line, column, "empty")
            row[column] = validate.name(row[column], at, column)
        for column in ("country1", "country2"):
            if row[column]:
                row[column] = validate.name(row[column], at, column)
    if not rows:
        raise DataError(str(path), None, None, "no rows after the header")
    return rows


def pairs_batch(
    store: Store,
    path: Path,
    *,
    progress: Progress | None = None,
    title: str | None = None,
    source: Source | None = None,
) -> ImportBatch:
    """Read, validate and resolve a pairs CSV into a batch for ``run_import``.

    The source is ``import-pairs-<file stem>`` unless one is given (the world dataset's)."""
    title = validate.option_text(title, "title")
    rows = parse_pairs(path)
    source = source or Source(
        id=source_id_for("pairs", path.name),
        title=title or f"City pairs from {path.name}",
        kind="dataset",
        description=f"Imported from {path.name}: {len(rows)} rows (city1 lists city2).",
    )
    context = path.name if source.id.startswith("import-") else source.id
    resolver = PlaceResolver(store, progress=progress, context=context)
    queries = []
    for line, row in rows:
        for side in ("1", "2"):
            point = _point(path, line, row, side)
            queries.append(
                NameQuery(
                    row[f"city{side}"],
                    row[f"country{side}"],
                    lat=point[0] if point else None,
                    lon=point[1] if point else None,
                )
            )
    matches = resolver.resolve(queries)
    claims: list[Claim] = []
    unresolved = []
    for index, (line, _row) in enumerate(rows):
        city, partner = matches[2 * index], matches[2 * index + 1]
        if city.entity_id == partner.entity_id:
            partner = _same_place(resolver, queries[2 * index + 1], city)
        where = f"{path.name}:{line}"
        for match, other in ((city, partner), (partner, city)):
            if match.unresolved:
                unresolved.append(unresolved_row(match, where, other.written))
        claims.append(imported_tie(city, partner, source.id, where))
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


def _point(path: Path, line: int, row: dict[str, str], side: str) -> tuple[float, float] | None:
    """Coordinates a row gives for one side (``lat1``, ``lng1`` or ``lon1``), checked."""
    lat_text = row.get(f"lat{side}", "")
    lon_key = f"lng{side}" if f"lng{side}" in row else f"lon{side}"
    lon_text = row.get(lon_key, "")
    if not lat_text and not lon_text:
        return None
    at = validate.At(str(path), line)
    for field, value in ((f"lat{side}", lat_text), (lon_key, lon_text)):
        if not _is_number(value):
            raise at.error(field, f"{value[:40]!r} is not a number")
    return validate.coordinates(lat_text, lon_text, at, f"lat{side}")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


def _same_place(resolver: PlaceResolver, query: NameQuery, city: Match) -> Match:
    """Both sides resolve to one place (two spellings of it): keep the second name apart."""
    reason = f"resolves to the same place as {city.written!r}"
    entity_id = resolver.name_entity(query, "ambiguous", reason)
    return Match(entity_id, "ambiguous", query.name, reason)


def imported_tie(
    city: Match, partner: Match, source_id: str, where: str, **fields: str | None
) -> Claim:
    """A twinned_with claim as imports make it: method imported, names as written kept."""
    qualifiers: JsonObject = {}
    for role, match in (("subject", city), ("object", partner)):
        if match.unresolved:
            qualifiers[f"{role}_status"] = match.status
    units = [f"{m.written} as its {m.unit}" for m in (city, partner) if m.unit != "place"]
    unit_note = f"; {', '.join(units)}" if units else ""
    kind = fields.pop("kind", None) or "unspecified"
    return Claim(
        subject=city.entity_id,
        predicate="twinned_with",
        object=partner.entity_id,
        source_id=source_id,
        kind=kind,
        start=fields.get("start"),
        end=fields.get("end"),
        status=fields.get("status"),
        qualifiers=qualifiers,
        locator=f"{where} ({city.written} – {partner.written}{unit_note})",
        method="imported",
    )
