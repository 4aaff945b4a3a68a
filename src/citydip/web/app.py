"""The FastAPI app: the store per request, one JSON error shape, security headers, caching.

Every error a route raises becomes ``{"error": {"type", "message", "field"}}`` with the
status ``citydip.errors`` gives it (pages show the same message in an HTML page).
"""

from __future__ import annotations

import gc
import gzip
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
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

from citydip.errors import CitydipError, InvalidInput, NotFound
from citydip.store.database import Store, open_store
from citydip.vocabulary import ReviewDecision
from citydip.web.security import Guard

HERE = Path(__file__).parent
T = TypeVar("T")
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"
)
CACHE_BYTES = 64 * 1024 * 1024  # the result cache's bound (bodies weigh what they hold)
DOCS_CSP = (  # Swagger UI: its own files, styles set by its script (no inline script)
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'"
)


PLACES = "places"  # a scope: answers computed from places and ties only (the network)
SOURCES = "sources"  # a scope: answers from the sources only (which no review changes)


@dataclass(frozen=True)
class About:
    """A scope: an answer about these places (``kind`` "city") or entities ("entity"),
    computed from the claims that involve them or their neighbours, and from places and
    ties (store.derived)."""

    kind: str
    names: tuple[str, ...]


Reads = str | About | None  # what an answer reads (PLACES, SOURCES…); None: anything


@dataclass(frozen=True)
class Epochs:
    """What the store's revisions since ``base`` changed, as far as their writes recorded it
    (store.derived.record_scope): how many changed a tie, and how many reached each entity."""

    base: tuple[Any, ...]
    ties: int = 0
    entities: dict[str, int] = field(default_factory=dict)

    def after(self, scope: dict[str, Any]) -> Epochs:
        entities = dict(self.entities)
        for entity_id in scope.get("affected", ()):
            entities[entity_id] = entities.get(entity_id, 0) + 1
        return Epochs(self.base, self.ties + bool(scope.get("ties", True)), entities)


MAX_EPOCHS = 200_000  # entities tracked since the base before everything is computed again
WRITER_IDLE = 1.0  # seconds the writer thread waits for another decision before it ends


