"""A table copied one cell per line ("Berlin" / "Germany" / "1991"): the line that is only a
year dates the entry read from the lines above it, with or without a blank line between
entries. Text written for these tests."""

from __future__ import annotations

from tests.ingest.conftest import pair, text_years

from citydip.ingest.text.registry import Registry

ROWS = [("Berlin", "Germany", "1991"), ("Budapest", "Hungary", "2005"), ("Chicago", "USA", "1960")]
LEAD = "Sister Cities\n\nWarsaw has signed partnership agreements with the following cities:\n"


def test_cells_one_per_line(registry: Registry) -> None:
    text = LEAD + "".join(f"{city}\n{country}\n{year}\n" for city, country, year in ROWS)
    assert text_years(text, registry) == {pair("Warsaw", city): int(year) for city, _, year in ROWS}


def test_cells_one_per_line_entries_apart(registry: Registry) -> None:
    text = LEAD + "\n" + "\n".join(f"{city}\n{country}\n{year}\n" for city, country, year in ROWS)
    assert text_years(text, registry) == {pair("Warsaw", city): int(year) for city, _, year in ROWS}
