"""One district, one place, however it is written (docs/identity.md, rule 2).

Lists write a city district as "Berlin – Charlottenburg-Wilmersdorf", as
"Charlottenburg-Wilmersdorf (Berlin)", as "Budapest II" or "Budapest II (Budapest)", and
Wikidata has an item for it ("Charlottenburg-Wilmersdorf", "Shilin"). Each spelling is
reduced to the district's *core* (its name without the city and without generic words such
as "District" or "-gu"); a district is known by its parent city and its core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citydip.store.database import Store
from citydip.text import fold

_DASHES = (" – ", " — ", " - ")
_QUALIFIED = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
_GENERIC = {"district", "ward", "borough", "gu", "ku", "qu", "arrondissement", "kerulet"}
# Words that make a name the city's own government, not a part of it ("Municipiul Sibiu").
_CITY_WORDS = {"municipiul", "municipality", "oras", "city", "of", "gemeente", "kommune"}
_SPLIT = re.compile(r"[\s\-]+")


def core_of(name: str) -> str:
    """A district name folded, without generic words: "Shilin District" → "shilin"."""
    words = [w for w in _SPLIT.split(fold(name).strip(" .")) if w and w not in _GENERIC]
    return " ".join(words)


_NUMBERED = re.compile(r"^(?P<number>[ivxlc]+|\d+)\.?(?:\s+(?P<rest>.*))?$")
_DASH_SPLIT = re.compile(r"\s+[–—-]\s+")


def cores_of(name: str) -> list[str]:
    """Every core a district is known by: "XI – Újbuda" is district "xi" and "ujbuda"."""
    cores: list[str] = []
    for piece in [name, *_DASH_SPLIT.split(name)]:
        core = core_of(piece)
        numbered = _NUMBERED.match(core)
        for found in (core, numbered.group("number") if numbered else ""):
            if found and found not in cores:
                cores.append(found)
    return cores


def district_part(written: str, city_names: set[str]) -> str:
    """The district's own name in a spelling that also names its city."""
    text = written.strip()
    folded_city = {fold(n) for n in city_names if n}
    for dash in _DASHES:
        head, sep, tail = text.partition(dash)
        if sep and fold(head) in folded_city:
            text = tail.strip()
            break
    match = _QUALIFIED.match(text)
    if match and fold(match.group(2)) in folded_city:
        text = match.group(1).strip()
    for city in sorted(city_names, key=len, reverse=True):  # "Budapest II" → "II"
        if city and fold(text).startswith(fold(city) + " "):
            text = text[len(city) :].strip()
            break
    return text or written.strip()


def is_the_city(part: str, city: str) -> bool:
    """Whether a "district" is the city itself under its government's name."""
    words = [w for w in _SPLIT.split(fold(part)) if w and w not in _CITY_WORDS]
    return bool(words) and " ".join(words) == " ".join(_SPLIT.split(fold(city)))


def display_name(city: str, part: str) -> str:
    """How a district is shown: its own name, or "Budapest II" for a numbered one."""
    if _NUMBERED.match(fold(part)):
        return f"{city} {part}"
    return part


@dataclass
class DistrictIndex:
    """The store's districts (and those of the batch) by parent and by core."""

    store: Store
    by_parent: dict[tuple[str, str], str] = field(default_factory=dict)
    by_core: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # → (id, parent)
    parents: dict[str, tuple[str, float | None, float | None]] = field(default_factory=dict)
    loaded: bool = False

    def _load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        rows = self.store.conn.execute(
            "SELECT e.id, e.parent, n.name, p.name, p.country, p.lat, p.lon FROM entities e "
            "JOIN names n ON n.entity_id = e.id JOIN entities p ON p.id = e.parent "
            "WHERE e.level = 'district'"
        )
        for entity_id, parent, name, city, country, lat, lon in rows:
            self.parents[str(parent)] = (country or "", lat, lon)
            self.add(str(entity_id), str(parent), district_part(str(name), {str(city)}))

    def add(self, entity_id: str, parent: str, name: str) -> None:
        for core in cores_of(name):
            self.by_parent.setdefault((parent, core), entity_id)
            known = self.by_core.setdefault(core, [])
            if (entity_id, parent) not in known:
                known.append((entity_id, parent))

    def find(self, parent: str, name: str) -> str | None:
        """The district of ``parent`` known by one of ``name``'s cores, if exactly one is."""
        self._load()
        found = {
            self.by_parent[(parent, c)] for c in cores_of(name) if (parent, c) in self.by_parent
        }
        return found.pop() if len(found) == 1 else None

    def named(self, name: str) -> list[tuple[str, str]]:
        """Every (district, parent) whose core is ``name``'s."""
        self._load()
        return list(self.by_core.get(core_of(name), ()))
