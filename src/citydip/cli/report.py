"""``citydip report A [B …] --out FILE.html|FILE.pdf``: the briefing report."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from citydip.cli.app import app, open_chosen_store
from citydip.cli.render import render


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"


@app.command()
def report(
    names: list[str] = typer.Argument(..., help="One or more city names."),
    out: str = typer.Option(..., "--out", "-o", help="FILE.html, FILE.pdf, or - for stdout."),
    format: ReportFormat | None = typer.Option(
        None, "--format", "-f", help="html or pdf (default: from the file's extension; - is html)."
    ),
) -> None:
    """A briefing on one or more cities: summaries, Table 1, maps, timelines, bibliography."""
    from citydip.api import briefing_report

    fmt = None if format is None else format.value
    with open_chosen_store() as store:
        result = briefing_report(store, names, out=out, format=fmt, terminal=sys.stdout.isatty())
    render("report", result.format, result)
