"""`update wikidata`: recorded pages served by a real loopback server with real paging."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citydip.api import update_wikidata
from citydip.errors import DataError, ImportFailed
from citydip.ingest.importing import snapshots
from citydip.ingest.wikidata import load_json, parse_sparql
from citydip.ingest.wikidata_online import retry_after
from citydip.ingest.wikidata_update import SOURCE_ID, UpdateOptions, page_keys
from citydip.store import Store

PAGES = Path(__file__).resolve().parents[1] / "data" / "wikidata-update"
STATEMENT = "http://www.wikidata.org/entity/statement/"
SIENA = STATEMENT + "Q3955-0fd85ae5-43f9-c766-a6a6-0dd6c0d8479b"


def _options(server: Any, **changes: Any) -> UpdateOptions:
    fields: dict[str, Any] = {"page_size": 5, "min_interval": 0.0, "backoff": 0.0}
    fields.update(changes)
    return UpdateOptions(endpoint=server.url, **fields)


def _update(store: Store, server: Any, folder: Path, **changes: Any) -> Any:
    restart = changes.pop("restart", False)
    return update_wikidata(store, _options(server, **changes), restart=restart, folder=folder)


def _ties(store: Store) -> dict[tuple[str, str], Any]:
    return {
        (c.qualifiers["wikidata"].split(">")[0], c.qualifiers["wikidata"].split(">")[1]): c
        for c in store.claims(source_id=SOURCE_ID, review=None)
    }


def _state(store: Store) -> tuple[int, int, int]:
    conn = store.conn
    return tuple(  # type: ignore[return-value]
        conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("claims", "entities", "sources")
    )


def test_parser_reads_the_new_fields() -> None:
    record = parse_sparql(load_json(PAGES / "page-2.json"), "page-2")
    ended = next(t for t in record.ties if t.object == "Q656")
    assert ended.end == "2022"  # year precision kept
    assert ended.end_cause == {"id": "Q110999040", "label": "Russian invasion of Ukraine"}
    assert record.coords["Q49218"] == (43.1573, -77.6152)
    assert record.geonames["Q3955"] == 2812479  # two ids given: the smallest, whatever the order
    assert record.countries["Q656"] == "RU"
    weimar = [t for t in record.ties if t.subject == "Q3955"]
    assert len(weimar) == 2 and all(len(t.references) == 1 for t in weimar)  # 2 rows, 1 tie


def test_update_imports_every_page_with_dates_causes_and_references(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    for row in sparql_server.rows:  # Weimar → Blois: a reference with P813 retrieved
        if row["statement"]["value"].endswith("e9d1f17716cc"):
            row["retrieved"] = {"type": "literal", "value": "2016-09-12T00:00:00Z"}
    summary = _update(store, sparql_server, tmp_path / "pages")
    assert sparql_server.names() == ["count", "page 1", "page 2", "page 3"]
    assert all(agent.startswith("citydip/") for *_, agent in sparql_server.log)
    assert (summary.pages, summary.statements, summary.expected) == (3, 13, 13)
    assert summary.imported.added == 13 and summary.imported.source == SOURCE_ID
    ties = _ties(store)
    blois = ties[("Q3955", "Q160927")]
    assert blois.start == "1995-02-18" and blois.status is None
    assert blois.qualifiers["references"] == [
        {"url": "http://stadt.weimar.de/ueber-weimar/partnerstaedte/", "retrieved": "2016-09-12"}
    ]
    ended = ties[("Q31487", "Q656")]
    assert (ended.end, ended.status) == ("2022", "ended")
    assert ended.qualifiers["end_cause"]["id"] == "Q110999040"
    # Curated Prague keeps its id (one QID, one place); Miami-Dade, which the gazetteer
    # cannot place, keeps Wikidata's coordinates and country.
    miami = ties[("Q1085", "Q468557")]
    assert miami.subject == "prague"
    county = store.entity(miami.object)
    assert county is not None and county.wikidata_id == "Q468557"
    assert (county.lat, county.lon, county.country) == (25.6364, -80.4989, "US")
    # Rochester is ambiguous in the gazetteer (13 in the US): Wikidata's GeoNames id is kept.
    rochester = store.entity(ties[("Q31487", "Q49218")].object)
    assert rochester is not None and rochester.geonames_id == 5134086
    manifest = json.loads((tmp_path / "pages" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["imported"] and not list((tmp_path / "pages").glob("page-*.json"))


def test_an_interrupted_fetch_resumes_after_its_last_page(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    before = _state(store)
    sparql_server.always["page 2"] = (500, {}, b"java.util.concurrent.TimeoutException")
    with pytest.raises(ImportFailed, match=r"/sparql page 2: HTTP 500; nothing was imported"):
        _update(store, sparql_server, tmp_path / "pages", retries=2)
    assert sparql_server.names() == ["count", "page 1", "page 2", "page 2", "page 2"]
    assert _state(store) == before  # nothing imported
    assert len(list((tmp_path / "pages").glob("page-*.json"))) == 1
    del sparql_server.always["page 2"]
    sparql_server.log.clear()
    summary = _update(store, sparql_server, tmp_path / "pages")
    assert sparql_server.names() == ["page 2", "page 3"]  # page 1 and the count are kept
    assert (summary.resumed_pages, summary.fetched_pages, summary.pages) == (1, 2, 3)
    assert summary.imported.added == 13


def test_restart_drops_the_saved_pages(store: Store, sparql_server: Any, tmp_path: Path) -> None:
    sparql_server.always["page 3"] = (503, {"Retry-After": "0"}, b"")
    with pytest.raises(ImportFailed, match="page 3: HTTP 503"):
        _update(store, sparql_server, tmp_path / "pages", retries=1)
    del sparql_server.always["page 3"]
    sparql_server.log.clear()
    summary = _update(store, sparql_server, tmp_path / "pages", restart=True)
    assert sparql_server.names() == ["count", "page 1", "page 2", "page 3"]
    assert summary.restarted and summary.resumed_pages == 0 and summary.imported.added == 13


def test_a_short_retry_after_is_honoured(store: Store, sparql_server: Any, tmp_path: Path) -> None:
    sparql_server.once["page 2"] = [(429, {"Retry-After": "1"}, b"Too Many Requests")]
    summary = _update(store, sparql_server, tmp_path / "pages")
    times = [t for t, name, _ in sparql_server.log if name == "page 2"]
    assert len(times) == 2 and times[1] - times[0] >= 0.95
    assert summary.imported.added == 13


def test_a_long_retry_after_is_refused_at_once(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    before = _state(store)
    sparql_server.always["page 1"] = (429, {"Retry-After": "3600"}, b"")
    started = time.monotonic()
    with pytest.raises(ImportFailed) as error:
        _update(store, sparql_server, tmp_path / "pages")
    assert time.monotonic() - started < 10
    message = str(error.value)
    assert "\n" not in message and "wait 3600 s, more than 120 s" in message
    assert sparql_server.names() == ["count", "page 1"] and _state(store) == before


def test_an_oversized_page_is_refused(store: Store, sparql_server: Any, tmp_path: Path) -> None:
    before = _state(store)
    with pytest.raises(ImportFailed) as error:
        _update(store, sparql_server, tmp_path / "pages", max_page_bytes=4000)
    message = str(error.value)
    assert "\n" not in message
    assert message.endswith(
        "page 1: the answer is larger than 4,000 bytes (the limit); nothing was imported"
    )
    assert _state(store) == before
    # Without a Content-Length the answer is counted as it streams in.
    name, _, _, body = sparql_server.answer('FILTER(?key > "") LIMIT 5')
    assert name == "page 1"
    sparql_server.once["page 1"] = [(200, {"Content-Length": ""}, body)]
    with pytest.raises(ImportFailed, match=r"page 1: the answer is larger than 4,000 bytes"):
        _update(store, sparql_server, tmp_path / "pages", max_page_bytes=4000)
    assert sparql_server.once["page 1"] == [] and _state(store) == before


def test_a_malformed_page_is_named_and_changes_nothing(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    before = _state(store)
    broken = {"head": {"vars": ["statement", "city", "partner"]}, "results": {"rows": []}}
    sparql_server.once["page 2"] = [(200, {}, json.dumps(broken).encode())]
    with pytest.raises(DataError) as error:
        _update(store, sparql_server, tmp_path / "pages")
    assert str(error.value) == (
        f"{sparql_server.url} page 2:1: results.bindings: missing or not a list"
    )
    assert _state(store) == before
    sparql_server.once["page 3"] = [(200, {}, b'{"head": {"vars": [')]
    with pytest.raises(ImportFailed, match=r"page 3: the answer is not JSON"):
        _update(store, sparql_server, tmp_path / "pages")
    assert _state(store) == before
    assert _update(store, sparql_server, tmp_path / "pages").imported.added == 13


def test_a_second_update_withdraws_a_tie_gone_from_wikidata(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    first = _update(store, sparql_server, tmp_path / "pages")
    assert first.imported.added == 13
    sparql_server.drop.add(SIENA)
    second = _update(store, sparql_server, tmp_path / "pages")
    assert (second.statements, second.imported.added, second.imported.unchanged) == (12, 0, 12)
    assert len(second.imported.withdrawn) == 1
    siena = _ties(store)[("Q3955", "Q2751")]
    assert siena.review == "rejected"  # withdrawn, kept
    assert second.imported.withdrawn[0]["claim"] == siena.id
    assert len(snapshots(store, SOURCE_ID)) == 2
    sparql_server.drop.clear()
    third = _update(store, sparql_server, tmp_path / "pages")
    assert third.imported.updated == 1 and _ties(store)[("Q3955", "Q2751")].review == "accepted"


def test_no_network_fails_at_once(store: Store, tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = _state(store)
    options = UpdateOptions(endpoint=f"http://127.0.0.1:{port}/sparql", min_interval=0)
    started = time.monotonic()
    with pytest.raises(ImportFailed, match=r"count: cannot connect .*no network\?") as error:
        update_wikidata(store, options, folder=tmp_path / "pages")
    assert time.monotonic() - started < 5 and "\n" not in str(error.value)
    assert _state(store) == before


def test_two_updates_at_once_are_refused(store: Store, sparql_server: Any, tmp_path: Path) -> None:
    from citydip.ingest.wikidata_pages import PageFolder

    with PageFolder(tmp_path / "pages").locked(), pytest.raises(ImportFailed, match="another"):
        _update(store, sparql_server, tmp_path / "pages")
    assert sparql_server.names() == []


def test_retry_after_in_seconds_or_as_a_date() -> None:
    from email.utils import format_datetime

    assert retry_after("7") == 7.0 and retry_after("") is None and retry_after("soon") is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: no wait
    later = datetime.now(UTC) + timedelta(seconds=90)
    assert 80 <= (retry_after(format_datetime(later, usegmt=True)) or 0) <= 91


def test_a_fetch_far_short_of_the_count_is_not_imported(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    before = _state(store)
    count = {
        "head": {"vars": ["statements"]},
        "results": {"bindings": [{"statements": {"type": "literal", "value": "100"}}]},
    }
    sparql_server.once["count"] = [(200, {}, json.dumps(count).encode())]
    with pytest.raises(ImportFailed, match="only 13 of 100 counted statements arrived"):
        _update(store, sparql_server, tmp_path / "pages")
    assert _state(store) == before and not (tmp_path / "pages" / "manifest.json").exists()
    sparql_server.log.clear()
    assert _update(store, sparql_server, tmp_path / "pages").imported.added == 13
    assert sparql_server.names() == ["count", "page 1", "page 2", "page 3"]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
VAR = st.sampled_from(["statement", "city", "partner", "cityCoord", "start", "endPrecision"])


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["head", "results"]), JSON, max_size=2)
    | st.builds(
        lambda rows: {
            "head": {"vars": ["statement", "city", "partner"]},
            "results": {"bindings": rows},
        },
        st.lists(st.dictionaries(VAR, st.dictionaries(st.just("value"), JSON) | JSON), max_size=3),
    )
)
def test_a_page_is_read_or_refused_in_one_line(page: Any) -> None:
    try:
        page_keys(page, "http://127.0.0.1/sparql", "page 1")
    except DataError as exc:
        assert "\n" not in str(exc) and "page 1" in str(exc)


def test_on_the_world_store_one_qid_stays_one_place(
    world_store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    """The update lands on the places the world data already holds for its QIDs."""
    qids = {
        r[var]["value"].rsplit("/", 1)[1] for r in sparql_server.rows for var in ("city", "partner")
    }
    holders = dict(world_store.entity_ids_by("wikidata_id"))
    before = {q: holders[q] for q in qids if q in holders}
    assert "Q3955" in before  # Weimar is in the 2016 crawl, hence in the world data
    summary = _update(world_store, sparql_server, tmp_path / "pages")
    assert summary.imported.added == 13
    after = dict(world_store.entity_ids_by("wikidata_id"))
    assert {q: after[q] for q in before} == before
    for qid in qids:
        held = world_store.conn.execute(
            "SELECT COUNT(*) FROM entities WHERE wikidata_id = ?", (qid,)
        ).fetchone()[0]
        assert held == 1, qid
    ties = _ties(world_store)
    assert ties[("Q3955", "Q160927")].subject == before["Q3955"]
