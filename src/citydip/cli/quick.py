"""The common read commands answered without Typer.

Importing Typer and building its tree of 36 commands costs more CPU than the rest of a
``citydip city NAME`` (issue 21). The commands below are read here from plain command
lines (``city Bristol -f json``, ``--db PATH cities -n 10``) and run exactly as their Typer
commands run them: the same library call, the same renderer. Any other command line (help,
a misspelt option, a bad value, ``--opt=value``, an unknown command) gets ``None`` and is
left to Typer, which reads it, or says what is wrong, as always. ``tests/cli/test_quick.py``
checks that both readings agree: the same options, the same output.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from citydip.cli.render import render
from citydip.cli.session import ORG_LIMIT, STATE, every, open_chosen_store, spinner


@dataclass(frozen=True)
class Option:
    """One option of a command: ``kind`` is flag, text, int (digits only), choice or many
    (repeatable text); ``default`` is what the command gets when it is not given; ``help``
    is what ``--help`` says of it (``cli/app.py``'s ``typer_command`` declares it to Typer)."""

    key: str
    names: tuple[str, ...]
    kind: str = "text"
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    help: str | None = None


@dataclass(frozen=True)
class Command:
    """A command line ``path`` with between ``least`` and ``most`` (None: any) arguments,
    given to ``run`` as a list; for ``--help``: the arguments' ``argument`` name and
    ``argument_help``, the command's ``doc`` and the key of its ``examples`` (epilog)."""

    path: tuple[str, ...]
    least: int
    most: int | None
    options: tuple[Option, ...]
    run: Callable[[list[str], dict[str, Any]], None]
    argument: str = "name"
    argument_help: str = ""
    doc: str = ""
    examples: str | None = None


def _format(*choices: str, short: bool = True, help: str | None = None) -> Option:
    names = ("--format", "-f") if short else ("--format",)
    return Option("format", names, "choice", choices[0], choices, help=help)


MERGE = Option(
    "merge_districts",
    ("--merge-districts",),
    "flag",
    False,
    help="Count the ties of a city's districts as its own.",
)
# The network filter's seven options, declared once: every network command takes them
# (``cli/network.py``'s ``network_filters``) and the commands below read them.
FILTERS = (
    Option("kind", ("--kind",), "many", help="Keep ties of this kind (repeatable)."),
    Option("status", ("--status",), "many", help="Keep ties of this status (repeatable)."),
    Option("since", ("--since",), "int", help="Ties that started in or after this year."),
    Option("until", ("--until",), "int", help="Ties that started in or before this year."),
    Option("level", ("--level",), "many", help="Keep places of this level (repeatable)."),
    Option("merge", ("--merge-districts",), "flag", False, help="Count districts as their city."),
    Option(
        "source",
        ("--source",),
        "many",
        help="Keep ties stated by this source id (repeatable), e.g. wikidata-p190-2016.",
    ),
)
SKIP_HEAVY = Option(
    "skip_heavy",
    ("--skip-heavy",),
    "flag",
    False,
    help="Skip diameter, mean distance and betweenness.",
)
EXACT = Option(
    "exact",
    ("--exact",),
    "flag",
    False,
    help="Exact betweenness, diameter and mean distance (a large graph's are estimated "
    "from sampled places otherwise; slow: a shortest-path search from every place).",
)
QUIET = Option("quiet", ("--quiet", "-q"), "flag", False, help="No progress display.")
HEAVY = (SKIP_HEAVY, EXACT, QUIET)


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


def _step(status: Any) -> Any:
    return (lambda step: status.update(f"Computing {step}…")) if status else None


def _network_stats(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import network_stats

    filters = _filters(o)
    with open_chosen_store() as store, spinner(not o["quiet"]) as bar:
        result = network_stats(
            store, filters, heavy=not o["skip_heavy"], progress=_step(bar), exact=o["exact"]
        )
    render("network stats", o["format"], result)


def _network_city(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import network_city

    filters = _filters(o)
    with open_chosen_store() as store, spinner(not o["quiet"]) as bar:
        result = network_city(
            store,
            args[0],
            filters=filters,
            heavy=not o["skip_heavy"],
            wave_gap=o["wave_gap"],
            progress=_step(bar),
            exact=o["exact"],
        )
    render("network city", o["format"], result)


def _network_top(args: list[str], o: dict[str, Any]) -> None:
    from citydip.api import network_top

    filters = _filters(o)
    with open_chosen_store() as store, spinner(not o["quiet"]) as bar:
        result = network_top(
            store,
            by=o["by"],
            limit=every(o["limit"]),
            filters=filters,
            progress=_step(bar),
            exact=o["exact"],
        )
    render("network top", o["format"], result)


COMMANDS = (
    Command(
        ("city",),
        1,
        1,
        (_format("table", "json", "csv", "md", help="table, json, csv (ties) or md."), MERGE),
        _city,
        argument_help="City name in any script, or its id.",
        doc="A city's diplomacy: ties, memberships, activities and counts, each with its sources.",
        examples="city",
    ),
    Command(
        ("compare",),
        1,
        None,
        (_format("table", "md", "json", "csv", "html"), MERGE),
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
        (_format("table", "json"),),
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
                ("ties", "name"),
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
            _format("table", "json", "csv"),
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
            _format("table", "json", "csv", "md", "geojson"),
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
        (_format("table", "json", "csv"),),
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
            _format("table", "json", "csv", "md"),
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
        (_format("table", "json", short=False, help="table or json."), *HEAVY, *FILTERS),
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
            _format("table", "json", short=False, help="table or json."),
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
            Option(
                "by",
                ("--by",),
                "text",
                "degree",
                help="degree, betweenness, eigenvector, pagerank, coreness.",
            ),
            Option(
                "limit",
                ("--limit", "-n"),
                "int",
                20,
                minimum=0,
                help="How many places (0: every one).",
            ),
            _format("table", "json", "csv", short=False, help="table, json or csv."),
            EXACT,
            QUIET,
            *FILTERS,
        ),
        _network_top,
        doc="The best-ranked places by one centrality.",
    ),
)
BY_PATH = {command.path: command for command in COMMANDS}

_DIGITS = re.compile(r"[0-9]+")


def quick_command(args: list[str]) -> Callable[[], None] | None:
    """The command line ``args`` as a call that runs it, or None when Typer should read it."""
    if os.environ.get("_CITYDIP_COMPLETE"):
        return None  # shell completion: Typer's
    db = None
    if args[:1] == ["--db"]:
        if len(args) < 2 or not args[1] or args[1].startswith("-"):
            return None
        db, args = args[1], args[2:]
    command = BY_PATH.get(tuple(args[:1])) or BY_PATH.get(tuple(args[:2]))
    if command is None:
        return None
    read = _read(command, args[len(command.path) :])
    if read is None:
        return None
    arguments, options = read

    def call() -> None:
        STATE.db = db if db is not None else (os.environ.get("CITYDIP_DB") or None)
        command.run(arguments, options)

    return call


def _read(command: Command, tokens: list[str]) -> tuple[list[str], dict[str, Any]] | None:
    """The arguments and options of ``tokens``, or None for anything but the plain forms."""
    by_name = {name: option for option in command.options for name in option.names}
    arguments: list[str] = []
    given: dict[str, Any] = {}
    rest = list(tokens)
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            arguments.append(token)
            continue
        option = by_name.get(token)
        if option is None:
            return None  # --help, --opt=value, -fjson, --, a typo: Typer's to read
        if option.kind == "flag":
            given[option.key] = True
            continue
        if not rest or rest[0].startswith("-"):
            return None
        value = _value(option, rest.pop(0))
        if value is None:
            return None
        if option.kind == "many":
            given.setdefault(option.key, []).append(value)
        elif option.key in given:
            return None  # given twice
        else:
            given[option.key] = value
    if len(arguments) < command.least or (
        command.most is not None and len(arguments) > command.most
    ):
        return None
    options = {option.key: option.default for option in command.options}
    return arguments, options | given


def _value(option: Option, text: str) -> Any:
    """``text`` as the option's value, or None when it is not plainly one."""
    if option.kind == "int":
        if not _DIGITS.fullmatch(text):
            return None
        number = int(text)
        return None if option.minimum is not None and number < option.minimum else number
    if option.kind == "choice":
        return text if text in option.choices else None
    return text
