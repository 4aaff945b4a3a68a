"""The plain records the figures draw: places, ties and timeline entries."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class MapPlace:
    """A named point on the map (degrees, WGS84)."""

    name: str
    lat: float
    lon: float
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class MapTie:
    """A tie from the mapped city to ``partner``: its kind, start year and status."""

    partner: MapPlace
    kind: str
    start: int | None = None
    status: str = "active"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TimelineEntry:
    """One agreement on a timeline: from ``start`` to ``end`` (None: still in force)."""

    label: str
    kind: str
    start: int
    end: int | None = None
    status: str = "active"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
