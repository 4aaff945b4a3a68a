"""The root Typer app, the global --db option and output helpers shared by commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

import typer

from citydip.store.database import Store

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


class State:
    """Options given before the command, kept for the command to use."""

    db: str | None = None


STATE = State()


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


def open_chosen_store(create: bool = False) -> Store:
    """The store chosen by --db / CITYDIP_DB, or the embedded default (built on first use);
    a --db path that does not exist is created only when ``create`` (imports)."""
    from citydip.stores import open_db

    return open_db(STATE.db, on_build=_building_status, create=create)


@contextmanager
def _building_status(path: Any) -> Iterator[Callable[[str, int], None]]:
    """A progress bar on stderr while the default store is built (first use): curated data,
    then the world's places, names and ties."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    steps = ("curated data", "places", "names", "ties", "memberships")
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        from rich.markup import escape

        task = progress.add_task(f"Building {escape(str(path))} (once)", total=len(steps))

        def advance(what: str, count: int) -> None:
            progress.update(task, advance=1, description=f"Building the store: {count:,} {what}")

        yield advance


def every(limit: int | None) -> int | None:
    """A listing's ``--limit``: 0 means every row (None to the library)."""
    return None if limit == 0 else limit


class Format(StrEnum):
    table = "table"
    json = "json"


def spinner(enabled: bool, text: str = "Computing") -> Any:
    """A transient spinner on stderr whose ``update(step)`` names the running step."""
    from contextlib import nullcontext

    if not enabled:
        return nullcontext(None)
    from rich.console import Console

    return Console(stderr=True).status(f"{text}…")


def write_output(out: str, data: str | bytes, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to the file ``out`` (atomically: a temporary file renamed, never
    through a symlink, never one of the command's ``inputs``) or, for ``-``, to stdout."""
    from pathlib import Path

    from citydip.files import write_output as write

    write(Path(out), data, tuple(Path(i) for i in inputs))


def check_out(out: str) -> None:
    """Refuse an output that is a folder, a device or a pipe before any work is done:
    nothing is computed, nothing kept in the store (other problems, a missing folder or
    a full disk, are found when the file is written)."""
    from pathlib import Path

    from citydip.errors import OutputError
    from citydip.files import refuse_special

    if out != "-":
        if Path(out).is_dir():
            raise OutputError(f"{out}: is a folder; give a file name")
        refuse_special(Path(out), OutputError)


def console() -> Any:
    """A Rich console that reads no markup (data such as ``[/x] Evil`` or "[citation
    needed]" prints as written) and, off a terminal, prints full cells (cli/terminal.py)."""
    from citydip.cli.terminal import console as make

    return make()
