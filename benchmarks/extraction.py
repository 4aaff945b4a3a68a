"""Extraction benchmark: precision/recall on the founding essay, the held-out texts, the
development set and the frozen test set; throughput; a 20-page PDF.

Run:  .venv/bin/python benchmarks/extraction.py
Writes benchmarks/results/extraction.md and appends one line to
benchmarks/results/extraction-test-history.md (every scoring of the frozen test set, with
its commit, so that the number of looks stays visible). Needs ../shared/seed (the essay) and
fpdf2 (dev dependency, to write the PDF).

Targets (issue 13), on the frozen test set (benchmarks/gold/test/, texts the rules never
saw): pooled precision >= 0.85 and recall >= 0.70 over ties, denied ties, memberships,
awards, counts and populations; ties recall >= 0.70 with kind right >= 0.95 and status
right >= 0.9; no denied tie extracted as a tie; >= 200 KB/s; the essay P, R >= 0.95.
The test set's misses are not listed (so as not to tune on them); the dev set's are.
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ESSAY = HERE.parents[1] / "shared" / "seed" / "maturing-city-diplomacy-yokohama-taipei.txt"
GOLD = HERE / "gold" / "essay-claims.yaml"
HELDOUT = HERE / "gold" / "heldout"
HELDOUT_GOLD = HERE / "gold" / "heldout-claims.yaml"
DEV = HERE / "gold" / "dev"
DEV_GOLD = HERE / "gold" / "dev-claims.yaml"
TEST = HERE / "gold" / "test"
TEST_GOLD = HERE / "gold" / "test-claims.yaml"
RESULTS = HERE / "results" / "extraction.md"
HISTORY = HERE / "results" / "extraction-test-history.md"
# What the pooled figures are over (first/latest ties, programmes, events... are not).
SCORED = ("tie", "non_tie", "membership", "non_membership", "award", "count", "population")


def main() -> int:
    if not ESSAY.exists():
        print(f"skipped: the essay is not at {ESSAY}")
        return 0
    from citydip.cli.progress import Bars
    from citydip.ingest.text.extract import extract_claims, extract_file
    from citydip.ingest.text.pipeline import build_pipeline
    from citydip.ingest.text.registry import Registry
    from citydip.ingest.text.score import load_gold, score, score_documents
    from citydip.ingest.text.segment import prepare
    from citydip.stores import build_store

    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        registry = Registry.from_store(store)
        build_pipeline(registry)
        setup = time.perf_counter() - t0

        extraction = extract_file(ESSAY, store)
        result = score(extraction.claims, load_gold(GOLD))
        heldout = score_documents(HELDOUT, load_gold(HELDOUT_GOLD), store)
        dev = score_documents(DEV, load_gold(DEV_GOLD), store, SCORED)
        test = score_documents(TEST, load_gold(TEST_GOLD), store, SCORED)

        text = ESSAY.read_text(encoding="utf-8")
        body = text[: prepare(text)[1]]
        big = "\n\n".join([body] * max(1, 1_000_000 // len(body)))
        t0, c0 = time.perf_counter(), time.process_time()
        claims = extract_claims(big, registry)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        corpus = "\n\n".join(
            p.read_text(encoding="utf-8")
            for folder in (DEV, TEST, HELDOUT)
            for p in sorted(folder.iterdir())
        )
        dense = "\n\n".join([corpus] * max(1, 500_000 // len(corpus)))
        c0 = time.perf_counter(), time.process_time()
        dense_claims = extract_claims(dense, registry)
        dense_cpu = time.process_time() - c0[1]
        dense_kb = len(dense.encode("utf-8")) / 1000
        kb = len(big.encode("utf-8")) / 1000

        pdf_path = Path(tmp) / "twenty-pages.pdf"
        pages = _write_pdf(body, pdf_path, pages=20)
        t0 = time.perf_counter()
        pdf = extract_file(pdf_path, store, progress=Bars())
        pdf_seconds = time.perf_counter() - t0
        store.close()

    lines += [
        "# Extraction benchmark",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, one process.",
        "Run: `.venv/bin/python benchmarks/extraction.py` (writes this file).",
        "",
        "## Precision and recall on the founding essay",
        "",
        f"Gold: `benchmarks/gold/essay-claims.yaml` ({sum(result.gold.values())} claims). "
        "Targets: precision >= 0.95, recall >= 0.95.",
        "",
    ]
    lines += _table(result)
    lines += [
        "",
        "## Precision and recall on held-out texts",
        "",
        f"Gold: `benchmarks/gold/heldout-claims.yaml` ({sum(heldout.gold.values())} claims) over "
        f"{len(list(HELDOUT.glob('*.txt')))} short news-style texts in `benchmarks/gold/heldout/` "
        "about cities the essay does not discuss, annotated before the rules were changed for "
        "them (they have since been used to fix the rules, so this is no longer a blind score).",
        "Before those fixes the rules scored precision 0.231, recall 0.094 (3 of 32) here.",
        "",
    ]
    lines += _table(heldout)
    lines += [
        "",
        "## Development set",
        "",
        f"Gold: `benchmarks/gold/dev-claims.yaml` ({sum(dev.gold.values())} claims of the "
        f"scored types) over {len(list(DEV.iterdir()))} texts in `benchmarks/gold/dev/` "
        "(news, press release with bulleted lists, academic comparison, encyclopedia twin-town "
        "list, ended/suspended/proposed/denied ties, numbers and dates). Used to shape the rules.",
        "",
    ]
    lines += [*_table(dev), "", *_ties(dev)]
    lines += [
        "",
        "## Frozen test set (texts the rules never saw)",
        "",
        f"Gold: `benchmarks/gold/test-claims.yaml` ({sum(test.gold.values())} claims of the "
        f"scored types) over {len(list(TEST.iterdir()))} texts in `benchmarks/gold/test/`, "
        "written and committed before any rule change for issue 13, the same six genres as "
        "the dev set with other cities and wording. Scored once per change; every scoring is "
        "logged in `benchmarks/results/extraction-test-history.md`. Misses are not listed here.",
        "Targets: pooled P >= 0.85, R >= 0.70; ties R >= 0.70, kind >= 0.95, status >= 0.9; "
        "no denied tie extracted as a tie.",
        "",
    ]
    lines += [*_table(test, listing=False), "", *_ties(test)]
    _log_test(test)
    lines += [
        "",
        "## Throughput",
        "",
        "Pipeline set-up (registry from the default store with the world data, the name and "
        f"cue matcher): {setup:.2f} s.",
        f"Text: the essay's body repeated to {kb:,.0f} KB; {len(claims)} distinct claims.",
        f"Extraction: {seconds:.2f} s wall, {cpu:.2f} s CPU: **{kb / cpu:,.0f} KB per CPU "
        f"second** on one core ({kb / seconds:,.0f} KB/s wall on a shared machine; target "
        ">= 200 KB/s). Repeated text hits the gazetteer cache more than new text would.",
        f"Claim-dense text (the dev, test and held-out texts repeated to {dense_kb:,.0f} KB, "
        f"{len(dense_claims)} distinct claims): {dense_cpu:.2f} s CPU, "
        f"**{dense_kb / dense_cpu:,.0f} KB per CPU second**.",
        "",
        "## A 20-page PDF",
        "",
        f"A {pages}-page PDF written with fpdf2 from the essay's body "
        f"({len(pdf.document.text):,} characters of text layer): read and extracted in "
        f"{pdf_seconds:.2f} s with the progress bar on, {len(pdf.claims)} claims.",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    ok = result.precision() >= 0.95 and result.recall() >= 0.95 and kb / cpu >= 200
    return 0 if ok else 1


def _ties(result: Any) -> list[str]:
    return [
        f"Ties: recall {result.recall('tie'):.3f}; kind right {result.kind_right} of "
        f"{result.kind_total} ({result.kind_accuracy():.3f}); status right "
        f"{result.status_right} of {result.status_total} ({result.status_accuracy():.3f}); "
        f"denied ties extracted as ties: {len(result.denied_as_tie)}.",
    ]


def _log_test(result: Any) -> None:
    import subprocess
    from datetime import datetime

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=HERE
    ).stdout.strip()
    if not HISTORY.exists():
        HISTORY.write_text(
            "# Every scoring of the frozen test set\n\n"
            "| when (UTC) | commit | P | R | ties R | kind | status | denied as tie |\n"
            "|---|---|---:|---:|---:|---:|---:|---:|\n",
            encoding="utf-8",
        )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    with HISTORY.open("a", encoding="utf-8") as out:
        out.write(
            f"| {when} | {commit} | {result.precision():.3f} | {result.recall():.3f} "
            f"| {result.recall('tie'):.3f} | {result.kind_accuracy():.3f} "
            f"| {result.status_accuracy():.3f} | {len(result.denied_as_tie)} |\n"
        )


def _table(result: Any, listing: bool = True) -> list[str]:
    lines = [
        "| type | gold | extracted | correct | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in result.rows():
        lines.append(
            f"| {row['type']} | {row['gold']} | {row['extracted']} | {row['correct']} "
            f"| {row['precision']:.3f} | {row['recall']:.3f} |"
        )
    if not listing:
        return lines
    lines += ["", "Extracted but not in the gold (false positives):", ""]
    lines += [
        f"- {c.type} {c.subject.name} -> {c.object.name if c.object else c.value} ({c.year})"
        for c in result.wrong
    ] or ["- none"]
    lines += ["", "In the gold but not extracted (misses):", ""]
    lines += [
        f"- {g.type} {g.subject} {g.objects or g.value} ({g.document + ': ' if g.document else ''}"
        f"{g.locator})"
        for g in result.missed
    ] or ["- none"]
    return lines


def _write_pdf(body: str, path: Path, pages: int) -> int:
    from fpdf import FPDF

    from citydip.ingest.text.segment import prepare

    text = prepare(body)[0].encode("latin-1", "replace").decode("latin-1")
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    while pdf.page_no() < pages:
        pdf.add_page() if pdf.page_no() == 0 else None
        for paragraph in text.split("\n\n"):
            if paragraph.strip():
                pdf.multi_cell(0, 5, paragraph.strip())
                pdf.ln(3)
            if pdf.page_no() >= pages:
                break
    pdf.output(str(path))
    return int(pdf.page_no())


if __name__ == "__main__":
    sys.exit(main())
