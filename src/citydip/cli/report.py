"""``citydip report A [B …] --out FILE.html|FILE.pdf``: the briefing report."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from citydip.cli.app import app, open_chosen_store, write_output


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"


EXTENSIONS = {".pdf": ReportFormat.pdf, ".html": ReportFormat.html, ".htm": ReportFormat.html}


def report_format(out: str, given: ReportFormat | None) -> ReportFormat:
    """The format asked for: ``--format``, else the file's extension (``-``: HTML); any
    other extension (``x.docx``) is refused rather than silently written as HTML."""
    from citydip.errors import InvalidInput

    if given is not None:
        return given
    if out == "-":
        return ReportFormat.html
    chosen = EXTENSIONS.get(Path(out).suffix.lower())
    if chosen is None:
        raise InvalidInput(
            f"{out}: a report is FILE.html or FILE.pdf; give --format html|pdf for another name",
            field="out",
        )
    return chosen


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
    from citydip.errors import InvalidInput
    from citydip.files import check_output
    from citydip.report.briefing import render_html

    check_output(Path(out))  # a missing folder, a folder, a device: refused before the work
    chosen = report_format(out, format)
    if chosen is ReportFormat.pdf and out == "-" and sys.stdout.isatty():
        raise InvalidInput("not writing a PDF to a terminal; give --out FILE.pdf", field="out")
    with open_chosen_store() as store:
        content = briefing(store, names)
    html = render_html(content)
    if chosen is ReportFormat.pdf:
        from citydip.report.pdf import html_to_pdf, pdf_warnings

        pdf = html_to_pdf(html)
        for line in pdf_warnings(html):
            typer.echo(f"warning: {line}", err=True)
        write_output(out, pdf)
    else:
        write_output(out, html)
    if out != "-":
        typer.echo(f"wrote {out}", err=True)
