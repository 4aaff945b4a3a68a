"""Every importer and ``extract`` fed arbitrary bytes and structured junk (issue 15).

Whatever comes in, the command either succeeds or fails with one line on stderr, no
traceback, an exit code of the documented set (README: exit codes) and the store file
byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FAILURE_CODES = {1, 2, 3}
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None
)

# (subcommand words, file suffix): every importer, and extract (read-only and --save)
COMMANDS = [
    (["import", "pairs"], ".csv"),
    (["import", "table", "--city", "Yokohama"], ".csv"),
    (["import", "table", "--city", "Yokohama"], ".jsonl"),
    (["import", "wikidata"], ".json"),
    (["import", "edges"], ".tsv"),
    (["extract"], ".txt"),
    (["extract", "--save"], ".md"),
]

JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["Q1", "Q38283", "\ud800", "[/x] Evil", "=cmd|calc", "\x1b[31mred"]),
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "head",
                    "vars",
                    "results",
                    "bindings",
                    "entities",
                    "claims",
                    "P190",
                    "mainsnak",
                    "datavalue",
                    "value",
                    "time",
                    "precision",
                    "partner",
                    "kind",
                    "city",
                    "start",
                    "labels",
                    "en",
                    "item",
                    "partner_label",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=25,
)
JUNK_LINES = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=1, max_size=6
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(cli: Any, words: list[str], path: Path) -> None:
    """Run one command on ``path``; a failure must be one clean line and change nothing."""
    db = cli.db_path
    before = digest(db)
    result = (
        cli(*words[:2], str(path), *words[2:])
        if words[0] == "import"
        else cli(*words[:1], str(path), *words[1:])
    )
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        return
    assert result.exit_code in FAILURE_CODES, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert digest(db) == before, f"store changed by a failed {' '.join(words)}: {lines[0]}"


@pytest.mark.parametrize(
    ("words", "suffix"), COMMANDS, ids=lambda v: "-".join(v) if isinstance(v, list) else v
)
def test_arbitrary_bytes(cli: Any, tmp_path: Path, words: list[str], suffix: str) -> None:
    @SETTINGS
    @given(data=st.binary(max_size=400))
    def run(data: bytes) -> None:
        path = tmp_path / f"input{suffix}"
        path.write_bytes(data)
        check(cli, words, path)

    run()


@pytest.mark.parametrize(
    ("words", "suffix"), COMMANDS[:5], ids=lambda v: "-".join(v) if isinstance(v, list) else v
)
def test_structured_junk(cli: Any, tmp_path: Path, words: list[str], suffix: str) -> None:
    @SETTINGS
    @given(value=JSON_VALUE, lines=JUNK_LINES)
    def run(value: Any, lines: list[str]) -> None:
        path = tmp_path / f"input{suffix}"
        if suffix in (".json", ".jsonl"):
            text = json.dumps(value)
        elif suffix == ".tsv":
            text = "\n".join("\t".join([f"Q{len(line)}", line]) for line in lines)
        else:
            header = "city1,country1,city2,country2" if words[1] == "pairs" else "partner,kind"
            text = header + "\n" + "\n".join(lines)
        path.write_text(text + "\n", encoding="utf-8")
        check(cli, words, path)

    run()


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2]",
        '{"head": []}',
        '{"head": {"vars": ["city", "partner"]}, "results": {"bindings": [[]]}}',
        '{"entities": {"Q1": {"claims": {"P190": [{"mainsnak": []}]}}}}',
        '{"entities": {"Q1": {"claims": {"P190": "x"}}}}',
        "[" * 5000 + "]" * 5000,
        '{"head": ' * 100 + "1" + "}" * 100,
        '{"n": ' + "9" * 5000 + "}",
        '{"s": "\\ud800"}',
        '{"entities": {"Q1": {"claims": {"P190": [{"mainsnak": {"snaktype": "value", '
        '"datavalue": {"value": {"id": "Q2"}}}, "qualifiers": {"P580": [{"datavalue": '
        '{"value": {"time": "+2000-00-00T00:00:00Z", "precision": "day"}}}]}}]}}}',
        '{"entities": {"Q1": {"claims": {"P190": [{"mainsnak": {"snaktype": "value", '
        '"datavalue": {"value": {"id": "Q2"}}}, "qualifiers": {"P580": [{"datavalue": '
        '{"value": {"time": "+2000-00-00T00:00:00Z", "precision": 1e400}}}]}}]}}}',
        '{"entities": {"Q1": {"labels": [], "claims": {"P190": []}}}}',
        '{"head": {"vars": ["city", "partner"]}, "results": {"bindings": '
        '[{"city": {"value": "Q1"}, "partner": {"value": "not-a-qid"}}]}}',
    ],
)
def test_malformed_wikidata_json_is_one_line(cli: Any, tmp_path: Path, text: str) -> None:
    path = tmp_path / "answer.json"
    path.write_text(text, encoding="utf-8")
    before = digest(cli.db_path)
    result = cli("import", "wikidata", str(path))
    assert result.exit_code == 2, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(str(path))
    assert digest(cli.db_path) == before


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        ('{"partner": true, "kind": "sister"}', "partner", "got true"),
        ('{"partner": ["Lyon"], "kind": "sister"}', "partner", "got an array"),
        ('{"partner": "Lyon", "kind": {"a": 1}}', "kind", "got an object"),
        ('{"partner": "Lyon", "kind": "sister", "start": 1.5}', "start", "got a number"),
        ('{"partner": "' + "a" * 400 + '", "kind": "sister"}', "partner", "too long"),
        ('["Lyon", "sister"]', None, "got an array"),
        ('{"partner": "\\udc00", "kind": "sister"}', None, "lone surrogate"),
    ],
)
def test_junk_values_in_a_table_are_refused_by_type(
    cli: Any, tmp_path: Path, row: str, field: str | None, problem: str
) -> None:
    path = tmp_path / "ties.jsonl"
    path.write_text('{"partner": "Lyon", "kind": "sister"}\n' + row + "\n", encoding="utf-8")
    before = digest(cli.db_path)
    result = cli("import", "table", str(path), "--city", "Yokohama")
    assert result.exit_code == 2
    prefix = f"{path}:2: {field}: " if field else f"{path}:2: "
    assert result.stderr.startswith(prefix) and problem in result.stderr, result.stderr
    assert digest(cli.db_path) == before
