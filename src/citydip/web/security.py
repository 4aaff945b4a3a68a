"""Writes need the token given at start (``CITYDIP_TOKEN``); forms carry a CSRF token.

Without a token the server is read-only: every write answers 403. With one, the API takes
``Authorization: Bearer TOKEN``; the review page takes the token once in a sign-in form
and keeps a session cookie (an HMAC of the token, HttpOnly, SameSite=Strict). Every form
carries a CSRF token equal to a cookie of its own (double submit), and a cross-site
``Origin`` is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request

SESSION_COOKIE = "citydip_session"
CSRF_COOKIE = "citydip_csrf"


class Guard:
    """Checks write permission for the API (bearer token) and the pages (session, CSRF)."""

    def __init__(self, token: str | None) -> None:
        self.token = token or None

    @property
    def writable(self) -> bool:
        return self.token is not None

    def session_value(self) -> str:
        assert self.token is not None
        return hmac.new(self.token.encode(), b"citydip review session", hashlib.sha256).hexdigest()

    def _read_only(self) -> HTTPException:
        return HTTPException(403, "this server is read-only: start it with CITYDIP_TOKEN set")

    def check_token(self, given: str | None) -> None:
        """403 on a read-only server; 401 when the token is missing or wrong."""
        if self.token is None:
            raise self._read_only()
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HTTPException(
                401, "a valid token is needed to write", {"WWW-Authenticate": "Bearer"}
            )

    def check_bearer(self, request: Request) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        self.check_token(value.strip() if scheme.lower() == "bearer" else None)

    def signed_in(self, request: Request) -> bool:
        cookie = request.cookies.get(SESSION_COOKIE)
        return (
            self.token is not None
            and cookie is not None
            and hmac.compare_digest(cookie, self.session_value())
        )

    def check_form(self, request: Request, csrf: str | None) -> None:
        """A form post: same origin, the CSRF pair matching."""
        origin = request.headers.get("origin")
        if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
            raise HTTPException(403, "cross-site form posts are refused")
        cookie = request.cookies.get(CSRF_COOKIE)
        if not cookie or not csrf or not hmac.compare_digest(cookie, csrf):
            raise HTTPException(403, "the form's CSRF token is missing or stale: reload the page")

    def check_session(self, request: Request) -> None:
        if self.token is None:
            raise self._read_only()
        if not self.signed_in(request):
            raise HTTPException(401, "sign in with the server's token first")


def new_csrf(request: Request) -> str:
    """The request's CSRF cookie value, or a new one (the page sets it)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
