"""Extraction at scale: long inputs stay linear, a batch runs on several processes.

Run:  .venv/bin/python benchmarks/extraction_scale.py
Writes benchmarks/results/extraction-scale.md.

1. Long inputs (issue 15, item 3): 2,000 one-line paragraphs with and without blank lines
   (before the fix 2.0 s and 26.6 s), a ~1.9 MB file of one-line paragraphs, and one 5 MB
   line (before: spaCy E088).
2. A batch of documents (the gold texts of benchmarks/gold/, each repeated to ~40 KB)
   read by ``citydip.ingest.text.batch.extract_batch`` on 1 and 2 processes.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "extraction-scale.md"
ROUNDS = 7
LINE = "Lyon has been twinned with Birmingham since 1951 and joined Eurocities in 1990."


def main() -> int:
    from citydip.ingest.text.batch import extract_batch
    from citydip.ingest.text.extract import extract_claims
    from citydip.ingest.text.pipeline import build_pipeline
    from citydip.ingest.text.registry import Registry
    from citydip.stores import build_store

    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp) / "scale.db")
        registry = Registry.from_store(store)
        store.close()
        curated = build_store(Path(tmp) / "curated.db", world=False)
        small = Registry.from_store(curated)  # the batch: a registry without the world data
        curated.close()
    build_pipeline(registry)
    extract_claims(LINE, registry)  # warm up

    rows = []
    load_before = os.getloadavg()[0]
    for label, text in _long_inputs():
        t0, c0 = time.perf_counter(), time.process_time()
        claims = extract_claims(text, registry)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        kb = len(text.encode("utf-8")) / 1000
        rows.append(
            f"| {label} | {kb:,.0f} | {seconds:.2f} | {cpu:.2f} | {kb / cpu:,.0f} | {len(claims)} |"
        )

    texts = _batch()
    total_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
    timings: dict[int, float] = {}
    cpu: dict[int, float] = {}
    ratios: list[float] = []
    for round_ in range(ROUNDS):  # the machine is shared: alternate, keep best and median
        seconds_of: dict[int, float] = {}
        for workers in (1, 2) if round_ % 2 == 0 else (2, 1):
            t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
            results = extract_batch(texts, small, workers=workers)
            seconds = time.perf_counter() - t0
            used = time.process_time() - c0 + _children_cpu() - k0
            seconds_of[workers] = seconds
            if seconds < timings.get(workers, float("inf")):
                timings[workers], cpu[workers] = seconds, used
            claims = sum(len(r) for r in results)
        ratios.append(seconds_of[1] / seconds_of[2])
    speedup = timings[1] / timings[2]
    median = sorted(ratios)[len(ratios) // 2]
    free = _free_parallelism()
    load_after = os.getloadavg()[0]

    lines = [
        "# Extraction at scale",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores (shared with other work), "
        f"Python {platform.python_version()}.",
        "Run: `.venv/bin/python benchmarks/extraction_scale.py` (writes this file).",
        "",
        "## Long inputs (linear in the size of the text)",
        "",
        "Before the fix (issue 15): 2,000 one-line paragraphs took 2.0 s with blank lines and "
        "26.6 s without; a 1.9 MB file was still running at 300 s; a 5 MB line failed (E088). "
        "Docs are now cut at any unit boundary every ~8 KB and sentences are capped at 2,000 "
        "characters, so the work per byte does not depend on where blank lines fall.",
        "",
        f"Load average when run: {load_before:.1f} before, {load_after:.1f} after (2 cores): "
        "wall-clock seconds include waiting for the CPU, so KB/s is given per CPU second.",
        "",
        "| input | KB | wall s | CPU s | KB per CPU s | claims |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "## A batch on several processes",
        "",
        f"{len(texts)} documents ({total_kb:,.0f} KB: the dev, test and held-out gold texts, "
        f"each repeated to ~40 KB), {claims} claims in all.",
        "",
        f"Registry of the curated store (without the world data: a smaller process to fork). "
        f"{ROUNDS} rounds, 1 and 2 processes alternating; best wall time of each.",
        "",
        "| processes | wall seconds | KB/s wall | CPU seconds, all processes |",
        "|---:|---:|---:|---:|",
        *(f"| {w} | {s:.2f} | {total_kb / s:,.0f} | {cpu[w]:.2f} |" for w, s in timings.items()),
        "",
        f"Wall-clock speed-up on 2 processes: **{speedup:.2f}x** best against best, "
        f"{median:.2f}x the median of the rounds' ratios, with the machine's load "
        f"average at {load_after:.1f} on its 2 cores (other sessions' test suites running): "
        "2 processes can only get the share of the CPU the scheduler gives them. The CPU work "
        f"of the batch is {cpu[2] / cpu[1]:.2f} times that of one process (the parallel "
        "overhead: forking, sending the registry, each worker's first pipeline call), so on an "
        f"idle 2-core machine the speed-up would be about {2 * cpu[1] / cpu[2]:.2f}x.",
        "",
        f"Control: a pure-Python busy loop split over 2 processes ran {free:.2f}x as fast as "
        "on 1 at the same time: that is the parallelism the machine had free, the ceiling "
        "for any batch here.",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _free_parallelism(n: int = 6_000_000) -> float:
    """How much faster 2 processes do a fixed CPU-bound job than 1, right now."""
    from concurrent.futures import ProcessPoolExecutor

    best = {}
    for workers in (1, 2, 1, 2, 1, 2):
        with ProcessPoolExecutor(workers) as pool:
            t0 = time.perf_counter()
            list(pool.map(_spin, [n // workers] * workers))
            seconds = time.perf_counter() - t0
        best[workers] = min(best.get(workers, seconds), seconds)
    return best[1] / best[2]


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _long_inputs() -> list[tuple[str, str]]:
    paragraphs = [f"{LINE} Paragraph {i}." for i in range(2000)]
    big = [f"{LINE} Paragraph {i}." for i in range(1_900_000 // (len(LINE) + 16))]
    line = " ".join([LINE] * (5_000_000 // (len(LINE) + 1)))
    return [
        ("2,000 one-line paragraphs, blank lines between", "\n\n".join(paragraphs)),
        ("2,000 one-line paragraphs, no blank lines", "\n".join(paragraphs)),
        ("~1.9 MB of one-line paragraphs, no blank lines", "\n".join(big)),
        ("one 5 MB line", line),
    ]


def _batch() -> list[str]:
    texts = []
    for folder in ("dev", "test", "heldout"):
        for path in sorted((HERE / "gold" / folder).iterdir()):
            text = path.read_text(encoding="utf-8")
            texts.append("\n\n".join([text] * max(1, 40_000 // len(text))))
    return texts


if __name__ == "__main__":
    sys.exit(main())
