"""``citydip update wikidata --memberships``: Wikidata's P463 (member of) for known networks.

One SPARQL query asks, for the organisations the store knows (by their QIDs, and by their
English names for those without one), which located items (with a P625 coordinate: places,
not organisations) are members, with the statement's start (P580) and end (P582) and its
reference URLs (P854). The answer is imported like any other as one source,
``MEMBERS_SOURCE_ID``: members go through the place resolver (QID first, then the label with
its country and coordinates), claims are ``member_of`` with the statement in the
``wikidata`` qualifier, and a later run withdraws what Wikidata no longer states.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from citydip.errors import DataError, ImportFailed
from citydip.ingest.importing import ImportBatch, ImportSummary, run_import, unresolved_row
from citydip.ingest.places import NameQuery, PlaceResolver
from citydip.progress import Progress
from citydip.store.database import Store
from citydip.store.models import Claim, Source
from citydip.text import fold

MEMBERS_SOURCE_ID = "import-wikidata-p463"
ENTITY = "http://www.wikidata.org/entity/"
LIMIT = 100_000


@dataclass(frozen=True)
class Network:
    """An organisation of the store, as the query names it."""

    id: str
    name: str
    qid: str | None


def known_networks(store: Store) -> list[Network]:
    """The store's organisations that have members or a QID: the networks to ask about."""
    rows = store.conn.execute(
        "SELECT e.id, e.name, e.wikidata_id FROM entities e WHERE e.type = 'organization' "
        "AND (e.wikidata_id IS NOT NULL OR EXISTS (SELECT 1 FROM claims c WHERE "
        "c.object = e.id AND c.predicate = 'member_of')) ORDER BY e.id"
    )
    return [Network(str(r[0]), str(r[1]), r[2]) for r in rows]


def members_query(networks: list[Network]) -> str:
    """The P463 query for these networks (QIDs, and English names for the others)."""
    qids = " ".join(f"wd:{n.qid}" for n in networks if n.qid)
    names = " ".join(_literal(n.name) + "@en" for n in networks if not n.qid)
    choices = []
    if qids:
        choices.append(f"{{ VALUES ?org {{ {qids} }} }}")
    if names:
        choices.append(f"{{ VALUES ?orgName {{ {names} }} ?org rdfs:label ?orgName . }}")
    return (
        "SELECT ?city ?cityLabel ?cityCountry ?cityCoord ?org ?orgLabel ?start ?end ?ref "
        "?statement WHERE {\n  "
        + " UNION ".join(choices)
        + "\n  ?city p:P463 ?statement . ?statement ps:P463 ?org . ?city wdt:P625 ?cityCoord .\n"
        "  OPTIONAL { ?statement pq:P580 ?start } OPTIONAL { ?statement pq:P582 ?end }\n"
        "  OPTIONAL { ?statement prov:wasDerivedFrom/pr:P854 ?ref }\n"
        "  OPTIONAL { ?city wdt:P17/wdt:P297 ?cityCountry }\n"
        '  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }\n'
        f"}} LIMIT {LIMIT}"
    )


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Statement:
    """One P463 statement: the member item, the organisation, dates, references."""

    key: str
    city: str
    label: str
    country: str
    lat: float | None
    lon: float | None
    org: str
    org_label: str
    start: str | None = None
    end: str | None = None
    refs: list[str] = field(default_factory=list)


def parse_members(data: Any, name: str) -> list[Statement]:
    """The statements of a SPARQL JSON answer (rows of one statement grouped)."""
    try:
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError) as exc:
        raise DataError(name, None, None, "not SPARQL JSON results") from exc
    out: dict[str, Statement] = {}
    for number, row in enumerate(bindings, start=1):

        def value(var: str, row: Any = row) -> str:
            cell = row.get(var) if isinstance(row, dict) else None
            text = cell.get("value") if isinstance(cell, dict) else None
            return text if isinstance(text, str) else ""

        city, org = _qid(value("city")), _qid(value("org"))
        if not city or not org:
            raise DataError(name, None, f"result {number}: city/org", "not a Wikidata item")
        key = value("statement") or f"{city}-{org}"
        statement = out.get(key)
        if statement is None:
            lat, lon = _point(value("cityCoord"))
            statement = out[key] = Statement(
                key,
                city,
                value("cityLabel") or city,
                value("cityCountry"),
                lat,
                lon,
                org,
                value("orgLabel"),
                _date(value("start")),
                _date(value("end")),
            )
        ref = value("ref")
        if ref.startswith(("http://", "https://")) and ref not in statement.refs:
            statement.refs.append(ref)
    return list(out.values())


