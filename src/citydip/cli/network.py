"""``citydip network stats|city|top|homophily|orgs|communities|countries|export``: the graph.

Each command opens the store, calls one ``citydip.api`` function with the filter object
built from its options, and renders the result. Heavy statistics show a progress line on
stderr and are skipped with --skip-heavy. An empty graph is one line and exit 1.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from citydip.cli.app import Format, app, open_chosen_store, spinner
from citydip.cli.examples import examples
from citydip.cli.render import render
from citydip.vocabulary import Centrality, ExportFormat

network_app = typer.Typer(
    help="Network analytics of the twinning graph: statistics, cities, communities, exports.",
    no_args_is_help=True,
)
app.add_typer(network_app, name="network")

KIND = typer.Option(None, "--kind", help="Keep ties of this kind (repeatable).")
STATUS = typer.Option(None, "--status", help="Keep ties of this status (repeatable).")
SINCE = typer.Option(None, "--since", help="Ties that started in or after this year.")
UNTIL = typer.Option(None, "--until", help="Ties that started in or before this year.")
LEVEL = typer.Option(None, "--level", help="Keep places of this level (repeatable).")
MERGE = typer.Option(False, "--merge-districts", help="Count districts as their city.")
SOURCE = typer.Option(
    None,
    "--source",
    help="Keep ties stated by this source id (repeatable), e.g. wikidata-p190-2016.",
)
FORMAT = typer.Option(Format.table, "--format", help="table or json.")


class OrgsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


SKIP_HEAVY = typer.Option(
    False, "--skip-heavy", help="Skip diameter, mean distance and betweenness."
)
QUIET = typer.Option(False, "--quiet", "-q", help="No progress display.")
EXACT = typer.Option(
    False,
    "--exact",
    help="Exact betweenness, diameter and mean distance (a large graph's are estimated "
    "from sampled places otherwise; slow: a shortest-path search from every place).",
)


# The network filter's options, declared once: every network command takes them (through
# ``network_filters``) and receives one ``filters`` (``citydip.api.network_filter``), as the
# web's network routes do.
FILTER_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("kind", list[str] | None, KIND),
    ("status", list[str] | None, STATUS),
    ("since", int | None, SINCE),
    ("until", int | None, UNTIL),
    ("level", list[str] | None, LEVEL),
    ("merge", bool, MERGE),
    ("source", list[str] | None, SOURCE),
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


def _step(status: Any) -> Any:
    return (lambda step: status.update(f"Computing {step}…")) if status else None


@network_app.command("stats")
@network_filters
def stats(
    fmt: Format = FORMAT,
    skip_heavy: bool = SKIP_HEAVY,
    exact: bool = EXACT,
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """Nodes, edges, components, degrees, assortativity, clustering, distances, tail fit."""
    from citydip.api import network_stats

    with open_chosen_store() as store, spinner(not quiet) as bar:
        result = network_stats(
            store, filters, heavy=not skip_heavy, progress=_step(bar), exact=exact
        )
    render("network stats", fmt.value, result)


@network_app.command("city")
@network_filters
def city(
    name: str = typer.Argument(..., help="City name or entity id."),
    wave_gap: int = typer.Option(
        5, "--wave-gap", help="Years between agreements that end a wave of them."
    ),
    fmt: Format = FORMAT,
    skip_heavy: bool = SKIP_HEAVY,
    exact: bool = EXACT,
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """A city's place in the network: centrality and rank, reach, partners, waves."""
    from citydip.api import network_city

    with open_chosen_store() as store, spinner(not quiet) as bar:
        result = network_city(
            store,
            name,
            filters=filters,
            heavy=not skip_heavy,
            wave_gap=wave_gap,
            progress=_step(bar),
            exact=exact,
        )
    render("network city", fmt.value, result)


@network_app.command("top")
@network_filters
def top(
    by: Centrality = typer.Option("degree", "--by", help="The centrality."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="How many places (0: every one)."),
    fmt: OrgsFormat = typer.Option(OrgsFormat.table, "--format", help="table, json or csv."),
    exact: bool = EXACT,
    quiet: bool = QUIET,
    filters: Any = None,
) -> None:
    """The best-ranked places by one centrality."""
    from citydip.api import network_top
    from citydip.cli.app import every

    with open_chosen_store() as store, spinner(not quiet) as bar:
        result = network_top(
            store, by=by, limit=every(limit), filters=filters, progress=_step(bar), exact=exact
        )
    render("network top", fmt.value, result)


@network_app.command("homophily")
@network_filters
def homophily(
    fmt: Format = FORMAT,
    filters: Any = None,
) -> None:
    """Port–port and capital–capital mixing, population assortativity, tie distances."""
    from citydip.api import network_homophily

    with open_chosen_store() as store:
        result = network_homophily(store, filters)
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
    fmt: Format = FORMAT,
    filters: Any = None,
) -> None:
    """Leiden communities with their country make-up."""
    from citydip.api import network_communities

    with open_chosen_store() as store:
        result = network_communities(store, filters, top=top, resolution=resolution)
    render("network communities", fmt.value, result)


@network_app.command("countries")
@network_filters
def countries(
    top: int = typer.Option(15, "--top", help="How many pairs and countries to list."),
    fmt: Format = FORMAT,
    filters: Any = None,
) -> None:
    """The country-level network: countries as nodes, ties between them as weights."""
    from citydip.api import network_countries

    with open_chosen_store() as store:
        result = network_countries(store, filters, top=top)
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
    filters: Any = None,
) -> None:
    """Write the graph for Gephi, QGIS, R: GraphML, GEXF, GeoJSON lines and points, CSV lists."""
    from citydip.api import network_export
    from citydip.cli.app import check_out, write_output

    target = None if out == "-" else Path(out)
    if fmt != "csv":  # csv writes into a folder
        check_out(out)
    with open_chosen_store() as store:
        result = network_export(
            store,
            fmt,
            target,
            filters=filters,
            with_communities=with_communities,
            city=city,
            depth=depth,
        )
    if target is None:
        write_output("-", result.text or "")
        typer.echo(f"{result.nodes:,} places, {result.edges:,} ties → stdout", err=True)
        return
    render("network export", "table", result)
