"""The options of the common read commands, declared once (``cli/commands.py`` declares
the commands): ``cli/quick.py`` reads them without Typer, ``cli/app.py``'s ``typer_option``
declares them to Typer, with the same names, defaults, choices, bounds and help."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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


def format_option(*choices: str, short: bool = True, help: str | None = None) -> Option:
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
