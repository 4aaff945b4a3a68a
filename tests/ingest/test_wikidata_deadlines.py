"""`update wikidata` always ends (issue 24): a stalled page, an overall deadline, paging
that never ends and an endpoint that is no URL each stop it in one line, the store as it
was and the pages fetched kept for the next run."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from tests.ingest.test_wikidata_update import _state, _update

from citydip.errors import ImportFailed, InvalidInput
from citydip.ingest.wikidata_update import UpdateOptions
from citydip.store import Store


def pages_kept(folder: Path) -> int:
    return len(list(folder.glob("page-*.json")))


def test_a_stalled_page_is_given_up_after_its_timeout(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    before = _state(store)
    sparql_server.delay["page 2"] = 4.0
    started = time.monotonic()
    with pytest.raises(ImportFailed, match=r"page 2: no answer within 1 s; nothing was imported"):
        _update(store, sparql_server, tmp_path / "pages", timeout=1.0, retries=1)
    assert time.monotonic() - started < 4.0  # two tries of 1 s, not two of 4 s
    assert _state(store) == before and pages_kept(tmp_path / "pages") == 1
    del sparql_server.delay["page 2"]
    summary = _update(store, sparql_server, tmp_path / "pages")
    assert summary.resumed_pages == 1 and summary.imported.added == 13


def test_the_whole_fetch_stops_at_its_deadline_and_keeps_its_pages(
    store: Store, sparql_server: Any, tmp_path: Path
) -> None:
    before = _state(store)
    sparql_server.delay["page 2"] = 1.5
    sparql_server.delay["page 3"] = 1.5
    started = time.monotonic()
    with pytest.raises(ImportFailed) as error:
        _update(store, sparql_server, tmp_path / "pages", deadline=2.0, timeout=30.0)
    took = time.monotonic() - started
    message = str(error.value)
    assert "past its deadline of 2 s" in message and "pages fetched are kept" in message
    assert "\n" not in message and took < 6.0
    assert _state(store) == before and pages_kept(tmp_path / "pages") >= 1
    sparql_server.delay.clear()
    summary = _update(store, sparql_server, tmp_path / "pages")
    assert summary.resumed_pages >= 1 and summary.imported.added == 13


def test_paging_past_the_count_is_stopped(store: Store, sparql_server: Any, tmp_path: Path) -> None:
    before = _state(store)
    count = {"head": {"vars": ["statements"]}, "results": {"bindings": [{"statements": {}}]}}
    count["results"]["bindings"][0]["statements"] = {"type": "literal", "value": "2"}
    sparql_server.always["count"] = (200, {}, json.dumps(count).encode())
    with pytest.raises(ImportFailed, match="paging does not end"):
        _update(store, sparql_server, tmp_path / "pages")
    assert _state(store) == before
    assert sparql_server.names().count("page 3") == 0  # stopped after 2 pages of 5


@pytest.mark.parametrize("endpoint", ["::::", "ftp://example.org/sparql", "http://", "x" * 5000])
def test_an_endpoint_that_is_no_url_is_refused(store: Store, tmp_path: Path, endpoint: str) -> None:
    from citydip.api import update_wikidata

    with pytest.raises(InvalidInput) as error:
        update_wikidata(store, UpdateOptions(endpoint=endpoint), folder=tmp_path / "p")
    assert error.value.field == "endpoint" and len(str(error.value)) < 300


def test_the_cli_names_the_endpoint_option(cli: Any) -> None:
    result = cli("update", "wikidata", "--endpoint", "::::", "--quiet")
    assert result.exit_code == 2 and result.stderr.startswith("--endpoint: ")
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
