"""The command-line shell: parse, call the library, render. No logic of its own."""

from __future__ import annotations

import importlib
import sqlite3
import sys

from citydip.cli.app import STATE, app

# Each module registers its commands on ``app`` when imported.
_COMMAND_MODULES = (
    "citydip.cli.profile",
    "citydip.cli.conflicts",
    "citydip.cli.directory",
    "citydip.cli.resolve",
    "citydip.cli.imports",
    "citydip.cli.network",
    "citydip.cli.text",
    "citydip.cli.update",
    "citydip.cli.data",
)


def _register() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``citydip`` script: library errors become one line and an exit code."""
    from citydip.errors import CitydipError

    _register()
    try:
        app(args=argv, prog_name="citydip")
    except CitydipError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BrokenPipeError:
        return 0
    except (OSError, sqlite3.Error, RecursionError, UnicodeError, MemoryError) as exc:
        line, code = unexpected_line(exc)
        print(line, file=sys.stderr)
        return code
    return 0


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
