"""``citydip import wikidata|edges|pairs|table``: a file (or a live query) into the store.

Each command opens the store, builds one batch (ingest.*), runs it in one transaction
(ingest.importing.run_import) and prints the summary. Bad input: one line, non-zero exit,
the store unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from citydip.cli.app import Format, app, emit_json, open_chosen_store

import_app = typer.Typer(
    help="Import twinning records: Wikidata, QID edge lists, pairs CSV, a city's own table.",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")

FORMAT = typer.Option(Format.table, "--format", help="table (a summary) or json.")
QUIET = typer.Option(False, "--quiet", "-q", help="No progress bars.")


def _run(build: Any, fmt: Format, quiet: bool) -> None:
    """Open the store, build the batch with ``build(store, progress)``, import, report."""
    from citydip.ingest.importing import run_import

    with open_chosen_store(create=True) as store:
        batch = build(store, not quiet and fmt is Format.table)
        summary = run_import(store, batch)
    if fmt is Format.json:
        emit_json(summary.to_dict())
        return
    typer.echo(
        f"{summary.source}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.unresolved} unresolved names, "
        f"{summary.conflicts} conflicts"
    )
    for item in summary.withdrawn[:20]:
        typer.echo(f"  withdrawn: {item['subject']} – {item['object']} (claim {item['claim']})")
    shown = summary.unresolved_names[:20]
    for row in shown:
        typer.echo(f"  {row['status']}: {row['name']!r} at {row['where']} ({row['reason']})")
    if len(summary.unresolved_names) > len(shown):
        more = len(summary.unresolved_names) - len(shown)
        typer.echo(f"  … and {more} more (--format json lists them all)")


@import_app.command("pairs")
def import_pairs(
    file: Path = typer.Argument(..., help="CSV with columns city1,country1,city2,country2."),
    title: str | None = typer.Option(None, "--title", help="Title of the source."),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a pairs CSV (city1 lists city2 as a twin), e.g. Wikipedia's twin-town lists."""
    from citydip.ingest.pairs import pairs_batch

    _run(lambda store, bar: pairs_batch(store, file, progress=bar, title=title), fmt, quiet)


@import_app.command("table")
def import_table(
    file: Path = typer.Argument(..., help="CSV or JSON Lines: partner, country, kind, start..."),
    city: str | None = typer.Option(None, "--city", help="The city whose table this is."),
    city_country: str | None = typer.Option(None, "--city-country", help="Its country."),
    source_kind: str = typer.Option("official", "--source-kind", help="official, news..."),
    title: str | None = typer.Option(None, "--title", help="Title of the source."),
    complete: bool = typer.Option(
        False, "--complete", help="The table is the city's complete official list."
    ),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a city's own table of ties (an international-affairs office's records)."""
    from citydip.ingest.table import table_batch

    def build(store: Any, bar: bool) -> Any:
        return table_batch(
            store, file, city, city_country, source_kind, title, complete, progress=bar
        )

    _run(build, fmt, quiet)


@import_app.command("edges")
def import_edges(
    file: Path = typer.Argument(..., help="Two QIDs a line: a lists b (wdt:P190)."),
    ids: str = typer.Option("wikidata", "--ids", help="What the ids are: wikidata."),
    names: Path | None = typer.Option(None, "--names", help="QID<TAB>label file."),
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """Import a two-column edge list of Wikidata QIDs, with an optional names file."""
    from citydip.errors import InvalidInput
    from citydip.ingest.edges import edges_batch

    if ids != "wikidata":
        raise InvalidInput(f"--ids: {ids!r} is not supported (only 'wikidata')")
    _run(lambda store, bar: edges_batch(store, file, names, progress=bar), fmt, quiet)


@import_app.command("wikidata")
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
    from citydip.errors import InvalidInput

    if (file is None) == (online is None):
        raise InvalidInput("import wikidata: give a FILE or --online QUERY, not both or neither")
    if file is not None:
        from citydip.ingest.wikidata import wikidata_file_batch

        _run(lambda store, bar: wikidata_file_batch(store, file, progress=bar), fmt, quiet)
        return
    from citydip.ingest.wikidata_online import online_batch

    assert online is not None
    _run(lambda store, bar: online_batch(store, online, cache, progress=bar), fmt, quiet)
