"""``citydip update wikidata``: fresh ties from the internet, into the store as a newer snapshot."""

from __future__ import annotations

import typer

from citydip.cli.app import Format, app, open_chosen_store
from citydip.cli.progress import bars
from citydip.cli.render import render

update_app = typer.Typer(
    help="Fetch fresh data from the internet into the store (resumable).",
    no_args_is_help=True,
)
app.add_typer(update_app, name="update")


@update_app.command("wikidata")
def update_wikidata(
    restart: bool = typer.Option(
        False, "--restart", help="Drop the pages of an unfinished fetch and start over."
    ),
    endpoint: str | None = typer.Option(
        None,
        "--endpoint",
        envvar="CITYDIP_WIKIDATA_SPARQL",
        help="SPARQL endpoint (default: https://query.wikidata.org/sparql).",
    ),
    page_size: int = typer.Option(5000, "--page-size", min=1, help="Statements a request."),
    memberships: bool = typer.Option(
        False, "--memberships", help="Also P463 (member of) for the networks the store knows."
    ),
    deadline: float = typer.Option(
        6 * 3600.0,
        "--deadline",
        min=1.0,
        help="Seconds for the whole fetch; then it stops (the pages are kept for the next run).",
    ),
    stall_timeout: float = typer.Option(
        120.0,
        "--stall-timeout",
        min=1.0,
        help="Seconds a page may take (or stall) before it is asked for again.",
    ),
    fmt: Format = typer.Option(Format.table, "--format", help="table (a summary) or json."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Fetch every Wikidata P190 tie (dates, end cause, references), paged and resumable.

    An interrupted run continues where it stopped. When all pages are in, they are
    imported in one transaction: ties gone from Wikidata since the last update are
    withdrawn, not deleted.
    """
    from citydip.api import update_wikidata as update

    with open_chosen_store(create=True) as store, bars(not quiet) as progress:
        try:
            summary = update(
                store,
                restart=restart,
                progress=progress,
                endpoint=endpoint,
                page_size=page_size,
                timeout=stall_timeout,
                deadline=deadline,
                memberships=memberships,
            )
        except KeyboardInterrupt:
            typer.echo(
                "interrupted: the store is unchanged; the pages fetched so far are kept and "
                "`citydip update wikidata` continues after them",
                err=True,
            )
            raise typer.Exit(130) from None
    render("update wikidata", fmt.value, summary)
