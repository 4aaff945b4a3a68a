"""``citydip conflicts``: where sources disagree, most severe first."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer

from citydip.cli.app import app, console, emit_json, open_chosen_store


class ConflictsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def _text(data: dict[str, Any]) -> None:
    from citydip.report.conflicts import conflicts_text

    hint = "; list them with --kind unconfirmed" if data["not_counted"].get("unconfirmed") else ""
    out = console()
    if out.is_terminal:
        # As git does: less keeps the colours (-R) and quits when one screen holds it all (-F).
        os.environ.setdefault("LESS", "-FRX")
        with out.pager(styles=True):
            out.print(conflicts_text(data, hint))
    else:
        out.print(conflicts_text(data, hint))


def _csv(data: dict[str, Any]) -> None:
    from citydip.report.conflicts import conflicts_csv

    sys.stdout.write(conflicts_csv(data))


def _md(data: dict[str, Any]) -> None:
    from citydip.report.conflicts import conflicts_markdown

    sys.stdout.write(conflicts_markdown(data))


RENDERERS: dict[ConflictsFormat, Callable[[dict[str, Any]], Any]] = {
    ConflictsFormat.table: _text,
    ConflictsFormat.json: lambda data: emit_json(data["conflicts"]),
    ConflictsFormat.csv: _csv,
    ConflictsFormat.md: _md,
}


@app.command()
def conflicts(
    name: str | None = typer.Argument(None, help="Limit to one city or entity."),
    limit: int | None = typer.Option(None, "--limit", "-n", help="Show the N most severe."),
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

    with open_chosen_store() as store:
        result = list_conflicts(store, name, limit=limit, kinds=kind, min_severity=min_severity)
    RENDERERS[format](result.to_dict())