def _qid(uri: str) -> str:
    tail = uri.removeprefix(ENTITY)
    return tail if tail[:1] == "Q" and tail[1:].isdigit() else ""


def _point(wkt: str) -> tuple[float | None, float | None]:
    """``Point(lon lat)`` → (lat, lon); anything else → (None, None)."""
    inner = wkt.strip().removeprefix("Point(").removesuffix(")").split()
    try:
        lon, lat = float(inner[0]), float(inner[1])
    except (IndexError, ValueError):
        return None, None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else (None, None)


def _date(text: str) -> str | None:
    """The year of a Wikidata time (the query gives no precision: the year is what is sure)."""
    year = text.lstrip("+")[:4]
    return year if year.isdigit() else None


def members_batch(
    store: Store, statements: list[Statement], endpoint: str, *, progress: Progress | None = None
) -> ImportBatch:
    """The statements as member_of claims of one source, members resolved."""
    networks = known_networks(store)
    by_qid = {n.qid: n.id for n in networks if n.qid}
    by_name = {fold(n.name): n.id for n in networks}
    kept = [
        (s, by_qid.get(s.org) or by_name.get(fold(s.org_label)))
        for s in statements
        if s.org in by_qid or fold(s.org_label) in by_name
    ]
    resolver = PlaceResolver(store, progress=progress, context="Wikidata P463")
    queries = [NameQuery(s.label, s.country, qid=s.city, lat=s.lat, lon=s.lon) for s, _ in kept]
    matches = resolver.resolve(queries)
    source = Source(
        id=MEMBERS_SOURCE_ID,
        title="Wikidata: P463 (member of) statements for the networks citydip knows",
        kind="dataset",
        publisher="Wikidata (CC0)",
        date=datetime.now(UTC).date().isoformat(),
        url=endpoint,
        description=f"{len(kept)} statements of members with coordinates, from {endpoint}.",
    )
    claims, unresolved = [], []
    for (statement, org_id), match in zip(kept, matches, strict=True):
        where = f"Wikidata {statement.key.removeprefix(ENTITY)}"
        if match.unresolved:
            unresolved.append(unresolved_row(match, where, statement.org_label))
        qualifiers: dict[str, Any] = {"wikidata": {"statement": statement.key}}
        if statement.refs:
            qualifiers["references"] = [{"url": url} for url in statement.refs]
        claims.append(
            Claim(
                subject=match.entity_id,
                predicate="member_of",
                object=org_id,
                source_id=source.id,
                start=statement.start,
                end=statement.end,
                role="member",
                qualifiers=qualifiers,
                locator=f"{where} ({statement.label} – {statement.org_label or statement.org})",
                method="imported",
            )
        )
    digest = hashlib.sha1("".join(sorted(s.key for s, _ in kept)).encode()).hexdigest()
    return ImportBatch(
        source,
        claims,
        resolver.entities(),
        resolver.names(),
        unresolved,
        digest,
        f"{endpoint} (P463)",
        resolver.wikidata_ids(),
    )


def update_members(
    store: Store, client: Any, endpoint: str, *, progress: Progress | None = None
) -> ImportSummary:
    """Ask ``endpoint`` for the P463 statements of the known networks; import them."""
    from citydip.ingest.wikidata_online import parse_answer

    networks = known_networks(store)
    if not networks:
        raise ImportFailed("no organisation in the store to ask Wikidata about")
    params = {"query": members_query(networks), "format": "json"}
    text = client.get_text(endpoint, params, "memberships")
    statements = parse_members(parse_answer(text, f"{endpoint} memberships"), endpoint)
    return run_import(store, members_batch(store, statements, endpoint, progress=progress))
