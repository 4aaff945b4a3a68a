"""Load test of the web face (issues 11 and 24): every route, cached and uncached, and
token writes, at 1, 10, 50 and 200 concurrent connections against ``citydip serve``.

Copies the chosen store (``--db``, else ``CITYDIP_DB``, else the embedded default store,
the world dataset included) into a temporary folder (the user's store is never written),
saves the claims extracted from ``tests/data/text/lyon.md`` into the copy as proposed (so
that there is something to accept and reject), starts ``citydip serve`` with a token on a
free loopback port, then:

1. *warm-up*: one client asks for every path once (first computations, no queueing);
2. *mixed load*: at each of ``--levels`` connections, ``--duration`` seconds of requests
   rotating over every route: the JSON API (``/api/cities/{id}``, ``/api/cities?q=``,
   ``/api/places/{id}``, ``/api/compare``, ``/api/conflicts``, ``/api/sources``,
   ``/api/network/*``, ``/api/claims``), the pages (home, search, a city, ``/compare``,
   ``/conflicts``, ``/network``, ``/review``), ``/docs``, ``/openapi.json``, a static file,
   with arguments varied over the ``CITIES`` best-tied places so that the routes that
   cache nothing compute every answer; then *writes and reads*: a token write
   (``POST /api/claims/{id}/accept`` or ``reject``, which changes the store's revision
   and so empties the caches) every ``WRITE_EVERY`` reads of the routes that do not
   derive from the whole network, and what the first network answer after a write costs;
3. *memory*: 1,000 distinct searches (``/?q=`` pages and
   ``/api/cities?q=``), then the server's resident memory.

The load client is wrk (Debian package ``wrk``, a C client, with a Lua script for the
rotation and the percentiles) when installed, else a bounded asyncio httpx client. Both
ask for gzip. A failed request is any status other than 200/303 or a dropped connection.
Writes benchmarks/results/web.md. Targets (issue 24): 0 failed requests at every level,
p99 ≤ 100 ms at 50 connections, server memory ≤ 600 MB after 1,000 distinct queries.

    .venv/bin/python benchmarks/web_load.py [--db FILE] [--duration 10] [--levels 1,10,50,200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "web.md"
TARGET_P99_MS = 100.0
TARGET_MEMORY_MB = 600.0
CITIES = 40
WRITE_EVERY = 50
DISTINCT_QUERIES = 1000
TOKEN = "benchmark-token-" + os.urandom(6).hex()


@dataclass(frozen=True)
class Call:
    method: str
    path: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(source: Path, folder: Path) -> tuple[Path, list[str], list[str], list[int]]:
    """A copy of the store with proposed claims; the best-tied places' ids and names, and
    the ids of the claims to accept and reject."""
    from citydip import api
    from citydip.store import open_store

    db = folder / "web.db"
    shutil.copyfile(source, db)
    store = open_store(db)
    try:
        saved = api.extract_document(store, ROOT / "tests" / "data" / "text" / "lyon.md", save=True)
        top = api.network_top(store, by="degree", limit=CITIES)
    finally:
        store.close()
    return db, [r.id for r in top.rows], [r.name for r in top.rows], list(saved.claim_ids)


NETWORK = ("/api/network", "/network", "/?", "/cities/", "/api/cities/", "/conflicts")


def calls(ids: list[str], names: list[str], claims: list[int]) -> tuple[list[Call], list[Call]]:
    """Every read route, its arguments varied over the places; and the writes mixed with
    the reads that do not derive from the whole network (a write changes the store: every
    answer derived from the network is computed again after it)."""
    reads: list[str] = ["/", "/network", "/review", "/docs", "/openapi.json", "/static/site.css"]
    reads += ["/api/sources", "/api/claims", "/api/network/stats", "/conflicts"]
    for n, (pid, name) in enumerate(zip(ids, names, strict=True)):
        other = quote(ids[(n + 1) % len(ids)], safe="")
        one = quote(pid, safe="")
        word = quote(name[: 2 + n % 4])
        reads += [
            f"/api/cities/{one}",
            f"/cities/{one}",
            f"/?q={word}",
            f"/api/cities?q={word}",
            f"/api/places/{one}",
            f"/api/sources?city={one}",
            f"/api/conflicts?city={one}",
            f"/api/compare?cities={one},{other}",
            f"/api/network/cities/{one}",
            f"/api/network/top?limit={n % 20 + 1}",
            f"/compare?cities={one},{other}",
            f"/conflicts?city={one}",
        ]
    mixed: list[Call] = []
    local = [p for p in reads if not p.startswith(NETWORK) or p.startswith("/api/cities?")]
    for n, path in enumerate(local):
        mixed.append(Call("GET", path))
        if n % WRITE_EVERY == WRITE_EVERY - 1 and claims:
            decision = "accept" if n // WRITE_EVERY % 2 == 0 else "reject"
            mixed.append(Call("POST", f"/api/claims/{claims[n % len(claims)]}/{decision}"))
    return [Call("GET", p) for p in reads], mixed


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {"CITYDIP_DB": str(db), "CITYDIP_TOKEN": TOKEN}
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
    assert process.stderr is not None
    raise SystemExit(f"citydip serve did not start: {process.stderr.read().decode()[-2000:]}")


def rss_mb(pid: int) -> tuple[float, float]:
    """The process's resident memory now and at its peak, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def load(
    base: str, jobs: list[Call], clients: int, duration: float, once: bool = False
) -> dict[str, float]:
    """``clients`` workers, each looping over ``jobs`` (offset by its number) until time;
    with ``once``, every job exactly once."""
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept-Encoding": "gzip"}
    async with httpx.AsyncClient(
        base_url=base, limits=limits, timeout=60, headers=headers
    ) as client:
        stop = time.perf_counter() + duration

        async def worker(n: int) -> None:
            i = n
            while (i < len(jobs)) if once else (time.perf_counter() < stop):
                job = jobs[i % len(jobs)]
                i += clients
                start = time.perf_counter()
                try:
                    response = await client.request(job.method, job.path)
                    await response.aread()
                    status = response.status_code
                except httpx.TransportError as exc:
                    status = 0
                    errors.append(f"{type(exc).__name__} {job.path}")
                latencies.append(time.perf_counter() - start)
                if status not in (0, 200, 303):
                    errors.append(f"{status} {job.method} {job.path}")

        began = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(clients)))
        elapsed = time.perf_counter() - began
    ms = [x * 1000 for x in latencies]
    if errors:
        print(f"  {len(errors)} failed, e.g. {errors[:3]}", flush=True)
    return summary(ms, elapsed, len(errors))


