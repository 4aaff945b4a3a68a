"""The organisation page (members on a map), and the API's orgs routes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.conftest import Client

from citydip.store import open_store


@pytest.fixture(scope="module")
def lists_db(curated_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The curated store with the shipped membership lists."""
    from citydip.ingest.networks import load_networks

    path = tmp_path_factory.mktemp("orgs") / "orgs.db"
    path.write_bytes(curated_db.read_bytes())
    store = open_store(path)
    load_networks(store)
    store.close()
    return path


@pytest.fixture
def lists_client(lists_db: Path) -> Client:
    from citydip.web.app import create_app

    return Client(create_app(lists_db, None))


def test_org_page_maps_every_placed_member(lists_client: Client) -> None:
    data = lists_client.get("/api/orgs/C40").json()
    placed = sum(1 for m in data["members"] if m["member"]["lat"] is not None)
    assert data["total"] == len(data["members"]) == 97 == placed
    page = lists_client.get("/orgs/C40")
    assert page.status_code == 200
    html = page.text
    svg = html[html.index('id="org-map"') :]
    assert svg[: svg.index("</figure>")].count("<circle") == placed
    assert data["coverage"] in html.replace("&#39;", "'")
    assert "C40 list, as listed on 2024-11-06" in html


def test_org_page_limits_and_offers_the_rest(lists_client: Client) -> None:
    html = lists_client.get("/orgs/Eurocities?limit=10").text
    total = lists_client.get("/api/orgs/Eurocities").json()["total"]
    assert f"{total - 10:,} more members" in html and "?limit=0" in html


def test_orgs_and_network_orgs_routes(lists_client: Client) -> None:
    orgs = lists_client.get("/api/orgs").json()
    assert orgs["organizations"][0]["id"] == "eurocities"
    page = lists_client.get("/orgs").text
    assert page.count('href="/orgs/') == len(orgs["organizations"])
    result = lists_client.get("/api/network/orgs", params={"min_members": 50}).json()
    assert {g["id"] for g in result["groups"]} >= {"c40", "eurocities"}


def test_an_unknown_org_is_a_404_with_the_error_shape(lists_client: Client) -> None:
    response = lists_client.get("/api/orgs/Nothing%20Such")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFound"
    assert lists_client.get("/orgs/Nothing%20Such").status_code == 404


def test_city_page_links_its_memberships_to_the_org_pages(lists_client: Client) -> None:
    html = lists_client.get("/cities/Yokohama").text
    assert 'href="/orgs/c40"' in html
    assert lists_client.get("/orgs/c40").status_code == 200
