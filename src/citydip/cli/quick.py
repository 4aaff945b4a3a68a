"""The common read commands (``cli/commands.py``) answered without Typer.

They are read here from plain command lines (``city Bristol -f json``, ``--db PATH cities
-n 10``) and run exactly as their Typer commands run them: the same declaration, the same
library call, the same renderer. Any other command line (help, a misspelt option, a bad
value, ``--opt=value``, an unknown command) gets ``None`` and is left to Typer, which reads
it, or says what is wrong, as always. ``tests/cli/test_quick.py`` checks that both readings
agree: the same options, the same output.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from citydip.cli.commands import BY_PATH, COMMANDS
from citydip.cli.options import Command, Option
from citydip.cli.session import STATE

__all__ = ["COMMANDS", "quick_command"]

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
