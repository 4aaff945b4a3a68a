"""Each source is credited only with what it says: quotes, dates and notes per source."""

from __future__ import annotations

import csv
import re
import shutil
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from citydip.errors import DataError
from citydip.ingest.curated import curated_dir, load_curated
from citydip.text import fold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ESSAY = SHARED / "seed" / "maturing-city-diplomacy-yokohama-taipei.txt"
REFERENCE = SHARED / "reference"
CRAWL = SHARED / "data" / "wikidata-p190-2016"
ESSAY_ID = "essay-maturing-city-diplomacy"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "curated"
    shutil.copytree(curated_dir(), folder)
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("“", '"')
    return re.sub(r"\s+", " ", text.replace("”", '"')).casefold()


def test_a_quote_on_a_claim_with_several_sources_is_refused(data_copy: Path) -> None:
    path = data_copy / "claims-taipei.yaml"
    _replace(
        path,
        "  sources: [smart-city-online, essay-maturing-city-diplomacy]\n",
        "  sources: [smart-city-online, essay-maturing-city-diplomacy]\n  quote: the SCSE\n",
    )
    with pytest.raises(DataError, match=r"claims-taipei.yaml:\d+: quote: a quote belongs to one"):
        load_curated(data_copy)


def test_an_english_quote_cannot_come_from_a_chinese_article(data_copy: Path) -> None:
    path = data_copy / "claims-taipei-ties.yaml"
    _replace(path, "  quote: 友誼憲章\n", "  quote: friendship charter\n")
    with pytest.raises(DataError) as info:
        load_curated(data_copy)
    message = str(info.value)
    assert message.startswith("curated/claims-taipei-ties.yaml:")
    assert "quote: 'friendship charter' cannot come from 'chinatimes-taipei-sister-2019'" in message


def test_a_chinese_quote_cannot_come_from_an_english_page(data_copy: Path) -> None:
    path = data_copy / "claims-yokohama-ties.yaml"
    _replace(
        path,
        "      quote: ten years since Yokohama and Taipei became partner cities\n",
        "      quote: 夥伴市\n",
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "- id: taipei-yokohama-2016" in text)
    with pytest.raises(
        DataError,
        match=rf"ties.yaml:{line}: quote: .* cannot come from 'taipei-yokohama-2016', a source in",
    ):
        load_curated(data_copy)


def test_per_source_entries_keep_their_own_dates_and_quotes() -> None:
    data = load_curated()
    houston = [c for c in data.claims if c.object == "houston" and c.subject == "taipei"]
    by_source = {c.source_id: c for c in houston}
    assert (
        by_source["taipeitimes-houston-2021"].locator == "the first such agreement for both cities"
    )
    assert by_source["taipei-belmopan-2019"].locator is None
    assert by_source["ustaiwanconnect-sister-cities"].locator is None
    assert {c.start for c in houston} == {"1961-06-15"}
    [table] = [c for c in data.claims if c.predicate == "count" and c.value == "52"]
    assert table.qualifiers["locator"] == "Table 1" and table.source_id == ESSAY_ID
    yport = [c for c in data.claims if c.predicate == "runs_programme" and c.object == "y-port"]
    assert {c.source_id: c.start for c in yport} == {
        ESSAY_ID: "2011",
        "yport-center": None,
        "yport-brochure-2018": None,
    }


def test_unknown_field_in_a_source_entry(data_copy: Path) -> None:
    path = data_copy / "claims-taipei.yaml"
    _replace(
        path,
        "    - id: taipeitimes-go-smart-2019\n      start:",
        "    - id: taipeitimes-go-smart-2019\n      page:",
    )
    with pytest.raises(DataError, match=r"page: unknown field"):
        load_curated(data_copy)


def test_every_source_has_a_language(data_copy: Path) -> None:
    _replace(data_copy / "sources-essay.yaml", "  language: en\n", "")
    with pytest.raises(DataError, match=r"sources-essay.yaml:2: language: missing"):
        load_curated(data_copy)


def test_an_official_list_must_be_transcribed(data_copy: Path) -> None:
    path = data_copy / "sources-official.yaml"
    _replace(
        path,
        "  url: https://english.sec.gov.taipei/cp.aspx?n=2789B64DFDD8B838\n",
        "  url: https://english.sec.gov.taipei/cp.aspx?n=2789B64DFDD8B838\n"
        "  lists_ties_of: taipei\n",
    )
    with pytest.raises(
        DataError, match=r"taipei-sister-cities-2025: no tie of 'taipei' is transcribed"
    ):
        load_curated(data_copy)


