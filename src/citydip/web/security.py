"""Writes need the token given at start (``CITYDIP_TOKEN``); forms carry a CSRF token.

Without a token the server is read-only: every write answers 403. With one, the API takes
``Authorization: Bearer TOKEN``; the review page takes the token once in a sign-in form
and keeps a session cookie (when it began, signed with the token: HttpOnly,
SameSite=Strict, expiring after 8 hours). Every form
carries a CSRF token equal to a cookie of its own (double submit), and a cross-site
``Origin`` is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

from fastapi import HTTPException, Request

SESSION_COOKIE = "citydip_session"
CSRF_COOKIE = "citydip_csrf"
SESSION_SECONDS = 8 * 3600  # a review session lasts a working day, then signs in again
FAILURES_ALLOWED = 10  # wrong tokens in FAILURE_WINDOW seconds before every try waits
FAILURE_WINDOW = 60.0


class Guard:
    """Checks write permission for the API (bearer token) and the pages (session, CSRF).

    Sessions expire after ``SESSION_SECONDS``. Wrong tokens are slowed down: after
    ``FAILURES_ALLOWED`` in ``FAILURE_WINDOW`` seconds, every token check answers 429
    until the oldest failure is that old (guessing goes at a few tries a minute)."""

    def __init__(self, token: str | None) -> None:
        self.token = token or None
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    @property
    def writable(self) -> bool:
        return self.token is not None

    def session_value(self, issued: int | None = None) -> str:
        """``ISSUED.MAC``: when the session began, signed with the token."""
        assert self.token is not None
        issued = int(time.time()) if issued is None else issued
        message = f"citydip review session {issued}".encode()
        mac = hmac.new(self.token.encode(), message, hashlib.sha256).hexdigest()
        return f"{issued}.{mac}"

    def _read_only(self) -> HTTPException:
        return HTTPException(403, "this server is read-only: start it with CITYDIP_TOKEN set")

    def _throttle(self) -> None:
        now = time.monotonic()
        with self._lock:
            while self._failures and now - self._failures[0] > FAILURE_WINDOW:
                self._failures.popleft()
            if len(self._failures) >= FAILURES_ALLOWED:
                wait = max(1, int(FAILURE_WINDOW - (now - self._failures[0])) + 1)
                raise HTTPException(
                    429,
                    f"too many wrong tokens: try again in {wait} s",
                    {"Retry-After": str(wait)},
                )

    def check_token(self, given: str | None) -> None:
        """403 on a read-only server; 401 when the token is missing or wrong; 429 after
        too many wrong tokens."""
        if self.token is None:
            raise self._read_only()
        self._throttle()
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            with self._lock:
                self._failures.append(time.monotonic())
            raise HTTPException(
                401, "a valid token is needed to write", {"WWW-Authenticate": "Bearer"}
            )

    def check_bearer(self, request: Request) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        self.check_token(value.strip() if scheme.lower() == "bearer" else None)

    def signed_in(self, request: Request) -> bool:
        """A session cookie signed with the token, issued less than ``SESSION_SECONDS``
        ago."""
        cookie = request.cookies.get(SESSION_COOKIE)
        if self.token is None or not cookie:
            return False
        issued, _, _ = cookie.partition(".")
        if not issued.isdigit() or len(issued) > 12:
            return False
        age = time.time() - int(issued)
        return 0 <= age <= SESSION_SECONDS and hmac.compare_digest(
            cookie.encode(), self.session_value(int(issued)).encode()
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
