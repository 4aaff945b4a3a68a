"""Cold-process wall time of `citydip compare Yokohama Taipei` and `citydip --help`.

Run:  .venv/bin/python benchmarks/startup.py [--runs 15]
Writes benchmarks/results/startup.md and startup.json. Target: each within 12x a bare
`python -c "import json"` start measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_FACTOR = 12.0


def _time(cmd: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = str(Path(sys.executable).with_name("citydip"))
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, CITYDIP_HOME=home, COLUMNS="160")
        env.pop("CITYDIP_DB", None)
        start = time.perf_counter()
        subprocess.run(
            [script, "compare", "Yokohama", "Taipei"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        first_use = time.perf_counter() - start
        bare = _time([sys.executable, "-c", "import json"], env, args.runs)
        rows = {
            "citydip --help": _time([script, "--help"], env, args.runs),
            "citydip compare Yokohama Taipei": _time(
                [script, "compare", "Yokohama", "Taipei"], env, args.runs
            ),
            "citydip compare Yokohama Taipei --format json": _time(
                [script, "compare", "Yokohama", "Taipei", "--format", "json"], env, args.runs
            ),
        }
    results = {
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "runs": args.runs,
        "bare_python_s": round(bare, 4),
        "first_use_build_s": round(first_use, 3),
        "commands": {
            k: {
                "median_s": round(v, 4),
                "factor": round(v / bare, 2),
                "within_target": v / bare <= TARGET_FACTOR,
            }
            for k, v in rows.items()
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "startup.json").write_text(json.dumps(results, indent=2) + "\n")
    lines = [
        "# Start-up benchmark",
        "",
        f"Machine: {results['machine']}. Median of {args.runs} cold processes each.",
        f'Bare `python -c "import json"`: {bare * 1000:.1f} ms. Target: ≤ {TARGET_FACTOR:g}×.',
        f"First use (builds the embedded default store): {first_use:.2f} s (once).",
        "",
        "| command | median | × bare python | within target |",
        "|---|---|---|---|",
    ]
    for name, row in results["commands"].items():
        lines.append(
            f"| `{name}` | {row['median_s'] * 1000:.0f} ms | {row['factor']} | "
            f"{'yes' if row['within_target'] else 'NO'} |"
        )
    (RESULTS / "startup.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
