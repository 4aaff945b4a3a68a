"""The one cache of derived results (store/derived.py): kept per store revision, computed
again after any write: an import, a review decision, an update, a rebuild."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citydip import api
from citydip.store import Store, open_store
from citydip.store.derived import remember
from citydip.store.models import Claim, Entity, Source


def _counting(values: list[int]) -> Callable[[], int]:
    def compute() -> int:
        values.append(len(values) + 1)
        return values[-1]

    return compute


def test_remember_computes_once_per_revision(store: Store) -> None:
    calls: list[int] = []
    assert remember(store, "test:count", _counting(calls)) == 1
    assert remember(store, "test:count", _counting(calls)) == 1 and calls == [1]
    with store.transaction():
        store.set_meta("note", "a write")
    assert remember(store, "test:count", _counting(calls)) == 2 and calls == [1, 2]


def test_an_entry_of_another_shape_is_computed_again(store: Store) -> None:
    remember(store, "test:shape", lambda: {"old": 1})
    value = remember(store, "test:shape", lambda: {"new": 2}, load=lambda d: {"new": d["new"]})
    assert value == {"new": 2}


def _everything(store: Store) -> dict[str, Any]:
    """Every cached result the faces ask for, as plain data."""
    return {
        "stats": api.network_stats(store).to_dict(),
        "city": api.network_city(store, "Yokohama").to_dict(),
        "top": api.network_top(store, by="betweenness", limit=5).to_dict(),
        "homophily": api.network_homophily(store).to_dict(),
        "communities": api.network_communities(store).to_dict(),
        "countries": api.network_countries(store).to_dict(),
        "overview": api.network_overview(store).to_dict(),
        "conflicts": api.list_conflicts(store).total,
        "cities": api.search_cities(store, limit=5).to_dict(),
    }


def _cached_revisions(store: Store) -> set[str]:
    return {str(r[0]) for r in store.conn.execute("SELECT revision FROM derived")}


def _new_tie(store: Store, review: str) -> int:
    """A tie from Yokohama to a place of its own (extracted and proposed, or accepted)."""
    with store.transaction():
        store.add_source(Source(id="test-src", title="A test source", kind="news"))
        store.add_entity(Entity(id="newtown", type="place", name="Newtown", country="FR"))
        store.add_names("newtown", [("Newtown", "")])
        store.add_claim(
            Claim(
                subject="yokohama",
                predicate="twinned_with",
                object="newtown",
                source_id="test-src",
                start="2001",
                kind="friendship",
                method="extracted",
                review=review,
            )
        )
    row = store.conn.execute("SELECT id FROM claims WHERE object = 'newtown'").fetchone()
    return int(row[0])


def _import(store: Store, tmp_path: Path, **_: Any) -> Store:
    csv = tmp_path / "new.csv"
    csv.write_text("city1,country1,city2,country2\nYokohama,Japan,Xyzzy Hamlet,France\n")
    api.import_pairs(store, csv)
    return store


def _review(store: Store, tmp_path: Path, **_: Any) -> Store:
    claim = _new_tie(store, "proposed")
    api.review(store, "accepted", ids=[claim])
    return store


def _update(store: Store, tmp_path: Path, sparql_server: Any = None, **_: Any) -> Store:
    from citydip.ingest.wikidata_update import UpdateOptions

    options = UpdateOptions(endpoint=sparql_server.url, page_size=5, min_interval=0.0, backoff=0.0)
    api.update_wikidata(store, options, folder=tmp_path / "pages")
    return store


def _rebuild(store: Store, tmp_path: Path, **_: Any) -> Store:
    from citydip.stores import rebuild

    _new_tie(store, "accepted")  # a write, so that the rebuild changes the answers back
    path = store.path
    store.close()
    rebuild(path, world=False, drop_imports=True)
    return open_store(path)


@pytest.mark.parametrize("write", [_import, _review, _update, _rebuild])
def test_every_kind_of_write_makes_every_cached_result_stale(
    write: Callable[..., Store], store: Store, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    server = request.getfixturevalue("sparql_server") if write is _update else None
    if write is _rebuild:
        _new_tie(store, "accepted")  # so that the rebuilt store answers otherwise
    before = _everything(store)
    revision = store.revision
    assert _cached_revisions(store) == {revision}
    changed = write(store, tmp_path, sparql_server=server)
    try:
        assert changed.revision != revision
        after = _everything(changed)
        assert _cached_revisions(changed) == {changed.revision}
        assert after["stats"]["edges"] != before["stats"]["edges"]
        assert after["overview"]["ties"] == after["stats"]["edges"]
        assert after["top"] != before["top"] or after["city"] != before["city"]
        assert after["cities"]["total"] != before["cities"]["total"] or write is _update
    finally:
        changed.close()
