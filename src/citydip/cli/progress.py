"""The CLI's one implementation of :class:`citydip.progress.Progress`: Rich bars on stderr.

A bar per task name, transient (gone when its task finishes), drawn only when stderr is a
terminal. Rich is imported at the first report, so a command that reports nothing (the
common read commands of ``cli/quick.py``) never loads it. ``main`` makes it the library's
default (:func:`install`), so work started deep inside a call, such as the gazetteer index
built on first use, shows a bar too; a command that has its own reason to stay quiet
(``--quiet``, a machine-read format) passes :func:`citydip.progress.silent` instead.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from citydip.progress import Progress, set_default, silent

__all__ = ["Bars", "bars", "install"]


class Bars:
    """Rich bars on stderr, one per task name; a task is removed when ``done`` reaches its
    ``total``, and the display stops when no task is left (or at :meth:`stop`)."""

    def __init__(self, *, data: bool = False) -> None:
        self.data = data  # counts are bytes: sizes and speed instead of "done/total"
        self.display: Any = None
        self.tasks: dict[str, Any] = {}

    def __call__(self, task: str, done: int, total: int | None = None) -> None:
        if task not in self.tasks and total is not None and done >= total:
            return  # finished before it was shown: nothing to draw
        if self.display is None:
            self.display = self._start()
        bar = self.tasks.get(task)
        if bar is None:
            from rich.markup import escape

            bar = self.tasks[task] = self.display.add_task(escape(task), total=total)
        self.display.update(bar, completed=done, total=total)
        if total is not None and done >= total:
            self.display.remove_task(bar)
            del self.tasks[task]
            if not self.tasks:
                self.stop()

    def _start(self) -> Any:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TransferSpeedColumn,
        )

        counts = (DownloadColumn(), TransferSpeedColumn()) if self.data else (MofNCompleteColumn(),)
        columns = (TextColumn("{task.description}"), BarColumn(), *counts, TimeElapsedColumn())
        display = Progress(*columns, console=Console(stderr=True), transient=True)
        display.start()
        return display

    def stop(self) -> None:
        """Take the display off the screen (a command's end, or an error mid-way)."""
        if self.display is not None:
            self.display.stop()
            self.display = None
            self.tasks.clear()


def terminal() -> bool:
    """Whether stderr is a terminal (bars are drawn only there)."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def bars(enabled: bool = True, *, data: bool = False) -> Iterator[Progress]:
    """Bars for one command while it runs: :class:`Bars` when ``enabled`` and stderr is a
    terminal, else :func:`silent`."""
    if not (enabled and terminal()):
        yield silent
        return
    shown = Bars(data=data)
    try:
        yield shown
    finally:
        shown.stop()


@contextmanager
def install() -> Iterator[None]:
    """The library's default progress while a command runs: bars when stderr is a terminal
    (else it stays silent), taken down and put back at the end."""
    if not terminal():
        yield
        return
    shown = Bars()
    previous = set_default(shown)
    try:
        yield
    finally:
        shown.stop()
        set_default(previous)
