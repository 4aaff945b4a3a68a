"""Safe cells: no spreadsheet formula, no Markdown markup, whatever the data."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given
from hypothesis import strategies as st

from citydip.report.cells import csv_cell, csv_text, md_cell, md_table


@given(st.text())
def test_csv_cell_never_starts_a_formula_and_keeps_the_text(text: str) -> None:
    cell = csv_cell(text)
    number = re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", cell)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or number  # -81.69 stays
    assert cell in (text, "'" + text)


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_csv_text_round_trips_through_a_reader(row: list[str]) -> None:
    header = [f"c{i}" for i in range(len(row))]
    [back] = list(csv.reader(io.StringIO(csv_text(header, [row]), newline="")))[1:]
    assert back == [csv_cell(v) for v in row]


@given(st.text())
def test_md_cell_is_one_line_without_live_markup(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell and "\r" not in cell
    unescaped = cell.replace("\\\\", "")
    for ch in "|<>*_[]`":
        assert all(unescaped[i - 1] == "\\" for i, c in enumerate(unescaped) if c == ch and i)
        assert not unescaped.startswith(ch)


def test_md_table_shape() -> None:
    table = md_table(("a", "b"), [("x|y", "<script>")]).splitlines()
    assert table == ["| a | b |", "|---|---|", "| x\\|y | \\<script\\> |"]
