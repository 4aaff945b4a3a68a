"""What every command shares and what runs before Typer is imported: the store chosen by
``--db`` / ``CITYDIP_DB``, its first-use build with a progress bar, listing limits. No
Typer here, so that ``cli/quick.py`` answers the common commands without it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from citydip.store.database import Store


class State:
    """Options given before the command, kept for the command to use."""

    db: str | None = None


STATE = State()
ORG_LIMIT = 50  # members ``citydip org`` shows by default in the table and Markdown


def open_chosen_store(create: bool = False) -> Store:
    """The store chosen by --db / CITYDIP_DB, or the embedded default (built on first use);
    a --db path that does not exist is created only when ``create`` (imports). A build
    shows the library's default progress (the CLI's bars on a terminal: ``cli/progress.py``)."""
    from citydip.stores import open_db

    return open_db(STATE.db, create=create)


def every(limit: int | None) -> int | None:
    """A listing's ``--limit``: 0 means every row (None to the library)."""
    return None if limit == 0 else limit
