"""Listings (`conflicts`, `cities`, `network top`) are cut by default with a line saying how
many more there are; ``--limit 0`` lists every row. Run off a terminal (output captured)."""

from __future__ import annotations

import re
from typing import Any

import pytest

MORE = re.compile(r"^… ([\d,]+) more (\w+); --limit 0 lists every one", re.MULTILINE)


def _more(text: str) -> int | None:
    found = MORE.search(text)
    return int(found.group(1).replace(",", "")) if found else None


LISTINGS = [
    (("conflicts", "--kind", "unconfirmed"), 50),
    (("cities",), 50),
    (("network", "top", "-q"), 20),
]


@pytest.mark.parametrize(("command", "default"), LISTINGS)
def test_a_cut_listing_says_how_many_more_and_limit_0_lists_all(
    world_cli: Any, command: tuple[str, ...], default: int
) -> None:
    every = world_cli(*command, "--limit", "0", "--format", "json")
    assert every.exit_code == 0 and _more(every.stderr) is None and _more(every.stdout) is None
    rows = every.json()
    assert len(rows) > default  # the world store has more than one screen of each
    table = world_cli(*command)
    assert table.exit_code == 0
    assert _more(table.stdout) == len(rows) - default
    cut = world_cli(*command, "--format", "json")
    assert len(cut.json()) == default  # stdout stays JSON; the line goes to stderr
    assert _more(cut.stderr) == len(rows) - default
    few = world_cli(*command, "--limit", "3", "--format", "json")
    assert few.json() == rows[:3] and _more(few.stderr) == len(rows) - 3


def test_a_listing_that_fits_has_no_more_line(cli: Any) -> None:
    out = cli("conflicts")
    assert out.exit_code == 0 and "most severe first" in out.stdout
    assert _more(out.stdout) is None and _more(out.stderr) is None


def test_a_negative_limit_is_refused(cli: Any) -> None:
    out = cli("cities", "--limit", "-1")
    assert out.exit_code != 0 and "--limit" in out.stderr
