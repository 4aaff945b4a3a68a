"""Benchmark the importers at world scale (issue #4).

Into a fresh store built from the curated data, each in a fresh process (index open
included; the gazetteer index is built beforehand, as after any first use):
1. ``citydip import pairs`` of ../shared/data/twin-towns-wikipedia/pairs.csv, then again;
2. ``citydip import edges`` of ../shared/data/wikidata-p190-2016/relations.tsv with
   names.tsv, then again.
Reports wall time, peak memory (max RSS of the child) and the summaries, against the
targets (≤ 30 s and ≤ 1 GiB per import, ≤ 15 s and 0 claims added on re-import). Writes
benchmarks/results/imports.md.

    .venv/bin/python benchmarks/imports.py
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PAIRS = SHARED / "twin-towns-wikipedia" / "pairs.csv"
EDGES = SHARED / "wikidata-p190-2016" / "relations.tsv"
NAMES = SHARED / "wikidata-p190-2016" / "names.tsv"
RESULTS = ROOT / "benchmarks" / "results" / "imports.md"
CITYDIP = [sys.executable, "-m", "citydip"]
TARGETS = {"seconds": 30.0, "again_seconds": 15.0, "gib": 1.0}


def run(args: list[str], db: Path) -> tuple[float, float, dict[str, object]]:
    """Wall seconds, peak MiB of the child, and the JSON summary of one command."""
    env = {**os.environ, "CITYDIP_DB": str(db)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [*CITYDIP, *args, "--format", "json"], env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, json.loads(done.stdout)


def main() -> None:
    missing = [p for p in (PAIRS, EDGES, NAMES) if not p.exists()]
    if missing:
        sys.exit(f"shared data absent: {', '.join(map(str, missing))}")
    # Build the gazetteer index and the curated store once, outside the timings.
    subprocess.run([*CITYDIP, "resolve", "Yokohama"], capture_output=True, check=False)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, args in (
            ("pairs.csv (26,114 pairs)", ["import", "pairs", str(PAIRS)]),
            ("relations.tsv + names.tsv", ["import", "edges", str(EDGES), "--names", str(NAMES)]),
        ):
            db = Path(tmp) / f"{args[1]}.db"
            subprocess.run(
                [*CITYDIP, "--db", str(db), "city", "Yokohama"], capture_output=True, check=True
            )
            first = run(args, db)
            again = run(args, db)
            rows.append((label, first, again))
    write(rows)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write(rows: list[tuple[str, tuple[float, float, dict[str, object]], ...]]) -> None:
    lines = [
        "# Import benchmark",
        "",
        f"`benchmarks/imports.py`, run {datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores. Each import runs in a fresh "
        "process (`citydip import … --format json`) into a fresh store built from the curated "
        "data; the gazetteer index was built before the timings. Peak memory is the largest "
        "max RSS of the child processes so far (an upper bound for the later runs).",
        "",
        "| input | run | wall | target | peak memory | target | added | unchanged "
        "| unresolved | conflicts |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, first, again in rows:
        for name, (seconds, mib, summary), limit in (
            ("import", first, TARGETS["seconds"]),
            ("re-import", again, TARGETS["again_seconds"]),
        ):
            ok_time = seconds <= limit and (name == "import" or summary["added"] == 0)
            target = f"≤ {limit:.0f} s" + ("" if name == "import" else ", 0 added")
            lines.append(
                f"| {label} | {name} | {seconds:.1f} s | {target}: "
                f"{verdict(ok_time)} | {mib:.0f} MiB | ≤ 1 GiB: {verdict(mib <= 1024)} "
                f"| {summary['added']} | {summary['unchanged']} | {summary['unresolved']} "
                f"| {summary['conflicts']} |"
            )
    lines.append("")
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
