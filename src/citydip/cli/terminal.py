"""The console every command prints through: no markup read from data, and full cells when
the output is not a terminal (a pipe, a file): a table is as wide as its content, up to
``MAX_WIDTH`` columns (whatever ``COLUMNS`` says: it describes a terminal); a cell wider
than its column folds onto the next line instead of being cut ("attribut…", "mofa-toy…"),
and a longer line of text wraps at that width."""

from __future__ import annotations

import sys
from typing import Any

MAX_WIDTH = 200  # columns off a terminal (COLUMNS, often left at 80, does not apply there)


def max_width() -> int:
    """The widest output off a terminal."""
    return MAX_WIDTH


class FullWidthConsole:
    """A Rich console; off a terminal each renderable is printed at the natural width of
    its tables (at least 80, at most ``max_width()``), every cell in full."""

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
            width=None if self.terminal else max_width(),
        )

    def print(self, *objects: Any, **kwargs: Any) -> None:
        if self.terminal or "width" in kwargs:
            self.console.print(*objects, **kwargs)
            return
        bound = max_width()
        widths = [self._natural(obj) for obj in objects]
        width = min(max([80, *widths]), bound)
        for obj in objects:
            _fold_cells(obj)
        self.console.print(*objects, width=width, **kwargs)

    def _natural(self, obj: Any) -> int:
        """The width a renderable wants: its longest line, its tables' natural width."""
        from rich.console import Group

        if isinstance(obj, Group):
            return max((self._natural(part) for part in obj.renderables), default=0)
        if isinstance(obj, str):
            return max((len(line) for line in obj.splitlines()), default=0)
        options = self.console.options.update_width(10**5)
        return int(self.console.measure(obj, options=options).maximum)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console, name)


def _fold_cells(obj: Any) -> None:
    """Every table in ``obj`` takes its natural width, and every column folds a long cell
    instead of cutting it."""
    from rich.console import Group
    from rich.table import Table

    if isinstance(obj, Group):
        for part in obj.renderables:
            _fold_cells(part)
    elif isinstance(obj, Table):
        obj.expand = False  # as wide as its cells, not padded out to the widest line
        for column in obj.columns:
            column.overflow = "fold"


def console(stderr: bool = False) -> Any:
    """The console to print tables and text with (see the module's docstring)."""
    return FullWidthConsole(stderr=stderr)
