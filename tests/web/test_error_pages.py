"""Error pages a person reads: a humane title, suggestions as links; the API's compare with
one city says what is wrong in words."""

from __future__ import annotations

import re

from tests.web.conftest import Client


def test_a_missing_city_page_is_titled_in_words_and_links_its_suggestions(
    client: Client,
) -> None:
    page = client.get("/cities/Tiapei")
    assert page.status_code == 404
    title = re.search(r"<title>(.*?)</title>", page.text)
    assert title is not None and title.group(1).startswith("Not found (404)")
    assert "NotFound" not in page.text
    assert '<a href="/cities/Taipei">Taipei</a>' in page.text


def test_a_bad_request_page_is_titled_in_words(client: Client) -> None:
    page = client.get("/compare?cities=Yokohama")
    assert page.status_code == 400
    assert "<h1>Bad request</h1>" in page.text and "InvalidInput" not in page.text


def test_api_compare_with_one_city_is_a_clear_400(client: Client) -> None:
    answer = client.get("/api/compare?cities=Yokohama")
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["field"] == "cities"
    assert error["message"] == "cities: compare needs at least two cities"


def test_the_network_routes_take_the_source_filter_as_the_cli_does(client: Client) -> None:
    every = client.get("/api/network/stats").json()
    one = client.get("/api/network/stats?source=yokohama-exchange-2024").json()
    assert 0 < one["edges"] < every["edges"]
    assert "yokohama-exchange-2024" in one["filters"]


def test_every_page_title_is_words_not_markup(client: Client) -> None:
    """A page's <title> holds its name only (the network page once carried a whole
    section of its body there, which a browser shows as text in the tab)."""
    for url in (
        "/",
        "/network",
        "/network/structure",
        "/network/map",
        "/compare?cities=Yokohama,Taipei",
        "/conflicts",
        "/review",
        "/cities/Yokohama",
        "/sources",
    ):
        page = client.get(url)
        if page.status_code == 404:
            continue  # a page this store does not offer
        assert page.status_code == 200, url
        title = re.search(r"<title>(.*?)</title>", page.text, re.S)
        assert title is not None, url
        assert "<" not in title.group(1) and len(title.group(1)) < 120, url