class Stores:
    """Opens the chosen store for each request, and caches results per store version: an
    answer is kept under what it reads, so a write that records its scope (a review) leaves
    the answers it cannot change cached (``Reads``)."""

    def __init__(self, path: Path, size: int = 4096, max_bytes: int = CACHE_BYTES) -> None:
        self.path = path
        self._cache: OrderedDict[tuple[Any, ...], tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[tuple[Any, ...], threading.Lock] = {}
        self._size = size
        self._max_bytes = max_bytes
        self.bytes = 0  # what the cached values weigh, by :func:`weight`
        self._stamp: tuple[Any, Any] | None = None  # (file stamp, revision read at it)
        self._epochs: tuple[Any, Epochs] | None = None  # (revision, what changed since base)
        # (base, tie epoch, kind, name) → entity id: a name names the same entity until an
        # import (new names, entities) or a tie (the most-tied namesake wins) changes
        self._resolved: dict[tuple[Any, ...], str | None] = {}
        self._reading = threading.Lock()
        # (path, query) of a GET a route answered with a cached body → (key, reads): a route
        # makes its key from the URL alone, so the same URL is the same cached answer
        self.urls: dict[tuple[str, bytes], tuple[tuple[Any, ...], Reads]] = {}
        self._writing = threading.Lock()
        self._queued: list[Decision] = []
        self._committing = False  # a review of ours is being written (``version``)
        self._draining = False  # the writer thread runs (``decide``)
        self._arrived = threading.Condition(self._lock)  # a decision was queued
        self._writer: Store | None = None  # the writer's connection while decisions come

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

    def review(self, state: ReviewDecision, claim_id: int) -> Any:
        """Accept or reject one claim (``api.review_in_turn``), in the calling thread: the
        decisions that arrive while another batch is written wait for it, then are written
        together in one transaction (one commit on disk for all), not by polling SQLite's
        lock. The server's routes use :meth:`decide`, which holds no thread while waiting."""
        mine = Decision(state, claim_id)
        with self._lock:
            self._queued.append(mine)
        while not mine.done:
            self._write_queued()
        if isinstance(mine.result, BaseException):
            raise mine.result
        return mine.result

    async def decide(self, state: ReviewDecision, claim_id: int) -> Any:
        """:meth:`review` for the event loop: the decision waits in the queue without a
        worker thread of the pool (threads waiting on the writer would starve the readers)
        and is written by the writer thread, batch after batch, each decision answered
        once its batch is committed."""
        import asyncio

        loop = asyncio.get_running_loop()
        answered: asyncio.Future[Any] = loop.create_future()

        def done(result: Any) -> None:
            with suppress(RuntimeError):  # the loop is closed: nobody waits for the answer
                loop.call_soon_threadsafe(_settle, answered, result)

        with self._lock:
            self._queued.append(Decision(state, claim_id, notify=done))
            start, self._draining = not self._draining, True
            self._arrived.notify()
        if start:
            threading.Thread(target=self._drain, name="citydip-writer", daemon=True).start()
        return await answered

    def _drain(self) -> None:
        """The writer thread: writes what is queued, batch after batch, and ends (its
        connection closed) after ``WRITER_IDLE`` seconds without a decision."""
        try:
            while True:
                self._write_queued()
                with self._lock:
                    if not self._queued:
                        self._arrived.wait(WRITER_IDLE)
                    idle = not self._queued
                if idle:
                    with self._writing:
                        self._close_writer()
                    with self._lock:
                        if not self._queued:
                            self._draining = False
                            return
        except BaseException:
            with self._lock:
                self._draining = False
            raise

    def _write_queued(self) -> None:
        """Write every decision queued now in one transaction, through the writer's own
        connection (kept while the writer thread runs); the new
        revision and what it changed are read through that connection before the
        decisions are answered. While they are written, readers keep the revision before
        them (``version``): none of them is answered yet."""
        from citydip.api.documents import review_in_turn

        with self._writing:
            with self._lock:
                batch, self._queued = self._queued, []
            if not batch:
                return
            self._committing = True
            try:
                try:
                    store = self._writer_store()
                    outcome: list[Any] = review_in_turn(
                        store, [(d.state, d.claim_id) for d in batch]
                    )
                    self._note_version(store.conn)
                except BaseException as exc:  # the store refused them all
                    outcome = [exc] * len(batch)
                    self._close_writer()  # opened again for the next decisions
            finally:
                self._committing = False
            if not self._draining:
                self._close_writer()  # no writer thread keeps it
            for decision, result in zip(batch, outcome, strict=True):
                decision.finish(result)

    def _writer_store(self) -> Store:
        """The writer's connection: opened again when the file was replaced (a rebuild)."""
        store = self._writer
        if store is not None and store.replaced:
            self._close_writer()
            store = None
        if store is None:
            store = self._writer = open_store(self.path, create=False)
        return store

    def _close_writer(self) -> None:
        store, self._writer = self._writer, None
        if store is not None:
            with suppress(sqlite3.Error):
                store.close()

    def _note_version(self, conn: sqlite3.Connection) -> None:
        """After the writer's commit, the store's revision read through its connection, as
        :meth:`version` would read it (no other connection opened for it)."""
        stamp = self._file_stamp()
        with self._reading:
            self._read_version(conn, stamp)

    def version(self, wait: bool = True) -> tuple[Any, ...] | None:
        """The store's revision: changes with every committed write (an import, a review)
        and when the file is replaced (a rebuild), not when a derived result is kept in
        it. Read from the store only when the file's stamp changed, and only by a worker
        thread (``wait``): not ``wait`` (the event loop), a changed stamp gives None, so
        that the loop never opens the store, nor waits for the disk or a writer's lock
        (the writer reads the new revision itself as soon as it has committed).

        While a review of ours is written, the revision before it is given without looking
        at the file: its commit changes the file before it ends, and a reader that read
        the store then would wait for the commit (SQLite's lock), in the loop or in a
        worker thread, for nothing its answer may show yet."""
        known = self._stamp
        if self._committing and known is not None:
            return known[1]  # type: ignore[no-any-return]
        stamp = self._file_stamp()
        if known is not None and known[0] == stamp:
            return known[1]  # type: ignore[no-any-return]
        if not wait:
            return None
        with self._reading:
            known = self._stamp
            if known is not None and known[0] == stamp:
                return known[1]  # type: ignore[no-any-return]
            try:
                conn = sqlite3.connect(f"file:{self.path.absolute()}?mode=ro", uri=True, timeout=2)
            except sqlite3.Error:
                conn = None
            try:
                return self._read_version(conn, stamp)
            finally:
                if conn is not None:
                    conn.close()

    def _file_stamp(self) -> tuple[Any, ...]:
        """(inode, mtime, size) of the store file and of its write-ahead log, if any."""
        stamps = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{suffix}")
            except FileNotFoundError:
                continue
            stamps.append((st.st_ino, st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    def _read_version(
        self, conn: sqlite3.Connection | None, stamp: tuple[Any, ...]
    ) -> tuple[Any, ...]:
        """The revision and epochs read through ``conn`` (None: not readable now), kept for
        ``stamp``; the caller holds ``_reading``."""
        revision: tuple[Any, ...] = (stamp, None)
        epochs = None
        try:
            if conn is not None:
                rows = conn.execute(
                    "SELECT key, value FROM meta WHERE key IN ('store_id', 'revision') ORDER BY key"
                ).fetchall()
                revision = (stamp[0][0] if stamp else None, tuple(rows))
                epochs = self._follow(revision, conn)
        except sqlite3.Error:
            pass  # not readable now: keyed by the stamp, the request reports the problem
        self._epochs = (revision, epochs or Epochs(revision))
        self._stamp = (stamp, revision)
        return revision

    def _follow(self, revision: tuple[Any, ...], conn: sqlite3.Connection) -> Epochs:
        """The epochs at ``revision``: through the scopes its writes recorded when every
        write since the last revision seen recorded one, else from a new base."""
        known = self._epochs
        if known is not None and known[0] == revision:
            return known[1]
        epochs = self._replay(known, revision, conn) if known is not None else None
        if epochs is None or len(epochs.entities) > MAX_EPOCHS:
            epochs = Epochs(revision)
        return epochs

    def _replay(
        self, known: tuple[Any, Epochs], revision: tuple[Any, ...], conn: sqlite3.Connection
    ) -> Epochs | None:
        from citydip.store.derived import SCOPE_KEEP, scope_at

        old, new = _numbered(known[0]), _numbered(revision)
        if old is None or new is None or old[0] != new[0] or not 0 < new[1] - old[1] <= SCOPE_KEEP:
            return None
        epochs = known[1]
        for number in range(old[1] + 1, new[1] + 1):
            try:
                scope = scope_at(conn, f"{new[0]}:{number}")
            except sqlite3.Error as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise  # a writer holds the store: read again
                return None  # no scopes in this store
            if scope is None or scope.get("after") != f"{new[0]}:{number - 1}":
                return None
            epochs = epochs.after(scope)
        return epochs

    def token(self, scope: Reads, resolve: bool = True) -> tuple[Any, ...] | None:
        """What an answer of ``scope`` is keyed on now (None when ``resolve`` is False and
        that needs the store: a name of an ``About`` not resolved yet, a new revision)."""
        version = self.version(wait=resolve)
        if version is None:
            return None
        known = self._epochs
        if scope is None or known is None or known[0] != version:
            return version
        epochs = known[1]
        if scope == PLACES:
            return (PLACES, epochs.base, epochs.ties)
        if scope == SOURCES:  # sources change only by writes that record no scope (imports)
            return (SOURCES, epochs.base)
        assert isinstance(scope, About)
        ids = []
        for name in scope.names:
            named = (epochs.base, epochs.ties, scope.kind, name)
            with self._lock:
                hit = named in self._resolved
                entity_id = self._resolved.get(named)
            if not hit:
                if not resolve:
                    return None
                entity_id = self._resolve(named)
            if entity_id is None:
                return version  # not one known entity: the answer is an error, not cached
            ids.append((entity_id, epochs.entities.get(entity_id, 0)))
        return ("about", epochs.base, epochs.ties, tuple(ids))

    def _resolve(self, named: tuple[Any, ...]) -> str | None:
        from citydip.knowledge.lookup import find_entity

        kind, name = named[-2:]
        try:
            with self.session() as store:
                entity_id: str | None = find_entity(
                    store, name, type="place" if kind == "city" else None
                ).id
        except CitydipError:
            entity_id = None
        with self._lock:
            if len(self._resolved) > 10_000:
                self._resolved.clear()
            self._resolved[named] = entity_id
        return entity_id

    def peek(self, key: tuple[Any, ...], scope: Reads = None) -> Any | None:
        """The cached result for ``key`` at the store's current version, or None."""
        token = self.token(scope, resolve=False)
        if token is None:
            return None
        with self._lock:
            hit = self._cache.get((*key, token))
        return None if hit is None else hit[0]

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T], scope: Reads = None) -> T:
        """``compute()`` once per key and what it reads (``scope``; results are read-only
        records); requests that miss the same key together wait for one computation."""
        full = (*key, self.token(scope))
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full][0]  # type: ignore[no-any-return]
            pending = self._pending.setdefault(full, threading.Lock())
        with pending:
            with self._lock:
                if full in self._cache:
                    return self._cache[full][0]  # type: ignore[no-any-return]
            try:
                value = compute()
            except BaseException:
                with self._lock:
                    self._pending.pop(full, None)
                raise
            size = weight(value)
            with self._lock:
                self._pending.pop(full, None)
                if size <= self._max_bytes // 4:  # one huge answer never flushes the rest
                    self._cache[full] = (value, size)
                    self.bytes += size
                while self._cache and (
                    len(self._cache) > self._size or self.bytes > self._max_bytes
                ):
                    _, (_, dropped) = self._cache.popitem(last=False)
                    self.bytes -= dropped
        return value


