"""Faults (issue 15): kill -9 during an import and a rebuild, concurrent writers, a store
replaced under a writer, a read-only store, a full disk, a corrupt store, a corrupt
gazetteer index. Real subprocesses, real SQLite files, a real tmpfs where the machine lets
us mount one (else the full disk is a simulated OSError)."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from tests.robustness.faults import (
    citydip,
    one_clean_line,
    pairs_file,
    remount_read_only,
    start,
    state,
    tmpfs,
)

from citydip.errors import InvalidInput, StoreError
from citydip.progress import Progress, silent
from citydip.store import open_store
from citydip.stores import build_store, check_rebuild, rebuild


@pytest.fixture
def db(curated_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    path.write_bytes(curated_db.read_bytes())
    return path


def test_kill_during_import_is_all_or_nothing(db: Path, tmp_path: Path) -> None:
    before = state(db)
    source = pairs_file(tmp_path / "many.csv", 3000)
    rng = random.Random(15)
    outcomes = set()
    for _ in range(3):
        proc = start("--db", str(db), "import", "pairs", str(source))
        time.sleep(rng.uniform(0.8, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        now = state(db)
        assert now[0] == "ok"
        assert now[2] in (before[2], before[2] + 3000)  # every tie, or none
        outcomes.add(now[2] - before[2])
        if now != before:
            break
    assert list(db.parent.glob("*.tmp")) == []


def test_kill_during_rebuild_keeps_the_old_store_and_no_temporary(db: Path) -> None:
    before = db.read_bytes()
    proc = start("--db", str(db), "rebuild", "--yes")
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert db.read_bytes() == before or state(db)[0] == "ok"  # the old file, or the new whole
    # the killed build's temporary is removed by the next build
    build_store(db, world=False).close()
    assert [p.name for p in db.parent.glob(".*.tmp")] == []
    assert state(db)[0] == "ok"


def test_concurrent_writers_all_land(db: Path, tmp_path: Path) -> None:
    before = state(db)
    files = [pairs_file(tmp_path / f"part{i}.csv", 200) for i in range(3)]
    for i, f in enumerate(files):  # distinct ties per file
        f.write_text(f.read_text().replace("Testtown", f"Town{i}x"), encoding="utf-8")
    procs = [start("--db", str(db), "import", "pairs", str(f)) for f in files]
    results = [(p.communicate(), p.returncode) for p in procs]
    landed = 0
    for (out, err), code in results:
        if code == 0:
            assert " 200 added" in out or "200 added" in out, out
            landed += 200
        else:
            assert one_clean_line(err), err
    assert state(db)[2] == before[2] + landed  # what was reported is what is there
    assert landed >= 200


def test_a_write_after_the_store_was_replaced_is_refused(db: Path) -> None:
    from citydip.store.models import Source

    writer = open_store(db)  # an import that opened the store before the rebuild
    rebuild(db, empty=True, drop_imports=True)
    with pytest.raises(StoreError, match="replaced"), writer.transaction():
        writer.add_source(Source(id="lost", title="lost", kind="dataset"))
    writer.close()
    with open_store(db) as fresh:
        assert fresh.source("lost") is None


def test_rebuild_refuses_while_another_command_writes(db: Path) -> None:
    holder = sqlite3.connect(str(db), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="another citydip command is writing"):
            rebuild(db, empty=True, drop_imports=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_rebuild_refuses_a_newer_store_and_asks_before_dropping_imports(
    db: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.db"
    newer.write_bytes(db.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="newer than this citydip"):
        rebuild(newer)
    result = citydip("--db", str(newer), "rebuild", "--yes")
    assert result.returncode == 4 and one_clean_line(result.stderr)

    source = pairs_file(tmp_path / "few.csv", 5)
    assert citydip("--db", str(db), "import", "pairs", str(source)).returncode == 0
    assert check_rebuild(db).imported_claims == 5
    with pytest.raises(InvalidInput, match="drops 5 imported claims"):
        rebuild(db)
    refused = citydip("--db", str(db), "rebuild")  # stdin is no terminal: no question
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert state(db)[2] >= 5
    assert citydip("--db", str(db), "rebuild", "--yes").returncode == 0
    assert check_rebuild(db).imported_claims == 0


def test_missing_store_folder_and_empty_store_file(tmp_path: Path) -> None:
    missing = citydip("--db", str(tmp_path / "typo" / "store.db"), "city", "Yokohama")
    assert missing.returncode == 4 and "no such folder" in missing.stderr
    assert not (tmp_path / "typo").exists()
    absent = citydip("--db", str(tmp_path / "absent.db"), "city", "Yokohama")
    assert absent.returncode == 4 and "no store there" in absent.stderr
    assert not (tmp_path / "absent.db").exists()
    empty = tmp_path / "zero.db"
    empty.touch()
    result = citydip("--db", str(empty), "city", "Yokohama")
    assert result.returncode == 4 and "empty (0 bytes)" in result.stderr
    assert empty.stat().st_size == 0


def test_corrupt_store_is_one_line(db: Path) -> None:
    data = bytearray(db.read_bytes())
    rng = random.Random(7)
    for offset in range(4096, len(data), 4096):  # every page but the header's
        data[offset + 8 : offset + 400] = bytes(rng.randrange(256) for _ in range(392))
    db.write_bytes(bytes(data))
    for args in (["city", "Yokohama"], ["compare", "Yokohama", "Taipei"], ["sources"]):
        result = citydip("--db", str(db), *args)
        assert result.returncode in (1, 4), result.stderr
        assert one_clean_line(result.stderr), result.stderr


def test_read_only_store(db: Path, tmp_path: Path) -> None:
    text = tmp_path / "essay.txt"
    text.write_text("Yokohama signed a sister city agreement with Lyon in 1959.\n")
    with tmpfs(tmp_path / "ro", "20m") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here")
        target = mount / "store.db"
        target.write_bytes(db.read_bytes())
        if not remount_read_only(mount):
            pytest.skip("cannot remount read-only")
        before = target.read_bytes()
        for args in (
            ["extract", str(text), "--save"],
            ["review", "accept", "--all"],
            ["import", "pairs", str(pairs_file(tmp_path / "p.csv", 3))],
            ["rebuild", "--yes"],
        ):
            result = citydip("--db", str(target), *args)
            assert result.returncode in (3, 4), (args, result.stderr)
            assert one_clean_line(result.stderr), result.stderr
            assert "read-only" in result.stderr or "nothing was written" in result.stderr
        assert target.read_bytes() == before
        assert citydip("--db", str(target), "city", "Yokohama").returncode == 0


def test_full_disk_import_and_export(db: Path, tmp_path: Path) -> None:
    size = db.stat().st_size
    with tmpfs(tmp_path / "full", f"{size // 1024 + 96}k") as mount:
        if mount is None:
            pytest.skip("cannot mount a tmpfs here (see test_full_disk_simulated)")
        target = mount / "store.db"
        target.write_bytes(db.read_bytes())
        before = state(target)
        result = citydip(
            "--db", str(target), "import", "pairs", str(pairs_file(tmp_path / "big.csv", 4000))
        )
        assert result.returncode == 4, result.stderr
        assert one_clean_line(result.stderr) and "disk is full" in result.stderr
        assert state(target) == before
        out = mount / "graph.gexf"
        out.write_text("the previous export\n")
        filler = mount / "filler"
        # fill what is left: an export cannot fit
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            handle.write(b"\0" * (size + 96 * 1024))
        exported = citydip("--db", str(target), "network", "export", "gexf", str(out))
        assert exported.returncode == 3 and "disk is full" in exported.stderr
        assert one_clean_line(exported.stderr)
        assert out.read_text() == "the previous export\n"  # never a truncated file
        assert [p.name for p in mount.iterdir() if p.name.endswith(".tmp")] == []


def test_full_disk_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no tmpfs can be mounted: the atomic writer turns ENOSPC into one line and
    leaves the previous file and no temporary."""
    from citydip.files import OutputError, atomic_output

    out = tmp_path / "export.json"
    out.write_text("old\n")

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disk is full"), atomic_output(out) as handle:
        handle.write("new" * 1000)
    assert out.read_text() == "old\n" and list(tmp_path.glob("*.tmp")) == []


