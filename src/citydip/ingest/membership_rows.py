"""A membership list (CSV or JSON Lines) → checked rows: who belongs to which network.

Columns / keys (docs/importing.md): ``organisation`` (a name, acronym or Wikidata QID;
required), ``organisation_qid``, ``city`` (required), ``country``, ``city_qid``, ``role``
(the membership roles of the vocabulary; empty means ``member``), ``since`` and ``until``
(YYYY, YYYY-MM or YYYY-MM-DD), and the row's own source: ``source_title``, ``source_url``,
``source_publisher``, ``source_date``; ``notes``. Every problem is one
``file:line: field: problem``; nothing is resolved here.
"""

from __future__ import annotations

import re
from pathlib import Path

from citydip import vocabulary as vocab
from citydip.errors import DataError
from citydip.ingest.pairs import csv_rows, read_text
from citydip.text import clean_text, name_problem

MEMBERSHIP_FIELDS = (
    "organisation",
    "organisation_qid",
    "city",
    "country",
    "city_qid",
    "role",
    "since",
    "until",
    "source_title",
    "source_url",
    "source_publisher",
    "source_date",
    "notes",
)
REQUIRED = ("organisation", "city")
# The American spelling of a column is the same column.
ALIASES = {"organization": "organisation", "organization_qid": "organisation_qid"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID = re.compile(r"^Q[1-9]\d*$")
ROLE_WORDS = {
    "": "member",
    "members": "member",
    "full member": "member",
    "founding member": "founder",
    "founding": "founder",
    "board member": "board",
    "vice chair": "vice-chair",
    "vice-president": "vice-chair",
    "vice president": "vice-chair",
    "co-chair": "chair",
    "signed": "signatory",
}
NUMERIC_FIELDS = ("since", "until", "source_date")  # a year may be a JSON number


def parse_memberships(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Every row of a membership list, checked; (line, row) in file order."""
    text = read_text(path)
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows = _jsonl_rows(path, text)
    else:
        rows = list(_csv_rows(path, text))
    if not rows:
        raise DataError(str(path), None, None, "no rows")
    return [(line, check_row(str(path), line, row)) for line, row in rows]


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    first, _, rest = text.partition("\n")
    header = first
    for alias, column in ALIASES.items():
        header = re.sub(rf"(?i)(^|,)\s*{alias}\s*(?=,|$)", rf"\g<1>{column}", header)
    optional = tuple(f for f in MEMBERSHIP_FIELDS if f not in REQUIRED)
    return list(csv_rows(path, header + "\n" + rest, REQUIRED, optional))


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
        row: dict[str, str] = {}
        for key, value in item.items():
            field = ALIASES.get(key, key)
            if field not in MEMBERSHIP_FIELDS:
                allowed = ", ".join(MEMBERSHIP_FIELDS)
                raise DataError(str(path), number, key, f"unknown field (allowed: {allowed})")
            numeric = isinstance(value, int) and not isinstance(value, bool)
            textual = value is None or isinstance(value, str)
            if not textual and not (numeric and field in NUMERIC_FIELDS):
                raise DataError(str(path), number, key, f"expected text, got {json_type(value)}")
            row[field] = "" if value is None else str(value).strip()
        for field in REQUIRED:
            if field not in row:
                raise DataError(str(path), number, field, "missing")
        rows.append((number, row))
    return rows


def check_row(path: str, line: int, row: dict[str, str]) -> dict[str, str]:
    """One row's fields checked and normalised (role words, dates, QIDs, URL)."""

    def fail(field: str, problem: str) -> DataError:
        return DataError(path, line, field, problem)

    for field in REQUIRED:
        if not row.get(field):
            raise fail(field, "empty")
    for field in ("organisation", "city", "country"):
        if row.get(field):
            row[field] = clean_text(row[field], one_line=True)
            if problem := name_problem(row[field]):
                raise fail(field, problem)
    for field in ("organisation_qid", "city_qid"):
        if row.get(field) and not QID.match(row[field]):
            raise fail(field, f"{row[field]!r} is not a Wikidata QID (Q followed by digits)")
    role = " ".join(row.get("role", "").lower().replace("_", " ").split())
    role = ROLE_WORDS.get(role, role.replace(" ", "-"))
    if role not in vocab.MEMBERSHIP_ROLES:
        allowed = ", ".join(vocab.MEMBERSHIP_ROLES)
        raise fail("role", f"{row['role']!r} is not one of {allowed}")
    row["role"] = role
    for field in ("since", "until", "source_date"):
        if row.get(field) and not DATE.match(row[field]):
            raise fail(field, f"{row[field]!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    since, until = row.get("since", ""), row.get("until", "")
    if since and until and until[: len(since)] < since[: len(until)]:
        raise fail("until", f"{until} is before since ({since})")
    url = row.get("source_url", "")
    if url and not url.startswith(("http://", "https://")):
        raise fail("source_url", f"{url!r} is not an http(s) URL")
    return row
