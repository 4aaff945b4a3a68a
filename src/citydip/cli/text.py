"""``citydip extract``, ``citydip check`` and ``citydip review``: claims read from documents."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from citydip.cli.app import Format, app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.render import render
from citydip.vocabulary import ReviewDecision

review_app = typer.Typer(
    help="Review extracted claims: list, accept or reject (only accepted claims are shown).",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

FILE = typer.Argument(..., help="A .txt, .md, .html or .pdf document.")
ENCODING = typer.Option("utf-8", "--encoding", help="Text encoding of .txt/.md/.html files.")


def _pdf_bar(path: Path) -> Any:
    """A page progress bar on stderr while a PDF is read, or None."""
    if path.suffix.lower() != ".pdf":
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    from rich.markup import escape

    task = progress.add_task(f"Reading {escape(path.name)}", total=None)

    def advance(done: int, total: int) -> None:
        if done == 1:
            progress.start()
        progress.update(task, completed=done, total=total)
        if done >= total:
            progress.stop()

    return advance


@app.command("extract", epilog=examples("extract"))
def extract_command(
    path: Path = FILE,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    save: bool = typer.Option(False, "--save", help="Store the claims as proposed, for review."),
    encoding: str = ENCODING,
) -> None:
    """Candidate claims of a document: ties, counts, memberships, awards, programmes..."""
    from citydip.api import extract_document

    with open_chosen_store() as store:
        result = extract_document(
            store, path, save=save, encoding=encoding, progress=_pdf_bar(path)
        )
    render("extract", fmt.value, result)


@app.command("check")
def check_command(
    path: Path = FILE,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    encoding: str = ENCODING,
) -> None:
    """A document's claims against the store and each other: agreements, new, contradictions."""
    from citydip.api import check_document

    with open_chosen_store() as store:
        result = check_document(store, path, encoding=encoding, progress=_pdf_bar(path))
    render("check", fmt.value, result)


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@review_app.command("list")
def review_list(
    source: str | None = typer.Option(None, "--source", help="Only this document's claims."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table, json or csv."),
) -> None:
    """Extracted claims waiting for review."""
    from citydip.api import proposed_claims

    with open_chosen_store() as store:
        claims = proposed_claims(store, source)
    render("review list", fmt.value, claims)


def _review(state: ReviewDecision, ids: list[int] | None, source: str | None, every: bool) -> None:
    from citydip.api import review

    with open_chosen_store() as store:
        result = review(store, state, ids=ids, source=source, every=every)
    render("review", "table", result)


IDS = typer.Argument(None, help="Claim ids (see `citydip review list`).")
SOURCE = typer.Option(None, "--source", help="Every proposed claim of this document source.")
EVERY = typer.Option(False, "--all", help="Every proposed claim.")


@review_app.command("accept")
def review_accept(
    ids: list[int] | None = IDS, source: str | None = SOURCE, every: bool = EVERY
) -> None:
    """Accept extracted claims: from now on they feed the views."""
    _review("accepted", ids, source, every)


@review_app.command("reject")
def review_reject(
    ids: list[int] | None = IDS, source: str | None = SOURCE, every: bool = EVERY
) -> None:
    """Reject extracted claims: kept in the store, never shown."""
    _review("rejected", ids, source, every)