@dataclass
class Decision:
    """A review decision waiting to be written, and, once written, what it did (``notify``
    is called with it)."""

    state: ReviewDecision
    claim_id: int
    done: bool = False
    result: Any = None
    notify: Callable[[Any], None] | None = None

    def finish(self, result: Any) -> None:
        self.result, self.done = result, True
        if self.notify is not None:
            self.notify(result)


def _settle(future: Any, result: Any) -> None:
    """Give an awaited decision its answer (in the event loop)."""
    if future.done():
        return  # the request went away meanwhile
    if isinstance(result, BaseException):
        future.set_exception(result)
    else:
        future.set_result(result)


def _numbered(revision: tuple[Any, ...]) -> tuple[str, int] | None:
    """(store id, revision number) of a version read by ``Stores.version``."""
    try:
        rows = dict(revision[1])
        return str(rows["store_id"]), int(rows["revision"])
    except (TypeError, KeyError, ValueError, IndexError):
        return None


def weight(value: Any) -> int:
    """About how many bytes a cached value holds: a response body exactly; a record list
    by its length (a record of a few fields, with its strings, is about 1 KB)."""
    if isinstance(value, Body):
        return len(value.raw) + len(value.gz) + 200
    try:
        return 1024 * (1 + len(value))
    except TypeError:
        return 4096


