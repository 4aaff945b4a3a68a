"""Imports: a file (or a live Wikidata query) into the store, in one transaction.

Each call builds one batch (``ingest.*``) and runs it (``ingest.importing.run_import``).
Bad input raises before the store changes; a failed import leaves it as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from citydip.errors import InvalidInput
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.vocabulary import EDGE_IDS, SOURCE_KINDS, EdgeIds, SourceKind, choice

if TYPE_CHECKING:
    from citydip.ingest.importing import ImportBatch, ImportSummary
    from citydip.ingest.wikidata_update import UpdateOptions, UpdateSummary


def _run(store: Store, batch: ImportBatch) -> ImportSummary:
    from citydip.ingest.importing import run_import

    return run_import(store, batch)


def import_pairs(
    store: Store, file: Path, *, title: str | None = None, progress: Progress | None = None
) -> ImportSummary:
    """A pairs CSV (city1 lists city2 as a twin), e.g. Wikipedia's twin-town lists."""
    from citydip.ingest.pairs import pairs_batch

    return _run(store, pairs_batch(store, file, progress=progress, title=title))


def import_table(
    store: Store,
    file: Path,
    *,
    city: str | None = None,
    city_country: str | None = None,
    source_kind: SourceKind = "official",
    title: str | None = None,
    complete: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """A city's own table of ties (an international-affairs office's records)."""
    from citydip.ingest.table import table_batch

    source_kind = choice(source_kind, SOURCE_KINDS, "source_kind")
    batch = table_batch(
        store, file, city, city_country, source_kind, title, complete, progress=progress
    )
    return _run(store, batch)


def import_edges(
    store: Store,
    file: Path,
    *,
    names: Path | None = None,
    ids: EdgeIds = "wikidata",
    progress: Progress | None = None,
) -> ImportSummary:
    """A two-column edge list of Wikidata QIDs, with an optional QID<TAB>label file."""
    from citydip.ingest.edges import edges_batch

    choice(ids, EDGE_IDS, "ids")
    return _run(store, edges_batch(store, file, names, progress=progress))


def import_wikidata(
    store: Store,
    file: Path | None = None,
    *,
    query: str | None = None,
    cache: Path | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Wikidata P190 statements from a saved response, or live from a query (QIDs or SPARQL)."""
    if (file is None) == (query is None):
        raise InvalidInput(
            "give a saved response file or a live query, not both or neither", field="query"
        )
    if file is not None:
        from citydip.ingest.wikidata import wikidata_file_batch

        return _run(store, wikidata_file_batch(store, file, progress=progress))
    from citydip.ingest.wikidata_online import online_batch

    assert query is not None
    return _run(store, online_batch(store, query, cache, progress=progress))


def update_wikidata(
    store: Store,
    options: UpdateOptions | None = None,
    *,
    restart: bool = False,
    progress: Progress | None = None,
    folder: Path | None = None,
    endpoint: str | None = None,
    page_size: int | None = None,
    timeout: float | None = None,
    deadline: float | None = None,
    memberships: bool | None = None,
) -> UpdateSummary:
    """Fetch every Wikidata P190 tie (paged, resumable) and import it as a newer snapshot.

    Pages are kept under ``folder`` (default: ``<data home>/wikidata-p190``) until they are
    imported; ``restart`` drops the pages of an unfinished fetch. ``endpoint``,
    ``page_size``, ``timeout`` (seconds a page may stall), ``deadline`` (seconds for the
    whole fetch) and ``memberships`` (P463 too), when given, replace those of ``options``.
    """
    from dataclasses import replace

    from citydip.ingest.wikidata_update import UpdateOptions, update_world
    from citydip.paths import data_home

    chosen = options or UpdateOptions()
    if endpoint is not None:
        chosen = replace(chosen, endpoint=endpoint)
    if page_size is not None:
        chosen = replace(chosen, page_size=page_size)
    if timeout is not None:
        chosen = replace(chosen, timeout=timeout)
    if deadline is not None:
        chosen = replace(chosen, deadline=deadline)
    if memberships is not None:
        chosen = replace(chosen, memberships=memberships)
    where = folder or data_home() / "wikidata-p190"
    return update_world(store, where, chosen, restart, progress=progress)
