"""Commands over one or more cities: city, compare, conflicts, sources, rebuild."""

from __future__ import annotations

import typer

from citydip.cli.app import STATE, app


@app.command()
def rebuild(
    empty: bool = typer.Option(False, "--empty", help="Create an empty store, no curated data."),
) -> None:
    """Recreate the store from the curated data shipped in the package."""
    from citydip.stores import rebuild as rebuild_store

    path = rebuild_store(STATE.db, empty=empty)
    typer.echo(f"rebuilt {path}")
