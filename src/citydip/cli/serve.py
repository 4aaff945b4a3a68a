"""``citydip serve``: the web dashboard and JSON API over the chosen store."""

from __future__ import annotations

import os

import typer

from citydip.cli.app import STATE, app


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    allow_host: list[str] = typer.Option(
        [],
        "--allow-host",
        help="Also answer requests naming this host (repeatable); loopback names always.",
    ),
) -> None:
    """Serve the web pages and the JSON API (/api, /docs); writes need CITYDIP_TOKEN.

    Only requests naming localhost, 127.0.0.1, ::1, the --host given (unless a wildcard)
    or an --allow-host name are answered."""
    from citydip.stores import open_db

    open_db(STATE.db).close()  # build the default store before the first request
    from citydip.stores import chosen_db_path

    try:
        import uvicorn

        from citydip.web.app import create_app, settle
    except ImportError as exc:  # pragma: no cover - the web extra is part of [all]
        raise typer.BadParameter(f"the web server needs its packages: {exc}") from exc
    token = os.environ.get("CITYDIP_TOKEN") or None
    mode = "writes need the token" if token else "read-only (no CITYDIP_TOKEN)"
    hosts = [*allow_host, *([] if host in ("0.0.0.0", "::", "") else [host])]
    typer.echo(f"citydip serving {chosen_db_path(STATE.db)} on http://{host}:{port} — {mode}")
    app = create_app(chosen_db_path(STATE.db), token, hosts=hosts)
    settle()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
    )
