"""Geographic measures over places: great-circle distance, continents, diversity."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from citydip.knowledge.geonames import continent_of

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres on the mean Earth radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def continents(countries: Iterable[str | None]) -> list[str]:
    """Distinct continent names of ISO country codes, sorted."""
    return sorted({c for c in (continent_of(code) for code in countries) if c})


def shannon_diversity(labels: Iterable[str]) -> float:
    """Shannon entropy (natural log) of a list of labels; 0 for one label or none."""
    counts = Counter(labels)
    total = sum(counts.values())
    if total == 0:
        return 0.0
    return -sum((n / total) * math.log(n / total) for n in counts.values())
