"""Nothing destroyed, nothing lost (issue 24): a rebuild replaces only a citydip store
(another file only when forced, a device or a pipe never), a corrupt store can be rebuilt,
no output replaces a device or a pipe, an import that lands during a rebuild is kept, and
reading never turns another SQLite file into a store."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from tests.robustness.faults import citydip, one_clean_line, pairs_file, start, state

from citydip.errors import InvalidInput, StoreError
from citydip.store import open_store
from citydip.stores import check_rebuild, rebuild


@pytest.fixture
def db(curated_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    path.write_bytes(curated_db.read_bytes())
    return path


def other_programs_file(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def special_files(folder: Path) -> list[Path]:
    """A named pipe, and a character device like /dev/null when we may make one (root)."""
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    found = [fifo]
    device = folder / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        found.append(device)
    except (PermissionError, OSError):
        pass
    return found


def kinds(paths: list[Path]) -> list[int]:
    return [stat.S_IFMT(os.lstat(p).st_mode) for p in paths]


def test_rebuild_refuses_another_programs_sqlite_file_unless_forced(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    before = other_programs_file(notes)
    with pytest.raises(InvalidInput, match="not a citydip store"):
        rebuild(notes, empty=True)
    refused = citydip("--db", str(notes), "rebuild", "--empty")
    assert refused.returncode == 2 and one_clean_line(refused.stderr)
    assert "--force" in refused.stderr and notes.read_bytes() == before
    forced = citydip("--db", str(notes), "rebuild", "--empty", "--force")
    assert forced.returncode == 0, forced.stderr
    assert check_rebuild(notes).kind == "citydip"


def test_rebuild_refuses_a_text_file_unless_forced(tmp_path: Path) -> None:
    text = tmp_path / "thesis.txt"
    text.write_text("my thesis\n" * 500, encoding="utf-8")
    refused = citydip("--db", str(text), "rebuild", "--empty")
    assert refused.returncode == 2 and one_clean_line(refused.stderr)
    assert text.read_text(encoding="utf-8") == "my thesis\n" * 500


def test_a_corrupt_store_is_rebuilt_when_forced_and_leaves_no_temporary(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[100:4096] = os.urandom(3996)  # the schema page: nothing can be read any more
    db.write_bytes(bytes(data))
    broken = citydip("--db", str(db), "city", "Yokohama")
    assert broken.returncode == 4 and one_clean_line(broken.stderr)
    refused = citydip("--db", str(db), "rebuild", "--empty")
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert db.read_bytes() == bytes(data)
    forced = citydip("--db", str(db), "rebuild", "--empty", "--force")
    assert forced.returncode == 0, forced.stderr
    assert state(db)[0] == "ok"
    assert sorted(p.name for p in db.parent.iterdir()) == ["store.db"]


def test_rebuild_never_replaces_a_device_or_a_pipe(tmp_path: Path) -> None:
    specials = special_files(tmp_path)
    before = kinds(specials)
    for special in specials:
        with pytest.raises(StoreError, match="not a regular file"):
            rebuild(special, empty=True, force=True)
        result = citydip("--db", str(special), "rebuild", "--empty", "--force", "--yes")
        assert result.returncode == 4 and one_clean_line(result.stderr)
        assert "rebuild it" not in result.stderr
    assert kinds(specials) == before


@pytest.mark.parametrize(
    "command",
    [
        ("report", "Yokohama", "--out", "{out}"),
        ("network", "export", "gexf", "{out}"),
        ("network", "export", "geojson", "{out}"),
        ("resolve", "--batch", "{names}", "--out", "{out}"),
    ],
)
def test_no_output_replaces_a_device_or_a_pipe(
    cli: Any, tmp_path: Path, command: tuple[str, ...]
) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name\nYokohama\n", encoding="utf-8")
    specials = special_files(tmp_path)
    before = kinds(specials)
    for special in specials:
        args = [a.format(out=special, names=names) for a in command]
        result = cli(*args)
        assert result.exit_code == 3, result.stderr
        assert "not a regular file" in result.stderr and "Traceback" not in result.stderr
    assert kinds(specials) == before
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []


def test_an_empty_db_path_is_an_error(cli: Any) -> None:
    result = cli("--db", "", "city", "Yokohama")
    assert result.exit_code == 2 and result.stderr.startswith("--db: ")
    assert "empty" in result.stderr


@pytest.mark.parametrize("content", ["nothing", "a view"])
def test_reading_never_makes_another_sqlite_file_a_store(
    cli: Any, tmp_path: Path, content: str
) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    if content == "a view":
        conn.execute("CREATE VIEW answer AS SELECT 42")
    else:
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("VACUUM")  # a file with a header and nothing in it
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for args in (("city", "Yokohama"), ("sources",), ("network", "stats")):
        result = cli("--db", str(path), *args)
        assert result.exit_code == 4, result.stderr
        assert "not a citydip store" in result.stderr and one_clean_line(result.stderr)
    assert path.read_bytes() == before


def test_an_import_that_lands_after_the_rebuilds_check_is_kept(db: Path, tmp_path: Path) -> None:
    check = check_rebuild(db)
    source = pairs_file(tmp_path / "late.csv", 20)
    landed = citydip("--db", str(db), "import", "pairs", str(source))
    assert landed.returncode == 0, landed.stderr
    after_import = state(db)
    with pytest.raises(StoreError, match="written while it was being rebuilt"):
        rebuild(db, empty=True, drop_imports=True, checked=check)
    assert state(db) == after_import
    assert [p.name for p in tmp_path.glob(".*.tmp")] == []


def test_an_import_during_a_real_rebuild_is_refused_or_kept(db: Path, tmp_path: Path) -> None:
    source = pairs_file(tmp_path / "race.csv", 300)
    before = state(db)
    rebuilding = start("--db", str(db), "rebuild", "--yes")  # with the world: seconds
    time.sleep(3.0)
    imported = citydip("--db", str(db), "import", "pairs", str(source))
    out, err = rebuilding.communicate(timeout=600)
    now = state(db)
    if imported.returncode == 0:  # reported done: it must be there
        assert "300 added" in imported.stdout
        assert rebuilding.returncode == 4 and "written while" in err, (out, err)
        assert now[2] == before[2] + 300
    else:  # refused: one line, and the rebuild went through
        assert one_clean_line(imported.stderr), imported.stderr
        assert rebuilding.returncode == 0, err
    assert now[0] == "ok"
    with open_store(db) as store:
        assert store.count("claims") == now[2]
