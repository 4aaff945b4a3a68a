"""Bad input fails cleanly: one DataError naming file:line: field, the store unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citydip.errors import DataError, ImportFailed
from citydip.ingest.edges import edges_batch
from citydip.ingest.importing import ImportBatch, run_import
from citydip.ingest.pairs import pairs_batch
from citydip.ingest.table import table_batch
from citydip.ingest.wikidata import wikidata_file_batch
from citydip.store import Store, open_store
from citydip.store.models import Claim, Source

DATA = Path(__file__).resolve().parents[1] / "data"


def dump(store: Store) -> list[Any]:
    tables = ("entities", "names", "sources", "claims", "meta")
    return [list(store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in tables]


CASES: list[tuple[str, bytes, Callable[..., Any], str]] = [
    ("p.csv", b"", pairs_batch, "p.csv: empty file"),
    ("p.csv", b"city1,country1,city2\nA,B,C\n", pairs_batch, "p.csv:1: country2: missing column"),
    ("p.csv", b"city1,country1,city2,country2\nA,B,C\n", pairs_batch, "p.csv:2: 3 fields"),
    ("p.csv", b"city1,country1,city2,country2\n,B,C,D\n", pairs_batch, "p.csv:2: city1: empty"),
    (
        "p.csv",
        b"city1,country1,city2,country2\nA,B,C,D\n\xff\xfe,x,y,z\n",
        pairs_batch,
        "p.csv:3: not UTF-8",
    ),
    (
        "s.json",
        b'{"head": {"vars": ["city", "partner"]}, "results": {"bindings": [',
        wikidata_file_batch,
        "s.json:1: bad JSON",
    ),
    (
        "s.json",
        b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}',
        wikidata_file_batch,
        "s.json:1: head.vars",
    ),
    ("s.json", b'{"hello": 1}', wikidata_file_batch, "neither SPARQL"),
    ("e.tsv", b"Q1\tQ2\nQ3\tfoo\n", edges_batch, "e.tsv:2: b: 'foo' is not a Wikidata QID"),
    ("t.csv", b"partner,kind\nLyon,cousin\n", table_batch, "t.csv:2: kind: 'cousin'"),
    ("t.csv", b"partner,start\nLyon,spring\n", table_batch, "t.csv:2: start: 'spring'"),
    ("t.csv", b"partner,colour\nLyon,red\n", table_batch, "t.csv:1: colour: unknown column"),
    ("t.jsonl", b'{"partner": "Lyon"}\n{"partner": \n', table_batch, "t.jsonl:2: bad JSON"),
]


@pytest.mark.parametrize(("name", "content", "build", "message"), CASES)
def test_malformed_input_fails_cleanly(
    store: Store, tmp_path: Path, name: str, content: bytes, build: Any, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = dump(store)
    kwargs = {"city": "Yokohama"} if build is table_batch else {}
    with pytest.raises(DataError) as info:
        run_import(store, build(store, path, **kwargs))
    assert str(info.value).startswith(str(tmp_path)) or message in str(info.value)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert dump(store) == before


def test_failure_inside_the_transaction_rolls_back(store: Store) -> None:
    before = dump(store)
    source = Source(id="import-pairs-broken", title="broken", kind="dataset")
    good = Claim("yokohama", "twinned_with", source.id, object="lyon", method="imported")
    bad = Claim("yokohama", "twinned_with", source.id, object="no-such-entity", method="imported")
    with pytest.raises(ImportFailed, match="rolled back"):
        run_import(store, ImportBatch(source, [good, bad]))
    assert dump(store) == before


NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.tuples(NAMES, NAMES, NAMES, NAMES), min_size=1, max_size=6))
def test_fuzzed_pairs_rows_import_or_fail_cleanly(
    curated_db: Path, tmp_path: Path, rows: list[tuple[str, str, str, str]]
) -> None:
    import uuid

    # A fresh store per example: examples must not see each other's snapshots.
    db = tmp_path / f"fuzz-{uuid.uuid4().hex}.db"
    db.write_bytes(curated_db.read_bytes())
    with open_store(db) as store:
        _fuzz_one(store, tmp_path, rows)


def _fuzz_one(store: Store, tmp_path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["city1", "country1", "city2", "country2"])
    writer.writerows(rows)
    path = tmp_path / "fuzz.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    before = dump(store)
    claims_before = store.count("claims")
    try:
        summary = run_import(store, pairs_batch(store, path), count_conflicts=False)
    except DataError as exc:
        assert str(exc).startswith(str(path))
        assert dump(store) == before
        return
    kept = {(a.strip(), c.strip()) for a, _, c, _ in rows if a.strip() and c.strip()}
    assert 0 < summary.added + summary.unchanged <= len(rows)
    assert summary.added + summary.unchanged >= 1 if kept else True
    assert store.count("claims") == claims_before + summary.added
    again = run_import(store, pairs_batch(store, path), count_conflicts=False)
    assert again.added == 0 and store.count("claims") == claims_before + summary.added
