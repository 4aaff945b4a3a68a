"""The FastAPI app: the store per request, one JSON error shape, security headers, caching.

Every error a route raises becomes ``{"error": {"type", "message", "field"}}`` with the
status ``citydip.errors`` gives it (pages show the same message in an HTML page).
"""

from __future__ import annotations

import gzip
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from citydip.errors import CitydipError, InvalidInput
from citydip.store.database import Store, open_store
from citydip.web.security import Guard

HERE = Path(__file__).parent
T = TypeVar("T")
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"
)
DOCS_CSP = "default-src 'self' 'unsafe-inline' data:; frame-ancestors 'none'"


class Stores:
    """Opens the chosen store for each request, and caches results per store version."""

    def __init__(self, path: Path, size: int = 512) -> None:
        self.path = path
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[tuple[Any, ...], threading.Lock] = {}
        self._size = size

    @contextmanager
    def session(self) -> Iterator[Store]:
        """The store for one request: opened, used and closed in the calling thread (an
        SQLite connection refuses any other thread). Call it inside a sync route's body or
        a function given to the thread pool, never from a dependency: FastAPI runs those,
        and their teardown, in other threads than the route."""
        store = open_store(self.path, create=False)
        try:
            yield store
        finally:
            store.close()

    def version(self) -> tuple[int, int]:
        """Changes whenever the store file (or its WAL) is written."""
        stamps = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{suffix}")
            except FileNotFoundError:
                continue
            stamps.append((st.st_mtime_ns, st.st_size))
        return (hash(tuple(stamps)), len(stamps))

    def peek(self, key: tuple[Any, ...]) -> Any | None:
        """The cached result for ``key`` at the store's current version, or None."""
        full = (*key, self.version())
        with self._lock:
            return self._cache.get(full)

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """``compute()`` once per key and store version (results are read-only records);
        requests that miss the same key together wait for one computation."""
        full = (*key, self.version())
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[no-any-return]
            pending = self._pending.setdefault(full, threading.Lock())
        with pending:
            with self._lock:
                if full in self._cache:
                    return self._cache[full]  # type: ignore[no-any-return]
            try:
                value = compute()
            except BaseException:
                with self._lock:
                    self._pending.pop(full, None)
                raise
            with self._lock:
                self._cache[full] = value
                self._pending.pop(full, None)
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        return value


@dataclass(frozen=True)
class Body:
    """A response body computed once: its bytes, gzipped too, and its media type."""

    raw: bytes
    gz: bytes
    media_type: str

    @classmethod
    def of(cls, text: str, media_type: str) -> Body:
        raw = text.encode("utf-8")
        return cls(raw, gzip.compress(raw, compresslevel=6, mtime=0), media_type)

    def response(self, request: Request) -> Response:
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            return Response(self.gz, media_type=self.media_type, headers=headers)
        return Response(self.raw, media_type=self.media_type, headers={"Vary": "Accept-Encoding"})


async def cached_body(
    request: Request, key: tuple[Any, ...], make: Callable[[Store], Body]
) -> Response:
    """The cached body for ``key``; on a miss, computed in a worker thread over the store."""
    stores: Stores = request.app.state.stores
    body = stores.peek(key)
    if body is None:

        def compute() -> Body:
            with stores.session() as store:
                return make(store)

        body = await run_in_threadpool(stores.cached, key, compute)
    assert isinstance(body, Body)
    return body.response(request)


def error_body(exc: CitydipError) -> dict[str, Any]:
    field = exc.field if isinstance(exc, InvalidInput) else None
    return {"error": {"type": type(exc).__name__, "message": str(exc), "field": field}}


def create_app(db: str | os.PathLike[str], token: str | None = None) -> FastAPI:
    """The web app over the store at ``db``; writes need ``token`` (none: read-only)."""
    from citydip import __version__
    from citydip.web import routes_api, routes_pages

    app = FastAPI(
        title="citydip",
        version=__version__,
        description="A sourced, offline city-diplomacy observatory: every statement cites "
        "its sources. Lists answer CSV with `?format=csv`. Writes need the server's token "
        "(`Authorization: Bearer TOKEN`).",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.stores = Stores(Path(db))
    app.state.guard = Guard(token)
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(SecurityHeaders)
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _offline_docs(app)

    @app.exception_handler(CitydipError)
    async def library_error(request: Request, exc: CitydipError) -> Response:
        return _error(request, exc.http_status, error_body(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        field = ".".join(loc) or None
        message = f"{field}: {first.get('msg', 'invalid')}" if field else "invalid request"
        body = {"error": {"type": "InvalidInput", "message": message, "field": field}}
        return _error(request, 400, body)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {401: "Unauthorized", 403: "Forbidden", 404: "NotFound"}.get(
            exc.status_code, "HTTPError"
        )
        body = {"error": {"type": kind, "message": str(exc.detail), "field": None}}
        return _error(request, exc.status_code, body, dict(exc.headers or {}))

    return app


class SecurityHeaders:
    """CSP (nothing from elsewhere), nosniff, no framing, same-origin referrers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (DOCS_CSP if scope["path"] in ("/docs",) else CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for name, value in (
                    (b"content-security-policy", csp),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),  # Origin stays set on form posts
                    (b"x-frame-options", b"DENY"),
                ):
                    if name not in names:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _offline_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the files fastapi-offline ships: no CDN."""
    import fastapi_offline
    from fastapi.openapi.docs import get_swagger_ui_html

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="citydip API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png",
            swagger_ui_parameters={"syntaxHighlight": False},
        )


def _error(
    request: Request, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> Response:
    """JSON under /api (and for machines); an HTML page for pages."""
    if request.url.path.startswith("/api") or request.url.path.endswith(".json"):
        return JSONResponse(body, status_code=status, headers=headers)
    from citydip.web.pages import render_error

    return HTMLResponse(render_error(request, status, body), status_code=status, headers=headers)
