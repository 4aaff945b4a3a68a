"""``citydip resolve``: a place name, or a CSV of them, to GeoNames places (offline)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from citydip.cli.app import Format, app
from citydip.cli.examples import examples
from citydip.cli.render import render

if TYPE_CHECKING:
    from citydip.api.records import ResolvedBatch


@app.command("resolve", epilog=examples("resolve"))
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
    out: Path | None = typer.Option(
        None, "--out", help="Where --batch writes (default or -: stdout)."
    ),
    fmt: Format = typer.Option(
        Format.table, "--format", help="table or json (with --batch: CSV, or json)."
    ),
) -> None:
    """Resolve a place name to a GeoNames place, offline: resolved, ambiguous or unknown.

    Exits 0 when the name is resolved, 1 when it is ambiguous or unknown.
    """
    from citydip import api
    from citydip.errors import InvalidInput

    if batch is not None:
        if name is not None:
            raise InvalidInput("resolve: give a NAME or --batch FILE, not both")
        from citydip.files import check_output

        if out is not None:
            check_output(out, (batch,))  # before the work: not the input, not a folder
        result = api.resolve_batch(batch, progress=True)
        _write_batch(result, out, batch, fmt)
        return
    if name is None:
        raise InvalidInput("resolve: give a NAME to resolve, or --batch FILE")
    resolution = api.resolve_place(name, country=country, region=region)
    render("resolve", fmt.value, resolution)
    if resolution.status != "resolved":
        raise typer.Exit(1)


def _write_batch(result: ResolvedBatch, out: Path | None, batch: Path, fmt: Format) -> None:
    import json

    from citydip.cli.app import write_output

    target = "-" if out is None else str(out)
    if fmt is Format.json:
        text = json.dumps(result.results, ensure_ascii=False, indent=2) + "\n"
    else:
        text = result.csv
    write_output(target, text, inputs=(str(batch),))
    summary = ", ".join(f"{count} {status}" for status, count in result.counts.items())
    where = f" -> {out}" if target != "-" else ""
    print(f"{result.rows} rows: {summary}{where}", file=sys.stderr)
