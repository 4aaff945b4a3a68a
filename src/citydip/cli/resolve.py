"""``citydip resolve``: a place name, or a CSV of them, to GeoNames places (offline)."""

from __future__ import annotations

from pathlib import Path

import typer

from citydip.cli.app import Format, app
from citydip.cli.examples import examples
from citydip.cli.render import render


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
    from citydip.api import ResolvedBatch, resolve_names
    from citydip.cli.progress import bars

    with bars() as progress:
        result = resolve_names(
            name, batch=batch, out=out, country=country, region=region, progress=progress
        )
    render("resolve", fmt.value, result)
    if not isinstance(result, ResolvedBatch) and result.status != "resolved":
        raise typer.Exit(1)
