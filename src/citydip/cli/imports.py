"""``citydip import wikidata|edges|pairs|table|memberships``: a file (or query) into the store.

Each command opens the store, calls one ``citydip.api`` import (one transaction) and
prints the summary. Bad input: one line, non-zero exit, the store unchanged.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

import typer

from citydip.cli.app import Format, app, open_chosen_store
from citydip.cli.examples import examples
from citydip.cli.progress import bars
from citydip.cli.render import render
from citydip.progress import Progress
from citydip.vocabulary import EdgeIds, SourceKind

import_app = typer.Typer(
    help="Import records: Wikidata, QID edge lists, pairs CSV, a city's own table, memberships.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")

FORMAT = typer.Option(Format.table, "--format", help="table (a summary) or json.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bars.")


def _bars(fmt: Format, quiet: bool) -> AbstractContextManager[Progress]:
    """Bars on a terminal unless ``--quiet`` or a machine-read format."""
    return bars(not quiet and fmt is Format.table)


@import_app.command("pairs", epilog=examples("import pairs"))
def import_pairs(
    file: Path = typer.Argument(..., help="CSV with columns city1,country1,city2,country2."),
    title: str | None = typer.Option(None, "--title", help="Title of the source."),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a pairs CSV (city1 lists city2 as a twin), e.g. Wikipedia's twin-town lists."""
    from citydip import api

    with open_chosen_store(create=True) as store, _bars(fmt, quiet) as progress:
        summary = api.import_pairs(store, file, title=title, progress=progress)
    render("import", fmt.value, summary)


@import_app.command("table", epilog=examples("import table"))
def import_table(
    file: Path = typer.Argument(..., help="CSV or JSON Lines: partner, country, kind, start..."),
    city: str | None = typer.Option(None, "--city", help="The city whose table this is."),
    city_country: str | None = typer.Option(None, "--city-country", help="Its country."),
    source_kind: SourceKind = typer.Option("official", "--source-kind", help="Kind of source."),
    title: str | None = typer.Option(None, "--title", help="Title of the source."),
    complete: bool = typer.Option(
        False, "--complete", help="The table is the city's complete official list."
    ),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a city's own table of ties (an international-affairs office's records)."""
    from citydip import api

    with open_chosen_store(create=True) as store, _bars(fmt, quiet) as progress:
        summary = api.import_table(
            store,
            file,
            city=city,
            city_country=city_country,
            source_kind=source_kind,
            title=title,
            complete=complete,
            progress=progress,
        )
    render("import", fmt.value, summary)


@import_app.command("memberships", epilog=examples("import memberships"))
def import_memberships(
    file: Path = typer.Argument(
        ..., help="CSV or JSON Lines: organisation, city, country, city_qid, role, since..."
    ),
    title: str | None = typer.Option(None, "--title", help="Title of the list (the source)."),
    url: str | None = typer.Option(None, "--url", help="Where the list is published."),
    publisher: str | None = typer.Option(None, "--publisher", help="Who publishes it."),
    date: str | None = typer.Option(None, "--date", help="As listed on (YYYY-MM-DD)."),
    source_kind: SourceKind = typer.Option("official", "--source-kind", help="Kind of source."),
    new_organisations: bool = typer.Option(
        False, "--new-organisations", help="Create organisations the store does not know."
    ),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a membership list: which cities belong to which networks, in which role."""
    from citydip import api

    with open_chosen_store(create=True) as store, _bars(fmt, quiet) as progress:
        summary = api.import_memberships(
            store,
            file,
            title=title,
            url=url,
            publisher=publisher,
            date=date,
            source_kind=source_kind,
            new_organisations=new_organisations,
            progress=progress,
        )
    render("import", fmt.value, summary)


@import_app.command("edges")
def import_edges(
    file: Path = typer.Argument(..., help="Two QIDs a line: a lists b (wdt:P190)."),
    ids: EdgeIds = typer.Option("wikidata", "--ids", help="What the ids are."),
    names: Path | None = typer.Option(None, "--names", help="QID<TAB>label file."),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a two-column edge list of Wikidata QIDs, with an optional names file."""
    from citydip import api

    with open_chosen_store(create=True) as store, _bars(fmt, quiet) as progress:
        summary = api.import_edges(store, file, names=names, ids=ids, progress=progress)
    render("import", fmt.value, summary)


@import_app.command("wikidata", epilog=examples("import wikidata"))
def import_wikidata(
    file: Path | None = typer.Argument(None, help="SPARQL JSON results or wbgetentities JSON."),
    online: str | None = typer.Option(
        None, "--online", help="Query the live endpoint: a SPARQL query, or QIDs (Q38283,Q1867)."
    ),
    cache: Path | None = typer.Option(None, "--cache", help="Folder for cached responses."),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import Wikidata P190 statements from a saved response, or live with --online."""
    from citydip import api

    with open_chosen_store(create=True) as store, _bars(fmt, quiet) as progress:
        summary = api.import_wikidata(store, file, query=online, cache=cache, progress=progress)
    render("import", fmt.value, summary)
