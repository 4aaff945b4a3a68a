"""One progress protocol for every long operation of the library.

A long operation (an import, a batch of names resolved, a PDF read, a network statistic,
a store or gazetteer index built, a download) takes ``progress: Progress | None = None``,
keyword-only, and calls it as ``progress(task, done, total)``: what it is doing, how many
units are done, out of how many (None while unknown). A task whose ``done`` reaches its
``total`` is finished. The library never draws anything: the faces do (the CLI's Rich bars
are in ``cli/progress.py``).

``None`` means the module's default, :func:`default` (silent unless a face set one with
:func:`set_default`): work started deep inside another call, such as the gazetteer index
built on first use, reports there. Pass :func:`silent` to report nothing at all.
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["Progress", "Steps", "chosen", "default", "set_default", "silent"]


class Progress(Protocol):
    """Told what a long operation is doing: ``(task, done, total or None)``."""

    def __call__(self, task: str, done: int, total: int | None = None) -> None: ...


def silent(task: str, done: int, total: int | None = None) -> None:
    """A progress that reports nothing."""


_DEFAULT: list[Progress] = [silent]


def default() -> Progress:
    """The progress a call given ``None`` reports to (silent unless a face set one)."""
    return _DEFAULT[0]


def set_default(progress: Progress | None) -> Progress:
    """Make ``progress`` (None: silent) the default; returns the one it replaces."""
    previous = _DEFAULT[0]
    _DEFAULT[0] = silent if progress is None else progress
    return previous


def chosen(progress: Progress | None) -> Progress:
    """``progress`` itself, or the default when it is None."""
    return _DEFAULT[0] if progress is None else progress


class Steps:
    """Named steps of unknown length told one after another: a step starts as
    ``(prefix + name, 0, None)`` and finishes as ``(prefix + name, 1, 1)`` when the next one
    starts or when :meth:`finish` is called."""

    def __init__(self, progress: Progress | None, prefix: str = "") -> None:
        self.progress, self.prefix = chosen(progress), prefix
        self.current: str | None = None

    def __call__(self, name: str) -> None:
        self.finish()
        self.current = self.prefix + name
        self.progress(self.current, 0, None)

    def finish(self) -> None:
        """Finish the running step, if any."""
        if self.current is not None:
            self.progress(self.current, 1, 1)
            self.current = None
