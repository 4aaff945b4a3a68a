"""The default store with the world's ties: first-use build, cold commands, network, wheel.

Run:  .venv/bin/python benchmarks/world_store.py [--runs 11]
Writes benchmarks/results/world-store.md. Targets (issue 9): the first-use build ≤ 20 s and
≤ 1 GiB; cold `city Bristol` and `compare Yokohama Taipei` ≤ 12× a bare Python start
measured in the same run; `network city Taipei` ≤ 1 s warm.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
FACTOR = 12.0


def _run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _median(cmd: list[str], env: dict[str, str], runs: int) -> float:
    return statistics.median(_run(cmd, env) for _ in range(runs))


def _peak_child_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _wheel_size(out: Path) -> tuple[str, int]:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(out), str(ROOT)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wheel = next(out.glob("citydip-*.whl"))
    return wheel.name, wheel.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    citydip = str(Path(sys.executable).with_name("citydip"))
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, CITYDIP_HOME=home, COLUMNS="160")
        env.pop("CITYDIP_DB", None)
        build = _run([citydip, "city", "Bristol"], env)
        peak = _peak_child_mib()
        store = next(Path(home).glob("default-*.db"))
        size = store.stat().st_size / 2**20
        rows.append(("first use: build the default store", f"{build:.1f} s", "≤ 20 s",
                     "met" if build <= 20 else "NOT met"))  # fmt: skip
        rows.append(("peak memory of that build", f"{peak:.0f} MiB", "≤ 1024 MiB",
                     "met" if peak <= 1024 else "NOT met"))  # fmt: skip
        rows.append(("store size on disk", f"{size:.0f} MiB", "", ""))
        bare = _median([sys.executable, "-c", "import json"], env, args.runs)
        for label, cmd in (
            ("cold `city Bristol`", [citydip, "city", "Bristol"]),
            ("cold `compare Yokohama Taipei`", [citydip, "compare", "Yokohama", "Taipei"]),
            ("cold `compare Seoul Osaka`", [citydip, "compare", "Seoul", "Osaka"]),
        ):
            took = _median(cmd, env, args.runs)
            factor = took / bare
            rows.append((label, f"{took * 1000:.0f} ms ({factor:.1f}× bare)", f"≤ {FACTOR:g}×",
                         "met" if factor <= FACTOR else "NOT met"))  # fmt: skip
        network = [citydip, "network", "city", "Taipei", "--quiet"]
        first = _run(network, env)
        warm = _median(network, env, max(3, args.runs // 2))
        rows.append(("`network city Taipei`, first (computes, caches)", f"{first:.1f} s", "", ""))
        rows.append(("`network city Taipei`, warm", f"{warm:.2f} s", "≤ 1 s",
                     "met" if warm <= 1 else "NOT met"))  # fmt: skip
    with tempfile.TemporaryDirectory() as out:
        name, wheel = _wheel_size(Path(out))
    world = ROOT / "src" / "citydip" / "data" / "world" / "world.json.gz"
    rows.append((f"wheel `{name}`", f"{wheel / 2**20:.1f} MiB", "", ""))
    rows.append(("of which data/world/world.json.gz", f"{world.stat().st_size / 2**20:.1f} MiB",
                 "", ""))  # fmt: skip
    lines = [
        "# World store benchmark",
        "",
        f"`benchmarks/world_store.py`, run {time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Bare `python -c 'import json'`: {bare * 1000:.0f} ms (median of {args.runs}). "
        "Cold commands: median of fresh processes on the built store. The machine was shared "
        "with other work while this ran; figures are upper bounds.",
        "",
        "| what | measured | target | |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "world-store.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
