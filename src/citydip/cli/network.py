"""``citydip network stats|city|top|homophily|orgs|communities|countries|export``: the graph.

Each command opens the store, calls one ``citydip.api`` function with the filter object
built from its options, and renders the result. Every command but orgs shows a bar per
step on stderr (on a terminal, without --quiet: ``cli/progress.py``); heavy statistics are
skipped with --skip-heavy. An empty graph is one line and exit 1.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from citydip.cli import commands
from citydip.cli.app import add_command, app, open_chosen_store, typer_option
from citydip.cli.examples import examples
from citydip.cli.options import FILTERS
from citydip.cli.progress import bars
from citydip.cli.render import render
from citydip.vocabulary import ExportFormat

network_app = typer.Typer(
    help="Network analytics of the twinning graph: statistics, cities, communities, exports.",
    no_args_is_help=True,
)
app.add_typer(network_app, name="network")

QUIET = typer.Option(False, "--quiet", "-q", help="No progress display.")


class OrgsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class TableFormat(StrEnum):
    """The formats of homophily, communities and countries."""

    table = "table"
    json = "json"
    md = "md"
    csv = "csv"


TABLES = typer.Option(TableFormat.table, "--format", help="table, json, md or csv.")


# The network filter's options, declared once: every network command takes them (through
# ``network_filters``) and receives one ``filters`` (``citydip.api.network_filter``), as the
# web's network routes do.
FILTER_OPTIONS: tuple[tuple[str, Any, Any], ...] = tuple(
    (option.key, *typer_option(option)) for option in FILTERS
)


def network_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a network command the filter options of ``FILTER_OPTIONS``; the command takes
    them as one ``filters`` argument, the filter object of ``citydip.api``."""
    import functools
    import inspect

    signature = inspect.signature(command, eval_str=True)
    kept = [p for p in signature.parameters.values() if p.name != "filters"]
    options = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=kind)
        for name, kind, option in FILTER_OPTIONS
    ]

    @functools.wraps(command)
    def with_filters(**values: Any) -> None:
        from citydip.api import network_filter

        kind, status, since, until, level, merge, source = (
            values.pop(name) for name, _, _ in FILTER_OPTIONS
        )
        values["filters"] = network_filter(kind, status, since, until, level, merge, source)
        command(**values)

    with_filters.__signature__ = signature.replace(parameters=kept + options)  # type: ignore[attr-defined]
    return with_filters


# stats, city and top are declared once, in cli/commands.py (quick.py reads them too).
for _name in ("stats", "city", "top"):
    add_command(network_app, commands.BY_PATH[("network", _name)])


@network_app.command("homophily")
@network_filters
def homophily(
    fmt: TableFormat = TABLES,
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """Port–port and capital–capital mixing, population assortativity, tie distances."""
    from citydip.api import network_homophily

    with open_chosen_store() as store, bars(not quiet) as progress:
        result = network_homophily(store, filters, progress=progress)
    render("network homophily", fmt.value, result)


@network_app.command("orgs", epilog=examples("network orgs"))
@network_filters
def orgs(
    org: list[str] | None = typer.Option(
        None, "--org", help="An organization or declaration (repeatable); default: all."
    ),
    min_members: int = typer.Option(
        5, "--min-members", help="Without --org: groups of at least N members."
    ),
    fmt: OrgsFormat = typer.Option("table", "--format", help="table, json or csv."),
    filters: Any = None,
) -> None:
    """Shared members between networks, and whether members twin with each other more than
    chance predicts (observed ties among members against a stated expectation)."""
    from citydip.api import network_orgs

    with open_chosen_store() as store:
        result = network_orgs(
            store, organizations=org or None, min_members=min_members, filters=filters
        )
    render("network orgs", str(fmt.value), result)


@network_app.command("communities")
@network_filters
def communities(
    top: int = typer.Option(10, "--top", help="How many of the largest to describe."),
    resolution: float = typer.Option(1.0, "--resolution", help="Modularity resolution."),
    fmt: TableFormat = TABLES,
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """Leiden communities with their country make-up."""
    from citydip.api import network_communities

    with open_chosen_store() as store, bars(not quiet) as progress:
        result = network_communities(
            store, filters, top=top, resolution=resolution, progress=progress
        )
    render("network communities", fmt.value, result)


@network_app.command("countries")
@network_filters
def countries(
    top: int = typer.Option(15, "--top", help="How many pairs and countries to list."),
    fmt: TableFormat = TABLES,
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """The country-level network: countries as nodes, ties between them as weights."""
    from citydip.api import network_countries

    with open_chosen_store() as store, bars(not quiet) as progress:
        result = network_countries(store, filters, top=top, progress=progress)
    render("network countries", fmt.value, result)


@network_app.command("export", epilog=examples("network export"))
@network_filters
def export(
    fmt: ExportFormat = typer.Argument(..., help="The file format."),
    out: str = typer.Argument(..., help="Output file (a folder for csv); - for stdout."),
    with_communities: bool = typer.Option(
        False, "--communities", help="Add each node's Leiden community."
    ),
    city: str | None = typer.Option(
        None, "--city", help="Only this city's ego network (it, its partners, their ties)."
    ),
    depth: int = typer.Option(1, "--depth", help="With --city: 1 = partners, 2 = their partners."),
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """Write the graph for Gephi, QGIS, R: GraphML, GEXF, GeoJSON lines and points, CSV lists."""
    from citydip.api import network_export

    with open_chosen_store() as store, bars(not quiet) as progress:
        result = network_export(
            store,
            fmt,
            None if out == "-" else Path(out),
            filters=filters,
            with_communities=with_communities,
            city=city,
            depth=depth,
            progress=progress,
        )
    render("network export", "table", result)
