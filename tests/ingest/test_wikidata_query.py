"""The update's SPARQL queries, run by rdflib on the recorded facts in Wikidata's RDF model.

The recorded pages are turned back into the triples the query service holds (statement
nodes, ``pqv:`` value nodes with their precision, reference nodes, ``wdt:`` truthy facts),
plus a deprecated statement; the count and page queries are then run locally, page after
page, with the label service replaced by ``rdfs:label`` (rdflib cannot call it). The
answers, in rdflib's SPARQL JSON results format, must page through every statement exactly
once and read as the recorded pages do.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from citydip.ingest.wikidata import WikidataRecord, parse_sparql
from citydip.ingest.wikidata_pages import COUNT_QUERY, page_query
from citydip.ingest.wikidata_update import page_keys

rdflib = pytest.importorskip("rdflib")

PAGES = Path(__file__).resolve().parents[1] / "data" / "wikidata-update"
WD = "http://www.wikidata.org/entity/"
PROP = "http://www.wikidata.org/prop/"
WB = "http://wikiba.se/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DEPRECATED = WD + "statement/Q3955-DEPRECATED"
UNKNOWN = WD + "statement/Q3955-UNKNOWN-VALUE"


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(PAGES.glob("page-*.json")):
        rows.extend(json.loads(path.read_text(encoding="utf-8"))["results"]["bindings"])
    return rows


def _graph(rows: list[dict[str, Any]]) -> Any:
    from rdflib import RDFS, Graph, Literal, URIRef

    graph = Graph()
    add = graph.add

    def uri(text: str) -> Any:
        return URIRef(text)

    def value_node(statement: str, prop: str, time: str, precision: str) -> None:
        node = uri(WD + "value/" + hashlib.sha1((statement + prop).encode()).hexdigest())
        add((uri(statement), uri(PROP + "qualifier/value/" + prop), node))
        add((node, uri(WB + "timeValue"), Literal(time, datatype=uri(XSD + "dateTime"))))
        add((node, uri(WB + "timePrecision"), Literal(int(precision))))

    for row in rows:
        v = {k: b["value"] for k, b in row.items()}
        s, city, partner = uri(v["statement"]), uri(v["city"]), uri(v["partner"])
        add((city, uri(PROP + "P190"), s))
        add((s, uri(PROP + "statement/P190"), partner))
        add((s, uri(WB + "rank"), uri(WB + "NormalRank")))
        for var in ("start", "end"):
            if var in v:
                prop = "P580" if var == "start" else "P582"
                value_node(v["statement"], prop, v[var], v[f"{var}Precision"])
        if "endCause" in v:
            add((s, uri(PROP + "qualifier/P1534"), uri(v["endCause"])))
            add((uri(v["endCause"]), RDFS.label, Literal(v["endCauseLabel"], lang="en")))
        if "ref" in v:
            ref = uri(WD + "reference/" + hashlib.sha1(v["ref"].encode()).hexdigest())
            add((s, uri("http://www.w3.org/ns/prov#wasDerivedFrom"), ref))
            add((ref, uri(PROP + "reference/P854"), uri(v["ref"])))
        for var, item in (("city", city), ("partner", partner)):
            add((item, RDFS.label, Literal(v[f"{var}Label"], lang="en")))
            country = uri(WD + "country-" + v[f"{var}Country"])
            add((item, uri(PROP + "direct/P17"), country))
            add((country, uri(PROP + "direct/P297"), Literal(v[f"{var}Country"])))
            if f"{var}Coord" in v:
                wkt = uri("http://www.opengis.net/ont/geosparql#wktLiteral")
                add((item, uri(PROP + "direct/P625"), Literal(v[f"{var}Coord"], datatype=wkt)))
            if f"{var}Geonames" in v:
                add((item, uri(PROP + "direct/P1566"), Literal(v[f"{var}Geonames"])))
    weimar, deprecated = uri(WD + "Q3955"), uri(DEPRECATED)
    add((weimar, uri(PROP + "P190"), deprecated))
    add((deprecated, uri(PROP + "statement/P190"), uri(WD + "Q64")))
    add((deprecated, uri(WB + "rank"), uri(WB + "DeprecatedRank")))
    unknown = uri(UNKNOWN)  # an "unknown value" statement: its value is a skolem IRI
    add((weimar, uri(PROP + "P190"), unknown))
    skolem = uri("http://www.wikidata.org/.well-known/genid/1a")
    add((unknown, uri(PROP + "statement/P190"), skolem))
    add((unknown, uri(WB + "rank"), uri(WB + "NormalRank")))
    return graph


def _local(query: str) -> str:
    """The query without the label service, which only the query service has."""
    labels = (
        "OPTIONAL { ?city rdfs:label ?cityLabel } OPTIONAL { ?partner rdfs:label ?partnerLabel }"
    )
    query = re.sub(r"SERVICE wikibase:label \{[^}]*\}", labels, query)
    for var, prop in (("endCause", "P1534"), ("role", "P3831")):
        pattern = f"OPTIONAL {{ ?statement pq:{prop} ?{var} }}"
        label = f"OPTIONAL {{ ?{var} rdfs:label ?{var}Label }}"
        query = query.replace(pattern, f"OPTIONAL {{ ?statement pq:{prop} ?{var} . {label} }}")
    return "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + query


def _answer(graph: Any, query: str) -> Any:
    return json.loads(graph.query(_local(query)).serialize(format="json"))


def test_the_queries_page_through_every_statement_once() -> None:
    rows = _rows()
    graph = _graph(rows)
    expected = sorted({r["statement"]["value"] for r in rows})
    count = _answer(graph, COUNT_QUERY)["results"]["bindings"][0]["statements"]["value"]
    assert int(count) == len(expected) == 13  # neither deprecated nor unknown values count
    seen: list[str] = []
    local, recorded = WikidataRecord(), WikidataRecord()
    after, pages = "", 0
    while True:
        data = _answer(graph, page_query(after, 5))
        keys, _ = page_keys(data, "local", f"page {pages + 1}")
        if not keys:
            break
        pages += 1
        assert min(keys) > after and len(keys) <= 5
        seen.extend(sorted(keys))
        local.add(parse_sparql(data, f"page {pages}"))
        after = max(keys)
        if len(keys) < 5:
            break
    assert pages == 3 and seen == expected and not {DEPRECATED, UNKNOWN} & set(seen)
    for path in sorted(PAGES.glob("page-*.json")):
        recorded.add(parse_sparql(json.loads(path.read_text(encoding="utf-8")), path.name))

    def facts(record: WikidataRecord) -> set[tuple[Any, ...]]:
        return {
            (t.subject, t.object, t.start, t.end, json.dumps(t.end_cause), json.dumps(t.references))
            for t in record.ties
        }

    assert facts(local) == facts(recorded)
    assert (local.labels, local.countries) == (recorded.labels, recorded.countries)
    assert (local.coords, local.geonames) == (recorded.coords, recorded.geonames)


def test_the_page_query_escapes_its_key() -> None:
    query = page_query('a"b\\c', 7)
    assert 'FILTER(?key > "a\\"b\\\\c")' in query and "LIMIT 7" in query
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(_local(query))  # still valid SPARQL
