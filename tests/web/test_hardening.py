"""Web hardening (issue 24): a cache bounded by bytes, bodies refused before they are read,
forms with too many fields, the Host allow-list, expiring sessions, slowed token guessing,
and /docs without inline script."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tests.web.conftest import TOKEN, Client, Server

from citydip.web.app import MAX_BODY, Body, Stores
from citydip.web.security import FAILURES_ALLOWED, SESSION_COOKIE, SESSION_SECONDS, Guard

FORM = {"content-type": "application/x-www-form-urlencoded"}


def test_the_cache_is_bounded_by_bytes(web_db: Path) -> None:
    stores = Stores(web_db, size=10_000, max_bytes=2_000_000)
    for n in range(60):
        page = Body.of(f"<p>{n}</p>" + "x" * 100_000 + str(n) * 1000, "text/html")
        assert stores.cached(("page", n), lambda page=page: page) is page
    assert 0 < stores.bytes <= 2_000_000
    assert stores.peek(("page", 59)) is not None and stores.peek(("page", 0)) is None


def test_a_body_over_the_limit_is_refused(writer: Client) -> None:
    big = b"csrf=x&token=" + b"a" * (MAX_BODY + 1)
    response = writer.post("/review/sign-in", content=big, headers=FORM)
    assert response.status_code == 413 and response.json()["error"]["type"] == "TooLarge"

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(MAX_BODY // 1000 + 2):
            yield b"a" * 1000

    response = writer.post("/review/sign-in", content=chunks(), headers=FORM)
    assert response.status_code == 413


def test_a_huge_declared_body_is_refused_before_it_is_sent(server: Server) -> None:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(
            b"POST /api/claims/1/accept HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Length: 104857600\r\n\r\nabc"
        )
        started = time.monotonic()
        answer = conn.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413") and time.monotonic() - started < 5


def test_a_form_with_100_fields_is_a_400(writer: Client) -> None:
    form = "&".join(f"f{n}=v" for n in range(100))
    response = writer.post("/review/sign-in", content=form, headers=FORM)
    assert response.status_code == 400 and "at most 20 fields" in response.text


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "192.0.2.7", ""])
def test_other_hosts_are_refused(client: Client, host: str) -> None:
    response = client.get("/api/sources", headers={"host": host})
    assert response.status_code == 400 and response.json()["error"]["type"] == "Forbidden"
    assert "content-security-policy" in response.headers


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_loopback_names_are_served(client: Client, host: str) -> None:
    assert client.get("/api/sources", headers={"host": host}).status_code == 200


def test_an_allowed_host_is_served(web_db: Path) -> None:
    from citydip.web.app import create_app

    app = Client(create_app(web_db, None, hosts=["citydip.lan"]))
    assert app.get("/api/sources", headers={"host": "citydip.lan:8000"}).status_code == 200
    assert app.get("/api/sources", headers={"host": "other.lan"}).status_code == 400


def test_the_session_expires_and_cannot_be_forged(writer: Client) -> None:
    page = writer.get("/review")
    csrf_cookie = page.headers["set-cookie"].split(";", 1)[0]
    csrf = csrf_cookie.split("=", 1)[1]
    signed = writer.post(
        "/review/sign-in",
        content=f"csrf={csrf}&token={TOKEN}",
        headers=FORM | {"cookie": csrf_cookie},
    )
    assert signed.status_code == 303
    cookie = signed.headers["set-cookie"]
    assert re.search(rf"Max-Age={SESSION_SECONDS}", cookie, re.IGNORECASE)
    session = cookie.split(";", 1)[0]
    assert (
        "Signed in with the server's token"
        in writer.get("/review", headers={"cookie": session}).text
    )
    guard = Guard(TOKEN)
    old = guard.session_value(int(time.time()) - SESSION_SECONDS - 60)
    future = guard.session_value(int(time.time()) + 3600)
    forged = f"{int(time.time())}.{'0' * 64}"
    for value in (old, future, forged, "garbage", "9" * 40 + ".x"):
        page = writer.get("/review", headers={"cookie": f"{SESSION_COOKIE}={value}"})
        assert page.status_code == 200 and 'name="token"' in page.text  # asked to sign in


def test_wrong_tokens_are_slowed_down(writer: Client) -> None:
    claim = writer.get("/api/claims").json()[0]["id"]
    url = f"/api/claims/{claim}/accept"
    for n in range(FAILURES_ALLOWED):
        wrong = writer.post(url, headers={"Authorization": f"Bearer guess-{n}"})
        assert wrong.status_code == 401
    for token in ("guess-x", TOKEN):  # even the right token waits now
        slowed = writer.post(url, headers={"Authorization": f"Bearer {token}"})
        assert slowed.status_code == 429 and int(slowed.headers["retry-after"]) >= 1
        assert slowed.json()["error"]["type"] == "TooManyRequests"


def test_docs_run_no_inline_script(client: Client) -> None:
    response = client.get("/docs")
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "script-src 'self'" in policy
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.text, re.S)
    assert scripts and all("src=" in attrs and not body.strip() for attrs, body in scripts)
    assert client.get("/static/docs.js").status_code == 200
