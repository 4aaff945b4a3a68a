"""``citydip network stats|city|homophily|communities|countries|export``: the twinning graph.

Each command opens the store, builds the graph under the filters (analysis.network.graph),
calls one library function and renders it. Heavy statistics show a progress line on
stderr and are skipped with --skip-heavy. An empty graph is one line and exit 1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from citydip.cli.app import Format, app, console, emit_json, open_chosen_store

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
FORMAT = typer.Option(Format.table, "--format", help="table or json.")
SKIP_HEAVY = typer.Option(
    False, "--skip-heavy", help="Skip diameter, mean distance and betweenness."
)
QUIET = typer.Option(False, "--quiet", "-q", help="No progress display.")


def _network(
    kind: list[str] | None,
    status: list[str] | None,
    since: int | None,
    until: int | None,
    level: list[str] | None,
    merge: bool,
) -> Any:
    """The filtered graph of the chosen store; NotFound (one line) when it has no tie."""
    from citydip.analysis.network.graph import GraphFilter, build_network, require_ties

    filters = GraphFilter.of(kind, status, since, until, level, merge)
    with open_chosen_store() as store:
        network = build_network(store, filters)
        require_ties(network, store)
    return network


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str], None] | None]:
    """A transient spinner on stderr naming the running step, or nothing."""
    from citydip.analysis.network.graph import igraph_errors

    if not enabled:
        with igraph_errors():
            yield None
        return
    from rich.console import Console

    with igraph_errors(), Console(stderr=True).status("Computing…") as status:
        yield lambda step: status.update(f"Computing {step}…")


def _show(rows: list[tuple[str, Any]], title: str | None = None) -> None:
    out = console()
    if title:
        out.print(title, style="bold")
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out.print(f"  {key.ljust(width)}  {_fmt(value)}", markup=False)


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v)}" for k, v in value.items()) or "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


@network_app.command("stats")
def stats(
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
    fmt: Format = FORMAT,
    skip_heavy: bool = SKIP_HEAVY,
    quiet: bool = QUIET,
) -> None:
    """Nodes, edges, components, degrees, assortativity, clustering, distances, tail fit."""
    from citydip.analysis.network.stats import network_stats

    network = _network(kind, status, since, until, level, merge)
    with _progress(not quiet) as step:
        result = network_stats(network, heavy=not skip_heavy, progress=step)
    if fmt is Format.json:
        emit_json(result)
        return
    law = result.pop("power_law")
    _show([(k, v) for k, v in result.items() if k != "skipped"], "Twinning network")
    if law is None:
        typer.echo("  power_law                 – (too few degrees to fit)")
    else:
        _show([(k, v) for k, v in law.items()], "Power-law fit of the degree tail")
    if result["skipped"]:
        typer.echo(f"skipped (--skip-heavy): {', '.join(result['skipped'])}")


@network_app.command("city")
def city(
    name: str = typer.Argument(..., help="City name or entity id."),
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
    wave_gap: int = typer.Option(
        5, "--wave-gap", help="Years between agreements that end a wave of them."
    ),
    fmt: Format = FORMAT,
    skip_heavy: bool = SKIP_HEAVY,
    quiet: bool = QUIET,
) -> None:
    """A city's place in the network: centrality and rank, reach, partners, waves."""
    from citydip.analysis.network.city import centralities, city_metrics
    from citydip.knowledge.lookup import find_city

    with open_chosen_store() as store:
        entity = find_city(store, name)
    network = _network(kind, status, since, until, level, merge)
    network.vertex(entity.id, entity.name)  # NotFound, in words, before any heavy work
    with _progress(not quiet) as step:
        centralities(network, heavy=not skip_heavy, progress=step)
        result = city_metrics(network, entity.id, heavy=not skip_heavy, wave_gap=wave_gap)
    if fmt is Format.json:
        emit_json(result)
        return
    _render_city(result)


@network_app.command("top")
def top(
    by: str = typer.Option(
        "degree", "--by", help="degree, betweenness, eigenvector, pagerank, coreness."
    ),
    limit: int = typer.Option(20, "--limit", help="How many places."),
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
    fmt: Format = FORMAT,
    quiet: bool = QUIET,
) -> None:
    """The best-ranked places by one centrality."""
    from citydip.analysis.network.city import top_cities

    network = _network(kind, status, since, until, level, merge)
    with _progress(not quiet) as step:
        if step:
            step(by)
        rows = top_cities(network, by, limit)
    if fmt is Format.json:
        emit_json(rows)
        return
    typer.echo(
        f"Top {len(rows)} by {by} of {network.nodes:,} places — {network.filters.describe()}"
    )
    for row in rows:
        typer.echo(f"  {row['rank']:>5}  {row['name']} ({row['country'] or '?'})  {_fmt(row[by])}")


