"""Pages in-process: escaped output, no external resource, figures, CSRF-safe review."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from tests.web.conftest import HOSTILE, TOKEN, Client, review_of

PAGES = [
    "/",
    "/?q=yoko",
    "/cities/Yokohama",
    "/cities/Taipei",
    "/compare?cities=Yokohama,Taipei",
    "/compare",
    "/conflicts",
    "/conflicts?city=Taipei",
    "/network",
    "/review",
    "/docs",
]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "xlink:href") and value:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.append(value)


@pytest.mark.parametrize("url", PAGES)
def test_pages_load_nothing_from_elsewhere(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    parser = Links()
    parser.feed(response.text)
    external = [u for u in parser.urls if re.match(r"^(https?:)?//", u)]
    assert external == [], external
    assert "default-src 'none'" in response.headers["content-security-policy"] or url == "/docs"


def test_a_place_named_like_markup_shows_as_text(client: Client) -> None:
    for url in ("/cities/Yokohama", "/?q=" + quote("<script"), "/cities/hostile"):
        html = client.get(url).text
        assert HOSTILE not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_city_page_has_map_timeline_and_every_statement_cited(client: Client) -> None:
    html = client.get("/cities/Yokohama").text
    map_svg = html.split('id="city-map"', 1)[1].split("</svg>", 1)[0]
    assert map_svg.count('class="ties"') == 1 and map_svg.count("<path d=") > 19
    assert 'id="city-timeline"' in html and "Agreements of Yokohama over time" in html
    parser = Links()
    parser.feed(html)
    refs = {u[1:] for u in parser.urls if u.startswith("#src-")}
    assert refs and refs <= set(parser.ids)  # every citation lands on a listed source
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split('<tr class="tie"')[1:]
    assert rows and all('href="#src-' in row for row in rows)


def test_compare_page_cells_are_cited(client: Client) -> None:
    html = client.get("/compare?cities=Yokohama,Taipei").text
    cells = re.findall(r'<td class="cell"[^>]*>(.*?)</td>', html, re.S)
    assert len(cells) >= 2 * 6
    assert sum('href="#src-' in c for c in cells) >= len(cells) - 2
    assert html.count('class="figure map"') == 2


def test_unknown_city_is_a_404_page(client: Client) -> None:
    response = client.get("/cities/Atlantis")
    assert response.status_code == 404 and "no city named" in response.text
    bad = client.get("/compare?cities=Yokohama")
    assert bad.status_code == 400 and "at least two cities" in bad.text


def _csrf(client: Client) -> tuple[str, str]:
    page = client.get("/review")
    match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert match, page.text[:500]
    return match.group(1), page.headers["set-cookie"].split(";", 1)[0]


def test_review_needs_token_session_and_csrf(writer: Client, writable_db: Path) -> None:
    claim = writer.get("/api/claims").json()[0]["id"]
    csrf, cookie = _csrf(writer)
    form = {"content-type": "application/x-www-form-urlencoded"}
    # Without signing in: refused, claim untouched.
    denied = writer.post(
        f"/review/{claim}/accept", content=f"csrf={csrf}", headers=form | {"cookie": cookie}
    )
    assert denied.status_code == 401 and review_of(writable_db, claim) == "proposed"
    # A wrong token does not sign in; a missing CSRF pair is refused.
    wrong = writer.post(
        "/review/sign-in", content=f"csrf={csrf}&token=nope", headers=form | {"cookie": cookie}
    )
    assert wrong.status_code == 401
    forged = writer.post("/review/sign-in", content=f"csrf={csrf}&token={TOKEN}", headers=form)
    assert forged.status_code == 403
    cross = writer.post(
        "/review/sign-in",
        content=f"csrf={csrf}&token={TOKEN}",
        headers=form | {"cookie": cookie, "origin": "http://evil.example"},
    )
    assert cross.status_code == 403
    signed = writer.post(
        "/review/sign-in", content=f"csrf={csrf}&token={TOKEN}", headers=form | {"cookie": cookie}
    )
    assert signed.status_code == 303
    session = signed.headers["set-cookie"].split(";", 1)[0]
    both = {"cookie": f"{cookie}; {session}"}
    accepted = writer.post(f"/review/{claim}/accept", content=f"csrf={csrf}", headers=form | both)
    assert accepted.status_code == 303 and review_of(writable_db, claim) == "accepted"
    page = writer.get("/review", headers=both).text
    assert f'id="claim-{claim}"' not in page and "Accept claim" in page


def test_read_only_server_shows_no_forms(client: Client) -> None:
    html = client.get("/review").text
    assert "read-only" in html and "Sign in" not in html and "Accept claim" not in html
