"""Benchmark the partner model and the typology (issue #20), on the default store.

1. ``citydip recommend evaluate --source S --holdout 0.1 --seed 0 --format json`` as a
   fresh process for the Wikidata crawl (``wikidata-p190-2016``) and the pair list
   (``hekman-twincities-2026``): wall time, and the model's and every baseline's AUC,
   precision@10, recall@10 and MRR. Targets: AUC ≥ 0.90 and above every baseline,
   precision@10 above every baseline, on both; the crawl in ≤ 60 s.
2. ``citydip recommend NAME`` warm (the model already kept in the store): wall time of a
   fresh process, best of REPEAT, for CITIES; and the library call alone in one process.
   Target: ≤ 1 s warm.
3. ``citydip typology``: Yokohama and Taipei's labels, evidence items and distinct sources
   (targets: expertise-driven / soft-power-driven, ≥ 5 items from ≥ 3 sources each), and
   the labels and confidences of SAMPLE random places with ties (every one gets a label).

Writes benchmarks/results/recommend.md.

    PYTHONPATH=src .venv/bin/python benchmarks/recommend.py
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "recommend.md"
CITYDIP = [sys.executable, "-m", "citydip"]
SOURCES = ("wikidata-p190-2016", "hekman-twincities-2026")
CITIES = ("Yokohama", "Taipei", "Bristol")
REPEAT = 3
SAMPLE = 100
SEED = 20
TARGET_AUC = 0.90
TARGET_EVALUATE_S = 60.0
TARGET_WARM_S = 1.0


def run(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [*CITYDIP, *args], capture_output=True, text=True, check=True, env=os.environ.copy()
    )
    return time.perf_counter() - start, done.stdout


def evaluation(source: str) -> tuple[float, dict[str, Any]]:
    args = ["recommend", "evaluate", "--source", source, "--holdout", "0.1", "--seed", "0"]
    seconds, out = run([*args, "--format", "json", "--quiet"])
    return seconds, json.loads(out)


def verdict(data: dict[str, Any]) -> tuple[bool, bool]:
    methods = data["random"]["methods"]
    model = methods["model"]
    others = [m for k, m in methods.items() if k != "model"]
    auc_ok = model["auc"] >= TARGET_AUC and all(model["auc"] > m["auc"] for m in others)
    p10_ok = all(model["precision_at_10"] > m["precision_at_10"] for m in others)
    return auc_ok, p10_ok


def main() -> None:
    lines = [
        "# Partner model and typology (issue #20)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores (shared with other work), Python {platform.python_version()}; "
        "`PYTHONPATH=src .venv/bin/python benchmarks/recommend.py`.",
        "",
        "## Evaluation: hidden ties against baselines (holdout 0.1, seed 0)",
        "",
    ]
    for source in SOURCES:
        seconds, data = evaluation(source)
        auc_ok, p10_ok = verdict(data)
        split = data["random"]
        lines += [
            f"### {source}: {data['places']:,} places, {data['ties']:,} ties",
            "",
            f"{split['held_out']:,} ties hidden, {split['queries']:,} places ranked; "
            f"{seconds:.1f} s wall (a fresh process)"
            + (f", target ≤ {TARGET_EVALUATE_S:g} s" if source == SOURCES[0] else "")
            + ".",
            "",
            "| method | auc | precision@10 | recall@10 | mrr |",
            "|---|---:|---:|---:|---:|",
        ]
        for name, m in split["methods"].items():
            lines.append(
                f"| {name} | {m['auc']:.4f} | {m['precision_at_10']:.4f} | "
                f"{m['recall_at_10']:.4f} | {m['mrr']:.4f} |"
            )
        lines += [
            "",
            f"AUC ≥ {TARGET_AUC} and above every baseline: {'met' if auc_ok else 'NOT met'}; "
            f"precision@10 above every baseline: {'met' if p10_ok else 'NOT met'}. "
            f"{data['temporal_note']}.",
            "",
        ]
        print(source, seconds, auc_ok, p10_ok, flush=True)
    lines += ["## `citydip recommend NAME`, warm", ""]
    run(["recommend", CITIES[0]])  # the model is fitted and kept once
    for city in CITIES:
        times = [run(["recommend", city, "--format", "json"])[0] for _ in range(REPEAT)]
        lines.append(f"- {city}: {min(times):.2f} s wall, best of {REPEAT} fresh processes")
    from citydip.api import recommend_partners
    from citydip.stores import open_db

    with open_db(None) as store:
        recommend_partners(store, CITIES[0])
        start = time.perf_counter()
        for city in CITIES:
            recommend_partners(store, city)
        per_call = (time.perf_counter() - start) / len(CITIES)
    lines += [
        f"- the library call in a warm process: {per_call * 1000:.0f} ms a city",
        f"- target ≤ {TARGET_WARM_S:g} s warm.",
        "",
        "## Typology",
        "",
    ]
    lines += typology_lines()
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


def typology_lines() -> list[str]:
    from citydip.api import city_typology, search_cities
    from citydip.stores import open_db

    out = []
    with open_db(None) as store:
        for city in ("Yokohama", "Taipei"):
            t = city_typology(store, city)
            sources = {e.source for e in t.evidence}
            out.append(
                f"- {city}: {t.label}, {t.confidence} confidence, {len(t.evidence)} pieces of "
                f"evidence from {len(sources)} distinct sources"
            )
        hits = search_cities(store, None, limit=20_000).hits
        with_ties = [h for h in hits if h.to_dict()["ties"] > 0]
        sample = random.Random(SEED).sample(with_ties, min(SAMPLE, len(with_ties)))
        labels: Counter[str] = Counter()
        start = time.perf_counter()
        for hit in sample:
            t = city_typology(store, hit.to_dict()["id"])
            labels[f"{t.label} / {t.confidence}"] += 1
        seconds = time.perf_counter() - start
    out.append(
        f"- {len(sample)} random places with ties (seed {SEED}), {seconds / len(sample) * 1000:.0f}"
        " ms each: " + ", ".join(f"{k}: {v}" for k, v in sorted(labels.items()))
    )
    return out


if __name__ == "__main__":
    main()
