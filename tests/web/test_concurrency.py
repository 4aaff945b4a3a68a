"""A real ``citydip serve`` under concurrent clients: uncached routes, pages and token
writes, none failing (each request opens, uses and closes its store in one thread)."""

from __future__ import annotations

import asyncio
import itertools
from urllib.parse import quote

import httpx
from tests.web.conftest import TOKEN, Server, review_of

CLIENTS = 24
ROUNDS = 6


def uncached_paths(base: str) -> list[str]:
    """Every route whose answer the server does not cache, with varied arguments (so that
    the few routes that cache still compute most answers), over the store's best-tied
    places."""
    top = httpx.get(base + "/api/network/top?limit=9", timeout=30).json()
    names = [row["id"] for row in top]
    assert len(names) == 9
    paths: list[str] = []
    for n, name in enumerate(names):
        other = names[(n + 1) % len(names)]
        paths += [
            f"/api/sources?city={quote(name, safe='')}",
            "/api/sources",
            f"/api/cities?q={quote(name[: 2 + n % 3])}",
            f"/api/cities?q={n}{name[:1]}&limit={n + 1}",
            f"/api/places/{quote(name, safe='')}",
            f"/api/conflicts?city={quote(name, safe='')}",
            f"/api/compare?cities={quote(name, safe='')},{quote(other, safe='')}",
            f"/api/network/cities/{quote(name, safe='')}?merge_districts={str(n % 2 == 0).lower()}",
            f"/api/network/top?limit={n + 2}",
            f"/api/network/stats?until={2000 + n}",
            "/api/claims",
            f"/compare?cities={quote(name, safe='')},{quote(other, safe='')}",
            f"/conflicts?city={quote(name, safe='')}",
            "/network",
            "/review",
        ]
    return paths


async def hammer(base: str, paths: list[str], writes: list[str]) -> list[str]:
    """``CLIENTS`` kept-alive connections, each sending its share of the requests one after
    another; returns every failure (a status that is not 200, or a dropped connection)."""
    failures: list[str] = []
    auth = {"Authorization": f"Bearer {TOKEN}"}
    jobs = [("GET", p) for p in paths * ROUNDS] + [("POST", w) for w in writes]
    jobs = [jobs[i] for i in sorted(range(len(jobs)), key=lambda i: (i * 7919) % len(jobs))]
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def worker(n: int) -> None:
            for method, path in jobs[n::CLIENTS]:
                try:
                    response = await client.request(
                        method, path, headers=auth if method == "POST" else None
                    )
                except httpx.TransportError as exc:
                    failures.append(f"{method} {path}: {type(exc).__name__}")
                    continue
                if response.status_code != 200:
                    failures.append(f"{method} {path}: {response.status_code} {response.text}")

        await asyncio.gather(*(worker(n) for n in range(CLIENTS)))
    return failures


def test_concurrent_uncached_reads_and_writes_never_fail(server: Server) -> None:
    claims = httpx.get(server.url + "/api/claims", timeout=30).json()
    assert len(claims) >= 4
    decisions = itertools.cycle(["accept", "reject"])
    writes = [f"/api/claims/{c['id']}/{next(decisions)}" for c in claims]
    failures = asyncio.run(hammer(server.url, uncached_paths(server.url), writes))
    assert failures == []
    for claim, write in zip(claims, writes, strict=True):
        expected = "accepted" if write.endswith("accept") else "rejected"
        assert review_of(server.db, claim["id"]) == expected
    assert server.process.poll() is None


def test_one_kept_alive_client_in_sequence_never_fails(server: Server) -> None:
    failures = []
    with httpx.Client(base_url=server.url, timeout=60) as client:
        for path in uncached_paths(server.url)[:60]:
            response = client.get(path)
            if response.status_code != 200:
                failures.append(f"{path}: {response.status_code}")
    assert failures == []


def test_a_write_answered_shows_in_the_queue_read_next_under_load(server: Server) -> None:
    """Each client accepts or rejects one claim, then at once reads the review queue (an
    answer cached per revision) while other clients keep reading it: the claim written
    is never in the queue read after the write's answer (readers keep the revision before
    a write only while it is under way)."""
    claims = [c["id"] for c in httpx.get(server.url + "/api/claims", timeout=30).json()]
    assert len(claims) >= 4
    auth = {"Authorization": f"Bearer {TOKEN}"}
    stale: list[str] = []
    failures: list[str] = []

    async def run() -> None:
        limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
        async with httpx.AsyncClient(base_url=server.url, limits=limits, timeout=60) as client:
            done = asyncio.Event()

            async def reader() -> None:
                while not done.is_set():
                    for path in ("/api/claims", "/review", "/api/sources"):
                        status = (await client.get(path)).status_code
                        if status != 200:
                            failures.append(f"GET {path}: {status}")

            async def writer(n: int, claim: int) -> None:
                decision = ("accept", "reject")[n % 2]
                response = await client.post(f"/api/claims/{claim}/{decision}", headers=auth)
                if response.status_code != 200:
                    failures.append(f"POST {claim}: {response.status_code}")
                queue = {c["id"] for c in (await client.get("/api/claims")).json()}
                page = (await client.get("/review")).text
                if claim in queue or f'id="claim-{claim}"' in page:
                    stale.append(f"{claim} still proposed after {decision}")

            readers = [asyncio.create_task(reader()) for _ in range(CLIENTS - len(claims))]
            await asyncio.gather(*(writer(n, c) for n, c in enumerate(claims)))
            done.set()
            await asyncio.gather(*readers)

    asyncio.run(run())
    assert failures == [] and stale == []
    assert httpx.get(server.url + "/api/claims", timeout=30).json() == []
    assert server.process.poll() is None
