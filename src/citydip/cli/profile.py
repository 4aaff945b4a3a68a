"""Commands over one or more cities: city, compare, sources, rebuild."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from citydip.cli.app import STATE, Format, app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.render import render

MERGE_DISTRICTS = typer.Option(
    False, "--merge-districts", help="Count the ties of a city's districts as its own."
)


class CompareFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    csv = "csv"
    html = "html"


class CityFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class SourcesFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    bibtex = "bibtex"
    csl = "csl-json"


@app.command(epilog=examples("city"))
def city(
    name: str = typer.Argument(..., help="City name in any script, or its id."),
    format: CityFormat = typer.Option(
        CityFormat.table, "--format", "-f", help="table, json, csv (ties) or md."
    ),
    merge_districts: bool = MERGE_DISTRICTS,
) -> None:
    """A city's diplomacy: ties, memberships, activities and counts, each with its sources."""
    from citydip.api import city_profile

    with open_chosen_store() as store:
        render("city", format.value, city_profile(store, name, merge_districts=merge_districts))


@app.command(epilog=examples("compare"))
def compare(
    names: list[str] = typer.Argument(..., help="Two or more city names."),
    format: CompareFormat = typer.Option(CompareFormat.table, "--format", "-f"),
    merge_districts: bool = MERGE_DISTRICTS,
) -> None:
    """The essay's Table 1 for any cities, every cell derived by rule and sourced."""
    from citydip.api import compare_cities

    with open_chosen_store() as store:
        render(
            "compare", format.value, compare_cities(store, names, merge_districts=merge_districts)
        )


@app.command()
def place(
    name: str = typer.Argument(..., help="A place name in any script, or its id."),
    format: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """Who a place is: ids, level, parent, districts, and why each of its names is its own."""
    from citydip.api import place_identity

    with open_chosen_store() as store:
        render("place", format.value, place_identity(store, name))


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
    from citydip.stores import check_rebuild
    from citydip.stores import rebuild as rebuild_store

    check = check_rebuild(STATE.db)
    if check.confirm and not force:
        typer.echo(f"{check.path}: {check.confirm}; pass --force to replace it", err=True)
        raise typer.Exit(2)
    if check.imported_claims and not yes:
        what = (
            f"{check.imported_claims:,} imported claims ({', '.join(check.imported_sources[:5])})"
        )
        if not sys.stdin.isatty():
            typer.echo(f"{check.path}: rebuilding drops {what}; pass --yes to drop them", err=True)
            raise typer.Exit(2)
        if not typer.confirm(f"Rebuilding {check.path} drops {what}. Go on?", err=True):
            raise typer.Exit(1)
    path = rebuild_store(STATE.db, empty=empty, drop_imports=True, force=force, checked=check)
    typer.echo(f"rebuilt {path}")
