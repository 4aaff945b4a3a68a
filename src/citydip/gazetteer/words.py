"""The words of place names: town words, admin-unit words, qualifiers, and the spellings
of a name worth looking up (:func:`_variants`), each with the unit it implies.

Part of :mod:`citydip.gazetteer.match` (see :mod:`citydip.gazetteer.resolver`).
"""

from __future__ import annotations

import re
from typing import Literal

from citydip.gazetteer.index import fold, name_keys

Unit = Literal["place", "seat", "parent", "admin"]

# Words that make a name a town's ("City", "-shi") or an admin unit's ("Gmina", "County").
_PLACE_SUFFIXES = (
    "city",
    "shi",
    "si",
    "town",
    "village",
    "machi",
    "cho",
    "mura",
    "zhen",
    "市",
    "町",
    "村",
    "시",
    "city proper",
    "metropolitan city",
    "special city",
)
_PLACE_PREFIXES = (
    "city of",
    "town of",
    "village of",
    "ville de",
    "stadt",
    "miasto",
    "mesto",
    "cidade de",
    "ciudad de",
    "the city of",
    "royal town of",
)
_ADMIN_SUFFIXES = (
    "district municipality",
    "municipal district",
    "rural district",
    "urban district",
    "rural municipality",
    "urban municipality",
    "municipality",
    "county",
    "district",
    "borough",
    "province",
    "prefecture",
    "region",
    "oblast",
    "raion",
    "rayon",
    "township",
    "gun",
    "gu",
    "ku",
    "qu",
    "xian",
    "ward",
    "kommune",
    "kommun",
    "governorate",
    "department",
    "commune",
    "parish",
    "municipal unit",
    "amt",
    "区",
    "县",
    "郡",
    "군",
    "구",
)
_ADMIN_PREFIXES = (
    "gmina",
    "powiat",
    "county",
    "london borough of",
    "royal borough of",
    "metropolitan borough of",
    "borough of",
    "municipality of",
    "county of",
    "district of",
    "landkreis",
    "kreis",
    "comune di",
    "commune de",
    "municipio de",
    "municipio",
    "municipalidad de",
    "concelho de",
    "gemeinde",
    "obec",
    "township of",
    "samtgemeinde",
    "verbandsgemeinde",
    "amt",
)
_SAINTS = (
    ("st ", "saint "),
    ("st ", "sankt "),
    ("ste ", "sainte "),
    ("mt ", "mount "),
    ("saint ", "st "),
    ("sankt ", "st "),
    ("sainte ", "ste "),
    ("san ", "santo "),
)
_QUALIFIER = re.compile(r"^(.*?)\s*[(\[]([^)\]]*)[)\]]\s*$")
_KIND_WORDS = {"city", "town", "village", "municipality", "commune", "place", "country"}


def _variants(name: str) -> list[tuple[str, float, Unit, str | None]]:
    """(key, quality, unit, admin kind) for each spelling of the name worth trying, in order."""
    out: list[tuple[str, float, Unit, str | None]] = []
    seen: set[str] = set()

    def add(key: str, quality: float, unit: Unit = "place", kind: str | None = None) -> None:
        key = key.strip()
        if key and key not in seen:
            seen.add(key)
            out.append((key, quality, unit, kind))

    for key in name_keys(name):
        add(key, 1.0)
    match = _QUALIFIER.match(name)
    bases: list[tuple[str, float, Unit, str | None]] = [(name, 1.0, "place", None)]
    if match and match.group(1):
        qualifier = fold(match.group(2))
        kind = _admin_word(qualifier)
        unit: Unit = "seat" if kind else "place"
        bases.append((match.group(1), 0.95, unit, kind))
    for base, quality, base_unit, base_kind in bases:
        for key in name_keys(base):
            add(key, quality, base_unit, base_kind)
            for stripped, kind in strip_words(key):
                if kind is None:
                    add(stripped, quality * 0.95, base_unit, base_kind)
                else:
                    add(stripped, quality * 0.9, "seat", kind)
                    for seat in _adjectival_seats(stripped, kind):
                        add(seat, quality * 0.8, "seat", kind)
    for key, quality, unit_, kind_ in list(out):
        for old, new in _SAINTS:
            if key.startswith(old):
                add(new + key[len(old) :], quality * 0.95, unit_, kind_)
    if not name.isascii() and not any(k for k in name_keys(name) if k.isascii()):
        from anyascii import anyascii

        add(fold(anyascii(name)), 0.7)
    return out


_ADJECTIVAL = re.compile(r"^(.{3,}?s?k)(?:iy|ij|ii|y|i|oy|aya|oye)$")


def _adjectival_seats(head: str, kind: str) -> list[str]:
    """A raion named by its seat's adjective ("Yeysky", "Balashovsky", "Naro-Fominsky"
    District): the seat's name ("yeysk", "balashov", "naro fominsk")."""
    if kind not in ("district", "raion", "rayon"):
        return []
    match = _ADJECTIVAL.match(head)
    if not match:
        return []
    stem = match.group(1)
    seats = [stem]
    if stem.endswith("sk"):
        seats.append(stem[:-2])
    return seats


def _admin_word(qualifier: str) -> str | None:
    """The admin-unit kind a qualifier names ("county", "rural gmina", "urban district")."""
    if qualifier in _KIND_WORDS:
        return None
    if qualifier in _ADMIN_SUFFIXES or qualifier == "gmina":
        return qualifier
    words = qualifier.split()
    # "rural gmina", "urban district" say what the name is; "Šumperk District" names the
    # unit the place lies in (a region hint, not a kind)
    unit_word = words[-1] in _ADMIN_SUFFIXES or words[-1] == "gmina"
    if 1 < len(words) <= 3 and unit_word and all(w in _UNIT_ADJECTIVES for w in words[:-1]):
        return qualifier
    return None


_UNIT_ADJECTIVES = frozenset(
    {
        "rural",
        "urban",
        "municipal",
        "metropolitan",
        "city",
        "town",
        "local",
        "royal",
        "london",
        "unitary",
        "special",
        "autonomous",
        "non",
        "county",
    }
)


def strip_words(key: str) -> list[tuple[str, str | None]]:
    """The key without a town word (kind None) or an admin-unit word (kind = that word)."""
    out: list[tuple[str, str | None]] = []
    suffixes: tuple[tuple[tuple[str, ...], bool], ...] = (
        (_PLACE_SUFFIXES, False),
        (_ADMIN_SUFFIXES, True),
    )
    prefixes: tuple[tuple[tuple[str, ...], bool], ...] = (
        (_PLACE_PREFIXES, False),
        (_ADMIN_PREFIXES, True),
    )
    for words, admin in suffixes:
        for word in words:
            if key.endswith(word) and len(key) > len(word) + 1:
                head = key[: -len(word)].strip()
                if head and (word[0] > "\u2fff" or key[-len(word) - 1] == " "):
                    out.append((head, word if admin else None))
    for words, admin in prefixes:
        for word in words:
            if key.startswith(word + " "):
                out.append((key[len(word) + 1 :], word if admin else None))
    return out
