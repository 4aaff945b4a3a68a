"""The console every command prints through: no markup read from data, and full cells when
the output is not a terminal (a pipe, a file): tables are as wide as their content instead
of being cut at 80 columns ("attribut…", "mofa-toy…")."""

from __future__ import annotations

import sys
from typing import Any

UNBOUNDED = 100_000  # columns: wide enough for any table's natural width


class FullWidthConsole:
    """A Rich console; off a terminal each renderable is printed at its own natural width."""

    def __init__(self, stderr: bool = False) -> None:
        from rich.console import Console

        stream = sys.stderr if stderr else sys.stdout
        self.terminal = stream.isatty()
        self.console = Console(
            file=stream,
            highlight=False,
            soft_wrap=False,
            markup=False,
            emoji=False,
            width=None if self.terminal else UNBOUNDED,
        )

    def print(self, *objects: Any, **kwargs: Any) -> None:
        if self.terminal or "width" in kwargs:
            self.console.print(*objects, **kwargs)
            return
        widths = [
            self.console.measure(obj).maximum
            if not isinstance(obj, str)
            else max((len(line) for line in obj.splitlines()), default=0)
            for obj in objects
        ]
        width = max([80, *widths])
        self.console.print(*objects, width=min(width, UNBOUNDED), **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


def console(stderr: bool = False) -> Any:
    """The console to print tables and text with (see the module's docstring)."""
    return FullWidthConsole(stderr=stderr)
