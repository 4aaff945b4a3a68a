"""Benchmark conflicts and the place directory on a world-scale store (issue #9, items 5–6).

A store built from the curated data plus ``citydip import pairs`` of
../shared/data/twin-towns-wikipedia/pairs.csv (26,114 pairs, one source). Then, each in a
fresh process (cold: interpreter start and imports included) and, in this process, warm:
- ``citydip conflicts`` (every conflict), ``conflicts Taipei``, ``conflicts --kind
  unconfirmed --limit 20``, ``conflicts --limit 20 --format csv``;
- ``citydip cities`` (top 50 by ties), ``cities kyoto``, ``cities --country JP``.
Reports wall times against the target (about 1 s for ``conflicts``), how many conflicts
the import summary counted, how many lines ``conflicts`` prints and how many notices are
counted apart. Writes benchmarks/results/conflicts.md.

    .venv/bin/python benchmarks/conflicts.py [--db EXISTING.db]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT.parent / "shared" / "data" / "twin-towns-wikipedia" / "pairs.csv"
RESULTS = ROOT / "benchmarks" / "results" / "conflicts.md"
CITYDIP = [sys.executable, "-m", "citydip"]
TARGET_SECONDS = 1.0
# Measured on main before this work (issue #9): one import reported 13,849 conflicts and
# `citydip conflicts` printed 70,193 lines.
BEFORE = {"import_conflicts": 13849, "lines": 70193}
COMMANDS = [
    ("conflicts", ["conflicts"]),
    ("conflicts Taipei", ["conflicts", "Taipei"]),
    ("conflicts --kind unconfirmed --limit 20", ["conflicts", "--kind", "unconfirmed", "-n", "20"]),
    ("conflicts --limit 20 --format csv", ["conflicts", "--limit", "20", "--format", "csv"]),
    ("cities", ["cities"]),
    ("cities kyoto", ["cities", "kyoto"]),
    ("cities --country JP", ["cities", "--country", "JP"]),
]


def cold(args: list[str], db: Path) -> tuple[float, str]:
    """Best of three wall times of a fresh process, and its output."""
    env = {**os.environ, "CITYDIP_DB": str(db), "COLUMNS": "120"}
    best, out = float("inf"), ""
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run([*CITYDIP, *args], env=env, capture_output=True, text=True)
        best = min(best, time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
        out = done.stdout
    return best, out


def warm(db: Path) -> dict[str, float]:
    """Best of three in-process times of the library calls behind the commands."""
    from citydip import api
    from citydip.store import open_store

    calls = {
        "list_conflicts(store)": lambda s: api.list_conflicts(s),
        "list_conflicts(store, 'Taipei')": lambda s: api.list_conflicts(s, "Taipei"),
        "list_conflicts(kinds=['unconfirmed'], limit=20)": lambda s: api.list_conflicts(
            s, kinds=["unconfirmed"], limit=20
        ),
        "search_cities(store, limit=50)": lambda s: api.search_cities(s, limit=50),
        "search_cities(store, 'kyoto')": lambda s: api.search_cities(s, "kyoto"),
    }
    out = {}
    with open_store(db) as store:
        for label, call in calls.items():
            times = []
            for _ in range(3):
                start = time.perf_counter()
                call(store)
                times.append(time.perf_counter() - start)
            out[label] = min(times)
    return out


def build(db: Path) -> dict[str, object]:
    subprocess.run([*CITYDIP, "--db", str(db), "city", "Yokohama"], capture_output=True, check=True)
    start = time.perf_counter()
    done = subprocess.run(
        [*CITYDIP, "--db", str(db), "import", "pairs", str(PAIRS), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict[str, object] = json.loads(done.stdout)
    summary["seconds"] = time.perf_counter() - start
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an already built world store (skips the import)")
    args = parser.parse_args()
    if args.db is None and not PAIRS.exists():
        sys.exit(f"shared data absent: {PAIRS}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "world.db"
        summary = build(db) if args.db is None else None
        colds = [(label, *cold(cmd, db)) for label, cmd in COMMANDS]
        warms = warm(db)
        everything = json.loads(cold(["conflicts", "--format", "json"], db)[1])
        notices = json.loads(
            subprocess.run(
                [*CITYDIP, "--db", str(db), "conflicts", "--kind", "unconfirmed", "-f", "json"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    write(summary, colds, warms, len(everything), len(notices))


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write(
    summary: dict[str, object] | None,
    colds: list[tuple[str, float, str]],
    warms: dict[str, float],
    conflicts: int,
    unconfirmed: int,
) -> None:
    lines = [
        "# Conflicts and the place directory on a world store",
        "",
        f"`benchmarks/conflicts.py`, run {datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores. The store: the curated data "
        "plus `citydip import pairs` of the Wikipedia twin-town list (26,114 pairs).",
        "",
    ]
    if summary is not None:
        lines += [
            f"- Import: {summary['seconds']:.1f} s, {summary['added']:,} claims added, "
            f"{summary['unresolved']:,} names unresolved; the summary counts "
            f"**{summary['conflicts']:,} conflicts** (before: {BEFORE['import_conflicts']:,}).",
        ]
    first = next(out for label, _, out in colds if label == "conflicts")
    lines += [
        f"- `citydip conflicts` lists **{conflicts} conflicts** in "
        f"{len(first.splitlines()):,} lines (before: {BEFORE['lines']:,} lines); "
        f"{unconfirmed:,} unconfirmed ties are counted apart and listed with "
        "`--kind unconfirmed`.",
        "",
        "## Cold (a fresh `citydip` process, best of 3)",
        "",
        "| command | wall | target |",
        "|---|---|---|",
    ]
    for label, seconds, _out in colds:
        target = (
            f"≈ {TARGET_SECONDS:.0f} s: {verdict(seconds <= TARGET_SECONDS * 1.25)}"
            if label.startswith("conflicts")
            else ""
        )
        lines.append(f"| `citydip {label}` | {seconds:.2f} s | {target} |")
    lines += ["", "## Warm (library call in one process, best of 3)", "", "| call | time |"]
    lines.append("|---|---|")
    lines += [f"| `{label}` | {seconds * 1000:.0f} ms |" for label, seconds in warms.items()]
    lines.append("")
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
