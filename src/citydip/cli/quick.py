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
from citydip.vocabulary import CENTRALITIES, CITY_SORTS


@dataclass(frozen=True)
class Option:
    """One option of a command: ``kind`` is flag, text, int (digits only), choice or many
    (repeatable text); ``default`` is what the command gets when it is not given."""

    key: str
    names: tuple[str, ...]
    kind: str = "text"
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None


@dataclass(frozen=True)
class Command:
    """A command line ``path`` with between ``least`` and ``most`` (None: any) arguments."""

    path: tuple[str, ...]
    least: int
    most: int | None
    options: tuple[Option, ...]
    run: Callable[[list[str], dict[str, Any]], None]


def _format(*choices: str, short: bool = True) -> Option:
    names = ("--format", "-f") if short else ("--format",)
    return Option("format", names, "choice", choices[0], choices)


MERGE = Option("merge_districts", ("--merge-districts",), "flag", False)
FILTERS = (
    Option("kind", ("--kind",), "many"),
    Option("status", ("--status",), "many"),
    Option("since", ("--since",), "int"),
    Option("until", ("--until",), "int"),
    Option("level", ("--level",), "many"),
    Option("merge", ("--merge-districts",), "flag", False),
    Option("source", ("--source",), "many"),
)
HEAVY = (
    Option("skip_heavy", ("--skip-heavy",), "flag", False),
    Option("exact", ("--exact",), "flag", False),
    Option("quiet", ("--quiet", "-q"), "flag", False),
)


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
    Command(("city",), 1, 1, (_format("table", "json", "csv", "md"), MERGE), _city),
    Command(
        ("compare",), 1, None, (_format("table", "md", "json", "csv", "html"), MERGE), _compare
    ),
    Command(("place",), 1, 1, (_format("table", "json"),), _place),
    Command(
        ("cities",),
        0,
        1,
        (
            Option("country", ("--country", "-c")),
            Option("sort", ("--sort",), "choice", "ties", CITY_SORTS),
            Option("limit", ("--limit", "-n"), "int", 50, minimum=0),
            MERGE,
            _format("table", "json", "csv"),
        ),
        _cities,
    ),
    Command(
        ("org",),
        1,
        1,
        (
            Option("limit", ("--limit", "-n"), "int"),
            _format("table", "json", "csv", "md", "geojson"),
        ),
        _org,
    ),
    Command(("orgs",), 0, 1, (_format("table", "json", "csv"),), _orgs),
    Command(
        ("conflicts",),
        0,
        1,
        (
            Option("limit", ("--limit", "-n"), "int", 50, minimum=0),
            Option("kind", ("--kind", "-k"), "many"),
            Option("min_severity", ("--min-severity", "-s")),
            _format("table", "json", "csv", "md"),
        ),
        _conflicts,
    ),
    Command(
        ("network", "stats"),
        0,
        0,
        (*FILTERS, _format("table", "json", short=False), *HEAVY),
        _network_stats,
    ),
    Command(
        ("network", "city"),
        1,
        1,
        (
            *FILTERS,
            Option("wave_gap", ("--wave-gap",), "int", 5),
            _format("table", "json", short=False),
            *HEAVY,
        ),
        _network_city,
    ),
    Command(
        ("network", "top"),
        0,
        0,
        (
            Option("by", ("--by",), "choice", "degree", CENTRALITIES),
            Option("limit", ("--limit", "-n"), "int", 20, minimum=0),
            *FILTERS,
            _format("table", "json", short=False),
            Option("exact", ("--exact",), "flag", False),
            Option("quiet", ("--quiet", "-q"), "flag", False),
        ),
        _network_top,
    ),
)

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
    found = [c for c in COMMANDS if tuple(args[: len(c.path)]) == c.path]
    if not found:
        return None
    command = found[0]
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
