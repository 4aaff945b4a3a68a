"""The one Jinja2 environment of every face: the briefing report, ``compare --format
html`` and the web pages render through it (templates in ``report/templates/`` and
``web/templates/``, one namespace; HTML autoescaped, CSS not)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from jinja2 import Environment

PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATE_FOLDERS = (PACKAGE / "report" / "templates", PACKAGE / "web" / "templates")


def country_name(code: str | None) -> str:
    """A country's common name from its ISO code (the code itself when unknown)."""
    if not code:
        return "unknown country"
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def join_and(items: list[Any]) -> str:
    texts = [str(i) for i in items]
    if len(texts) <= 2:
        return " and ".join(texts)
    return ", ".join(texts[:-1]) + " and " + texts[-1]


def city_url(name: object) -> str:
    """A city's page on the web face."""
    return "/cities/" + quote(str(name), safe="")


@lru_cache(maxsize=1)
def environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(
        loader=FileSystemLoader([str(folder) for folder in TEMPLATE_FOLDERS]),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["country"] = country_name
    env.filters["year"] = lambda value: (value or "")[:4]
    env.filters["join_and"] = join_and
    env.filters["city_url"] = city_url
    env.filters["svg"] = Markup  # figures escape every name they draw
    return env
