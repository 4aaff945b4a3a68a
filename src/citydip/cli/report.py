"""``citydip report A [B …] --out FILE.html|FILE.pdf``: the briefing report."""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from citydip.cli.app import app, check_out, open_chosen_store, write_output


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
    from citydip.api import briefing
    from citydip.report.briefing import render_html

    chosen = format or (ReportFormat.pdf if out.lower().endswith(".pdf") else ReportFormat.html)
    if chosen is ReportFormat.pdf and out == "-" and sys.stdout.isatty():
        typer.echo("not writing a PDF to a terminal; give --out FILE.pdf", err=True)
        raise typer.Exit(2)
    check_out(out)
    with open_chosen_store() as store:
        content = briefing(store, names)
    html = render_html(content)
    if chosen is ReportFormat.pdf:
        from citydip.report.pdf import html_to_pdf

        write_output(out, html_to_pdf(html))
    else:
        write_output(out, html)
    if out != "-":
        typer.echo(f"wrote {out}", err=True)
