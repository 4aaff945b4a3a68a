"""Benchmark ``citydip import memberships`` on a 10,000-row list (issue #19).

A list of 10,000 rows is written first: 5,000 distinct places of the shipped world dataset
(their names and countries as the world file holds them, drawn with a fixed seed), each a
member of two of ten curated organisations, with roles and years. It is imported into a
copy of the world store (curated + world + the shipped lists, built once outside the
timings), in a fresh process, then again (a re-import must add nothing). Reports wall time
and the child's peak memory against the targets (≤ 10 s and ≤ 500 MiB), and writes
benchmarks/results/memberships.md.

    PYTHONPATH=src .venv/bin/python benchmarks/memberships.py
"""

from __future__ import annotations

import csv
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "memberships.md"
CITYDIP = [sys.executable, "-m", "citydip"]
ROWS = 10_000
ORGS = ("C40", "ICLEI", "UCLG", "CITYNET", "Mayors for Peace", "GCoM", "Eurocities")
ORGS += ("UCLG-ASPAC", "CNCA", "SCI")
ROLES = ("member", "member", "member", "board", "founder", "observer", "vice-chair")
TARGETS = {"seconds": 10.0, "mib": 500.0}
SEED = 19


def write_list(path: Path) -> None:
    """10,000 rows over 5,000 places of the world dataset, fixed seed."""
    from citydip.ingest.world import read_world

    data = read_world()
    columns = data["entities"]["columns"]
    name, country, level = (columns.index(c) for c in ("name", "country", "level"))
    places = sorted(
        {(r[name], r[country]) for r in data["entities"]["rows"] if r[country] and r[level]}
    )
    rng = random.Random(SEED)
    chosen = rng.sample(places, ROWS // 2)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["organisation", "city", "country", "role", "since"])
        for city, code in chosen:
            for org in rng.sample(ORGS, 2):
                out.writerow([org, city, code, rng.choice(ROLES), rng.randint(1950, 2024)])


def run(args: list[str], db: Path) -> tuple[float, float, dict[str, object]]:
    """Wall seconds, peak MiB of the child (GNU time), and the JSON summary."""
    env = {**os.environ, "CITYDIP_DB": str(db)}
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", timing.name, *CITYDIP, *args, "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        kib = float(Path(timing.name).read_text().strip().splitlines()[-1])
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    return seconds, kib / 1024, json.loads(done.stdout)


def main() -> None:
    from citydip.stores import build_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        listing = folder / "memberships-10k.csv"
        write_list(listing)
        db = folder / "world.db"
        build_store(db).close()
        subprocess.run([*CITYDIP, "resolve", "Yokohama"], capture_output=True, check=False)
        args = ["import", "memberships", str(listing), "--title", "Benchmark list", "-q"]
        first = run(args, db)
        again = run(args, db)
    write(first, again)


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write(
    first: tuple[float, float, dict[str, object]], again: tuple[float, float, dict[str, object]]
) -> None:
    lines = [
        "# Importing a 10,000-row membership list",
        "",
        f"Run {datetime.now().isoformat(timespec='minutes')} on {platform.node()} "
        f"({os.cpu_count()} cores shared with other work), Python {platform.python_version()}.",
        "Command: `PYTHONPATH=src python benchmarks/memberships.py` (the list: 5,000 places of "
        "the world dataset, two of ten organisations each, seed 19; into a copy of the world "
        "store, in a fresh process).",
        "",
        "| run | seconds | peak MiB | added | unchanged | unresolved | target |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for label, (seconds, mib, summary) in (("first import", first), ("re-import", again)):
        ok = seconds <= TARGETS["seconds"] and mib <= TARGETS["mib"]
        if label == "re-import":
            ok = ok and summary["added"] == 0
        lines.append(
            f"| {label} | {seconds:.1f} | {mib:.0f} | {summary['added']:,} | "
            f"{summary['unchanged']:,} | {summary['unresolved']:,} | "
            f"≤ 10 s, ≤ 500 MiB: {verdict(ok)} |"
        )
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
