"""The style and the possible partners on the web: JSON routes and the city page."""

from __future__ import annotations

import csv
import io

from tests.web.conftest import Client


def test_typology_route_is_the_api_record(client: Client) -> None:
    data = client.get("/api/cities/Yokohama/typology").json()
    assert data["label"] == "expertise-driven"
    assert data["evidence"] and {"claim", "source", "weight", "axis"} <= set(data["evidence"][0])
    missing = client.get("/api/cities/Nowhere-at-all/typology")
    assert missing.status_code == 404 and "no city named" in missing.json()["error"]["message"]


def test_recommendations_route(client: Client) -> None:
    data = client.get("/api/cities/Taipei/recommendations", params={"top": 3}).json()
    assert data["city"]["id"] == "taipei" and len(data["suggestions"]) <= 3
    ids = {s["id"] for s in data["suggestions"]}
    partners = {t["partner"]["id"] for t in client.get("/api/cities/Taipei").json()["ties"]}
    assert ids and not ids & partners
    assert all(s["reasons"] for s in data["suggestions"])
    table = client.get("/api/cities/Taipei/recommendations", params={"top": 3, "format": "csv"})
    rows = list(csv.reader(io.StringIO(table.text)))
    assert rows[0][:3] == ["rank", "id", "name"] and len(rows) == len(data["suggestions"]) + 1
    bad = client.get("/api/cities/Taipei/recommendations", params={"top": 0})
    assert bad.status_code == 400 or bad.status_code == 422
    bad_kind = client.get("/api/cities/Taipei/recommendations", params={"kind": "cousin"})
    assert bad_kind.status_code in (400, 422)
    unknown = client.get("/api/cities/Taipei/recommendations", params={"source": "nope"})
    assert unknown.status_code == 400 and unknown.json()["error"]["field"] == "source"


def test_city_page_shows_style_and_possible_partners(client: Client) -> None:
    page = client.get("/cities/Yokohama").text
    assert 'id="style-h">Style</h2>' in page and "Expertise-driven" in page
    assert "Y-PORT" in page[page.index('id="style-h"') :]
    assert 'id="partners-h">Possible partners</h2>' in page
