"""The web half of benchmarks/speed.py: each page and API call of ``citydip serve``, the
first time after the server started on a freshly built store (cold) and again (warm), beside
the server's static CSS; then a bounded load at ``clients`` connections over every path."""

from __future__ import annotations

import asyncio
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from web_load import Call, free_port, load, wrk_load

PATHS = [
    ("home page", "/"),
    ("network page", "/network"),
    ("city page", "/cities/Yokohama"),
    ("compare page", "/compare?cities=" + quote("Yokohama,Taipei")),
    ("conflicts page", "/conflicts"),
    ("API city", "/api/cities/Taipei"),
    ("API network stats", "/api/network/stats"),
    ("API network city", "/api/network/cities/Taipei"),
    ("API network top", "/api/network/top?by=pagerank"),
    ("static CSS (the floor)", "/static/site.css"),
]
TARGET_P99_MS = 100.0


def _serve(db: Path, port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """``citydip serve`` over ``db``, its log in a file (a full pipe would stall it)."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "citydip", "serve", "--port", str(port)],
            env=env | {"CITYDIP_DB": str(db)},
            stdout=subprocess.DEVNULL,
            stderr=out,
        )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/static/site.css", timeout=2).is_success:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"citydip serve did not start: {log.read_text()[-2000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


FAILED: list[str] = []  # requests the server failed (counted in the report, not timed)


def _get(client: httpx.Client, path: str, into: list[float]) -> None:
    start = time.perf_counter()
    try:
        response = client.get(path, headers={"Accept-Encoding": "gzip"})
    except httpx.TransportError as exc:
        FAILED.append(f"{path}: {exc}")
        return
    took = time.perf_counter() - start
    if response.status_code != 200:
        FAILED.append(f"{path}: {response.status_code}")
        return
    into.append(took)


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms" if values else "failed"


def pages(
    fresh: Path, work: Path, env: dict[str, str], runs: int, clients: int, duration: float
) -> list[str]:
    cold: dict[str, list[float]] = {p: [] for _, p in PATHS}
    warm: dict[str, list[float]] = {p: [] for _, p in PATHS}
    peaks: list[float] = []
    loaded: dict[str, float] = {}
    env = {k: v for k, v in env.items() if k != "CITYDIP_TOKEN"}
    for i in range(runs):
        db = work / f"web-{i}.db"
        shutil.copyfile(fresh, db)
        port = free_port()
        server = _serve(db, port, env, work / f"serve-{i}.log")
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                for _, path in PATHS:
                    _get(client, path, cold[path])
                for _ in range(3):
                    for _, path in PATHS:
                        _get(client, path, warm[path])
            peaks.append(_peak_mib(server.pid))
            if i == runs - 1:
                loaded = _load(port, clients, duration)
        finally:
            _stop(server)
            db.unlink()
    return _report(cold, warm, max(peaks), loaded, clients, duration, runs)


def _load(port: int, clients: int, duration: float) -> dict[str, float]:
    base = f"http://127.0.0.1:{port}"
    paths = [Call("GET", p) for _, p in PATHS]
    try:
        if shutil.which("wrk"):
            return wrk_load(base, paths, clients, duration)
        return asyncio.run(load(base, paths, clients, duration))
    except SystemExit as exc:  # failed requests: reported, not hidden
        FAILED.append(f"under load: {str(exc).splitlines()[0]}")
        return {}


def _report(
    cold: dict[str, list[float]],
    warm: dict[str, list[float]],
    peak: float,
    loaded: dict[str, float],
    clients: int,
    duration: float,
    runs: int,
) -> list[str]:
    home = statistics.median(cold["/"]) if cold["/"] else float("inf")
    lines = [
        "## Pages and API calls (`citydip serve`, one process)",
        "",
        f"*Cold*: the first request after the server started on a freshly built default store "
        f"(median of {runs} servers); *warm*: the same request again (median of {3 * runs}). "
        f"Server peak memory: {peak:.0f} MiB. Target: the first home page ≤ 2 s "
        f"({'met' if home <= 2 else 'NOT met'}: {home * 1000:.0f} ms).",
        "",
        "| request | cold | warm |",
        "|---|---|---|",
    ]
    for label, path in PATHS:
        lines.append(f"| {label} `{path}` | {_ms(cold[path])} | {_ms(warm[path])} |")
    if loaded:
        p99 = loaded["p99"]
        lines += [
            "",
            f"Under load: {clients} connections for {duration:.0f} s over all {len(PATHS)} "
            f"paths ({'wrk' if shutil.which('wrk') else 'httpx'}, gzip): "
            f"{loaded['requests']:,.0f} requests, {loaded['throughput']:,.0f}/s, p50 "
            f"{loaded['p50']:.1f} ms, p99 {p99:.1f} ms, max {loaded['max']:.0f} ms. Target p99 ≤ "
            f"{TARGET_P99_MS:.0f} ms: {'met' if p99 <= TARGET_P99_MS else 'NOT met'}.",
        ]
    if FAILED:
        lines += ["", f"**{len(FAILED)} requests failed** (not timed), e.g.:", ""]
        lines += [f"- {line}" for line in FAILED[:5]]
    return lines