def _render_city(result: dict[str, Any]) -> None:
    c = result["city"]
    rows: list[tuple[str, Any]] = [("partners", result["partners"])]
    rows.append(("by kind", result["degree_by_kind"]))
    for key, value in result["centrality"].items():
        if value is None:
            rows.append((key, "skipped (--skip-heavy)"))
        else:
            rows.append(
                (key, f"{_fmt(value['value'])}  (rank {value['rank']:,} of {value['of']:,})")
            )
    _show(rows, f"{c['name']} ({c['country'] or '?'}) in the network — {result['filters']}")
    r = result["reach"]
    _show(
        [
            ("countries", r["countries"]),
            ("continents", r["continents"]),
            ("by continent", r["by_continent"]),
            ("distance mean km", r["distance_km_mean"]),
            ("distance median km", r["distance_km_median"]),
            ("same continent", r["same_continent_share"]),
            ("country diversity", r["country_diversity"]),
            ("continent diversity", r["continent_diversity"]),
        ],
        "Reach",
    )
    p = result["partner_profile"]
    _show(
        [
            ("port cities", f"{_fmt(p['port_share'])}  {_fmt(p['ports'])}"),
            ("capitals", f"{_fmt(p['capital_share'])}  {_fmt(p['capitals'])}"),
            ("population", p["population_bands"]),
        ],
        "Partners",
    )
    t = result["time"]
    waves = [f"{w['from']}–{w['to']} ({w['ties']})" for w in t["waves"]]
    first, latest = t["first"], t["latest"]
    _show(
        [
            ("dated ties", f"{t['dated']} ({t['undated']} undated)"),
            ("per decade", t["per_decade"]),
            ("waves", waves),
            ("first", f"{first['year']} {first['partner']}" if first else None),
            ("latest", f"{latest['year']} {latest['partner']}" if latest else None),
        ],
        "Time",
    )


@network_app.command("homophily")
def homophily(
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
    fmt: Format = FORMAT,
) -> None:
    """Port–port and capital–capital mixing, population assortativity, tie distances."""
    from citydip.analysis.network.graph import igraph_errors
    from citydip.analysis.network.homophily import homophily as compute

    network = _network(kind, status, since, until, level, merge)
    with igraph_errors():
        result = compute(network)
    if fmt is Format.json:
        emit_json(result)
        return
    typer.echo(f"Homophily of {result['edges']:,} ties — {result['filters']}")
    for key in ("port", "capital", "same_country", "same_continent"):
        _show(list(result[key].items()), key.replace("_", " "))
    _show(list(result["population_assortativity"].items()), "population")
    _show(list(result["distance"].items()), "distance of tied pairs against random pairs")


@network_app.command("communities")
def communities(
    top: int = typer.Option(10, "--top", help="How many of the largest to describe."),
    resolution: float = typer.Option(1.0, "--resolution", help="Modularity resolution."),
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
    fmt: Format = FORMAT,
) -> None:
    """Leiden communities with their country make-up."""
    from citydip.analysis.network.communities import communities as compute
    from citydip.analysis.network.graph import igraph_errors

    network = _network(kind, status, since, until, level, merge)
    with igraph_errors():
        result = compute(network, top=top, resolution=resolution)
    if fmt is Format.json:
        emit_json(result)
        return
    typer.echo(
        f"{result['count']:,} communities, modularity {result['modularity']:.3f} "
        f"({result['algorithm']}) — {result['filters']}"
    )
    for c in result["communities"]:
        typer.echo(
            f"  #{c['community']}: {c['size']:,} places, {c['countries']} countries "
            f"({_fmt(c['top_countries'])}); best tied: {', '.join(c['best_tied'])}"
        )


@network_app.command("countries")
def countries(
    top: int = typer.Option(15, "--top", help="How many pairs and countries to list."),
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
    fmt: Format = FORMAT,
) -> None:
    """The country-level network: countries as nodes, ties between them as weights."""
    from citydip.analysis.network.communities import country_summary
    from citydip.analysis.network.graph import igraph_errors

    network = _network(kind, status, since, until, level, merge)
    with igraph_errors():
        result = country_summary(network, top=top)
    if fmt is Format.json:
        emit_json(result)
        return
    _show(
        [
            (k, result[k])
            for k in (
                "countries",
                "country_pairs",
                "international_ties",
                "domestic_ties",
                "ties_without_country",
            )
        ],
        f"Country network — {result['filters']}",
    )
    typer.echo("heaviest pairs:")
    for pair in result["heaviest_pairs"]:
        typer.echo(f"  {'–'.join(pair['countries'])}  {pair['ties']:,}")
    typer.echo("most tied countries (international ties, partner countries, domestic):")
    for c in result["most_tied_countries"]:
        typer.echo(
            f"  {c['country']}  {c['international_ties']:,}  {c['partner_countries']}  "
            f"{c['domestic_ties']:,}"
        )


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    geojson = "geojson"
    csv = "csv"


@network_app.command("export")
def export(
    fmt: ExportFormat = typer.Argument(..., help="graphml, gexf, geojson or csv."),
    out: Path = typer.Argument(..., help="Output file (a folder for csv)."),
    with_communities: bool = typer.Option(
        False, "--communities", help="Add each node's Leiden community."
    ),
    kind: list[str] | None = KIND,
    status: list[str] | None = STATUS,
    since: int | None = SINCE,
    until: int | None = UNTIL,
    level: list[str] | None = LEVEL,
    merge: bool = MERGE,
) -> None:
    """Write the graph for Gephi, QGIS, R: GraphML, GEXF, GeoJSON lines, CSV lists."""
    from citydip.analysis.network.communities import find_communities
    from citydip.analysis.network.export import export as write
    from citydip.analysis.network.graph import igraph_errors

    network = _network(kind, status, since, until, level, merge)
    with igraph_errors():
        if with_communities:
            find_communities(network)
        files = write(network, fmt.value, out)
    typer.echo(f"{network.nodes:,} places, {network.edges:,} ties → {', '.join(map(str, files))}")
