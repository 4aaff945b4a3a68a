"""``citydip serve``: the web dashboard and JSON API over the chosen store."""

from __future__ import annotations

import os

import typer

from citydip.cli.app import STATE, app


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the web pages and the JSON API (/api, /docs); writes need CITYDIP_TOKEN."""
    from citydip.stores import open_db

    open_db(STATE.db).close()  # build the default store before the first request
    from citydip.stores import chosen_db_path

    try:
        import uvicorn

        from citydip.web.app import create_app
    except ImportError as exc:  # pragma: no cover - the web extra is part of [all]
        raise typer.BadParameter(f"the web server needs its packages: {exc}") from exc
    token = os.environ.get("CITYDIP_TOKEN") or None
    mode = "writes need the token" if token else "read-only (no CITYDIP_TOKEN)"
    typer.echo(f"citydip serving {chosen_db_path(STATE.db)} on http://{host}:{port} — {mode}")
    uvicorn.run(
        create_app(chosen_db_path(STATE.db), token),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
    )
