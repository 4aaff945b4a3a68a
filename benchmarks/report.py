"""Time to write the Yokohama–Taipei briefing as PDF and HTML, and the PDF's size.

Run:  .venv/bin/python benchmarks/report.py [--runs 5]
Writes benchmarks/results/report.md. Target: a few seconds (≤ 5 s) for the PDF command and
≤ 2 s for HTML, each a cold `citydip report` process on a store already built (CPU time,
since the machine is shared; wall time shown too); the in-process steps (gather, render
HTML, typeset PDF) are timed separately.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
CITIES = ["Yokohama", "Taipei"]
TARGETS = {"pdf": 5.0, "html": 2.0}


def _cold(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of a command run ``runs`` times."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _steps(db: Path, runs: int) -> tuple[dict[str, float], bytes]:
    from citydip.api import briefing
    from citydip.report.briefing import render_html
    from citydip.report.pdf import html_to_pdf
    from citydip.store import open_store

    times: dict[str, list[float]] = {"gather (api.briefing)": [], "render HTML": [], "PDF": []}
    pdf = b""
    for _ in range(runs):
        with open_store(db) as store:
            t0 = time.perf_counter()
            content = briefing(store, CITIES)
            t1 = time.perf_counter()
        html = render_html(content)
        t2 = time.perf_counter()
        pdf = html_to_pdf(html)
        t3 = time.perf_counter()
        for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            times[key].append(value)
    return {k: statistics.median(v) for k, v in times.items()}, pdf


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from pypdf import PdfReader

    from citydip.stores import build_store

    script = str(Path(sys.executable).with_name("citydip"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "citydip.db"
        build_store(db).close()
        env = dict(os.environ, CITYDIP_DB=str(db))
        steps, pdf = _steps(db, args.runs)
        out = Path(tmp)
        cold = {
            fmt: _cold([script, "report", *CITIES, "--out", str(out / f"b.{fmt}")], env, args.runs)
            for fmt in ("pdf", "html")
        }
        html_size = (out / "b.html").stat().st_size
        pdf_size = (out / "b.pdf").stat().st_size
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    lines = [
        "# Briefing report: Yokohama and Taipei",
        "",
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared); median of {args.runs} runs on the curated store.",
        "",
        f"Load average when done: {os.getloadavg()[0]:.1f} (other work on the machine "
        "stretches wall time; CPU time is the process's own).",
        "",
        "The process is single-threaded, so on an idle machine its wall time is its CPU time;",
        "the target is judged on CPU time and both are shown.",
        "",
        "| command (cold process) | wall s | CPU s | target | met (CPU) | met (wall) |",
        "|---|---|---|---|---|---|",
    ]
    for fmt, (wall, cpu) in cold.items():
        met = ("yes" if cpu <= TARGETS[fmt] else "no") + " | "
        met += "yes" if wall <= TARGETS[fmt] else "no"
        lines.append(
            f"| `citydip report Yokohama Taipei --out b.{fmt}` | {wall:.2f} | {cpu:.2f} | "
            f"≤ {TARGETS[fmt]:.0f} | {met} |"
        )
    lines += ["", "| step (in process) | seconds |", "|---|---|"]
    lines += [f"| {k} | {v:.3f} |" for k, v in steps.items()]
    lines += [
        "",
        f"PDF: {pdf_size / 1024:.0f} KiB, {pages} pages. HTML: {html_size / 1024:.0f} KiB "
        "(self-contained, inline SVG).",
        "",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
