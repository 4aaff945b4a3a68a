"""Speed at world scale (issue 21): every command and page, cold and warm, each beside its
yardstick measured in the same run, with its peak memory.

    .venv/bin/python benchmarks/speed.py            # medians of 5 runs; ~4 min on 2 cores
    .venv/bin/python benchmarks/speed.py --quick    # 2 runs, a short load: for development

Writes benchmarks/results/speed.md (``--quick``: speed-quick.md). Steps:

1. the first-use build of the default store in a fresh ``CITYDIP_HOME`` (``citydip cities``
   as the first command; three times, one without ``--quick``); the first one's file is
   kept as *fresh*, and a copy with the derived cache emptied as *after a write* (what any
   import, review or update leaves: nothing cached);
2. commands as fresh processes: *cold* is the first run on a copy of the fresh store,
   *warm* the same command again on that copy; *after a write* the first run on the emptied
   copy. Yardsticks: a bare Python start (``python -c "import json"``) just before each
   cold run, the factor of a start-up is taken over those; bare igraph on the
   same edge list computing the same statistics or centralities (``speed_bare.py``, same
   sampled sources); the same SQL query in the ``sqlite3`` shell for store reads;
3. pages and API calls of ``citydip serve``: the first request for each after the server
   started on a copy of the fresh store (cold), then again (warm); beside them the
   server's static CSS (its floor); then ``--clients`` connections for ``--duration``
   seconds over every path (wrk if installed), p99 latency.

Each figure is the median of ``--runs`` runs; memory is the peak resident set of the process
(for the server, at the end). Time is wall-clock on a machine shared with other work; the
CPU seconds of the process (``wait4``, to the microsecond) and the load average are given
too. citydip's modules are compiled to bytecode first, as an installed package's are.
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

    CPU time is the kernel's account (``wait4``, to the microsecond) of the process and of
    GNU time around it (a millisecond); the peak memory is GNU time's reading of the command
    alone (a process forked from this big benchmark process would report this one's)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stamp:
        timed = [TIME, "-f", "%M", "-o", stamp.name, *cmd] if TIME else cmd
        start = time.perf_counter()
        child = subprocess.Popen(timed, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stderr.close()
        if child.returncode:
            raise SystemExit(f"{' '.join(cmd)} failed: {errors.decode()[-1000:]}")
        kib = float((stamp.read().split() or ["nan"])[-1]) if TIME else usage.ru_maxrss
    if runs is not None:
        runs.add(wall, usage.ru_utime + usage.ru_stime, kib / 1024)
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
    bare: Runs = field(default_factory=Runs)  # a bare Python start beside each cold run
    load: list[float] = field(default_factory=list)  # the load average at each cold run
    verdict: str = ""


def commands(fresh: Path, work: Path, env: dict[str, str], runs: int, quick: bool) -> list[Row]:
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
            row.load.append(os.getloadavg()[0])
            run(bare_python, cmd_env, row.bare)
            run([*CITYDIP, *args], cmd_env, row.cold)
            run([*CITYDIP, *args], cmd_env, row.warm)
            if base is not None and base is not bare_python:
                run([a.replace("{db}", str(db)) for a in base], cmd_env, row.base)
            if not quick and name.startswith(("network", "conflicts")):
                stale = emptied(fresh, work / f"stale-{i}.db")
                run([*CITYDIP, *args], env | {"CITYDIP_DB": str(stale)}, row.after_write)
                stale.unlink()
            db.unlink()
        if base is bare_python:
            row.base = row.bare
        row.verdict = judge(row)
        rows.append(row)
        print(name, row.cold.cell(), row.warm.cell(), row.base.cell(), row.verdict, flush=True)
    return rows


def judge(row: Row) -> str:
    """Whether the row meets its target on wall time and, since the machine is shared, on
    the CPU time of the processes (empty when it has no target); a start-up is judged
    against the bare Python starts run beside its own cold runs."""
    if not row.target:
        return ""
    bare, bare_cpu = row.bare.median, row.bare.median_cpu
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
    loads = [os.getloadavg()[0]]
    from speed_web import pages

    # As an installed package runs: its modules compiled once (pip does it at install).
    # PYTHONDONTWRITEBYTECODE in the caller's environment would compile them at every start.
    source = Path(__file__).resolve().parents[1] / "src"
    subprocess.run([PY, "-m", "compileall", "-q", str(source)], check=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = dict(os.environ, COLUMNS="160")
        for name in ("CITYDIP_DB", "CITYDIP_TOKEN", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        build = Runs()
        for i in range(1 if args.quick else 3):
            home = work / f"home-{i}"
            run([*CITYDIP, "cities", "-n", "1"], env | {"CITYDIP_HOME": str(home)}, build)
        (fresh,) = (work / "home-0").glob("default-*.db")
        env["CITYDIP_HOME"] = str(work / "home-0")
        bare = Runs()
        for _ in range(max(runs, 5)):
            run([PY, "-c", "import json"], env, bare)
        rows = commands(fresh, work, env, runs, args.quick)
        loads.append(os.getloadavg()[0])
        web = pages(fresh, work, env, runs, args.clients, duration)
    loads.append(os.getloadavg()[0])
    out = HERE / "results" / ("speed-quick.md" if args.quick else "speed.md")
    took = time.perf_counter() - began
    out.write_text(report(build, bare, rows, web, runs, took, loads))
    print(out.read_text())


def _build_verdict(build: Runs) -> str:
    wall, cpu = build.median, build.median_cpu
    return (
        f"wall {'met' if wall <= 20 else 'NOT met'} ({_s(wall)}), "
        f"CPU {'met' if cpu <= 20 else 'NOT met'} ({_s(cpu)})"
    )


def report(
    build: Runs,
    bare: Runs,
    rows: list[Row],
    web: list[str],
    runs: int,
    took: float,
    loads: list[float],
) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    start, middle, end = loads
    lines = [
        "# Speed at world scale (issue 21)",
        "",
        f"`benchmarks/speed.py`, run {datetime.now():%Y-%m-%d %H:%M}, {machine}, shared with "
        f"other work (load average {start:.1f} at the start, {middle:.1f} after the commands, "
        f"{end:.1f} at the end); {took:.0f} s in all. Medians of {runs} runs; each cell: wall "
        "time (CPU time of the process, its peak memory); CPU time as the kernel accounts the "
        "process (`wait4`, to the microsecond), memory as GNU time reads it. citydip's "
        "modules are compiled to bytecode first, as an installed package's are "
        "(`PYTHONDONTWRITEBYTECODE` is not passed on).",
        "",
        f'- Bare Python start (`python -c "import json"`): {bare.cell()}.',
        f"- First-use build of the default store (curated + world data, then its graph, "
        f"centralities, overview, conflicts and listing of places computed), "
        f"{len(build.wall)} builds: {build.cell()}; target ≤ 20 s: {_build_verdict(build)} "
        "(CPU time is what the build costs, wall time what it took on this shared machine).",
        "",
        "## Commands (fresh processes)",
        "",
        "*Cold*: the first run on a freshly built default store; *warm*: the same command "
        "again; *after a write*: the first run once any write has made the cache stale "
        "(nothing cached: the graph is built from the claims). Each cold run is paired with a "
        "bare Python start just before it; a start-up factor is the median cold run over the "
        "median of those. Targets are judged on wall time and on CPU time (the machine is "
        "shared: wall time includes waiting for a core); *load* is the 1-minute load average "
        "at the row's runs.",
        "",
        "| command | cold | warm | after a write | yardstick | yardstick time | "
        "bare Python beside | load | target | result |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        load = f"{min(r.load):.1f}–{max(r.load):.1f}" if r.load else "–"
        lines.append(
            f"| `citydip {r.name}` | {r.cold.cell()} | {r.warm.cell()} | "
            f"{r.after_write.cell()} | {r.yardstick} | {r.base.cell()} | {r.bare.cell()} | "
            f"{load} | {r.target} | {r.verdict} |"
        )
    return "\n".join([*lines, "", *web]) + "\n"


if __name__ == "__main__":
    main()