@dataclass(frozen=True)
class Body:
    """A response body computed once: its bytes, gzipped too, its media type and headers."""

    raw: bytes
    gz: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, text: str, media_type: str, headers: dict[str, str] | None = None) -> Body:
        raw = text.encode("utf-8")
        gz = gzip.compress(raw, compresslevel=6, mtime=0)
        return cls(raw, gz, media_type, tuple((headers or {}).items()))

    async def send(self, scope: Scope, send: Send) -> None:
        """The same answer as :meth:`response`, sent straight to the ASGI server."""
        accept = b""
        for name, value in scope.get("headers", ()):
            if name.lower() == b"accept-encoding":
                accept = value
        zipped = b"gzip" in accept
        content = self.gz if zipped else self.raw
        headers = [
            (b"content-length", str(len(content)).encode()),
            (b"content-type", self.media_type.encode()),
            *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers),
            (b"vary", b"Accept-Encoding"),
        ]
        if zipped:
            headers.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": content})

    def response(self, request: Request) -> Response:
        headers = dict(self.headers)
        headers["Vary"] = "Accept-Encoding"
        if "gzip" in request.headers.get("accept-encoding", ""):
            headers["Content-Encoding"] = "gzip"
            return Response(self.gz, media_type=self.media_type, headers=headers)
        return Response(self.raw, media_type=self.media_type, headers=headers)


