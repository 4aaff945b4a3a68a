"""Benchmark conflicts and the place directory on world-scale stores (issue #9, items 5–6).

Two stores: (A) the curated data plus ``citydip import pairs`` of
../shared/data/twin-towns-wikipedia/pairs.csv (26,114 pairs, one source: the store the
issue measured); (B) the default store as shipped (curated data + the world dataset:
the Wikipedia list and the Wikidata crawl). On each, in a fresh process (cold:
interpreter start and imports included) and, in this process, warm:
- ``citydip conflicts`` (every conflict), ``conflicts Taipei``, ``conflicts --kind
  unconfirmed --limit 20``, ``conflicts --limit 20 --format csv``;
- ``citydip cities`` (top 50 by ties), ``cities kyoto``, ``cities --country JP``.
``conflicts`` of the whole store is timed twice: first after a write (computed, then kept
in the store's ``derived`` table for its revision) and again (read back). Reports wall
times against the target (about 1 s for ``conflicts``), how many conflicts
the import summary counted, how many lines ``conflicts`` prints and how many notices are
counted apart. Writes benchmarks/results/conflicts.md.

    .venv/bin/python benchmarks/conflicts.py
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
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
    ("--help (start-up, for reference)", ["--help"]),
    ("conflicts (first after a write: computed, then kept)", ["conflicts"]),
    ("conflicts (kept)", ["conflicts"]),
    ("conflicts Taipei", ["conflicts", "Taipei"]),
    ("conflicts --kind unconfirmed --limit 20", ["conflicts", "--kind", "unconfirmed", "-n", "20"]),
    ("conflicts --limit 20 --format csv", ["conflicts", "--limit", "20", "--format", "csv"]),
    ("cities", ["cities"]),
    ("cities kyoto", ["cities", "kyoto"]),
    ("cities --country JP", ["cities", "--country", "JP"]),
]


def forget(db: Path) -> None:
    """Drop the kept whole-store conflicts, as a write to the store would."""
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM derived WHERE key LIKE 'conflicts:%'")


def cold(args: list[str], db: Path, fresh: bool = False) -> tuple[float, str]:
    """Best of three wall times of a fresh process, and its output; ``fresh``: nothing kept."""
    env = {**os.environ, "CITYDIP_DB": str(db), "COLUMNS": "120"}
    best, out = float("inf"), ""
    for _ in range(3):
        if fresh:
            forget(db)
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
                forget(db)
                start = time.perf_counter()
                call(store)
                times.append(time.perf_counter() - start)
            out[label] = min(times)
    return out


def build(db: Path, world: bool) -> None:
    code = (
        "import sys; from pathlib import Path; from citydip.stores import build_store; "
        "build_store(Path(sys.argv[1]), world=sys.argv[2] == '1').close()"
    )
    subprocess.run([sys.executable, "-c", code, str(db), "1" if world else "0"], check=True)


def import_pairs(db: Path) -> dict[str, object]:
    start = time.perf_counter()
    done = subprocess.run(
        [*CITYDIP, "--db", str(db), "import", "pairs", str(PAIRS), "--format", "json", "-q"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary: dict[str, object] = json.loads(done.stdout)
    summary["seconds"] = time.perf_counter() - start
    return summary


def measure(db: Path) -> dict[str, object]:
    """Cold and warm timings, and how many conflicts and notices the store has."""
    everything = json.loads(cold(["conflicts", "--format", "json"], db)[1])
    notices = subprocess.run(
        [*CITYDIP, "--db", str(db), "conflicts", "--kind", "unconfirmed", "-f", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        "cold": [(label, *cold(cmd, db, fresh="first" in label)) for label, cmd in COMMANDS],
        "warm": warm(db),
        "conflicts": len(everything),
        "unconfirmed": len(json.loads(notices.stdout)),
    }


def main() -> None:
    if not PAIRS.exists():
        sys.exit(f"shared data absent: {PAIRS}")
    with tempfile.TemporaryDirectory() as tmp:
        pairs_db, world_db = Path(tmp) / "pairs.db", Path(tmp) / "world.db"
        build(pairs_db, world=False)
        summary = import_pairs(pairs_db)
        build(world_db, world=True)
        stores = [
            ("A. curated + import pairs.csv", measure(pairs_db)),
            ("B. default store (curated + world dataset)", measure(world_db)),
        ]
    write(summary, stores)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write(summary: dict[str, object], stores: list[tuple[str, dict[str, object]]]) -> None:
    lines = [
        "# Conflicts and the place directory on world stores",
        "",
        f"`benchmarks/conflicts.py`, run {datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores (shared with other jobs: "
        f"load average {os.getloadavg()[0]:.1f} at the end; `× --help` divides by the "
        "start-up time measured in the same run, which the load inflates alike).",
        "",
        f"- Importing pairs.csv into the curated store: {summary['seconds']:.1f} s, "
        f"{summary['added']:,} claims added, {summary['unresolved']:,} names unresolved; the "
        f"summary counts **{summary['conflicts']:,} conflicts** (before: "
        f"{BEFORE['import_conflicts']:,}, one-sided ties included).",
    ]
    for label, m in stores:
        cold_runs = m["cold"]
        assert isinstance(cold_runs, list)
        first = next(out for name, _, out in cold_runs if name.startswith("conflicts (kept"))
        lines += [
            f"- {label}: `citydip conflicts` lists **{m['conflicts']} conflicts** in "
            f"{len(first.splitlines()):,} lines (before, store A: {BEFORE['lines']:,} lines); "
            f"{m['unconfirmed']:,} unconfirmed ties are counted apart (`--kind unconfirmed`).",
        ]
    for label, m in stores:
        lines += [
            "",
            f"## {label}",
            "",
            "| command, cold (fresh process, best of 3) | wall | × `--help` | target |",
            "|---|---|---|---|",
        ]
        cold_runs = m["cold"]
        assert isinstance(cold_runs, list)
        start_up = cold_runs[0][1]
        for name, seconds, _out in cold_runs:
            target = (
                f"≈ {TARGET_SECONDS:.0f} s: {verdict(seconds <= TARGET_SECONDS * 1.25)}"
                if name.startswith("conflicts")
                else ""
            )
            ratio = seconds / start_up
            lines.append(f"| `citydip {name}` | {seconds:.2f} s | {ratio:.1f} | {target} |")
        lines += ["", "| library call, warm, nothing kept (best of 3) | time |", "|---|---|"]
        warm_runs = m["warm"]
        assert isinstance(warm_runs, dict)
        lines += [f"| `{k}` | {v * 1000:.0f} ms |" for k, v in warm_runs.items()]
    lines.append("")
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
