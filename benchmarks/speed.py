"""Speed at world scale (issue 21): every command and page, cold and warm, each beside its
yardstick measured in the same run, with its peak memory.

    .venv/bin/python benchmarks/speed.py            # medians of 5 runs; ~4 min on 2 cores
    .venv/bin/python benchmarks/speed.py --quick    # 2 runs, a short load: for development

Writes benchmarks/results/speed.md (``--quick``: speed-quick.md). Steps:

1. the first-use build of the default store in a fresh ``CITYDIP_HOME`` (``citydip cities``
   as the first command); its file is kept as *fresh*, and a copy with the derived cache
   emptied as *after a write* (what any import, review or update leaves: nothing cached);
2. commands as fresh processes: *cold* is the first run on a copy of the fresh store,
   *warm* the same command again on that copy; *after a write* the first run on the emptied
   copy. Yardsticks: a bare Python start (``python -c "import json"``); bare igraph on the
   same edge list computing the same statistics or centralities (``speed_bare.py``, same
   sampled sources); the same SQL query in the ``sqlite3`` shell for store reads;
3. pages and API calls of ``citydip serve``: the first request for each after the server
   started on a copy of the fresh store (cold), then again (warm); beside them the
   server's static CSS (its floor); then ``--clients`` connections for ``--duration``
   seconds over every path (wrk if installed), p99 latency.

Each figure is the median of ``--runs`` runs; memory is the peak resident set of the process
(for the server, at the end). Time is wall-clock on a machine shared with other work; the
CPU seconds of the process are given too.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
CITYDIP = [PY, "-m", "citydip"]


@dataclass
class Runs:
    """Wall seconds, CPU seconds and peak MiB of each run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float, mib: float) -> None:
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.mib.append(mib)

    def cell(self) -> str:
        if not self.wall:
            return "–"
        wall, cpu = statistics.median(self.wall), statistics.median(self.cpu)
        return f"{_s(wall)} ({_s(cpu)} CPU, {max(self.mib):.0f} MiB)"

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def _s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def run(cmd: list[str], env: dict[str, str], runs: Runs | None = None) -> float:
    """One fresh process; its wall time (and CPU time and peak memory into ``runs``).

    GNU time reads the process's memory and CPU time: it is a small process, so the peak
    is the command's own, not the big benchmark process it was forked from."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stamp:
        timed = [TIME, "-f", "%M %U %S", "-o", stamp.name, *cmd] if TIME else cmd
        start = time.perf_counter()
        done = subprocess.run(timed, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        if done.returncode:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-1000:]}")
        kib, user, system = (stamp.read().split() or ["nan", "nan", "nan"])[-3:]
    if runs is not None:
        runs.add(wall, float(user) + float(system), float(kib) / 1024)
    return wall


def emptied(fresh: Path, target: Path) -> Path:
    """A copy of ``fresh`` with nothing cached, as any write leaves it."""
    shutil.copyfile(fresh, target)
    with sqlite3.connect(target) as conn:
        conn.execute("DELETE FROM derived")
    return target


def edge_list(db: Path, out: Path) -> Path:
    """The store's graph as numbered edges (for the bare igraph yardstick)."""
    from citydip.analysis.network.graph import build_network
    from citydip.store import open_store

    store = open_store(db)
    graph = build_network(store).graph
    store.close()
    lines = [str(graph.vcount())] + [f"{a} {b}" for a, b in graph.get_edgelist()]
    out.write_text("\n".join(lines) + "\n")
    return out


def cities_sql() -> str:
    from citydip.analysis.directory import _DEGREE

    return (
        _DEGREE + "SELECT e.id, e.name, e.country, e.level, e.population, COALESCE(d.n, 0) "
        "AS ties, COUNT(*) OVER () FROM entities e LEFT JOIN degree d ON d.e = e.id "
        "WHERE e.type = 'place' ORDER BY ties DESC, e.name, e.id LIMIT 50;"
    )


@dataclass
class Row:
    """One command: its three states and its yardstick."""

    name: str
    target: str
    cold: Runs = field(default_factory=Runs)
    warm: Runs = field(default_factory=Runs)
    after_write: Runs = field(default_factory=Runs)
    yardstick: str = ""
    base: Runs = field(default_factory=Runs)
    verdict: str = ""