async def cached_body(
    request: Request, key: tuple[Any, ...], make: Callable[[Store], Body], scope: Reads = None
) -> Response:
    """The cached body for ``key`` (answered without leaving the event loop); on a miss,
    computed in a worker thread over the store. ``scope`` says what the body reads."""
    stores: Stores = request.app.state.stores
    body = stores.peek(key, scope)
    if body is None:

        def compute() -> Body:
            with stores.session() as store:
                return make(store)

        body = await run_in_threadpool(stores.cached, key, compute, scope)
    assert isinstance(body, Body)
    if request.method == "GET":
        if len(stores.urls) >= MAX_URLS:
            stores.urls.clear()
        stores.urls[(request.url.path, request.scope.get("query_string", b""))] = (key, scope)
    return body.response(request)


MAX_URLS = 20_000


class CachedAnswers:
    """A GET for a URL a route answered from the cache before is answered here, from the
    same cached body (while it is current), without routing, validation or a worker thread;
    anything else goes on to the routes."""

    def __init__(self, app: ASGIApp, stores: Stores, files: dict[str, Body]) -> None:
        self.app = app
        self.stores = stores
        self.files = files  # path → body: the site's own static files, read once

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            query = scope.get("query_string", b"")
            if not query and (file := self.files.get(scope["path"])) is not None:
                await file.send(scope, send)
                return
            known = self.stores.urls.get((scope["path"], query))
            body = None if known is None else self.stores.peek(*known)
            if isinstance(body, Body):
                await body.send(scope, send)
                return
        await self.app(scope, receive, send)


def static_files() -> dict[str, Body]:
    """The files under /static (a stylesheet, a script), read once: each request for one is
    answered from memory (the mounted folder answers anything else, such as a query)."""
    import mimetypes

    files = {}
    for path in sorted((HERE / "static").iterdir()):
        if path.is_file():
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            media = f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
            raw = path.read_bytes()
            files[f"/static/{path.name}"] = Body(raw, gzip.compress(raw, mtime=0), media)
    return files


def error_body(exc: CitydipError) -> dict[str, Any]:
    field = exc.field if isinstance(exc, InvalidInput) else None
    return {"error": {"type": type(exc).__name__, "message": str(exc), "field": field}}


