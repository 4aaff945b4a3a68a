"""What every command shares and what runs before Typer is imported: the store chosen by
``--db`` / ``CITYDIP_DB``, its first-use build with a progress bar, listing limits and the
spinner. No Typer here, so that ``cli/quick.py`` answers the common commands without it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from citydip.store.database import Store


class State:
    """Options given before the command, kept for the command to use."""

    db: str | None = None


STATE = State()
ORG_LIMIT = 50  # members ``citydip org`` shows by default in the table and Markdown


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


def spinner(enabled: bool, text: str = "Computing") -> Any:
    """A transient spinner on stderr whose ``update(step)`` names the running step."""
    from contextlib import nullcontext

    if not enabled:
        return nullcontext(None)
    from rich.console import Console

    return Console(stderr=True).status(f"{text}…")
