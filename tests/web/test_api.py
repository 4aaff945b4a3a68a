"""The JSON API in-process: the CLI's JSON, CSV for lists, one error shape, the token."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import FORMULA, HOSTILE, TOKEN, Client, review_of


def test_city_json_is_the_cli_json(client: Client, cli: Any) -> None:
    web = client.get("/api/cities/Yokohama")
    assert web.status_code == 200 and web.headers["content-type"] == "application/json"
    data = web.json()
    assert data["city"]["id"] == "yokohama"
    ours = cli("city", "Yokohama", "--format", "json").json()  # the curated store, no extras
    assert {t["partner"]["id"] for t in ours["ties"]} <= {t["partner"]["id"] for t in data["ties"]}
    assert any(t["partner"]["name"] == HOSTILE for t in data["ties"])


def test_search_compare_conflicts_sources_network(client: Client) -> None:
    found = client.get("/api/cities", params={"q": "横浜"}).json()
    assert [m["id"] for m in found][:1] == ["yokohama"]
    table = client.get("/api/compare", params={"cities": "Yokohama,Taipei"}).json()
    assert [c["name"] for c in table["cities"]] == ["Yokohama", "Taipei"]
    cell = table["dimensions"][0]["cells"]["Yokohama"]
    assert cell["text"] and cell["sources"]
    conflicts = client.get("/api/conflicts", params={"city": "Taipei"}).json()
    assert conflicts and all("values" in c or "property" in c for c in conflicts)
    sources = client.get("/api/sources", params={"city": "Yokohama"}).json()
    assert {"id", "title", "url", "description"} <= set(sources[0])
    stats = client.get("/api/network/stats").json()
    assert stats["nodes"] > 10 and stats["skipped"]  # heavy statistics are opt-in
    yoko = client.get("/api/network/cities/Yokohama").json()
    assert yoko["city"]["id"] == "yokohama" and yoko["partners"] >= 19
    top = client.get("/api/network/top", params={"limit": 3}).json()
    assert [r["rank"] for r in top] == sorted(r["rank"] for r in top) and len(top) == 3


@pytest.mark.parametrize(
    "url",
    [
        "/api/cities?q=a",
        "/api/conflicts",
        "/api/sources",
        "/api/network/top",
        "/api/claims",
        "/api/compare?cities=Yokohama,Taipei",
    ],
)
def test_every_list_answers_csv_without_formulas(client: Client, url: str) -> None:
    sep = "&" if "?" in url else "?"
    response = client.get(f"{url}{sep}format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert len(rows) >= 2 and len(rows[0]) >= 2
    for row in rows[1:]:
        for cell in row:
            if not _number(cell):  # a negative number is data, not a formula
                assert not cell.startswith(("=", "+", "-", "@")), (url, cell)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_a_formula_in_the_data_is_neutralised_in_csv(client: Client) -> None:
    text = client.get("/api/sources?format=csv").text
    assert "'" + FORMULA in text and "," + FORMULA not in text


@pytest.mark.parametrize(
    ("url", "status", "kind", "field"),
    [
        ("/api/cities/Atlantis", 404, "NotFound", None),
        ("/api/cities?q=", 400, "InvalidInput", "q"),
        ("/api/cities?q=yo&limit=0", 400, "InvalidInput", "limit"),
        ("/api/network/top?by=closeness", 400, "InvalidInput", "by"),
        ("/api/network/stats?kind=twin", 400, "InvalidInput", "kind"),
        ("/api/network/stats?since=2000&until=1990", 400, "InvalidInput", "since"),
        ("/api/compare?cities=Yokohama", 400, "InvalidInput", "cities"),
        ("/api/claims?review=accepted", 400, "InvalidInput", "review"),
        ("/api/nowhere", 404, "NotFound", None),
    ],
)
def test_errors_have_one_shape(
    client: Client, url: str, status: int, kind: str, field: str | None
) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "field"}
    assert body["error"]["type"] == kind and body["error"]["field"] == field
    assert body["error"]["message"] and "--" not in body["error"]["message"]


def test_writes_are_refused_on_a_read_only_server(client: Client) -> None:
    claim = client.get("/api/claims").json()[0]["id"]
    response = client.post(f"/api/claims/{claim}/accept", headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "read-only" in response.json()["error"]["message"]


def test_accept_and_reject_need_the_token(writer: Client, writable_db: Path) -> None:
    first, second = (c["id"] for c in writer.get("/api/claims").json()[:2])
    assert writer.post(f"/api/claims/{first}/accept").status_code == 401
    wrong = writer.post(f"/api/claims/{first}/accept", headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401 and review_of(writable_db, first) == "proposed"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ok = writer.post(f"/api/claims/{first}/accept", headers=auth)
    assert ok.status_code == 200 and ok.json() == {
        "state": "accepted",
        "changed": 1,
        "ids": [first],
    }
    assert writer.post(f"/api/claims/{second}/reject", headers=auth).status_code == 200
    assert review_of(writable_db, first) == "accepted"
    assert review_of(writable_db, second) == "rejected"
    left = {c["id"] for c in writer.get("/api/claims").json()}
    assert first not in left and second not in left
    missing = writer.post("/api/claims/999999/accept", headers=auth)
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "NotFound"


def test_openapi_lists_the_endpoints(client: Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/api/cities",
        "/api/cities/{name}",
        "/api/compare",
        "/api/conflicts",
        "/api/sources",
        "/api/network/stats",
        "/api/network/top",
        "/api/network/cities/{name}",
        "/api/claims",
        "/api/claims/{claim_id}/{decision}",
    ):
        assert path in paths, path
    assert not any(p.startswith(("/cities", "/review")) for p in paths)  # pages stay out
    docs = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in docs and "http" not in docs.replace(
        'href="/', ""
    ).split("<body>")[0].replace("http-equiv", "")


def test_cached_bodies_are_the_same_gzipped_or_not(client: Client) -> None:
    plain = client.get("/api/cities/Yokohama", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/api/cities/Yokohama", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert plain.json() == zipped.json() and plain.json()["city"]["name"] == "Yokohama"


def test_conflicts_come_in_pages_with_their_total(client: Client) -> None:
    every = client.get("/api/conflicts")
    total = int(every.headers["x-total-count"])
    assert total == len(every.json()) > 3
    page = client.get("/api/conflicts", params={"offset": 2, "limit": 2})
    assert page.json() == every.json()[2:4] and page.headers["x-total-count"] == str(total)


def test_the_cache_computes_once_for_requests_that_miss_together(writable_db: Path) -> None:
    import threading
    import time

    from citydip.store import open_store
    from citydip.store.database import keep_derived
    from citydip.web.app import Stores

    stores, calls = Stores(writable_db), []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(stores.cached(("k",), slow)))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8 and len(calls) == 1
    time.sleep(0.01)
    assert keep_derived(writable_db, "some result", "0", b"x")  # the file changes, not the data
    assert stores.cached(("k",), slow) == 42 and len(calls) == 1
    with open_store(writable_db) as store, store.transaction():
        pass  # a committed write is a new revision: computed again
    assert stores.cached(("k",), slow) == 42 and len(calls) == 2


def test_place_identity_and_merged_districts(client: Client) -> None:
    place = client.get("/api/places/Yokohama").json()
    assert place and "yokohama" in str(place)
    merged = client.get("/api/cities/Yokohama", params={"merge_districts": "true"})
    assert merged.status_code == 200 and merged.json()["city"]["id"] == "yokohama"
