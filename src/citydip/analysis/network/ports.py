"""Which places are port cities: the curated entity flag, else a shipped, sourced list.

The list (``citydip/data/ports.csv``) holds the world's largest container ports as three
port-industry rankings state them, each row with its GeoNames id and source key:

- ``wsc-2018``: World Shipping Council, *Top 50 World Container Ports* (2018 volumes),
  ranks 1–20 and Keihin Ports (Tokyo, Yokohama, Kawasaki); rank 21, Laem Chabang, has no
  GeoNames city in the package and is left out;
- ``ajot-2023``: American Journal of Transportation, *Top 100 Container Ports* (2022 data);
- ``joc-2018`` / ``joc-2019``: Journal of Commerce, *Top 50 Global Container Ports*.

It flags big container ports only; a city that is not on it is "not known as a port",
not "not a port". Curated entities carry their own ``port`` flag, which wins.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from citydip.store.models import Entity
from citydip.text import fold

SOURCES = {
    "wsc-2018": (
        "World Shipping Council: Top 50 World Container Ports (2018 volumes)",
        "https://web.archive.org/web/20201119000412/https://www.worldshipping.org/"
        "about-the-industry/global-trade/top-50-world-container-ports",
    ),
    "ajot-2023": (
        "American Journal of Transportation: AJOT's Top 100 Container Ports (2022 data)",
        "https://www.ajot.com/premium/ajot-commentary-ajots-top-100-container-ports",
    ),
    "joc-2018": (
        "Journal of Commerce: Growth accelerates at top global ports (Top 50, 2017 data)",
        "https://www.joc.com/port-news/growth-accelerates-top-global-ports_20180816.html",
    ),
    "joc-2019": (
        "Journal of Commerce: Top 50 Global Container Ports (2018 data)",
        "https://www.joc.com/special-topics/top-50-global-container-ports",
    ),
}


@dataclass(frozen=True)
class PortEntry:
    """One row of the shipped port list."""

    name: str
    country: str
    geonames_id: int
    source: str
    note: str


@cache
def port_list() -> tuple[PortEntry, ...]:
    """The shipped list of port cities, in file order."""
    text = (files("citydip") / "data" / "ports.csv").read_text(encoding="utf-8")
    return tuple(
        PortEntry(row["name"], row["country"], int(row["geonames_id"]), row["source"], row["note"])
        for row in csv.DictReader(text.splitlines())
    )


@cache
def _index() -> tuple[frozenset[int], frozenset[tuple[str, str]]]:
    entries = port_list()
    return (
        frozenset(e.geonames_id for e in entries),
        frozenset((fold(e.name), e.country) for e in entries),
    )


def is_port(entity: Entity) -> bool:
    """The entity's own flag when set; else whether the shipped list names it."""
    if entity.port is not None:
        return entity.port
    by_id, by_name = _index()
    if entity.geonames_id is not None:
        return entity.geonames_id in by_id
    return (fold(entity.name), entity.country or "") in by_name
