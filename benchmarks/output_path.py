"""Issue 23's targets, measured: one output path, typed results, a set-up in one command.

Run:  .venv/bin/python benchmarks/output_path.py
Writes benchmarks/results/output_path.md:

1. every result × format of the one renderer table (``report/formats.py``) through the
   CLI (``--format``) and the web (the API's and the home page's ``?format=``; the graph
   exports as ``network export FORMAT -``), on a fresh curated store: how many pairs give
   the same bytes (JSON too);
2. ``Any`` in ``citydip.api``'s public signatures and in the fields of the records its
   functions return (and the records those hold), read from the source;
3. the bytes of the web's pages on a fresh world store (the home page under 300 KB);
4. the whole world's GeoJSON export served twice, each by a new server: the second is read
   from the store's cache of derived results (wall and CPU time);
5. what ``scripts/dev-setup --check`` finds missing on this machine.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PACKAGE = ROOT / "src" / "citydip"

CASES = [
    (["compare", "Yokohama", "Taipei"], "/api/compare?cities=Yokohama,Taipei", "Comparison"),
    (["conflicts", "Taipei", "--limit", "0"], "/api/conflicts?city=Taipei", "ConflictList"),
    (["cities", "o", "--limit", "20"], "/api/cities?q=o&limit=20", "CitySearch"),
    (["sources", "Taipei"], "/api/sources?city=Taipei", "SourceRecord"),
    (["network", "top"], "/api/network/top", "TopPlaces"),
    (["recommend", "Yokohama"], "/api/cities/Yokohama/recommendations", "Suggestions"),
    (["org", "C40", "--limit", "0"], "/api/orgs/C40", "Organization"),
    (["orgs"], "/api/orgs", "OrganizationList"),
    (["network", "orgs"], "/api/network/orgs", "NetworkOrgs"),
    (["typology", "Yokohama"], "/api/cities/Yokohama/typology", "Typology"),
    (["cities", "o"], "/?q=o", "CitySearch"),  # the home page's search (its ?format=)
    (["network", "homophily"], "/api/network/homophily", "Homophily"),
    (["network", "communities"], "/api/network/communities", "Communities"),
    (["network", "countries"], "/api/network/countries", "CountryNetwork"),
]
# `citydip network export FORMAT -` against the web's /api/network/export?format=FORMAT
EXPORTS = [
    (["network", "export", "{fmt}", "-", *more], "/api/network/export?format={fmt}" + query)
    for more, query in (
        ([], ""),
        (["--city", "Yokohama", "--depth", "2"], "&city=Yokohama&depth=2"),
    )
]


def _cli(db: Path, args: list[str]) -> tuple[int, str]:
    from citydip.cli import main

    os.environ["CITYDIP_DB"] = str(db)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue()


def _web(app: Any, url: str) -> tuple[int, bytes]:
    import httpx

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as c:
            return await c.get(url)

    answer = asyncio.run(go())
    return answer.status_code, answer.content


def same_output(db: Path) -> tuple[list[tuple[str, str, str]], int]:
    """(result, format, verdict) for every pair, and how many pairs are equal."""
    from citydip.report.formats import FORMATS
    from citydip.web.app import create_app

    app = create_app(db, None)
    rows, equal = [], 0
    pairs = [
        (kind, fmt, [*args, "--format", fmt], f"{url}{'&' if '?' in url else '?'}format={fmt}")
        for args, url, kind in CASES
        for fmt in ["json", *FORMATS.get(kind, {})]
    ]
    pairs += [
        (
            "ExportResult" + (" (ego, depth 2)" if "city=" in url else ""),
            fmt,
            [a.format(fmt=fmt) for a in args],
            url.format(fmt=fmt),
        )
        for args, url in EXPORTS
        for fmt in FORMATS["ExportResult"]
    ]
    for kind, fmt, cli_args, web_url in pairs:
        code, printed = _cli(db, cli_args)
        status, served = _web(app, web_url)
        if code or status != 200:
            verdict = f"failed (exit {code}, HTTP {status})"
        else:
            same = printed.encode("utf-8") == served
            verdict = f"same bytes ({len(served):,})" if same else "different"
        equal += verdict.startswith("same")
        rows.append((kind, fmt, verdict))
    return rows, equal


def any_in_api(package: Path) -> tuple[list[str], list[str]]:
    """``Any`` in the API's signatures, and in the fields of the records it returns."""
    import citydip.api as api

    classes: dict[str, list[tuple[Path, list[tuple[str, str]]]]] = {}
    for path in package.rglob("*.py"):
        if path.parts[-2] in ("web", "cli"):  # the faces' own schemas are not results
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                fields = [
                    (t.target.id, ast.unparse(t.annotation))
                    for t in node.body
                    if isinstance(t, ast.AnnAssign) and isinstance(t.target, ast.Name)
                ]
                fields += [("(base)", ast.unparse(b)) for b in node.bases]
                classes.setdefault(node.name, []).append((path.relative_to(package), fields))
    seen: set[str] = set()
    fields_any: list[str] = []

    def walk(name: str) -> None:
        if name in seen or name not in classes:
            return
        seen.add(name)
        for path, fields in classes[name]:
            for field, annotation in fields:
                if "Any" in annotation:
                    fields_any.append(f"{path}: {name}.{field}: {annotation}")
                for other in re.findall(r"[A-Z]\w+", annotation):
                    walk(other)

    signatures = []
    for name in api.__all__:
        function = getattr(api, name)
        if not inspect.isfunction(function):
            continue
        for parameter, annotation in function.__annotations__.items():
            if "Any" in str(annotation):
                signatures.append(f"{name}({parameter}): {annotation}")
            if parameter == "return":
                for other in re.findall(r"[A-Z]\w+", str(annotation)):
                    walk(other)
    return signatures, fields_any