def summary(ms: list[float], elapsed: float, failed: int) -> dict[str, float]:
    return {
        "requests": len(ms),
        "failed": failed,
        "throughput": len(ms) / elapsed,
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "p99": percentile(ms, 99),
        "max": max(ms),
    }


WRK_SCRIPT = """
local calls = {%s}
local i = 0
request = function()
  i = i + 1
  local c = calls[(i %% #calls) + 1]
  return wrk.format(c[1], c[2], {["Accept-Encoding"] = "gzip",
                                 ["Authorization"] = "Bearer %s"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "p99": %%f, ' ..
    '"max": %%f, "failed": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def wrk_load(base: str, jobs: list[Call], clients: int, duration: float) -> dict[str, float]:
    """The same load with wrk: ``clients`` connections for ``duration`` s (a request that
    takes over 30 s counts as failed)."""
    entries = ", ".join(f"{{{json.dumps(c.method)}, {json.dumps(c.path)}}}" for c in jobs)
    lua = WRK_SCRIPT % (entries, TOKEN)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    command = ["wrk", f"-t{min(2, clients)}", f"-c{clients}", f"-d{duration:.0f}s"]
    try:
        out = subprocess.run(
            [*command, "--timeout", "30s", "-s", f.name, base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    result = json.loads(out.split("RESULT ", 1)[1].splitlines()[0])
    result["throughput"] = result["requests"] / result["seconds"]
    return {k: float(v) for k, v in result.items() if k != "seconds"}


def memory_phase(base: str, pid: int) -> dict[str, float]:
    """Resident memory before and after ``DISTINCT_QUERIES`` distinct searches, half home
    pages and half API searches, each cached by the server."""
    before, _ = rss_mb(pid)
    jobs = [
        Call("GET", f"/?q=q{n}" if n % 2 == 0 else f"/api/cities?q=q{n}")
        for n in range(DISTINCT_QUERIES)
    ]
    result = asyncio.run(load(base, jobs, 10, 0.0, once=True))
    after, peak = rss_mb(pid)
    return {"before": before, "after": after, "peak": peak, "failed": result["failed"]}


def tie_claim(db: Path, claims: list[int]) -> int:
    """A proposed claim of a tie among ``claims``: accepting it changes the network."""
    conn = sqlite3.connect(db)
    try:
        marks = ", ".join("?" for _ in claims)
        row = conn.execute(
            f"SELECT id FROM claims WHERE id IN ({marks}) AND predicate = 'twinned_with'", claims
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def integrity(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--levels", default="1,10,50,200")
    parser.add_argument("--client", choices=("wrk", "httpx"), default=None)
    args = parser.parse_args()
    args.client = args.client or ("wrk" if shutil.which("wrk") else "httpx")
    levels = [int(x) for x in args.levels.split(",")]
    from citydip.stores import chosen_db_path, open_db

    source = args.db or chosen_db_path()
    open_db(source).close()  # the default store is built on first use
    with tempfile.TemporaryDirectory(prefix="citydip-web-load-") as tmp:
        folder = Path(tmp)
        db, ids, names, claims = prepare(source, folder)
        reads, mixed = calls(ids, names, claims)
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        rows: list[tuple[str, dict[str, float]]] = []
        try:
            warm = asyncio.run(load(base, reads, 1, 0.0, once=True))
            rows.append(("warm-up: every read path once, 1 connection", warm))
            print("warm-up", {k: round(v, 1) for k, v in warm.items()}, flush=True)
            for label, jobs in (("every read route", reads), ("writes and reads", mixed)):
                for clients in levels:
                    if args.client == "wrk":
                        result = wrk_load(base, jobs, clients, args.duration)
                    else:
                        result = asyncio.run(load(base, jobs, clients, args.duration))
                    plural = "s" * (clients > 1)
                    rows.append((f"{label}, {clients} connection{plural}", result))
                    print(label, clients, {k: round(v, 1) for k, v in result.items()}, flush=True)
            stats = [Call("GET", "/api/network/stats")]
            after_write = asyncio.run(load(base, stats, 1, 0, True))
            rows.append(("first network answer after those writes, 1 connection", after_write))
            tie = tie_claim(db, claims)
            asyncio.run(load(base, [Call("POST", f"/api/claims/{tie}/accept")], 1, 0, True))
            after_tie = asyncio.run(load(base, stats, 1, 0, True))
            rows.append(("first network answer after a tie write, 1 connection", after_tie))
            memory = memory_phase(base, server.pid)
            print("memory", memory, flush=True)
        finally:
            server.terminate()
            server.wait(timeout=20)
        args.load = os.getloadavg()[0]
        check = integrity(db)
        write(rows, memory, check, source, (len(reads), len(mixed)), args)


def write(
    rows: list[tuple[str, dict[str, float]]],
    memory: dict[str, float],
    check: str,
    source: Path,
    calls_count: tuple[int, int],
    args: argparse.Namespace,
) -> None:
    lines = [
        "# Web load benchmark",
        "",
        f"`benchmarks/web_load.py`, run {datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores (shared with other work: load "
        f"average {args.load:.1f} at the end). `citydip serve` (uvicorn, one process, a "
        f"token set) on 127.0.0.1 over a copy of `{source.name}` with proposed claims added. "
        "*Every read route*: the load rotates over "
        f"{calls_count[0]} GET requests: every route of the API and the pages, cached and "
        f"uncached, their arguments varied over the {CITIES} best-tied places. *Writes and "
        f"reads*: {calls_count[1]} requests, one token write (accept or reject a claim) every "
        f"{WRITE_EVERY} reads of the routes that do not derive from the whole network (the "
        "claims written are extracted memberships, programmes and counts, none a tie; a "
        "review records what it changed, and the server keeps every answer that does not "
        "read it). The last two rows: the first network answer after those writes, and "
        "after one more write that accepts a tie (every answer derived from the network is "
        "computed again). Client: "
        f"{args.client} (keep-alive, gzip) on the same 2 cores, {args.duration:.0f} s per "
        "level. A failed request: a status other than 200/303, a dropped connection, or no "
        "answer within 30 s.",
        "",
        "| load | requests | failed | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms "
        "| targets |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for label, r in rows:
        verdict = "0 failed: " + ("met" if r["failed"] == 0 else "not met")
        if label.startswith("first"):
            verdict = "(one request)"
        if "50 connections" in label:
            verdict += "; p99 ≤ 100 ms: " + ("met" if r["p99"] <= TARGET_P99_MS else "not met")
        lines.append(
            f"| {label} | {r['requests']:,.0f} | {r['failed']:,.0f} | {r['throughput']:,.0f} | "
            f"{r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['max']:.0f} | {verdict} |"
        )
    met = "met" if memory["after"] <= TARGET_MEMORY_MB else "not met"
    lines += [
        "",
        f"**Memory** after {DISTINCT_QUERIES:,} distinct searches (half `/?q=` search pages, "
        f"half `/api/cities?q=`; {memory['failed']:.0f} failed): resident "
        f"{memory['before']:.0f} MB before, {memory['after']:.0f} MB after, peak "
        f"{memory['peak']:.0f} MB over the whole run. Target ≤ {TARGET_MEMORY_MB:.0f} MB: {met}.",
        "",
        f"Store after the run: `PRAGMA integrity_check` = {check}.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
