"""Country names, codes and aliases for the gazetteer, built from pycountry and GeoNames.

A country hint ("Czech Republic", "England", "GB", "Georgia (country)", "Yugoslavia")
becomes a list of *options*, each an ISO 3166 alpha-2 code and optionally a GeoNames
admin-1 code that narrows it (England -> GB/ENG). Historic unions map to every successor.
The table is computed once when the gazetteer index is built and stored inside it, so a
lookup never imports pycountry.
"""

from __future__ import annotations

from collections.abc import Iterator

from citydip.text import fold

Option = tuple[str, str | None]  # (ISO alpha-2, GeoNames admin-1 code or None)

_SOVIET = ("RU", "UA", "BY", "MD", "GE", "AM", "AZ", "KZ", "UZ", "TM", "KG", "TJ", "LT", "LV", "EE")
_YUGOSLAV = ("RS", "HR", "SI", "BA", "MK", "ME", "XK")

# Aliases that pycountry and GeoNames do not carry (names used in lists of twin towns,
# constituent countries, disputed or de-facto states, common misspellings).
_ALIASES: dict[str, tuple[Option, ...]] = {
    "england": (("GB", "ENG"),),
    "scotland": (("GB", "SCT"),),
    "wales": (("GB", "WLS"),),
    "northern ireland": (("GB", "NIR"),),
    "uk": (("GB", None),),
    "u k": (("GB", None),),
    "great britain": (("GB", None),),
    "britain": (("GB", None),),
    "usa": (("US", None),),
    "u s a": (("US", None),),
    "u s": (("US", None),),
    "america": (("US", None),),
    "republic of ireland": (("IE", None),),
    "eire": (("IE", None),),
    "czech republic": (("CZ", None),),
    "czechia": (("CZ", None),),
    "taiwan": (("TW", None),),
    "republic of china": (("TW", None),),
    "chinese taipei": (("TW", None),),
    "georgia country": (("GE", None),),
    "georgia": (("GE", None), ("US", "GA")),
    "russia": (("RU", None),),
    "south korea": (("KR", None),),
    "korea": (("KR", None),),
    "north korea": (("KP", None),),
    "vietnam": (("VN", None),),
    "laos": (("LA", None),),
    "syria": (("SY", None),),
    "iran": (("IR", None),),
    "moldavia": (("MD", None),),
    "transnistria": (("MD", None),),
    "macedonia": (("MK", None),),
    "fyrom": (("MK", None),),
    "kosovo": (("XK", None),),
    "palestine": (("PS", None),),
    "palestinian territories": (("PS", None),),
    "west bank": (("PS", None),),
    "gaza strip": (("PS", None),),
    "northern cyprus": (("CY", None),),
    "turkish republic of northern cyprus": (("CY", None),),
    "ivory coast": (("CI", None),),
    "cape verde": (("CV", None),),
    "swaziland": (("SZ", None),),
    "burma": (("MM", None),),
    "east timor": (("TL", None),),
    "vatican": (("VA", None),),
    "vatican city": (("VA", None),),
    "holy see": (("VA", None),),
    "congo": (("CG", None),),
    "republic of the congo": (("CG", None),),
    "congo brazzaville": (("CG", None),),
    "democratic republic of the congo": (("CD", None),),
    "dr congo": (("CD", None),),
    "drc": (("CD", None),),
    "congo kinshasa": (("CD", None),),
    "the gambia": (("GM", None),),
    "the bahamas": (("BS", None),),
    "micronesia": (("FM", None),),
    "federated states of micronesia": (("FM", None),),
    "the netherlands": (("NL", None),),
    "holland": (("NL", None),),
    "turkiye": (("TR", None),),
    "abkhazia": (("GE", None),),
    "south ossetia": (("GE", None),),
    "somaliland": (("SO", None),),
    "sahrawi arab democratic republic": (("EH", None),),
    "crimea": (("UA", None), ("RU", None)),
    "nagorno karabakh": (("AZ", None),),
    "artsakh": (("AZ", None),),
    "surinam": (("SR", None),),
    "bosnia and hercegovina": (("BA", None),),
    "bosnia": (("BA", None),),
    "east germany": (("DE", None),),
    "west germany": (("DE", None),),
    "czechoslovakia": (("CZ", None), ("SK", None)),
    "soviet union": tuple((code, None) for code in _SOVIET),
    "ussr": tuple((code, None) for code in _SOVIET),
    "yugoslavia": tuple((code, None) for code in _YUGOSLAV),
    "serbia and montenegro": (("RS", None), ("ME", None), ("XK", None)),
    "azores": (("PT", None),),
    "madeira": (("PT", None),),
    "canary islands": (("ES", None),),
    "hong kong": (("HK", None),),
    "macau": (("MO", None),),
    "macao": (("MO", None),),
}

# Where a place filed under one country may sit in GeoNames under another code
# (overseas departments, dependencies, disputed areas). Tried only when the country
# itself has no match.
RELATED: dict[str, tuple[str, ...]] = {
    "GB": ("JE", "GG", "IM", "GI"),
    "FR": ("RE", "MQ", "GP", "GF", "YT", "NC", "PF", "PM", "WF", "BL", "MF"),
    "US": ("PR", "GU", "VI", "MP", "AS"),
    "DK": ("FO", "GL"),
    "FI": ("AX",),
    "NO": ("SJ",),
    "NL": ("AW", "CW", "SX", "BQ"),
    "XK": ("RS",),
    "RS": ("XK",),
    "PS": ("IL",),
    "IL": ("PS",),
    "EH": ("MA",),
    "MA": ("EH",),
    "CN": ("HK", "MO"),
}


def country_aliases() -> dict[str, tuple[Option, ...]]:
    """Every folded country name, code and alias -> its options (computed at index build)."""
    table: dict[str, list[Option]] = {}

    def add(name: str | None, options: tuple[Option, ...]) -> None:
        if not name:
            return
        key = fold(name)
        if not key:
            return
        current = table.setdefault(key, [])
        for option in options:
            if option not in current:
                current.append(option)

    for key, options in _ALIASES.items():
        table[key] = list(options)
    for code, names in _current_countries():
        for name in names:
            if fold(name) not in _ALIASES:
                add(name, ((code, None),))
    for name, code in _historic_countries():
        if fold(name) not in table:
            add(name, ((code, None),))
    return {key: tuple(options) for key, options in table.items()}


def _current_countries() -> Iterator[tuple[str, list[str]]]:
    import pycountry

    from citydip.gazetteer.geonames import countries

    geonames = countries()
    seen: set[str] = set()
    for country in pycountry.countries:
        code = str(country.alpha_2)
        seen.add(code)
        names = [code, str(country.alpha_3), str(country.name)]
        for attribute in ("official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                names.append(str(value))
        if "," in country.name:  # "Korea, Republic of" -> "Republic of Korea"
            head, _, tail = str(country.name).partition(",")
            names.append(f"{tail.strip()} {head.strip()}")
        if code in geonames:
            names.append(str(geonames[code]["name"]))
        yield code, names
    for code, record in geonames.items():  # Kosovo (XK) and others pycountry lacks
        if code not in seen:
            yield code, [code, str(record.get("iso3") or ""), str(record["name"])]


def _historic_countries() -> Iterator[tuple[str, str]]:
    """Historic names whose successor is one current country (Zaire -> CD, Burma -> MM)."""
    import pycountry

    current = {str(c.alpha_2) for c in pycountry.countries}
    for historic in pycountry.historic_countries:
        successor = str(historic.alpha_4)[2:]
        if successor in current:
            name = str(historic.name)
            yield name.split(",")[0], successor
