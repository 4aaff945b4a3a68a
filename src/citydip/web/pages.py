"""Page rendering through the one Jinja2 environment (``report/templating.py``), with the
one source numbering (``report.citations.Citations``); error pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from jinja2 import Environment

from citydip.report.citations import Citations

__all__ = ["Citations", "activity_groups", "environment", "render", "render_error"]

ACTIVITY_LABELS = {
    "programme": "Programmes",
    "award": "Awards",
    "event": "Events hosted",
    "agreement": "Agreements",
    "aid": "Aid",
    "strategy": "Strategies",
}


def environment() -> Environment:
    """The one Jinja2 environment (``report/templating.py``)."""
    from citydip.report.templating import environment as shared

    return shared()


def render(request: Request, template: str, **context: Any) -> str:
    guard = request.app.state.guard
    return (
        environment()
        .get_template(template)
        .render(request_path=request.url.path, writable=guard.writable, **context)
    )


# An error's type as a page title says it to a person.
ERROR_TITLES = {
    "InvalidInput": "Bad request",
    "DataError": "Bad data",
    "NotFound": "Not found",
    "Ambiguous": "More than one match",
    "Unauthorized": "Token needed",
    "Forbidden": "Not allowed",
    "TooLarge": "Request too large",
    "TooManyRequests": "Too many attempts",
    "ImportFailed": "Import failed",
    "OutputError": "Cannot write",
    "StoreError": "The store cannot be read",
    "Unavailable": "Not available here",
}
LINKED = ("cities", "orgs", "places")  # pages whose names a NotFound's suggestions link to


def render_error(
    request: Request, status: int, body: dict[str, Any], suggestions: list[str] | None = None
) -> str:
    """The error page: a title a person reads ("Not found"), the message, and each
    suggested name as a link to its page."""
    error = body["error"]
    section = request.url.path.strip("/").split("/", 1)[0]
    prefix = f"/{section if section in LINKED else 'cities'}/"
    links = [(name, prefix + quote(name, safe="")) for name in suggestions or []]
    title = ERROR_TITLES.get(error["type"], "Error")
    return render(request, "error.html", status=status, error=error, title=title, links=links)


def activity_groups(profile: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The city's activities grouped by type, in a fixed order of headings."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in profile["activities"]:
        groups.setdefault(item["type"], []).append(item)
    order = [t for t in ACTIVITY_LABELS if t in groups] + sorted(set(groups) - set(ACTIVITY_LABELS))
    return [(ACTIVITY_LABELS.get(t, t.replace("_", " ").capitalize()), groups[t]) for t in order]