def commands(
    fresh: Path, work: Path, env: dict[str, str], runs: int, quick: bool, bare: Runs
) -> list[Row]:
    """Every command cold, warm and after a write, beside its yardstick."""
    edges = edge_list(fresh, work / "edges.txt")
    bare_python = [PY, "-c", "import json"]
    sqlite = shutil.which("sqlite3")
    start_up = "≤ 10× bare Python (cold)"
    table: list[tuple[str, list[str], str, str, list[str] | None]] = [
        (
            "network stats",
            ["network", "stats", "-q"],
            "warm ≤ 0.5 s, cold ≤ 1.2× bare",
            "bare igraph, same statistics",
            [PY, str(HERE / "speed_bare.py"), "stats", str(edges)],
        ),
        (
            "network city Taipei",
            ["network", "city", "Taipei", "-q"],
            "cold ≤ 3 s, warm ≤ 0.3 s",
            "bare igraph, same centralities",
            [PY, str(HERE / "speed_bare.py"), "centralities", str(edges)],
        ),
        (
            "network top --by betweenness",
            ["network", "top", "--by", "betweenness", "-q"],
            "",
            "bare igraph, same centralities",
            [PY, str(HERE / "speed_bare.py"), "centralities", str(edges)],
        ),
        ("conflicts", ["conflicts"], "≤ 1 s", "bare Python start", bare_python),
        ("city Bristol", ["city", "Bristol"], start_up, "bare Python start", bare_python),
        (
            "compare Yokohama Taipei",
            ["compare", "Yokohama", "Taipei"],
            start_up,
            "bare Python start",
            bare_python,
        ),
        (
            "cities",
            ["cities"],
            start_up,
            "the same query in sqlite3" if sqlite else "bare Python",
            [sqlite, "-readonly", "{db}", cities_sql()] if sqlite else bare_python,
        ),
        ("org C40", ["org", "C40"], start_up, "bare Python start", bare_python),
        ("place Yokohama", ["place", "Yokohama"], start_up, "bare Python start", bare_python),
    ]
    rows = []
    for name, args, target, yard, base in table:
        row = Row(name, target, yardstick=yard)
        for i in range(runs):
            db = work / f"cold-{i}.db"
            shutil.copyfile(fresh, db)
            cmd_env = env | {"CITYDIP_DB": str(db)}
            run([*CITYDIP, *args], cmd_env, row.cold)
            run([*CITYDIP, *args], cmd_env, row.warm)
            if base is not None:
                run([a.replace("{db}", str(db)) for a in base], cmd_env, row.base)
            if not quick and name.startswith(("network", "conflicts")):
                stale = emptied(fresh, work / f"stale-{i}.db")
                run([*CITYDIP, *args], env | {"CITYDIP_DB": str(stale)}, row.after_write)
                stale.unlink()
            db.unlink()
        row.verdict = judge(row, bare.median, bare.median_cpu)
        rows.append(row)
        print(name, row.cold.cell(), row.warm.cell(), row.base.cell(), row.verdict, flush=True)
    return rows


def judge(row: Row, bare: float, bare_cpu: float) -> str:
    """Whether the row meets its target on wall time and, since the machine is shared, on
    the CPU time of the processes (empty when it has no target)."""
    if not row.target:
        return ""
    wall = _verdict(row, row.cold.median, row.warm.median, row.base.median, bare)
    cpu = _verdict(row, row.cold.median_cpu, row.warm.median_cpu, row.base.median_cpu, bare_cpu)
    return f"wall: {wall}; CPU: {cpu}"


def _verdict(row: Row, cold: float, warm: float, base: float, bare: float) -> str:
    if row.name == "network stats":
        ratio = cold / base
        ok = warm <= 0.5 and ratio <= 1.2
        return f"{'met' if ok else 'NOT met'} (warm {_s(warm)}, cold {ratio:.2f}× bare igraph)"
    if row.name.startswith("network city"):
        ok = cold <= 3 and warm <= 0.3
        return f"{'met' if ok else 'NOT met'} (cold {_s(cold)}, warm {_s(warm)})"
    if row.name == "conflicts":
        return f"{'met' if cold <= 1 else 'NOT met'} ({_s(cold)})"
    factor = cold / bare
    return f"{'met' if factor <= 10 else 'NOT met'} ({factor:.1f}× bare Python)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 runs, a short load")
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=None)
    args = parser.parse_args()
    runs = args.runs or (2 if args.quick else 5)
    duration = args.duration or (3.0 if args.quick else 10.0)
    began = time.perf_counter()
    from speed_web import pages

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = dict(os.environ, CITYDIP_HOME=str(work / "home"), COLUMNS="160")
        for name in ("CITYDIP_DB", "CITYDIP_TOKEN"):
            env.pop(name, None)
        build = Runs()
        run([*CITYDIP, "cities", "-n", "1"], env, build)
        (fresh,) = (work / "home").glob("default-*.db")
        bare = Runs()
        for _ in range(max(runs, 5)):
            run([PY, "-c", "import json"], env, bare)
        rows = commands(fresh, work, env, runs, args.quick, bare)
        web = pages(fresh, work, env, runs, args.clients, duration)
    out = HERE / "results" / ("speed-quick.md" if args.quick else "speed.md")
    out.write_text(report(build, bare, rows, web, runs, time.perf_counter() - began))
    print(out.read_text())


def report(build: Runs, bare: Runs, rows: list[Row], web: list[str], runs: int, took: float) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = os.getloadavg()[0]
    lines = [
        "# Speed at world scale (issue 21)",
        "",
        f"`benchmarks/speed.py`, run {datetime.now():%Y-%m-%d %H:%M}, {machine}, shared with "
        f"other work (load average {load:.1f} at the end); {took:.0f} s in all. Medians of "
        f"{runs} runs; each cell: wall time (CPU time of the process, its peak memory).",
        "",
        f'- Bare Python start (`python -c "import json"`): {bare.cell()}.',
        f"- First-use build of the default store (curated + world data, then its graph, "
        f"centralities, overview, conflicts and listing of places computed): {build.cell()} "
        "(once; target ≤ 20 s).",
        "",
        "## Commands (fresh processes)",
        "",
        "*Cold*: the first run on a freshly built default store; *warm*: the same command "
        "again; *after a write*: the first run once any write has made the cache stale "
        "(nothing cached: the graph is built from the claims). Targets are judged on wall "
        "time and on CPU time (the machine is shared: wall time includes waiting for a "
        "core). The CPU time of a bare Python start rounds to 10 ms, which makes the "
        "CPU factors coarse.",
        "",
        "| command | cold | warm | after a write | yardstick | yardstick time | target | result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| `citydip {r.name}` | {r.cold.cell()} | {r.warm.cell()} | "
            f"{r.after_write.cell()} | {r.yardstick} | {r.base.cell()} | {r.target} | "
            f"{r.verdict} |"
        )
    return "\n".join([*lines, "", *web]) + "\n"


if __name__ == "__main__":
    main()
