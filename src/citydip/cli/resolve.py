"""``citydip resolve``: a place name, or a CSV of them, to GeoNames places (offline)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from citydip.cli.app import Format, app, emit_json

OUT_COLUMNS = ("status", "geonames_id", "resolved_name", "country_code", "lat", "lon", "score")


@app.command("resolve")
def resolve_command(
    name: str | None = typer.Argument(
        None, help="Place name, e.g. 'Odessa' or 'Birmingham, England'."
    ),
    country: str | None = typer.Option(
        None, "--country", "-c", help="Country name, alias or ISO code."
    ),
    region: str | None = typer.Option(None, "--region", help="Region, state or province."),
    batch: Path | None = typer.Option(
        None, "--batch", help="CSV with columns name,country (others are passed through)."
    ),
    out: Path | None = typer.Option(None, "--out", help="Where --batch writes (default stdout)."),
    fmt: Format = typer.Option(Format.table, "--format", help="table or json (single name)."),
) -> None:
    """Resolve a place name to a GeoNames place, offline: resolved, ambiguous or unknown.

    Exits 0 when the name is resolved, 1 when it is ambiguous or unknown.
    """
    from citydip.errors import InvalidInput

    if batch is not None:
        if name is not None:
            raise InvalidInput("resolve: give a NAME or --batch FILE, not both")
        _run_batch(batch, out)
        return
    if name is None:
        raise InvalidInput("resolve: give a NAME to resolve, or --batch FILE")
    from citydip.knowledge.gazetteer import resolve

    result = resolve(name, country=country, region=region)
    if fmt is Format.json:
        emit_json(result.to_dict())
    else:
        _print_table(result)
    if result.status != "resolved":
        raise typer.Exit(1)


def _print_table(result: Any) -> None:
    place = result.place
    if place is not None:
        region = f", {place.admin1}" if place.admin1 else ""
        seat = f" (seat of the {result.admin_kind})" if result.unit == "seat" else ""
        if result.unit == "admin":
            inside = f" in {place.parent}" if place.parent else ""
            seat = f" ({place.level}{inside}; centroid)"
        elif place.kind == "village":
            seat = " (small place)"
        gid = place.geonames_id or "-"
        typer.echo(
            f"resolved: {place.name}{seat} ({place.country}{region}) geonames:{gid} "
            f"{place.lat:.4f},{place.lon:.4f} pop. {place.population} score {result.score:.2f}"
        )
        if result.reason:
            typer.echo(f"note: {result.reason}")
        return
    typer.echo(f"{result.status}: {result.reason}")
    for candidate, score in zip(result.candidates, result.scores, strict=False):
        typer.echo(
            f"  {candidate.name} ({candidate.country}, {candidate.admin1 or '-'}) "
            f"geonames:{candidate.geonames_id} pop. {candidate.population} score {score:.2f}"
        )


def _read_batch(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The rows of a batch CSV, checked: a bad file fails before anything is resolved."""
    import csv

    from citydip.errors import DataError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataError(str(path), None, None, "no such file") from exc
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise DataError(str(path), line, None, "not UTF-8 text") from exc
    except OSError as exc:
        raise DataError(str(path), None, None, f"cannot read: {exc.strerror}") from exc
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


def _run_batch(path: Path, out: Path | None) -> None:
    import csv
    import io
    import os

    from citydip.knowledge.gazetteer import resolve_many

    fields, rows = _read_batch(path)
    columns = fields + [c for c in OUT_COLUMNS if c not in fields]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    counts = {"resolved": 0, "ambiguous": 0, "unknown": 0}
    queries = [{k: row.get(k) or "" for k in ("name", "country", "region")} for row in rows]
    results = resolve_many(queries, progress=True, total=len(rows))
    for row, result in zip(rows, results, strict=True):
        place = result.place
        counts[result.status] += 1
        writer.writerow(
            {
                **row,
                "status": result.status,
                "geonames_id": place.geonames_id if place else "",
                "resolved_name": place.name if place else "",
                "country_code": place.country if place else "",
                "lat": place.lat if place else "",
                "lon": place.lon if place else "",
                "score": f"{result.score:.4f}",
            }
        )
    if out is None:
        sys.stdout.write(buffer.getvalue())
    else:
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
        os.replace(tmp, out)
    summary = ", ".join(f"{count} {status}" for status, count in counts.items())
    print(f"{len(rows)} rows: {summary}" + (f" -> {out}" if out else ""), file=sys.stderr)
