"""Page rendering: the Jinja2 environment (autoescaped), source numbering, error pages."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import quote

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from citydip.web.app import HERE

ACTIVITY_LABELS = {
    "programme": "Programmes",
    "award": "Awards",
    "event": "Events hosted",
    "agreement": "Agreements",
    "aid": "Aid",
    "strategy": "Strategies",
}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["city_url"] = lambda name: "/cities/" + quote(str(name), safe="")
    env.filters["svg"] = Markup  # figures escape every name they draw
    return env


def render(request: Request, template: str, **context: Any) -> str:
    guard = request.app.state.guard
    return (
        environment()
        .get_template(template)
        .render(request_path=request.url.path, writable=guard.writable, **context)
    )


def render_error(request: Request, status: int, body: dict[str, Any]) -> str:
    return render(request, "error.html", status=status, error=body["error"])


class Citations:
    """Numbers sources in order of first citation; ``refs(sources)`` gives their numbers."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.sources: list[dict[str, Any]] = []

    def refs(self, sources: list[dict[str, Any]]) -> list[int]:
        out = []
        for source in sources:
            if source["id"] not in self.numbers:
                self.numbers[source["id"]] = len(self.numbers) + 1
                self.sources.append(source)
            out.append(self.numbers[source["id"]])
        return sorted(set(out))


def activity_groups(profile: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The city's activities grouped by type, in a fixed order of headings."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in profile["activities"]:
        groups.setdefault(item["type"], []).append(item)
    order = [t for t in ACTIVITY_LABELS if t in groups] + sorted(set(groups) - set(ACTIVITY_LABELS))
    return [(ACTIVITY_LABELS.get(t, t.replace("_", " ").capitalize()), groups[t]) for t in order]
