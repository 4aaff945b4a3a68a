"""The command-line shell: parse, call the library, render. No logic of its own."""

from __future__ import annotations

import importlib
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from citydip.cli.session import STATE

if TYPE_CHECKING:
    from typer._click.exceptions import UsageError

# Each module registers its commands on ``app`` when imported.
_COMMAND_MODULES = (
    "citydip.cli.profile",
    "citydip.cli.conflicts",
    "citydip.cli.directory",
    "citydip.cli.places",
    "citydip.cli.resolve",
    "citydip.cli.imports",
    "citydip.cli.network",
    "citydip.cli.text",
    "citydip.cli.report",
    "citydip.cli.serve",
    "citydip.cli.update",
    "citydip.cli.data",
    "citydip.cli.partners",
)


def _register() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name)


# The library names an argument by its field (InvalidInput.field); the CLI says its flag.
FLAGS = {
    "kind": "--kind",
    "status": "--status",
    "level": "--level",
    "since": "--since",
    "until": "--until",
    "by": "--by",
    "limit": "--limit",
    "top": "--top",
    "resolution": "--resolution",
    "wave_gap": "--wave-gap",
    "depth": "--depth",
    "source_kind": "--source-kind",
    "query": "--online",
    "ids": "--ids",
    "encoding": "--encoding",
    "source_url": "--url",
    "source_date": "--date",
    "min_members": "--min-members",
    "min_severity": "--min-severity",
    "organizations": "--org",
    "holdout": "--holdout",
    "seed": "--seed",
    "source": "--source",
    "format": "--format",
    "within_country": "--within-country/--abroad",
    "db": "--db",
    "endpoint": "--endpoint",
    "page_size": "--page-size",
    "timeout": "--stall-timeout",
    "deadline": "--deadline",
    "title": "--title",
    "out": "--out",
    "batch": "--batch",
    "countries": "--country",
    "force": "--force",
    "drop_imports": "--yes",
}


def error_line(exc: Exception) -> str:
    """A library error as one line, its argument named by the CLI flag."""
    from citydip.errors import DataError, InvalidInput

    if isinstance(exc, InvalidInput) and not isinstance(exc, DataError) and exc.field in FLAGS:
        return f"{FLAGS[exc.field]}: {exc.problem}"
    return str(exc)


def main(argv: list[str] | None = None, *, quick: bool = True) -> int:
    """Entry point of the ``citydip`` script: library errors become one line and an exit code.

    The common read commands are read by ``cli/quick.py`` without importing Typer; every
    other command line (every one, with ``quick`` False) goes to Typer. On a terminal, the
    library's default progress is the CLI's bars while the command runs (``cli/progress.py``)."""
    from citydip.cli.progress import install
    from citydip.cli.quick import quick_command
    from citydip.errors import CitydipError

    args = sys.argv[1:] if argv is None else list(argv)
    try:
        call = quick_command(args) if quick else None
        with install():
            return _typer_main(args) if call is None else _quick_main(call)
    except CitydipError as exc:
        print(error_line(exc), file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BrokenPipeError:
        return 0
    except (OSError, sqlite3.Error, RecursionError, UnicodeError, MemoryError) as exc:
        line, failure = unexpected_line(exc)
        print(line, file=sys.stderr)
        return failure


def _quick_main(call: Callable[[], None]) -> int:
    """Run a command read by ``cli/quick.py`` as Typer runs one: end of input is an abort,
    Ctrl-C exit code 130, a closed pipe exit code 1 with nothing more said."""
    try:
        call()
    except EOFError:
        print(file=sys.stderr)
        print("aborted", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = _Pacified(sys.stdout)
        sys.stderr = _Pacified(sys.stderr)
        return 1
    return 0


class _Pacified:
    """A stream whose flush ignores a closed pipe (the reader went away): nothing is said
    about it when Python flushes its streams at exit."""

    def __init__(self, wrapped: object) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        import errno

        try:
            self.wrapped.flush()  # type: ignore[attr-defined]
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> object:
        return getattr(self.wrapped, name)


def _typer_main(args: list[str]) -> int:
    """Any command line, read by Typer (its usage errors become one line too)."""
    import typer
    from typer._click import exceptions as click  # Typer vendors its Click

    from citydip.cli.app import app

    _register()
    try:
        code = app(args=args, prog_name="citydip", standalone_mode=False)
    except click.NoArgsIsHelpError as exc:
        text = exc.format_message()  # Typer's rich help is printed while it is formatted
        if text.strip():
            print(text)
        return 0
    except click.UsageError as exc:
        print(usage_line(exc), file=sys.stderr)
        return 2
    except click.ClickException as exc:
        print(" ".join(exc.format_message().split()), file=sys.stderr)
        return exc.exit_code
    except typer.Abort:
        print("aborted", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0


def usage_line(exc: UsageError) -> str:
    """A usage error on one line, like every other error: what, and where to read more."""
    where = exc.ctx.command_path if exc.ctx else "citydip"
    message = " ".join(exc.format_message().split())
    return f"{where}: {message} (see '{where} --help')"


def unexpected_line(exc: BaseException) -> tuple[str, int]:
    """An error no library call turned into ours (a full disk mid-way, a store corrupted
    under us): one line and its exit code, never a traceback."""
    import sqlite3

    from citydip.errors import StoreError
    from citydip.files import os_problem
    from citydip.store.database import store_failure

    if isinstance(exc, sqlite3.Error):
        from citydip.stores import chosen_db_path

        failure = store_failure(chosen_db_path(STATE.db), exc)
        return str(failure), StoreError.exit_code
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{os_problem(exc)}", 3
    if isinstance(exc, MemoryError):
        return "out of memory: the input is too large", 3
    return f"cannot process the input: {type(exc).__name__}: {exc}".splitlines()[0], 2


def run() -> None:
    sys.exit(main())
