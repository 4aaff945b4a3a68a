"""``citydip places audit``: what a curator should look at in the store's places."""

from __future__ import annotations

from enum import StrEnum

import typer

from citydip.cli.app import app, open_chosen_store
from citydip.cli.render import render

places_app = typer.Typer(help="The store's places as a whole: an audit.", no_args_is_help=True)
app.add_typer(places_app, name="places")


class AuditFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@places_app.command(
    epilog="Examples:\n\n  citydip places audit\n\n  citydip places audit --format csv > audit.csv"
)
def audit(format: AuditFormat = typer.Option(AuditFormat.table, "--format", "-f")) -> None:
    """Suspected splits and wrong merges, unplaced places and places outside their country."""
    from citydip.api import places_audit

    with open_chosen_store() as store:
        render("places audit", format.value, places_audit(store))