@pytest.mark.skipif(not ESSAY.exists(), reason="the shared essay is not here")
def test_the_essay_is_credited_only_with_its_own_words_and_years() -> None:
    essay = _normal(ESSAY.read_text(encoding="utf-8"))
    problems = []
    for claim in load_curated().claims:
        quote = claim.locator
        if claim.source_id == ESSAY_ID:
            if quote and _normal(quote) not in essay:
                problems.append(f"essay quote not in the essay: {quote!r}")
            # A year credited to the essay must be in the essay's words quoted for it (the
            # years of its citations, "(Singh 2026)", are no statements).
            for date in (claim.start, claim.end):
                if date and date[:4] not in (quote or ""):
                    problems.append(
                        f"essay credited with {date} ({claim.predicate} {claim.object})"
                    )
        elif quote and len(quote) > 20 and _normal(quote) in essay:
            problems.append(f"an essay quote credited to {claim.source_id}: {quote!r}")
    assert problems == []


def test_undated_sources_give_no_as_of_date() -> None:
    data = load_curated()
    undated = {s.id for s in data.sources if not s.date}
    bad = [
        (c.source_id, c.value)
        for c in data.claims
        if c.source_id in undated and c.qualifiers.get("as_of")
    ]
    assert bad == []


def _place_names(data_names: dict[str, list[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for entity_id, names in data_names.items():
        for name in names:
            out[fold(name)].add(entity_id)
    return out


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not here")
def test_every_reference_tie_is_in_the_curated_data() -> None:
    data = load_curated()
    names = _place_names(
        {e.id: [e.name, *(n for n, _ in e.names)] for e in data.entities if e.type == "place"}
    )
    ties = {frozenset((c.subject, c.object)) for c in data.claims if c.predicate == "twinned_with"}
    missing = []
    for city, filename in (("yokohama", "yokohama_ties.csv"), ("taipei", "taipei_ties.csv")):
        with (REFERENCE / filename).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                partner = re.sub(r"\s*\(.*\)$", "", row["partner"])
                ids = names.get(fold(partner), set()) | names.get(fold(row["partner"]), set())
                # A district's tie (Shilin – Los Altos) is the district's.
                subjects = {city} | ({"shilin"} if partner == "Los Altos" else set())
                if not any(frozenset((s, i)) in ties for s in subjects for i in ids):
                    missing.append(f"{city}–{row['partner']}")
    assert missing == []


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not here")
def test_no_source_url_is_a_truncated_reference_url() -> None:
    urls = set()
    for path in REFERENCE.glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            urls |= {row["source_url"] for row in csv.DictReader(handle)}
    truncated = [
        s.id
        for s in load_curated().sources
        if s.url and any(u.startswith(s.url) and len(u) > len(s.url) + 1 for u in urls)
    ]
    assert truncated == []


@pytest.mark.skipif(not CRAWL.exists(), reason="the shared Wikidata crawl is not here")
def test_wikidata_ids_agree_with_the_crawl_ties() -> None:
    """Every tie we credit to the 2016 crawl is an edge of the crawl between our QIDs."""
    data = load_curated()
    qid = {e.id: e.wikidata_id for e in data.entities if e.wikidata_id}
    assert len(set(qid.values())) == len(qid), "two curated entities share a QID"
    edges = set()
    with (CRAWL / "relations.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            a, b = line.split()[:2]
            edges.add(frozenset((a, b)))
    crawl_ties = [
        (c.subject, c.object)
        for c in data.claims
        if c.source_id == "wikidata-p190-2016" and c.object
    ]
    checked = [(a, b) for a, b in crawl_ties if a in qid and b in qid]
    wrong = [(a, b) for a, b in checked if frozenset((qid[a], qid[b])) not in edges]
    assert wrong == []
    assert len(checked) >= 45
    unidentified = sorted({x for t in crawl_ties for x in t if x not in qid})
    assert unidentified == ["marshall-us"]  # the crawl's "Marshall" may not be a US town


def test_places_that_are_not_what_they_seem() -> None:
    data = load_curated()
    entities = {e.id: e for e in data.entities}
    assert entities["perth"].geonames_id is None  # GeoNames' Perth is the metropolitan area
    assert entities["perth"].wikidata_id == "Q1855330"  # the City of Perth
    assert entities["guam"].level == "territory"
    assert (
        entities["marshall-us"].wikidata_id is None and entities["marshall-us"].geonames_id is None
    )
    confusions = {
        c.object: c.qualifiers["likely_confusion"]
        for c in data.claims
        if c.subject == "taipei" and c.qualifiers.get("likely_confusion")
    }
    assert confusions == {
        "cincinnati": "new-taipei",
        "marshall-us": "majuro",
        "san-nicolas-unresolved": "san-nicolas-de-los-garza",
    }