def settle() -> int:
    """Once the app is built, before it serves: what it holds now (modules, tables, the
    routes) lives as long as the process, so it is collected once and frozen out of the
    garbage collector's view (``gc.freeze``). A full collection, which stops every request
    under way, then walks only what was made since (a 1 in 50 write load made it pause
    80-140 ms twice in 8 s; 34 ms once frozen). Returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def create_app(
    db: str | os.PathLike[str], token: str | None = None, hosts: Iterable[str] = ()
) -> FastAPI:
    """The web app over the store at ``db``; writes need ``token`` (none: read-only).
    Requests must name a loopback host (``localhost``, ``127.0.0.1``, ``::1``) or one of
    ``hosts`` in their Host header: a page elsewhere that rebinds its name to this
    machine's address cannot read the server."""
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
    app.add_middleware(CachedAnswers, stores=app.state.stores, files=static_files())
    app.add_middleware(Gate, hosts=LOOPBACK | {h.strip().lower().strip("[]") for h in hosts})
    app.add_middleware(SecurityHeaders)  # the outermost: on the gate's refusals too
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _offline_docs(app)

    @app.exception_handler(CitydipError)
    async def library_error(request: Request, exc: CitydipError) -> Response:
        suggestions = exc.suggestions if isinstance(exc, NotFound) else []
        return _error(request, exc.http_status, error_body(exc), suggestions=suggestions)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = first.get("loc", ())  # a list's item: its parameter (kind, not kind.0)
        loc = [str(p) for p in where if p not in ("query", "path", "body") and type(p) is not int]
        field = ".".join(loc) or None
        message = f"{field}: {first.get('msg', 'invalid')}" if field else "invalid request"
        body = {"error": {"type": "InvalidInput", "message": message, "field": field}}
        return _error(request, 400, body)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {
            401: "Unauthorized",
            403: "Forbidden",
            404: "NotFound",
            413: "TooLarge",
            429: "TooManyRequests",
        }.get(exc.status_code, "HTTPError")
        body = {"error": {"type": kind, "message": str(exc.detail), "field": None}}
        return _error(request, exc.status_code, body, dict(exc.headers or {}))

    return app


LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_BODY = 64 * 1024  # the largest body a route takes (a sign-in or review form)


class Gate:
    """Before anything is read: the Host header must be an allowed name (400 otherwise),
    and a request body over ``MAX_BODY`` is refused (413), by its Content-Length or, when
    it has none, as soon as what arrived passes the limit."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | set[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v for k, v in scope.get("headers", [])}
        host = host_name(headers.get("host", b"").decode("latin-1"))
        if host not in self.hosts:
            await refuse(send, 400, "Forbidden", "this server answers only to its own names")
            return
        length = headers.get("content-length", b"").decode("latin-1").strip()
        if length and (not length.isdigit() or int(length) > MAX_BODY):
            await refuse(send, 413, "TooLarge", f"a request body is at most {MAX_BODY:,} bytes")
            return
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                raise StarletteHTTPException(413, f"a request body is at most {MAX_BODY:,} bytes")
            return message

        await self.app(scope, bounded, send)


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` is ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def refuse(send: Send, status: int, kind: str, message: str) -> None:
    """An error answered by the gate itself, in the one error shape."""
    import json

    body = json.dumps({"error": {"type": kind, "message": message, "field": None}}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


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


DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs-assets/swagger-ui.css">
<link rel="icon" href="/docs-assets/favicon.png">
<title>citydip API</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


def _offline_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the files fastapi-offline ships (no CDN), started by a
    script file of ours: the page runs no inline script."""
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)


def _error(
    request: Request,
    status: int,
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
    suggestions: list[str] | None = None,
) -> Response:
    """JSON under /api (and for machines); an HTML page for pages, the names a NotFound
    suggests as links."""
    if request.url.path.startswith("/api") or request.url.path.endswith(".json"):
        return JSONResponse(body, status_code=status, headers=headers)
    from citydip.web.pages import render_error

    page = render_error(request, status, body, suggestions or [])
    return HTMLResponse(page, status_code=status, headers=headers)
