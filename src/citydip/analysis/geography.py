"""Geographic measures over places: great-circle distance, continents, diversity."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from citydip.gazetteer.geonames import continent_of

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres on the mean Earth radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def great_circle_path(
    lat1: float, lon1: float, lat2: float, lon2: float, steps: int
) -> list[tuple[float, float]]:
    """``steps + 1`` (lon, lat) points along the shorter great circle from the first place
    to the second, ends exact; just the two ends for one place or two antipodes (no single
    circle joins those)."""
    p1, p2 = _unit_vector(lat1, lon1), _unit_vector(lat2, lon2)
    omega = math.acos(max(-1.0, min(1.0, sum(a * b for a, b in zip(p1, p2, strict=True)))))
    if omega < 1e-9 or math.pi - omega < 1e-9:
        return [(lon1, lat1), (lon2, lat2)]
    out = []
    for i in range(steps + 1):
        t = i / steps
        a = math.sin((1 - t) * omega) / math.sin(omega)
        b = math.sin(t * omega) / math.sin(omega)
        x, y, z = (a * u + b * w for u, w in zip(p1, p2, strict=True))
        out.append((math.degrees(math.atan2(y, x)), math.degrees(math.atan2(z, math.hypot(x, y)))))
    out[0], out[-1] = (lon1, lat1), (lon2, lat2)
    return out


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


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
