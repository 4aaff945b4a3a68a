"""Extraction start-up and throughput (issue 22).

Run:  .venv/bin/python benchmarks/extraction_start.py
Writes benchmarks/results/extraction-start.md.

- Cold start: ``citydip extract`` of a 3 KB text in a fresh process (the default store, its
  name index already written once, as after the first run; the sources' bytecode compiled,
  as an installed package has it, even where PYTHONDONTWRITEBYTECODE is set), wall time and
  peak memory, against a bare ``python -c pass`` in the same run. Targets: <= 1 s wall,
  <= 250 MiB.
- Throughput: ``extract_claims`` on claim-dense text (our own texts in benchmarks/gold/dev,
  test and heldout, repeated) of about 0.5 and 1 MB, CPU seconds; target >= 300 KB per
  CPU second, and linear (the 1 MB text costs about twice the 0.5 MB one).
The texts are the self-written ones of issue 13; no third-party prose is needed.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "extraction-start.md"
FOLDERS = [HERE / "gold" / name for name in ("dev", "test", "heldout")]
RUNS = 5
REPEATS = 3  # extractions of each long text, in one process; the median is reported


def _corpus() -> str:
    return "\n\n".join(
        p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.iterdir())
    )


def _child(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MiB and CPU seconds of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{args} failed: {error}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> int:
    import compileall

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    compileall.compile_dir(ROOT / "src", quiet=1)  # as installed: not compiled at each start
    corpus = _corpus()
    with tempfile.TemporaryDirectory() as tmp:
        short = Path(tmp) / "three-kb.txt"
        short.write_text(corpus[:3000].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
        cli = [sys.executable, "-c", "from citydip.cli import run; run()", "extract", str(short)]
        _child(cli, env)  # the first run writes the name index beside the default store
        bare = [_child([sys.executable, "-c", "pass"], env) for _ in range(RUNS)]
        runs = [_child(cli, env) for _ in range(RUNS)]
    load = os.getloadavg()[0]

    from citydip.ingest.text.extract import extract_claims
    from citydip.ingest.text.registry import Registry
    from citydip.stores import default_db_path, open_db

    store = open_db(default_db_path())
    registry = Registry.from_store(store)
    extract_claims("Lyon is twinned with Birmingham.", registry)  # warm the matcher
    sizes = []
    for target in (500_000, 1_000_000):
        text = "\n\n".join([corpus] * max(1, target // len(corpus)))
        times = []
        for _ in range(REPEATS):  # the median of three: one run swings by +-8 % on this box
            c0 = time.process_time()
            claims = extract_claims(text, registry)
            times.append(time.process_time() - c0)
        sizes.append((len(text.encode("utf-8")) / 1000, statistics.median(times), len(claims)))
    store.close()

    wall = statistics.median(w for w, _, _ in runs)
    peak = max(m for _, m, _ in runs)
    cpu = statistics.median(c for _, _, c in runs)
    bare_wall = statistics.median(w for w, _, _ in bare)
    bare_peak = max(m for _, m, _ in bare)
    bare_cpu = statistics.median(c for _, _, c in bare)
    (kb1, cpu1, _), (kb2, cpu2, n2) = sizes
    lines = [
        "# Extraction: cold start and throughput (issue 22)",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f} during the run (a shared machine).",
        "Run: `.venv/bin/python benchmarks/extraction_start.py` (writes this file).",
        "",
        "## Cold start: `citydip extract` of a 3 KB text",
        "",
        f"Median of {RUNS} fresh processes each (the default store; its name index written "
        "by a first run; the sources' bytecode compiled, as installed).",
        "",
        "| process | wall (s) | CPU (s) | peak memory (MiB) |",
        "|---|---:|---:|---:|",
        f"| `python -c pass` | {bare_wall:.2f} | {bare_cpu:.2f} | {bare_peak:.0f} |",
        f"| `citydip extract` (3 KB) | {wall:.2f} | {cpu:.2f} | {peak:.0f} |",
        "",
        f"Targets: <= 1 s wall ({'met' if wall <= 1 else 'NOT met'}), <= 250 MiB "
        f"({'met' if peak <= 250 else 'NOT met'}); {wall / bare_wall:.0f}x the bare start's "
        f"wall time, {peak / bare_peak:.0f}x its memory.",
        "",
        "## Throughput (claim-dense text, one process, CPU time)",
        "",
        f"Median of {REPEATS} extractions of each text in one process.",
        "",
        "| text (KB) | CPU (s) | KB per CPU second |",
        "|---:|---:|---:|",
        f"| {kb1:,.0f} | {cpu1:.2f} | {kb1 / cpu1:,.0f} |",
        f"| {kb2:,.0f} | {cpu2:.2f} | {kb2 / cpu2:,.0f} |",
        "",
        f"Target >= 300 KB per CPU second ({'met' if kb2 / cpu2 >= 300 else 'NOT met'}); "
        f"doubling the text costs {cpu2 / cpu1:.2f}x the CPU (linear: about 2). "
        f"{n2} distinct claims in the larger text.",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0 if wall <= 1 and peak <= 250 and kb2 / cpu2 >= 300 else 1


if __name__ == "__main__":
    sys.exit(main())
