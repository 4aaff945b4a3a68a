"""``citydip conflicts``: where sources disagree, most severe first."""

from __future__ import annotations

from enum import StrEnum

import typer

from citydip.cli.app import app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.render import render


class ConflictsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@app.command(epilog=examples("conflicts"))
def conflicts(
    name: str | None = typer.Argument(None, help="Limit to one city or entity."),
    limit: int = typer.Option(
        50, "--limit", "-n", min=0, help="Show the N most severe (0: every one)."
    ),
    kind: list[str] | None = typer.Option(
        None,
        "--kind",
        "-k",
        help="Only this kind (repeatable): self-contradiction, official-list, count, "
        "membership, tie-kind, count-vs-list, date, status, withdrawn; or the notices "
        "unconfirmed, unresolved.",
    ),
    min_severity: str | None = typer.Option(
        None, "--min-severity", "-s", help="0-100, or high (70), medium (40), low."
    ),
    format: ConflictsFormat = typer.Option(ConflictsFormat.table, "--format", "-f"),
) -> None:
    """Where sources disagree, most severe first; unconfirmed ties are counted apart."""
    from citydip.api import list_conflicts
    from citydip.cli.app import every

    with open_chosen_store() as store:
        result = list_conflicts(
            store, name, limit=every(limit), kinds=kind, min_severity=min_severity
        )
    render("conflicts", format.value, result)
