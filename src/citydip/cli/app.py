"""The root Typer app, the global --db option and output helpers shared by commands."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer

from citydip.cli.options import Command, Option
from citydip.cli.session import STATE as STATE
from citydip.cli.session import every as every
from citydip.cli.session import open_chosen_store as open_chosen_store

app = typer.Typer(
    name="citydip",
    help="citydip: a sourced, offline city-diplomacy observatory.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion, on request only
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from citydip import __version__

        typer.echo(f"citydip {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: str | None = typer.Option(
        None, "--db", envvar="CITYDIP_DB", help="SQLite store to use (default: embedded store)."
    ),
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_version, help="Print the version and exit."
    ),
) -> None:
    """citydip: what cities do abroad, from sourced claims. Every answer names its sources."""
    STATE.db = db


class Format(StrEnum):
    table = "table"
    json = "json"


def console() -> Any:
    """A Rich console that reads no markup (data such as ``[/x] Evil`` or "[citation
    needed]" prints as written) and, off a terminal, prints full cells (cli/terminal.py)."""
    from citydip.cli.terminal import console as make

    return make()


def typer_option(option: Option) -> tuple[Any, Any]:
    """The annotation and ``typer.Option`` of an option declared in ``cli/commands.py``."""
    kinds: dict[str, Any] = {
        "flag": bool,
        "text": str if option.default is not None else str | None,
        "int": int if option.default is not None else int | None,
        "many": list[str] | None,
    }
    kind: Any
    if option.kind == "choice":
        choices: Any = StrEnum  # an enum of the choices: Typer shows and checks them
        kind = choices(option.key.title(), {c: c for c in option.choices})
    else:
        kind = kinds[option.kind]
    declared = typer.Option(option.default, *option.names, help=option.help, min=option.minimum)
    return kind, declared


def typer_command(command: Command) -> Callable[..., None]:
    """The Typer command of a command declared in ``cli/commands.py`` (its one declaration):
    the same options, help and library call, so that both readings of a command line agree."""
    import inspect
    from enum import Enum

    if command.most == 1:
        required = command.least == 1
        annotation: Any = str if required else str | None
        argument = typer.Argument(... if required else None, help=command.argument_help)
    else:
        annotation, argument = list[str], typer.Argument(..., help=command.argument_help)
    parameters = []
    if command.most != 0:
        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        parameters.append(
            inspect.Parameter(command.argument, kind, default=argument, annotation=annotation)
        )
    for option in command.options:
        annotation, declared = typer_option(option)
        parameters.append(
            inspect.Parameter(
                option.key, inspect.Parameter.KEYWORD_ONLY, default=declared, annotation=annotation
            )
        )

    def run(**values: Any) -> None:
        given = values.pop(command.argument, None) if command.most != 0 else None
        arguments = [] if given is None else [given] if isinstance(given, str) else list(given)
        options = {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}
        command.run(arguments, options)

    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__name__ = command.path[-1]
    run.__doc__ = command.doc
    return run


def add_command(group: typer.Typer, command: Command) -> None:
    """Register ``command`` (declared in ``cli/commands.py``) on ``group``."""
    from citydip.cli.examples import examples

    epilog = examples(command.examples) if command.examples else None
    group.command(command.path[-1], epilog=epilog)(typer_command(command))