PAGES = ["/", "/network", "/network/map", "/cities/Yokohama", "/?format=json"]
HOME_LIMIT = 300_000  # bytes: the home page a phone loads


def page_sizes(db: Path) -> list[tuple[str, int, int]]:
    """(page, HTTP status, bytes) of the web's pages on ``db`` (the world store)."""
    from citydip.web.app import create_app

    app = create_app(db, None)
    return [(url, *_sized(_web(app, url))) for url in PAGES]


WORLD_EXPORT = "/api/network/export?format=geojson"


def export_twice(db: Path) -> list[tuple[str, int, int, float, float]]:
    """The whole world's GeoJSON from the web twice, each time from a new server (so only
    the store's cache of derived results can answer the second): (which, HTTP status,
    bytes, wall seconds, CPU seconds of this process)."""
    import time

    from citydip.web.app import create_app

    rows = []
    for which in ("first request (computed)", "second request, new server (kept)"):
        app = create_app(db, None)
        wall, cpu = time.perf_counter(), time.process_time()
        status, body = _web(app, WORLD_EXPORT)
        rows.append(
            (which, status, len(body), time.perf_counter() - wall, time.process_time() - cpu)
        )
    return rows


def _sized(answer: tuple[int, bytes]) -> tuple[int, int]:
    return answer[0], len(answer[1])


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from citydip.stores import build_store

    with tempfile.TemporaryDirectory() as folder:
        os.environ["CITYDIP_HOME"] = folder
        db = Path(folder) / "curated.db"
        build_store(db, world=False).close()
        rows, equal = same_output(db)
        world = Path(folder) / "world.db"
        build_store(world, warm=True).close()
        sizes = page_sizes(world)
        exports = export_twice(world)
    home = sizes[0][2]
    signatures, fields_any = any_in_api(PACKAGE)
    check = subprocess.run(
        [str(ROOT / "scripts" / "dev-setup"), "--check"], capture_output=True, text=True
    )
    lines = [
        "# One output path, typed results, set-up (issue 23)",
        "",
        "`python benchmarks/output_path.py` on a fresh curated store (pages: a fresh world store).",
        "",
        f"## CLI and web: {equal} of {len(rows)} result × format pairs equal (target: all)",
        "",
        "| result | format | CLI `--format` vs web `?format=` |",
        "|---|---|---|",
        *[f"| {kind} | {fmt} | {verdict} |" for kind, fmt, verdict in rows],
        "",
        f"## `Any` in `citydip.api`: {len(signatures)} in public signatures, "
        f"{len(fields_any)} in result record fields (target: 0 and 0)",
        "",
        *[f"- {line}" for line in signatures + fields_any],
        "",
        f"## Web pages on a fresh world store: the home page {home:,} bytes "
        f"(target: under {HOME_LIMIT:,}: {'met' if home < HOME_LIMIT else 'not met'})",
        "",
        "| page | status | bytes |",
        "|---|---|---|",
        *[f"| `{url}` | {status} | {size:,} |" for url, status, size in sizes],
        "",
        f"## The whole world's GeoJSON export, `{WORLD_EXPORT}`, twice (the second from the "
        "store's cache of derived results; load average "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())})",
        "",
        "| request | status | bytes | wall s | CPU s |",
        "|---|---|---|---|---|",
        *[
            f"| {which} | {status} | {size:,} | {wall:.2f} | {cpu:.2f} |"
            for which, status, size, wall, cpu in exports
        ],
        "",
        "## `scripts/dev-setup --check` on this machine",
        "",
        f"    {check.stdout.strip()} (exit {check.returncode})",
        "",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "output_path.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
