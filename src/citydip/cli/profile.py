"""Commands over one or more cities: city, compare, sources, rebuild."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from citydip.cli import commands
from citydip.cli.app import STATE, add_command, app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.render import render

# city, compare and place are declared once, in cli/commands.py (quick.py reads them too).
for _path in (("city",), ("compare",), ("place",)):
    add_command(app, commands.BY_PATH[_path])


class SourcesFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    bibtex = "bibtex"
    csl = "csl-json"


@app.command()
def sources(
    name: str | None = typer.Argument(None, help="Only the sources of claims about this entity."),
    format: SourcesFormat = typer.Option(SourcesFormat.table, "--format", "-f"),
) -> None:
    """The bibliography: every source, or those behind one city; BibTeX and CSL-JSON too."""
    from citydip.api import bibliography

    with open_chosen_store() as store:
        render("sources", format.value, bibliography(store, name))


@app.command(epilog=examples("rebuild"))
def rebuild(
    empty: bool = typer.Option(False, "--empty", help="Create an empty store, no curated data."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Drop imported claims without asking."),
    force: bool = typer.Option(
        False, "--force", help="Replace a file that is not a citydip store, or a corrupt one."
    ),
) -> None:
    """Recreate the store from the curated data shipped in the package.

    Imported claims are dropped: citydip asks first (or needs --yes). A file that is not a
    citydip store (or a corrupt store) is replaced only with --force; a folder, a device
    and a store written by a newer citydip are refused, and so is a store another command
    is writing to.
    """
    from citydip.api import rebuild_store

    path = rebuild_store(
        STATE.db,
        empty=empty,
        force=force,
        drop_imports=yes,
        confirm=_ask if sys.stdin.isatty() else None,
    )
    render("rebuild", "table", path)


def _ask(question: str) -> bool:
    """Ask on the terminal; no is exit 1, nothing more said."""
    if not typer.confirm(question, err=True):
        raise typer.Exit(1)
    return True
