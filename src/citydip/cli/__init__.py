"""The command-line shell: parse, call the library, render. No logic of its own."""

from __future__ import annotations

import importlib
import sys

from citydip.cli.app import app

# Each module registers its commands on ``app`` when imported.
_COMMAND_MODULES = (
    "citydip.cli.profile",
    "citydip.cli.conflicts",
    "citydip.cli.directory",
    "citydip.cli.resolve",
    "citydip.cli.imports",
    "citydip.cli.network",
    "citydip.cli.text",
    "citydip.cli.report",
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
    return 0


def run() -> None:
    sys.exit(main())
