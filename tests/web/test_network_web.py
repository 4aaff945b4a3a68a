"""The network results the CLI had alone (homophily, communities, ties by country, export)
on a real ``citydip serve``; the JSON twin of every page (``?format=json`` on the home and
network pages, ``<link rel="alternate">`` on each)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.web.conftest import Client, Server


def test_the_network_results_are_served_on_a_real_server(server: Server) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        _network_results(http.get)


def _network_results(get: Any) -> None:
    homophily = get("/api/network/homophily").json()
    assert homophily["edges"] > 0 and "port" in homophily and "distance" in homophily
    communities = get("/api/network/communities", params={"top": 3}).json()
    assert communities["count"] >= 1 and 1 <= len(communities["communities"]) <= 3
    countries = get("/api/network/countries", params={"top": 5, "kind": "sister"}).json()
    assert countries["countries"] >= 2 and len(countries["heaviest_pairs"]) <= 5
    assert "sister" in countries["filters"]
    geojson = get("/api/network/export", params={"format": "geojson", "city": "Yokohama"})
    assert geojson.status_code == 200
    assert geojson.headers["content-type"] == "application/geo+json"
    assert 'filename="network.geojson"' in geojson.headers["content-disposition"]
    features = json.loads(geojson.content)["features"]
    assert any(f["properties"].get("label") == "Yokohama" for f in features)
    graphml = get("/api/network/export", params={"format": "graphml"})
    assert ET.fromstring(graphml.content).tag.endswith("graphml")
    refused = get("/api/network/export", params={"format": "csv"})
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "format"
    page = get("/network").text
    for route in ("homophily", "communities", "countries", "export?format=gexf"):
        assert f'href="/api/network/{route}"' in page
    assert 'href="/network/structure"' in page
    structure = get("/network/structure").text
    assert f"Homophily of {homophily['edges']:,} ties" in structure
    assert f"{communities['count']:,} communities, modularity" in structure
    assert "heaviest pairs:" in structure


def test_the_home_and_network_pages_answer_json(client: Client) -> None:
    overview = client.get("/api/network/overview").json()
    assert overview["places"] > 0 and overview["mapped_ties"] > 0
    hubs = overview["hubs"]
    assert hubs and [h["partners"] for h in hubs] == sorted(
        (h["partners"] for h in hubs), reverse=True
    )
    assert client.get("/?format=json").json() == overview
    assert client.get("/network?format=json").json() == overview
    found = client.get("/", params={"q": "yoko", "format": "json"}).json()
    assert found == client.get("/api/cities", params={"q": "yoko", "limit": 50}).json()
    csv = client.get("/", params={"q": "yoko", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and "Yokohama" in csv.text
    assert client.get("/network?format=bibtex").status_code == 400


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/?q=yoko",
        "/network",
        "/cities/Yokohama",
        "/compare?cities=Yokohama,Taipei",
        "/conflicts?city=Taipei",
        "/orgs",
        "/orgs/C40",
        "/review",
        "/network/structure",
    ],
)
def test_every_page_names_its_json_twin(client: Client, page: str) -> None:
    html = client.get(page).text
    found = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', html)
    assert found, page
    twin = client.get(found.group(1).replace("&amp;", "&"))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert twin.json()  # not empty


def test_the_places_map_stays_small_with_many_places() -> None:
    from citydip.analysis.network.overview import HUBS
    from citydip.api.records import Hub
    from citydip.web.figures import places_map

    hubs = [
        Hub(f"gn-{i}", f"Place number {i}", "ZZ", -60 + i % 140, -180 + i % 360, 500 - i)
        for i in range(HUBS)
    ]
    svg = places_map(hubs)
    assert len(svg.encode("utf-8")) < 200_000
    assert svg.count('<a href="/cities/gn-') >= HUBS  # every dot a link
    assert '<a href="/cities/gn-0" tabindex="-1" aria-hidden="true"><text' in svg  # named too


def test_an_export_is_kept_in_the_store_for_the_next_server(writable_db: Path) -> None:
    """Whole-graph exports are too big for the server's memory cache: the gzipped body is
    kept in the store per revision, so another server reads it back instead of computing."""
    import gzip
    import sqlite3

    from citydip.web.app import create_app

    url = "/api/network/export?format=geojson"
    first = Client(create_app(writable_db, None)).get(url)
    assert first.status_code == 200
    with sqlite3.connect(writable_db) as conn:
        kept = dict(conn.execute("SELECT key, value FROM derived WHERE key LIKE '%export%'"))
    (key,) = kept  # one entry: the body, gzipped once
    assert key.startswith("web-export-gzip:v1:geojson:")
    gz = kept[key]
    assert gzip.decompress(gz) == first.content
    second = Client(create_app(writable_db, None)).get(url)
    assert second.status_code == 200 and second.content == first.content
    assert second.headers["content-type"] == "application/geo+json"
    assert second.headers["content-disposition"] == 'attachment; filename="network.geojson"'


def test_filtered_and_city_exports_are_not_kept_in_the_store(writable_db: Path) -> None:
    """Only the unfiltered world is kept: a key per URL would let any client grow the
    store file without bound (one whole-world file is about 10 MB)."""
    import sqlite3

    from citydip.web.app import create_app

    client = Client(create_app(writable_db, None))
    for url in (
        "/api/network/export?format=geojson&since=2000",
        "/api/network/export?format=graphml&kind=sister",
        "/api/network/export?format=gexf&city=Lyon",
    ):
        assert client.get(url).status_code == 200, url
    with sqlite3.connect(writable_db) as conn:
        kept = conn.execute("SELECT count(*) FROM derived WHERE key LIKE '%export%'").fetchone()
    assert kept == (0,)
