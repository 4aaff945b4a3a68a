"""``citydip update wikidata`` end to end against a loopback SPARQL server."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from citydip.gazetteer import index as gazetteer_index

SIENA = "http://www.wikidata.org/entity/statement/Q3955-0fd85ae5-43f9-c766-a6a6-0dd6c0d8479b"


@pytest.fixture(scope="session")
def gazetteer_index_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The per-session gazetteer index of tests/knowledge/test_gazetteer.py (built once)."""
    home = tmp_path_factory.getbasetemp() / "gazetteer-home"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CITYDIP_HOME", str(home))
        path = gazetteer_index.index_path()
        if not path.exists():
            home.mkdir(exist_ok=True)
            gazetteer_index.build_index(path)
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gazetteer_index_file: Path) -> Path:
    """CITYDIP_HOME in a temporary folder (the fetched pages go there), with the index."""
    path = tmp_path / "home"
    path.mkdir()
    (path / gazetteer_index_file.name).symlink_to(gazetteer_index_file)
    monkeypatch.setenv("CITYDIP_HOME", str(path))
    return path


def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def test_update_resumes_reports_and_withdraws(
    cli: Any, home: Path, sparql_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITYDIP_WIKIDATA_SPARQL", sparql_server.url)
    sparql_server.always["page 2"] = (500, {"Retry-After": "0"}, b"")
    before = _digest(cli.db_path)
    failed = cli("update", "wikidata", "--page-size", "5", "-q")
    assert failed.exit_code == 3
    assert failed.stderr == f"{sparql_server.url} page 2: HTTP 500; nothing was imported\n"
    assert _digest(cli.db_path) == before
    del sparql_server.always["page 2"]
    sparql_server.log.clear()
    done = cli("update", "wikidata", "--page-size", "5", "-q")
    assert done.exit_code == 0, done.stderr
    assert sparql_server.names() == ["page 2", "page 3"]
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"{sparql_server.url}: 13 statements in 3 pages (2 fetched now, 1 saved earlier, "
        "2 requests)"
    )
    assert lines[1].startswith("import-wikidata-p190-world: 13 added, 0 updated, 0 unchanged")
    weimar = cli("city", "Weimar", "--format", "json")
    assert weimar.exit_code == 0, weimar.stderr
    partners = {t["partner"]["name"]: t for t in weimar.json()["ties"]}
    assert partners["Blois"]["start"] == "1995-02-18"
    sparql_server.drop.add(SIENA)
    again = cli("update", "wikidata", "--page-size", "5", "--format", "json")  # with a bar
    data = again.json()
    assert (data["statements"], data["added"], data["unchanged"]) == (12, 0, 12)
    assert [w["object"] for w in data["withdrawn"]] == [data["withdrawn"][0]["object"]]
    assert data["resumed_pages"] == 0 and data["fetched_pages"] == 3
    manifest = json.loads((home / "wikidata-p190" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["imported"] and manifest["endpoint"] == sparql_server.url


def test_update_without_network_fails_in_one_line(cli: Any, home: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = _digest(cli.db_path)
    result = cli("update", "wikidata", "--endpoint", f"http://127.0.0.1:{port}/sparql", "-q")
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "cannot connect" in result.stderr and "no network?" in result.stderr
    assert _digest(cli.db_path) == before


def test_a_killed_update_continues_where_it_stopped(
    cli: Any, home: Path, sparql_server: Any
) -> None:
    """Ctrl-C while page 2 is on its way: page 1 stays saved, the next run asks for the rest."""
    sparql_server.delay["page 2"] = 20.0
    env = {**os.environ, "CITYDIP_DB": str(cli.db_path), "CITYDIP_HOME": str(home)}
    args = ["update", "wikidata", "--endpoint", sparql_server.url, "--page-size", "5", "-q"]
    before = _digest(cli.db_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "citydip", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # a shell that starts jobs in the background makes them ignore Ctrl-C: undo that
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while "page 2" not in sparql_server.names() and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.startswith("interrupted: the store is unchanged") and stderr.count("\n") == 1
    assert _digest(cli.db_path) == before
    del sparql_server.delay["page 2"]
    sparql_server.log.clear()
    resumed = cli(*args, "--format", "json")
    assert resumed.exit_code == 0, resumed.stderr
    assert sparql_server.names() == ["page 2", "page 3"]
    assert resumed.json()["resumed_pages"] == 1 and resumed.json()["added"] == 13