def test_corrupt_and_truncated_gazetteer_index_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged index is detected at open and built again (the build itself, a minute of
    GeoNames, is stood in for by a copy of the machine's sound index)."""
    from citydip.gazetteer import index as gi

    real = gi.index_path()
    gi.open_index()  # the machine's index exists (built once per data version)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("CITYDIP_HOME", str(home))
    target = gi.index_path()
    data = real.read_bytes()
    builds: list[Path] = []

    def build(path: Path, *, progress: Progress | None = None) -> Path:
        builds.append(path)
        path.write_bytes(data)
        return path

    monkeypatch.setattr(gi, "build_index", build)
    corrupt = bytearray(data)
    for offset in range(len(data) // 3, len(data), 4096):
        corrupt[offset : offset + 64] = b"\xff" * 64
    for damaged in (data[: len(data) // 2], bytes(corrupt)):
        target.write_bytes(damaged)
        with pytest.raises(StoreError):
            gi._checked(target).close()
        gi.close_all()
        conn = gi.open_index(progress=silent)
        assert conn.execute("SELECT COUNT(*) FROM place").fetchone()[0] > 100_000
        assert target.read_bytes() == data
        gi.close_all()
    assert builds == [target, target]


def test_killed_builds_leave_no_temporaries(tmp_path: Path) -> None:
    from citydip.files import remove_stale_temporaries

    dead = subprocess_pid_gone()
    stale = tmp_path / f".gazetteer.sqlite.{dead}.tmp"
    live = tmp_path / f".store.db.{os.getpid()}.tmp"
    stale.write_bytes(b"half")
    live.write_bytes(b"in progress")
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert live.exists() and not stale.exists()


def subprocess_pid_gone() -> int:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(proc.stdout)
