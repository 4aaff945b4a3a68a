"""The common read commands, declared once: their arguments, options (``cli/options.py``),
help and library call. ``cli/quick.py`` reads their command lines without Typer (importing
Typer and building its tree costs more than the rest of ``citydip city NAME``, issue 21);
``cli/app.py``'s ``typer_command`` makes their Typer commands from the same declaration,
so that both readings of a command line agree."""

from __future__ import annotations

from typing import Any

from citydip.cli.options import EXACT, FILTERS, HEAVY, MERGE, QUIET, Command, Option, format_option
from citydip.cli.progress import bars
from citydip.cli.render import render
from citydip.cli.session import ORG_LIMIT, every, open_chosen_store
from citydip.vocabulary import CENTRALITIES, CITY_SORTS


def _city(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import city_profile

    with open_chosen_store() as store:
        render(
            "city", o["format"], city_profile(store, args[0], merge_districts=o["merge_districts"])
        )


def _compare(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import compare_cities

    with open_chosen_store() as store:
        render(
            "compare",
            o["format"],
            compare_cities(store, args, merge_districts=o["merge_districts"]),
        )


def _place(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import place_identity

    with open_chosen_store() as store:
        render("place", o["format"], place_identity(store, args[0]))


def _cities(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import search_cities

    query = args[0] if args else None
    limit, merge = every(o["limit"]), o["merge_districts"]
    with open_chosen_store() as store:
        found = search_cities(
            store, query, country=o["country"], sort=o["sort"], limit=limit, merge_districts=merge
        )
    render("cities", o["format"], found)


def _org(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import organization_members

    limit = o["limit"]
    if limit is None:
        limit = ORG_LIMIT if o["format"] in ("table", "md") else 0
    with open_chosen_store() as store:
        data = organization_members(store, args[0], limit=limit)
    render("org", o["format"], data)


def _orgs(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import list_organizations

    with open_chosen_store() as store:
        data = list_organizations(store, args[0] if args else None)
    render("orgs", o["format"], data)


def _conflicts(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import list_conflicts

    name = args[0] if args else None
    with open_chosen_store() as store:
        result = list_conflicts(
            store, name, limit=every(o["limit"]), kinds=o["kind"], min_severity=o["min_severity"]
        )
    render("conflicts", o["format"], result)


def _filters(o: dict[str, Any]) -> Any:
    from citydip.api import network_filter

    keys = ("kind", "status", "since", "until", "level", "merge", "source")
    return network_filter(*(o[k] for k in keys))


def _network_stats(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import network_stats

    filters = _filters(o)
    with open_chosen_store() as store, bars(not o["quiet"]) as progress:
        result = network_stats(
            store, filters, heavy=not o["skip_heavy"], progress=progress, exact=o["exact"]
        )
    render("network stats", o["format"], result)


def _network_city(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import network_city

    filters = _filters(o)
    with open_chosen_store() as store, bars(not o["quiet"]) as progress:
        result = network_city(
            store,
            args[0],
            filters=filters,
            heavy=not o["skip_heavy"],
            wave_gap=o["wave_gap"],
            progress=progress,
            exact=o["exact"],
        )
    render("network city", o["format"], result)


def _network_top(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import network_top

    filters = _filters(o)
    with open_chosen_store() as store, bars(not o["quiet"]) as progress:
        result = network_top(
            store,
            by=o["by"],
            limit=every(o["limit"]),
            filters=filters,
            progress=progress,
            exact=o["exact"],
        )
    render("network top", o["format"], result)


COMMANDS = (
    Command(
        ("city",),
        1,
        1,
        (format_option("table", "json", "csv", "md", help="table, json, csv (ties) or md."), MERGE),
        _city,
        argument_help="City name in any script, or its id.",
        doc="A city's diplomacy: ties, memberships, activities and counts, each with its sources.",
        examples="city",
    ),
    Command(
        ("compare",),
        1,
        None,
        (format_option("table", "md", "json", "csv", "html"), MERGE),
        _compare,
        argument="names",
        argument_help="Two or more city names.",
        doc="The essay's Table 1 for any cities, every cell derived by rule and sourced.",
        examples="compare",
    ),
    Command(
        ("place",),
        1,
        1,
        (format_option("table", "json"),),
        _place,
        argument_help="A place name in any script, or its id.",
        doc="Who a place is: ids, level, parent, districts, and why each of its names is its own.",
    ),
    Command(
        ("cities",),
        0,
        1,
        (
            Option("country", ("--country", "-c"), help="ISO code (JP) or name."),
            Option(
                "sort",
                ("--sort",),
                "choice",
                "ties",
                CITY_SORTS,
                help="ties (most first) or name.",
            ),
            Option(
                "limit",
                ("--limit", "-n"),
                "int",
                50,
                minimum=0,
                help="At most N places (0: every one).",
            ),
            Option(
                "merge_districts",
                ("--merge-districts",),
                "flag",
                False,
                help="Count districts as their city.",
            ),
            format_option("table", "json", "csv"),
        ),
        _cities,
        argument="query",
        argument_help="Part of a name, any script or accent.",
        doc="The store's places with their tie counts; search by name, filter by country.",
        examples="cities",
    ),
    Command(
        ("org",),
        1,
        1,
        (
            Option(
                "limit",
                ("--limit", "-n"),
                "int",
                help=f"At most N members (default {ORG_LIMIT} in table and md, all in json, csv "
                "and geojson); 0 for all.",
            ),
            format_option("table", "json", "csv", "md", "geojson"),
        ),
        _org,
        argument_help="Organization name or acronym (C40, UCLG...).",
        doc="An organization's members and their roles, each with its sources, and where the\n"
        "store's memberships come from.",
        examples="org",
    ),
    Command(
        ("orgs",),
        0,
        1,
        (format_option("table", "json", "csv"),),
        _orgs,
        argument="query",
        argument_help="Part of a name or acronym.",
        doc="Every organization with its number of members and signatories, most first.",
    ),
    Command(
        ("conflicts",),
        0,
        1,
        (
            Option(
                "limit",
                ("--limit", "-n"),
                "int",
                50,
                minimum=0,
                help="Show the N most severe (0: every one).",
            ),
            Option(
                "kind",
                ("--kind", "-k"),
                "many",
                help="Only this kind (repeatable): self-contradiction, official-list, count, "
                "membership, tie-kind, count-vs-list, date, status, withdrawn; or the notices "
                "unconfirmed, unresolved.",
            ),
            Option(
                "min_severity",
                ("--min-severity", "-s"),
                help="0-100, or high (70), medium (40), low.",
            ),
            format_option("table", "json", "csv", "md"),
        ),
        _conflicts,
        argument_help="Limit to one city or entity.",
        doc="Where sources disagree, most severe first; unconfirmed ties are counted apart.",
        examples="conflicts",
    ),
    Command(
        ("network", "stats"),
        0,
        0,
        (format_option("table", "json", short=False, help="table or json."), *HEAVY, *FILTERS),
        _network_stats,
        doc="Nodes, edges, components, degrees, assortativity, clustering, distances, tail fit.",
    ),
    Command(
        ("network", "city"),
        1,
        1,
        (
            Option(
                "wave_gap",
                ("--wave-gap",),
                "int",
                5,
                help="Years between agreements that end a wave of them.",
            ),
            format_option("table", "json", short=False, help="table or json."),
            *HEAVY,
            *FILTERS,
        ),
        _network_city,
        argument_help="City name or entity id.",
        doc="A city's place in the network: centrality and rank, reach, partners, waves.",
    ),
    Command(
        ("network", "top"),
        0,
        0,
        (
            Option("by", ("--by",), "choice", "degree", CENTRALITIES, help="The centrality."),
            Option(
                "limit",
                ("--limit", "-n"),
                "int",
                20,
                minimum=0,
                help="How many places (0: every one).",
            ),
            format_option("table", "json", "csv", short=False, help="table, json or csv."),
            EXACT,
            QUIET,
            *FILTERS,
        ),
        _network_top,
        doc="The best-ranked places by one centrality.",
    ),
)
BY_PATH = {command.path: command for command in COMMANDS}
