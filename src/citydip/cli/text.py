"""``citydip extract``, ``citydip check`` and ``citydip review``: claims read from documents."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from citydip.cli.app import Format, app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.progress import bars
from citydip.cli.render import render
from citydip.vocabulary import ReviewDecision

review_app = typer.Typer(
    help="Review extracted claims: list, accept or reject (only accepted claims are shown).",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

FILE = typer.Argument(..., help="A .txt, .md, .html or .pdf document.")
ENCODING = typer.Option("utf-8", "--encoding", help="Text encoding of .txt/.md/.html files.")


@app.command("extract", epilog=examples("extract"))
def extract_command(
    path: Path = FILE,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    save: bool = typer.Option(False, "--save", help="Store the claims as proposed, for review."),
    encoding: str = ENCODING,
) -> None:
    """Candidate claims of a document: ties, counts, memberships, awards, programmes..."""
    from citydip.api import extract_document

    with open_chosen_store() as store, bars() as progress:  # a PDF's pages
        result = extract_document(store, path, save=save, encoding=encoding, progress=progress)
    render("extract", fmt.value, result)


@app.command("check")
def check_command(
    path: Path = FILE,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    encoding: str = ENCODING,
) -> None:
    """A document's claims against the store and each other: agreements, new, contradictions."""
    from citydip.api import check_document

    with open_chosen_store() as store, bars() as progress:  # a PDF's pages
        result = check_document(store, path, encoding=encoding, progress=progress)
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
