"""Data is never markup, never a terminal escape, never a formula, and always valid XML
(issue 15, defects 1, 7 and 9)."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path
from typing import Any
from xml.dom import minidom

import pytest

HOSTILE = ["[/x] Evil", "[citation needed]", "=cmd|' /C calc'!A0", "+SUM(1)", "@HYPERLINK(x)"]
ESCAPED = "Bad\x1b[31mRed\x07Town"


@pytest.fixture
def hostile(cli: Any, tmp_path: Path) -> Any:
    table = tmp_path / "hostile.csv"
    rows = [f'"{name}",sister' for name in [n.replace('"', '""') for n in HOSTILE]]
    table.write_text("partner,kind\n" + "\n".join(rows) + f"\n{ESCAPED},sister\n", encoding="utf-8")
    result = cli(
        "import",
        "table",
        str(table),
        "--city",
        "Yokohama",
        "--title",
        "[bold]Title[/x] \x1b]0;pwn\x07",
    )
    assert result.exit_code == 0, result.stderr
    return cli


def test_markup_in_names_prints_as_written(hostile: Any) -> None:
    result = hostile("city", "Yokohama")
    assert result.exit_code == 0, result.stderr
    for name in ("[/x] Evil", "[citation needed]"):
        assert name in result.stdout
    sources = hostile("sources", "Yokohama")
    assert sources.exit_code == 0, sources.stderr
    assert "[bold]Title[/x]" in sources.stdout


def test_control_characters_never_reach_the_store_or_the_terminal(hostile: Any) -> None:
    result = hostile("city", "Yokohama", "--format", "json")
    partners = {t["partner"]["name"] for t in result.json()["ties"]}
    assert "BadRedTown" in partners
    for out in (result.stdout, hostile("city", "Yokohama").stdout, hostile("sources").stdout):
        assert "\x1b" not in out and "\x07" not in out


def test_check_keeps_brackets_in_quotes(cli: Any, tmp_path: Path) -> None:
    doc = tmp_path / "essay.txt"
    doc.write_text(
        "Yokohama has 9 sister cities [citation needed]. Yokohama is twinned with Lyon.\n"
    )
    result = cli("check", str(doc))
    assert result.exit_code == 0, result.stderr
    assert "[citation needed]" in result.stdout


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_every_csv_output_neutralises_formulas(hostile: Any, tmp_path: Path) -> None:
    outputs = [
        hostile("cities", "--format", "csv").stdout,
        hostile("city", "Yokohama", "--format", "csv").stdout,
        hostile("compare", "Yokohama", "Taipei", "--format", "csv").stdout,
        hostile("conflicts", "--format", "csv").stdout,
    ]
    folder = tmp_path / "lists"
    assert hostile("network", "export", "csv", str(folder)).exit_code == 0
    outputs += [(folder / "nodes.csv").read_text(), (folder / "edges.csv").read_text()]
    batch = tmp_path / "names.csv"
    batch.write_text("name,country\n=cmd|calc,France\n@SUM(A1),\nLyon,France\n")
    out = tmp_path / "resolved.csv"
    assert hostile("resolve", "--batch", str(batch), "--out", str(out)).exit_code == 0
    outputs.append(out.read_text())
    seen = 0
    for text in outputs:
        for cell in _csv_cells(text):
            assert not cell.startswith(("=", "+", "@")), cell
            seen += "cmd|" in cell or "SUM(" in cell or "HYPERLINK" in cell
    assert seen >= 4  # the hostile names were there, neutralised


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_are_valid_xml(hostile: Any, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    assert hostile("network", "export", fmt, str(out)).exit_code == 0
    doc = minidom.parse(str(out))
    labels = {n.getAttribute("label") for n in doc.getElementsByTagName("node")}
    text = out.read_text(encoding="utf-8")
    assert "[/x] Evil" in labels or "[/x] Evil" in text
    assert "\x1b" not in text


def test_export_replaces_a_symlink_instead_of_writing_through_it(
    hostile: Any, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    link = tmp_path / "graph.geojson"
    link.symlink_to(precious)
    assert hostile("network", "export", "geojson", str(link)).exit_code == 0
    assert precious.read_text() == "keep me\n"
    assert not link.is_symlink() and link.read_text().startswith('{"type": "FeatureCollection"')


def test_resolve_out_refuses_its_input_a_folder_and_a_missing_folder(
    cli: Any, tmp_path: Path
) -> None:
    batch = tmp_path / "names.csv"
    batch.write_text("name,country\nLyon,France\n")
    original = batch.read_bytes()
    for out, words in (
        (batch, "is the input file"),
        (tmp_path, "is a folder"),
        (tmp_path / "nope" / "out.csv", "no such folder"),
    ):
        result = cli("resolve", "--batch", str(batch), "--out", str(out))
        assert result.exit_code in (2, 3), result.stderr
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert batch.read_bytes() == original


def test_a_huge_name_answers_at_once(cli: Any) -> None:
    name = "a" * 96_000
    for args in (["city", name], ["cities", name], ["compare", name, "Taipei"]):
        started = time.perf_counter()
        result = cli(*args)
        elapsed = time.perf_counter() - started
        assert result.exit_code == 2 and "too long" in result.stderr, result.stderr
        assert len(result.stderr) < 200
        assert elapsed < 5  # generous: the cap answers before any lookup


def test_usage_errors_version_and_short_help(cli: Any) -> None:
    from citydip import __version__

    version = cli("--version")
    assert version.exit_code == 0 and version.stdout.strip() == f"citydip {__version__}"
    short = cli("city", "-h")
    assert short.exit_code == 0 and "Usage: citydip city" in short.stdout
    for args, words in (
        (["city"], "Missing argument"),
        (["city", "Yokohama", "--frob"], "No such option: --frob"),
        (["network", "export"], "Missing argument"),
    ):
        result = cli(*args)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
        assert result.stderr.startswith("citydip ") and "--help" in result.stderr


def test_tables_off_a_terminal_print_full_cells(cli: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("city", "Yokohama")
    assert result.exit_code == 0
    assert "mofa-toyako-yokohama-2008" in result.stdout and "…" not in result.stdout
    compare = cli("compare", "Yokohama", "Taipei")
    assert "Shared attributes" in compare.stdout and "attribut…" not in compare.stdout


def test_main_commands_show_examples_in_their_help(cli: Any) -> None:
    from citydip.cli.examples import EXAMPLES

    for command, lines in EXAMPLES.items():
        result = cli(*command.split(), "--help")
        assert result.exit_code == 0
        text = " ".join(result.stdout.split())
        assert "Examples:" in text and lines[0] in text, command


def test_resolve_batch_json_and_stdout(cli: Any, tmp_path: Path) -> None:
    import json

    batch = tmp_path / "names.csv"
    batch.write_text("name,country\nLyon,France\n=cmd,France\n")
    result = cli("resolve", "--batch", str(batch), "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == ["Lyon", "=cmd"]  # JSON keeps data as it is
    assert rows[0]["status"] == "resolved" and rows[0]["country_code"] == "FR"


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_xml_exports_hold_no_non_characters(cli: Any, tmp_path: Path, fmt: str) -> None:
    """A store written before names were checked (U+FFFE, U+FFFF in a name) still exports
    well-formed XML."""
    from citydip.store import open_store
    from citydip.store.models import Claim, Entity, Source

    store = open_store(cli.db_path)
    with store.transaction():
        store.add_source(Source(id="odd-src", title="odd", kind="dataset"))
        store.add_entity(Entity(id="odd", type="place", name="Ly\ufffeon\uffff", country="FR"))
        store.add_claim(
            Claim("yokohama", "twinned_with", "odd-src", object="odd", method="imported")
        )
    store.close()
    out = tmp_path / f"ties.{fmt}"
    assert cli("network", "export", fmt, str(out)).exit_code == 0
    document = minidom.parse(str(out))  # raises on XML that is not well-formed
    assert "Lyon" in out.read_text(encoding="utf-8") and document.documentElement is not None
