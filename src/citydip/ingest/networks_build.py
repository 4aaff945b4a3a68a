"""Derive ``data/networks/memberships.json`` from the city-network lists (maintainers only).

``scripts/build_memberships.py`` calls :func:`build_networks`. Each listed member is resolved
here, once, to stable ids — a GeoNames id through the offline gazetteer (with the country,
and the list's own coordinates when it gives them), a Wikidata QID from the list or from the
world dataset's record of that GeoNames place — with its name, country and coordinates, so
loading the file into a store needs no gazetteer (:mod:`citydip.ingest.networks`).

Names the lists leave ambiguous are settled in :data:`C40_PLACES` (Portland, Oregon;
Santiago de Chile; Salvador, Bahia; Delhi for "Delhi NCT"; Durban for "Durban (eThekwini)")
and checked (:data:`C40_CHECKS`): a build that puts one on a wrong namesake fails. "Dhaka
North" and "Dhaka South" are two members: two city corporations, each a district of Dhaka.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from citydip.errors import DataError
from citydip.ingest.networks import NETWORKS_FORMAT, PLACE_COLUMNS
from citydip.ingest.networks_sources import LISTS, ORGANISATIONS, SOURCES
from citydip.text import slugify

# C40 names → (name to resolve, country, region); the list gives names only.
C40_PLACES: dict[str, tuple[str, str, str]] = {
    **{
        n: (n, c, "")
        for c, names in {
            "GH": "Accra",
            "ET": "Addis Ababa",
            "TZ": "Dar es Salaam",
            "KE": "Nairobi",
            "SL": "Freetown",
            "NG": "Lagos",
            "CI": "Abidjan",
            "SN": "Dakar",
            "CN": "Dalian|Nanjing|Zhenjiang|Hangzhou|Guangzhou|Wuhan|Chengdu|Qingdao|Fuzhou|"
            "Beijing|Shanghai|Shenzhen",
            "VN": "Hanoi|Ho Chi Minh City",
            "TH": "Bangkok",
            "ID": "Jakarta",
            "MY": "Kuala Lumpur",
            "PH": "Quezon City",
            "BR": "Fortaleza|Curitiba|Rio de Janeiro|São Paulo",
            "MX": "Guadalajara|Mexico City",
            "PE": "Lima",
            "CO": "Medellín|Bogotá",
            "EC": "Quito",
            "JO": "Amman",
            "IN": "Bengaluru|Chennai|Mumbai|Ahmedabad",
            "PK": "Karachi",
            "ZA": "Johannesburg|Cape Town|Tshwane|Ekurhuleni",
            "HK": "Hong Kong",
            "JP": "Yokohama|Tokyo",
            "NZ": "Auckland",
            "PL": "Warsaw",
            "TR": "Istanbul",
            "GR": "Athens",
            "IT": "Rome|Milan",
            "PT": "Lisbon",
            "AR": "Buenos Aires",
            "US": "New Orleans|Chicago|Philadelphia|Miami|Houston|New York City|Seattle|"
            "Los Angeles|Boston|Austin|Phoenix|San Francisco",
            "KR": "Seoul",
            "SG": "Singapore",
            "AU": "Melbourne|Sydney",
            "NL": "Amsterdam|Rotterdam",
            "ES": "Barcelona|Madrid",
            "DE": "Berlin|Heidelberg",
            "DK": "Copenhagen",
            "GB": "London",
            "NO": "Oslo",
            "FR": "Paris",
            "SE": "Stockholm",
            "IL": "Tel Aviv-Yafo",
            "CA": "Vancouver|Toronto|Montréal",
            "AE": "Dubai",
        }.items()
        for n in names.split("|")
    },
    "Portland": ("Portland", "US", "Oregon"),
    "Santiago": ("Santiago", "CL", ""),
    "Salvador": ("Salvador", "BR", "Bahia"),
    "Delhi NCT": ("Delhi", "IN", ""),
    "Durban (eThekwini)": ("Durban", "ZA", ""),
    "Washington, DC": ("Washington", "US", "District of Columbia"),
    "Dhaka North": ("Dhaka", "BD", ""),
    "Dhaka South": ("Dhaka", "BD", ""),
}
# Members that are a part of the resolved city (its district), not the city itself.
C40_DISTRICTS = {"Dhaka North", "Dhaka South"}
# The namesakes that must not go wrong: (country, GeoNames admin1 code or "").
C40_CHECKS = {
    "Portland": ("US", "OR"),
    "Santiago": ("CL", ""),
    "Salvador": ("BR", "05"),
    "Delhi NCT": ("IN", ""),
    "Durban (eThekwini)": ("ZA", ""),
    "Washington, DC": ("US", "DC"),
}
NEAR_KM = 30.0  # a list's own coordinates and the GeoNames place agree within this


@dataclass(frozen=True)
class NetworkInputs:
    """The raw lists, in ``<data>/city-networks/``."""

    c40: Path
    eurocities: Path
    eurocities_site: Path
    gpm: Path

    @classmethod
    def in_folder(cls, data: Path) -> NetworkInputs:
        base = data / "city-networks"
        return cls(
            base / "c40" / "members-2024.csv",
            base / "eurocities" / "members-wikidata-enriched.json",
            base / "eurocities" / "members-from-website.txt",
            base / "global-parliament-of-mayors" / "declaration-for-democracy-signatories.csv",
        )

    def files(self) -> list[Path]:
        return [self.c40, self.eurocities, self.eurocities_site, self.gpm]


class _Builder:
    """Places (by key) and claims, gathered list by list."""

    def __init__(self, qid_of_geonames: dict[int, str]) -> None:
        self.qid_of_geonames = qid_of_geonames
        self.places: dict[str, dict[str, Any]] = {}
        self.claims: list[list[Any]] = []
        self.taken_qids: dict[str, str] = {}  # QID → place key

    def place(self, record: dict[str, Any]) -> str:
        """The key of this place (new, or the one already built with the same ids)."""
        qid, gid = record.get("wikidata_id"), record.get("geonames_id")
        if qid and qid in self.taken_qids:
            return self.taken_qids[qid]
        if gid:
            key = f"gn-{gid}"
            if record.get("level") not in (None, "city"):
                key += f"-{slugify(str(record['level']))}"
        elif qid:
            key = f"wd-{qid}"
        else:
            key = f"name-{(record.get('country') or 'xx').lower()}-{slugify(record['name'])}"
        if key in self.places:
            held = self.places[key].get("wikidata_id")
            if qid and held and held != qid:  # another item: never one place for two QIDs
                record = {**record, "geonames_id": None}
                key = f"wd-{qid}"
            else:
                if qid and not held:
                    self.places[key]["wikidata_id"] = qid
                    self.taken_qids[qid] = key
                return key
        self.places.setdefault(key, {**record, "key": key})
        if qid:
            self.taken_qids[qid] = key
        return key

    def gazetteer_place(
        self,
        name: str,
        country: str,
        region: str = "",
        near: tuple[float, float] | None = None,
        units: bool = False,
    ) -> tuple[dict[str, Any] | None, Any]:
        """A GeoNames city (or, with ``units``, an admin unit GeoNames holds) for a name;
        None when unresolved, something else, or too far from ``near``."""
        from citydip.gazetteer import resolve
        from citydip.gazetteer.match import distance_km

        result = resolve(name, country or None, region or None, near)
        place = result.place
        allowed = ("place", "admin") if units else ("place",)
        if result.status != "resolved" or place is None or result.unit not in allowed:
            return None, result
        if not place.geonames_id:
            return None, result
        if near is not None and distance_km(near, (place.lat, place.lon)) > NEAR_KM:
            return None, result
        return {
            "name": place.name,
            "country": place.country,
            "level": "city" if result.unit == "place" else place.level or "admin unit",
            "geonames_id": place.geonames_id,
            "wikidata_id": self.qid_of_geonames.get(place.geonames_id),
            "lat": place.lat,
            "lon": place.lon,
            "population": place.population or None,
            "placement": "geonames" if result.unit == "place" else "centroid",
            "parent": None,
        }, result

    def claim(self, subject: str, predicate: str, obj: str, source: str, **rest: Any) -> None:
        qualifiers = {k: v for k, v in rest.items() if v not in (None, "") and k != "locator"}
        self.claims.append([subject, predicate, obj, source, qualifiers, rest.get("locator")])


def build_networks(
    inputs: NetworkInputs,
    out: Path,
    world: Path | None = None,
    say: Callable[[str], None] = lambda _text: None,
) -> dict[str, Any]:
    """Resolve every list and write the networks file; returns what was written."""
    for path in inputs.files():
        if not path.exists():
            raise DataError(str(path), None, None, "missing (give the folder of the raw lists)")
    builder = _Builder(_world_qids(world))
    _c40(builder, inputs.c40)
    say(f"C40: {sum(1 for c in builder.claims if c[2] == 'c40')} members")
    _eurocities(builder, inputs.eurocities, inputs.eurocities_site)
    say(f"Eurocities: {sum(1 for c in builder.claims if c[2] == 'eurocities')} members")
    _gpm(builder, inputs.gpm)
    say(f"GPM declaration: {sum(1 for c in builder.claims if c[1] == 'signed')} signatories")
    data = {
        "format": NETWORKS_FORMAT,
        "built": datetime.now(UTC).date().isoformat(),
        "inputs": [_describe(p, inputs) for p in inputs.files()],
        "organisations": ORGANISATIONS,
        "sources": SOURCES,
        "lists": LISTS,
        "places": {
            "columns": list(PLACE_COLUMNS),
            "rows": [[p.get(c) for c in PLACE_COLUMNS] for p in builder.places.values()],
        },
        "claims": {
            "columns": ["subject", "predicate", "object", "source", "qualifiers", "locator"],
            "rows": builder.claims,
        },
    }
    text = _compact_json(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    digest = hashlib.sha1(text.encode()).hexdigest()
    out.with_name(out.name + ".sha1").write_text(digest + "\n", encoding="ascii")
    return data


def _compact_json(data: dict[str, Any]) -> str:
    """One row a line: small, and readable in a diff."""
    head = {k: v for k, v in data.items() if k not in ("places", "claims")}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    for name in ("places", "claims"):
        table = data[name]
        rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in table["rows"])
        tail = "," if name == "places" else ""
        lines.append(f'"{name}": {{"columns": {json.dumps(table["columns"])}, "rows": [')
        lines.append(rows)
        lines.append(f"]}}{tail}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _describe(path: Path, inputs: NetworkInputs) -> dict[str, Any]:
    raw = path.read_bytes()
    base = inputs.c40.parents[1]
    return {
        "file": str(path.relative_to(base.parent)),
        "sha1": hashlib.sha1(raw).hexdigest(),
        "lines": raw.count(b"\n"),
    }


def _world_qids(world: Path | None) -> dict[int, str]:
    """GeoNames id → QID as the world dataset records them (its places' identities)."""
    from citydip.ingest.world import read_world, world_path

    path = world or world_path()
    if not path.exists():
        return {}
    data = read_world(path)
    columns = data["entities"]["columns"]
    gid, qid = columns.index("geonames_id"), columns.index("wikidata_id")
    return {int(r[gid]): str(r[qid]) for r in data["entities"]["rows"] if r[gid] and r[qid]}


def _c40(builder: _Builder, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        listed = row["city"].strip()
        if listed not in C40_PLACES:
            raise DataError(str(path), line, "city", f"{listed!r}: not in C40_PLACES")
        name, country, region = C40_PLACES[listed]
        record, result = builder.gazetteer_place(name, country, region, units=True)
        if record is None:
            raise DataError(str(path), line, "city", f"{listed!r} not placed ({result.reason})")
        expected = C40_CHECKS.get(listed)
        admin1 = result.place.admin1 if result.place else None
        if expected and (record["country"], admin1 if expected[1] else "") != expected:
            raise DataError(str(path), line, "city", f"{listed!r} placed on a wrong namesake")
        key = builder.place(record)
        if listed in C40_DISTRICTS:
            key = builder.place(
                {
                    **record,
                    "name": listed,
                    "level": "district",
                    "geonames_id": None,
                    "wikidata_id": None,
                    "population": None,
                    "placement": "parent",
                    "parent": key,
                }
            )
        builder.claim(
            key,
            "member_of",
            "c40",
            "c40-members-2024",
            role="member",
            listed_as=listed,
            as_of="2024-11-06",
            tier=int(row["tier"]),
            tier_description=row["tier_description"].strip(),
            locator=f"c40/members-2024.csv:{line} ({listed})",
        )


def _eurocities(builder: _Builder, path: Path, site: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for index, item in enumerate(data["members"]):
        near = (float(item["latitude"]), float(item["longitude"]))
        label, country = item["wikidata_name"], item["country_name"]
        record, _ = builder.gazetteer_place(label, country, near=near)
        if record is None:
            record, _ = builder.gazetteer_place(item["name_on_website"], country, near=near)
        qid = item["wikidata_id"]
        if record is None:  # the QID's own place: GeoNames holds none near it
            record = {
                "name": label,
                "country": _country(country),
                "level": "city",
                "geonames_id": None,
                "wikidata_id": qid,
                "lat": near[0],
                "lon": near[1],
                "population": int(item["population"]) if item.get("population") else None,
                "placement": "input",
                "parent": None,
            }
        elif not record["wikidata_id"]:
            record["wikidata_id"] = qid
        key = builder.place(record)
        builder.claim(
            key,
            "member_of",
            "eurocities",
            "eurocities-members-2025",
            role="member",
            listed_as=item["name_on_website"],
            as_of="2025-05-18",
            listed_qid=qid,
            locator=f"eurocities/members-wikidata-enriched.json: members[{index}]",
        )
    countries = _site_countries(site)
    for listed in data["not_found"]:
        country = countries.get(listed, "")
        record, result = builder.gazetteer_place(listed, country)
        if record is None:
            record = _unit_or_name(listed, country, result)
        key = builder.place(record)
        builder.claim(
            key,
            "member_of",
            "eurocities",
            "eurocities-members-2025",
            role="member",
            listed_as=listed,
            as_of="2025-05-18",
            locator=f"eurocities/members-from-website.txt ({listed}, {country})",
        )


def _unit_or_name(listed: str, country: str, result: Any) -> dict[str, Any]:
    """A member the gazetteer places only as an admin unit or at its seat, or not at all."""
    place = result.place if result.status == "resolved" else None
    code = _country(country)
    record: dict[str, Any] = {
        "name": listed,
        "country": code,
        "level": "admin unit",
        "geonames_id": None,
        "wikidata_id": None,
        "lat": None,
        "lon": None,
        "population": None,
        "placement": "unplaced",
        "parent": None,
    }
    if place is not None:
        record.update(lat=place.lat, lon=place.lon, country=place.country)
        record["placement"] = "centroid" if result.unit == "admin" else "seat"
        if result.unit == "parent":
            record.update(level="district", placement="parent")
    return record


def _site_countries(path: Path) -> dict[str, str]:
    lines = [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return {lines[i]: lines[i + 1].title() for i in range(0, len(lines) - 1, 2)}


def _country(name: str) -> str | None:
    from citydip.gazetteer import country_code_of

    return country_code_of(name) if name else None


def _gpm(builder: _Builder, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        listed, country = row["city_name"].strip(), row["country"].strip()
        if country.lower().startswith("the "):
            country = country[4:]
        qid = row["wikidata_id"].strip()
        record, result = builder.gazetteer_place(listed, country)
        if record is None and qid:
            record = {
                "name": listed,
                "country": _country(country),
                "level": "city",
                "geonames_id": None,
                "wikidata_id": qid,
                "lat": None,
                "lon": None,
                "population": None,
                "placement": "unplaced",
                "parent": None,
            }
        elif record is None:
            record = _unit_or_name(listed, country, result)
        elif qid and not record["wikidata_id"]:
            record["wikidata_id"] = qid
        key = builder.place(record)
        builder.claim(
            key,
            "signed",
            "gpm-democracy-declaration",
            "gpm-declaration-signatories-2025",
            listed_as=listed,
            as_of="2025-06-11",
            listed_qid=qid or None,
            signed_by=row["mayor_title"].strip() or None,
            locator=f"global-parliament-of-mayors/declaration-for-democracy-signatories.csv:{line}",
        )
