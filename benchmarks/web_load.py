"""Load test of the web face (issue 11): 50 concurrent clients against ``citydip serve``.

Starts ``citydip serve`` on a free loopback port over the chosen store (``--db``, else
``CITYDIP_DB``, else the embedded default store, the world dataset included), then for
each endpoint and the ``CITIES`` best-tied places of the store:

1. cold: one client asks for each city once, in turn: the time to compute and render a
   result the server has not cached yet (no queueing);
2. under load: ``CLIENTS`` connections each sending one request after another for
   ``DURATION`` seconds, rotating over the same cities (now cached: the server keeps
   results per store version until the store changes). The load client is wrk (Debian
   package ``wrk``, a C client, with a Lua script for the rotation and the percentiles)
   when it is installed, else a bounded asyncio httpx client (which spends more of the
   two cores on itself). Both ask for gzip, as browsers do.

Every response must be 200. Writes throughput and p50/p95/p99 latency to
benchmarks/results/web.md. Target: p99 ≤ 100 ms under load on this 2-core machine.

    .venv/bin/python benchmarks/web_load.py [--db FILE] [--duration 15] [--clients 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "web.md"
TARGET_P99_MS = 100.0
CITIES = 100


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {"CITYDIP_DB": str(db)}
    env.pop("CITYDIP_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "citydip", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/sources", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise SystemExit(f"citydip serve did not start: {process.stderr.read().decode()[-2000:]}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def load(
    base: str, paths: list[str], clients: int, duration: float, once: bool = False
) -> dict[str, float]:
    """``clients`` workers, each looping over ``paths`` (offset by its number) until time;
    with ``once``, every path exactly once."""
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        stop = time.perf_counter() + duration

        async def worker(n: int) -> None:
            i = n
            while (i < len(paths)) if once else (time.perf_counter() < stop):
                path = paths[i % len(paths)]
                i += clients
                start = time.perf_counter()
                response = await client.get(path)
                await response.aread()
                latencies.append(time.perf_counter() - start)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")

        began = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(clients)))
        elapsed = time.perf_counter() - began
    if errors:
        raise SystemExit(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    ms = [x * 1000 for x in latencies]
    return {
        "requests": len(ms),
        "throughput": len(ms) / elapsed,
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms),
        "mean": statistics.fmean(ms),
    }


WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "p99": %%f, ' ..
    '"max": %%f, "mean": %%f, "errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    latency.mean / 1e3, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk_load(base: str, paths: list[str], clients: int, duration: float) -> dict[str, float]:
    """The same load with wrk: ``clients`` connections on 2 threads for ``duration`` s."""
    import tempfile

    lua = WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{clients}", f"-d{duration:.0f}s", "-s", f.name, base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    result = json.loads(out.split("RESULT ", 1)[1].splitlines()[0])
    if result["errors"]:
        raise SystemExit(f"wrk: {result['errors']} failed requests\n{out}")
    result["throughput"] = result["requests"] / result["seconds"]
    return {k: float(v) for k, v in result.items() if k not in ("seconds", "errors")}


def cities(db: Path) -> tuple[list[str], int, int]:
    """The best-tied places' ids, and the store's places and ties."""
    from citydip import api
    from citydip.store import open_store

    store = open_store(db)
    try:
        top = api.network_top(store, "degree", CITIES)
        overview = api.network_overview(store)
    finally:
        store.close()
    return [r.id for r in top.rows], overview.places, overview.ties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--client", choices=("wrk", "httpx"), default=None)
    args = parser.parse_args()
    args.client = args.client or ("wrk" if shutil.which("wrk") else "httpx")
    from citydip.stores import chosen_db_path, open_db

    db = args.db or chosen_db_path()
    open_db(db).close()  # the default store is built on first use
    ids, places, ties = cities(db)
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for label, template in (
            ("`/api/cities/{name}`", "/api/cities/{}"),
            ("`/cities/{name}` (page)", "/cities/{}"),
        ):
            paths = [template.format(quote(i, safe="")) for i in ids]
            cold = asyncio.run(load(base, paths, 1, 0.0, once=True))
            rows.append((f"{label}, cold, 1 client", cold))
            print(label, "cold", {k: round(v, 1) for k, v in cold.items()}, flush=True)
            if args.client == "wrk":
                result = wrk_load(base, paths, args.clients, args.duration)
            else:
                result = asyncio.run(load(base, paths, args.clients, args.duration))
            rows.append((f"{label}, {args.clients} clients", result))
            print(label, "load", {k: round(v, 1) for k, v in result.items()}, flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    args.load = os.getloadavg()[0]
    write(rows, db, places, ties, args)


def write(
    rows: list[tuple[str, dict[str, float]]],
    db: Path,
    places: int,
    ties: int,
    args: argparse.Namespace,
) -> None:
    lines = [
        "# Web load benchmark",
        "",
        f"`benchmarks/web_load.py`, run {datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores (shared with other work: load "
        f"average {args.load:.1f} at the end). "
        f"`citydip serve` (uvicorn, one process) on 127.0.0.1 over `{db.name}` "
        f"({places:,} places, {ties:,} ties in the network); {args.clients} concurrent "
        f"connections ({args.client}, keep-alive, gzip), {args.duration:.0f} s per endpoint, "
        f"requests rotating over the {CITIES} best-tied places. *Cold*: one client asks for "
        "each city once (computing and rendering, nothing cached, no queueing). *Under load*: "
        "the same cities again, now cached (the server keeps results per store version until "
        "the store changes). The client runs on the same 2 cores as the server.",
        "",
        "| endpoint | requests | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms "
        "| target p99 ≤ 100 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, r in rows:
        met = "met" if r["p99"] <= TARGET_P99_MS else "not met"
        if "cold" in label:
            met = "(not a load figure)"
        lines.append(
            f"| {label} | {r['requests']:,.0f} | {r['throughput']:,.0f} | {r['p50']:.1f} | "
            f"{r['p95']:.1f} | {r['p99']:.1f} | {r['max']:.0f} | {met} |"
        )
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
