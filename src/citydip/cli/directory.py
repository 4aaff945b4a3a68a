"""``citydip cities``, ``org`` and ``orgs``: what the store holds, found by name."""

from __future__ import annotations

from enum import StrEnum

import typer

from citydip.cli.app import app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.render import render
from citydip.cli.session import ORG_LIMIT
from citydip.vocabulary import CitySort


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command(epilog=examples("cities"))
def cities(
    query: str | None = typer.Argument(None, help="Part of a name, any script or accent."),
    country: str | None = typer.Option(None, "--country", "-c", help="ISO code (JP) or name."),
    sort: CitySort = typer.Option("ties", "--sort", help="ties (most first) or name."),
    limit: int = typer.Option(50, "--limit", "-n", min=0, help="At most N places (0: every one)."),
    merge_districts: bool = typer.Option(
        False, "--merge-districts", help="Count districts as their city."
    ),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """The store's places with their tie counts; search by name, filter by country."""
    from citydip.api import search_cities
    from citydip.cli.app import every

    with open_chosen_store() as store:
        found = search_cities(
            store,
            query,
            country=country,
            sort=sort,
            limit=every(limit),
            merge_districts=merge_districts,
        )
    render("cities", format.value, found)


class OrgFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"
    geojson = "geojson"


@app.command(epilog=examples("org"))
def org(
    name: str = typer.Argument(..., help="Organization name or acronym (C40, UCLG...)."),
    limit: int | None = typer.Option(
        None,
        "--limit",
        "-n",
        help=f"At most N members (default {ORG_LIMIT} in table and md, all in json, csv "
        "and geojson); 0 for all.",
    ),
    format: OrgFormat = typer.Option(OrgFormat.table, "--format", "-f"),
) -> None:
    """An organization's members and their roles, each with its sources, and where the
    store's memberships come from."""
    from citydip.api import organization_members

    if limit is None:
        limit = ORG_LIMIT if format in (OrgFormat.table, OrgFormat.md) else 0
    with open_chosen_store() as store:
        data = organization_members(store, name, limit=limit)
    render("org", format.value, data)


@app.command()
def orgs(
    query: str | None = typer.Argument(None, help="Part of a name or acronym."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Every organization with its number of members and signatories, most first."""
    from citydip.api import list_organizations

    with open_chosen_store() as store:
        data = list_organizations(store, query)
    render("orgs", format.value, data)
