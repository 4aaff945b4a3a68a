"""Place names to GeoNames places, offline: one name, or a CSV of them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from citydip.api.records import ResolvedBatch
from citydip.errors import DataError, InvalidInput
from citydip.progress import Progress
from citydip.store.database import Store

if TYPE_CHECKING:
    from citydip.gazetteer import Resolution
    from citydip.gazetteer.status import GazetteerStatus
    from citydip.knowledge.audit import PlacesAudit

OUT_COLUMNS = ("status", "geonames_id", "resolved_name", "country_code", "lat", "lon", "score")


def resolve_place(
    name: str, *, country: str | None = None, region: str | None = None
) -> Resolution:
    """Resolve a place name to a GeoNames place: resolved, ambiguous or unknown."""
    from citydip.gazetteer import resolve

    return resolve(name, country=country, region=region)


def resolve_names(
    name: str | None = None,
    *,
    batch: Path | None = None,
    out: Path | None = None,
    country: str | None = None,
    region: str | None = None,
    progress: Progress | None = None,
) -> Resolution | ResolvedBatch:
    """A place name resolved (``resolve_place``), or every row of a ``batch`` CSV
    (``resolve_batch``, to be written to ``out``): one of the two, never both."""
    if batch is None:
        if name is None:
            raise InvalidInput("give a place name to resolve, or a file of names", field="batch")
        return resolve_place(name, country=country, region=region)
    if name is not None:
        raise InvalidInput("give a place name or a file of names, not both", field="batch")
    return resolve_batch(batch, out=out, progress=progress)


def places_audit(store: Store) -> PlacesAudit:
    """The store's places audited: suspected splits and wrong merges, unplaced places and
    places whose coordinates cannot lie in their country (docs/identity.md)."""
    from citydip.knowledge.audit import audit_places

    return audit_places(store)


def read_name_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The rows of a batch CSV, checked: a bad file fails before anything is resolved."""
    import csv

    from citydip.files import read_input

    data = read_input(path)  # a regular file of bounded size, or - for standard input
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(str(path), line, None, "not UTF-8 text") from exc
    reader = csv.DictReader(text.splitlines(keepends=True), restkey="\x00extra")
    fields = [f.strip() for f in reader.fieldnames or []]
    if "name" not in fields:
        raise DataError(str(path), 1, "name", "missing column (need name, country)")
    reader.fieldnames = fields
    rows: list[dict[str, str]] = []
    try:
        for row in reader:
            line = reader.line_num
            if "\x00extra" in row:
                raise DataError(
                    str(path), line, None, f"more fields than the {len(fields)} columns"
                )
            if any(value is None for value in row.values()):
                raise DataError(
                    str(path), line, None, f"fewer fields than the {len(fields)} columns"
                )
            if not (row.get("name") or "").strip():
                raise DataError(str(path), line, "name", "empty")
            rows.append(row)
    except csv.Error as exc:
        raise DataError(str(path), reader.line_num, None, f"bad CSV: {exc}") from exc
    return fields, rows


def resolve_batch(
    path: Path, *, out: Path | None = None, progress: Progress | None = None
) -> ResolvedBatch:
    """Resolve every row of a CSV (columns name, country, region; others passed through).
    ``out``, where the result is to be written, is checked before any work: not a folder,
    not the input, in a folder that exists (``OutputError``)."""
    from citydip.csvfile import csv_text
    from citydip.files import check_output
    from citydip.gazetteer import resolve_many

    if out is not None:
        check_output(out, (path,))
    fields, rows = read_name_rows(path)
    records: list[dict[str, str]] = []
    columns = fields + [c for c in OUT_COLUMNS if c not in fields]
    counts = {"resolved": 0, "ambiguous": 0, "unknown": 0}
    queries = [{k: row.get(k) or "" for k in ("name", "country", "region")} for row in rows]
    results = resolve_many(queries, progress=progress, total=len(rows))
    for row, result in zip(rows, results, strict=True):
        place = result.place
        counts[result.status] += 1
        resolved = {
            **row,
            "status": result.status,
            "geonames_id": place.geonames_id if place else "",
            "resolved_name": place.name if place else "",
            "country_code": place.country if place else "",
            "lat": place.lat if place else "",
            "lon": place.lon if place else "",
            "score": f"{result.score:.4f}",
        }
        records.append({k: str(v) for k, v in resolved.items()})
    text = csv_text(columns, ([record.get(c, "") for c in columns] for record in records))
    return ResolvedBatch(text, len(rows), counts, records, out)


def gazetteer_status() -> GazetteerStatus:
    """Which data the gazetteer uses: packaged sources, its index, any GeoNames download."""
    from citydip.gazetteer.status import gazetteer_status as status

    return status()


def download_geonames(
    countries: list[str],
    *,
    all_countries: bool = False,
    progress: Progress | None = None,
) -> GazetteerStatus:
    """Fetch, verify and index the GeoNames dump for ``countries`` (ISO alpha-2) or all
    countries; the gazetteer uses it from then on. A failure leaves the data in use as it was."""
    from citydip.gazetteer.download import download
    from citydip.gazetteer.status import gazetteer_status as status

    if all_countries and countries:
        raise InvalidInput("give country codes or all countries, not both", field="countries")
    if not all_countries and not countries:
        raise InvalidInput("give a country code (or several), or all countries", field="countries")
    download(countries, all_countries, progress=progress)
    return status()
