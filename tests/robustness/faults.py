"""Helpers of the fault suite and of benchmarks/robustness.py: the citydip command in a
subprocess, a small tmpfs (full or read-only disks) when the machine allows mounting one,
and a store's state in a form two moments can be compared by."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def citydip(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``citydip ARGS`` in a subprocess of this Python."""
    return subprocess.run(
        [sys.executable, "-m", "citydip", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "citydip", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def state(db: Path) -> tuple[str, int, int, int]:
    """(integrity, entities, claims, sources) of the store at ``db`` (as the next command
    sees it: a hot journal left by a failed write is rolled back first)."""
    conn = sqlite3.connect(str(db))
    try:
        check = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        counts = [
            int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in ("entities", "claims", "sources")
        ]
    finally:
        conn.close()
    return (check, counts[0], counts[1], counts[2])


def one_clean_line(stderr: str) -> bool:
    lines = stderr.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in stderr


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path | None]:
    """A tmpfs of ``size`` mounted at ``where`` (None when this machine cannot mount)."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def remount_read_only(where: Path) -> bool:
    done = subprocess.run(
        ["mount", "-o", "remount,ro", str(where)], capture_output=True, check=False
    )
    return done.returncode == 0


def pairs_file(path: Path, rows: int) -> Path:
    """A pairs CSV of ``rows`` ties between made-up towns (slow enough to be killed)."""
    lines = ["city1,country1,city2,country2"]
    lines += [f"Testtown {i},France,Othertown {i},Germany" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
