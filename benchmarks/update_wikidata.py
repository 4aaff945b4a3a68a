"""Benchmark ``citydip update wikidata`` at world scale, against a loopback query service.

The 2016 Wikidata crawl (../shared/data/wikidata-p190-2016: 34,182 P190 statements of
17,401 ties; labels from names.tsv) is served as the query service would answer the update's
paged queries
(keyset paging on the statement URI, 5,000 statements a page, SPARQL JSON results; the
statement ids are made up). Into a fresh default store (curated + world data, built before
the timings, like the gazetteer index), each in a fresh process:

1. ``citydip update wikidata``: the whole fetch and the import;
2. the same after 1% of the statements are gone from the "service": a newer snapshot
   that withdraws them.

Reports wall time, peak memory (max RSS of the child), requests and the summaries. The
requests are at least one second apart (the client's politeness), which is in the times.
Writes benchmarks/results/update_wikidata.md.

    .venv/bin/python benchmarks/update_wikidata.py
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "wikidata-p190-2016"
RESULTS = ROOT / "benchmarks" / "results" / "update_wikidata.md"
CITYDIP = [sys.executable, "-m", "citydip"]
E = "http://www.wikidata.org/entity/"
VARS = ["statement", "city", "cityLabel", "partner", "partnerLabel"]


def statements() -> list[dict[str, Any]]:
    """One row a statement of the crawl, as the page query would give it."""
    names = dict(
        line.rstrip("\n").split("\t", 1)
        for line in (SHARED / "names.tsv").read_text(encoding="utf-8").splitlines()
        if "\t" in line
    )
    rows = []
    for number, line in enumerate((SHARED / "relations.tsv").read_text().splitlines()):
        city, partner = line.split()[:2]
        row = {
            "statement": {"type": "uri", "value": f"{E}statement/{city}-{number:08d}"},
            "city": {"type": "uri", "value": E + city},
            "partner": {"type": "uri", "value": E + partner},
        }
        for var, qid in (("city", city), ("partner", partner)):
            if qid in names:
                row[f"{var}Label"] = {"xml:lang": "en", "type": "literal", "value": names[qid]}
        rows.append(row)
    return sorted(rows, key=lambda r: r["statement"]["value"])


class Service:
    """The update's count and page queries, answered from ``rows`` minus ``drop``."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows, self.drop = rows, set()  # type: ignore[var-annotated]
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = parse_qs(urlsplit(self.path).query)["query"][0]
                body = json.dumps(service.answer(query)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, query: str) -> dict[str, Any]:
        rows = [r for r in self.rows if r["statement"]["value"] not in self.drop]
        if "COUNT(" in query:
            count = {"type": "literal", "value": str(len(rows))}
            return {
                "head": {"vars": ["statements"]},
                "results": {"bindings": [{"statements": count}]},
            }
        after = re.search(r'FILTER\(\?key > "([^"]*)"\)', query)
        limit = re.search(r"LIMIT (\d+)", query)
        assert after is not None and limit is not None, "not the update's page query"
        page = [r for r in rows if r["statement"]["value"] > after.group(1)][: int(limit.group(1))]
        return {"head": {"vars": VARS}, "results": {"bindings": page}}


def places(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0])


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, dict[str, Any]]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([*CITYDIP, *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {done.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, json.loads(done.stdout)


def main() -> None:
    if not SHARED.exists():
        sys.exit(f"shared data absent: {SHARED}")
    from citydip.gazetteer.index import index_path
    from citydip.stores import build_store

    subprocess.run([*CITYDIP, "resolve", "Yokohama"], capture_output=True, check=False)
    index = index_path()
    rows = statements()
    service = Service(rows)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        home, db = Path(tmp) / "home", Path(tmp) / "world.db"
        home.mkdir()
        if index.exists():
            (home / index.name).symlink_to(index)
        build_store(db).close()
        env = {**os.environ, "CITYDIP_DB": str(db), "CITYDIP_HOME": str(home)}
        args = ["update", "wikidata", "--endpoint", service.url, "--format", "json", "-q"]
        before = places(db)
        results.append(("first update", *run(args, env), places(db) - before))
        service.drop = {r["statement"]["value"] for r in rows[::100]}
        before = places(db)
        results.append(("1% gone: a newer snapshot", *run(args, env), places(db) - before))
    service.httpd.shutdown()
    write(len(rows), results)


def write(total: int, results: list[tuple[str, float, float, dict[str, Any], int]]) -> None:
    lines = [
        "# `citydip update wikidata` benchmark",
        "",
        f"`benchmarks/update_wikidata.py`, run {datetime.now():%Y-%m-%d %H:%M}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores. The 2016 crawl ({total:,} P190 "
        "statements) served by a loopback query service with the update's keyset paging "
        "(5,000 statements a page); each run a fresh `citydip update wikidata --format json` "
        "process on a default store (curated + world data) built beforehand. Requests are "
        "at least 1 s apart (in the times). New places: entities the update added (the world "
        "data already holds the crawl's QIDs: one QID, one place). No target in issue 9.",
        "",
        "| run | wall | peak memory | pages | requests | statements | added | unchanged "
        "| withdrawn | unresolved | new places |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, seconds, mib, s, new in results:
        lines.append(
            f"| {label} | {seconds:.1f} s | {mib:.0f} MiB | {s['pages']} | {s['requests']} "
            f"| {s['statements']:,} | {s['added']:,} | {s['unchanged']:,} "
            f"| {len(s['withdrawn']):,} | {s['unresolved']:,} | {new:,} |"
        )
    lines.append("")
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
