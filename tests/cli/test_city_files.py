"""``citydip city NAME --format csv|md``: ties with source titles and URLs, data never markup
nor a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from citydip.report.cells import csv_cell
from citydip.report.city_files import md
from citydip.store import open_store
from citydip.store.models import Claim, Entity, Source

FORMULA = '=HYPERLINK("http://evil","x")'


def _add_hostile_tie(db: Path) -> None:
    with open_store(db) as store, store.transaction():
        store.add_entity(Entity("evil", "place", FORMULA, "ZZ", "city", lat=1.0, lon=2.0))
        store.add_entity(Entity("evil2", "place", "@SUM(1+1) *bold* <b>|x|", "ZZ", "city"))
        store.add_source(Source("evil-src", "-2+3 [link](http://x)", "news", url="http://x"))
        for partner in ("evil", "evil2"):
            store.add_claim(
                Claim("yokohama", "twinned_with", "evil-src", object=partner, kind="sister")
            )


def test_city_csv_has_every_tie_with_source_titles_and_urls(cli: Any) -> None:
    result = cli("city", "Yokohama", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    json_ties = cli("city", "Yokohama", "--format", "json").json()["ties"]
    assert len(rows) == len(json_ties) + len(
        cli("city", "Yokohama", "-f", "json").json()["district_ties"]
    )
    san_diego = next(r for r in rows if r["partner"] == "San Diego")
    assert san_diego["kind"] == "sister" and san_diego["start"].startswith("1957")
    assert "Yokohama's Sister / Friendship Cities" in san_diego["source_titles"]
    assert "https://www.city.yokohama.lg.jp/" in san_diego["source_urls"]
    assert len(san_diego["source_ids"].split("; ")) == len(san_diego["source_urls"].split(" | "))


def test_city_csv_neutralises_formulas(cli: Any) -> None:
    _add_hostile_tie(cli.db_path)
    rows = list(csv.DictReader(io.StringIO(cli("city", "Yokohama", "-f", "csv").stdout)))
    partners = {r["partner"] for r in rows}
    assert "'" + FORMULA in partners
    assert "'@SUM(1+1) *bold* <b>|x|" in partners
    evil = next(r for r in rows if r["partner"] == "'" + FORMULA)
    assert evil["source_titles"] == "'-2+3 [link](http://x)"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_city_md_is_a_table_with_numbered_sources(cli: Any) -> None:
    result = cli("city", "横浜", "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Yokohama\n")
    assert "| Yokohama | San Diego | US | sister | 1957-10-29 |" in text
    assert "## Memberships" in text and "CITYNET" in text
    sources = text.split("## Sources", 1)[1]
    assert "1. " in sources and "<https://www.city.yokohama.lg.jp/" in sources


def test_city_md_escapes_markup_in_data(cli: Any) -> None:
    _add_hostile_tie(cli.db_path)
    text = cli("city", "Yokohama", "-f", "md").stdout
    assert "<b>" not in text
    assert r"\<b\>" in text and r"\*bold\*" in text and r"\|x\|" in text
    assert r"\[link\](http://x)" in text  # no link: its brackets are escaped
    assert "<http://x>" in text  # a plain URL becomes an autolink, nothing else


def test_helpers() -> None:
    assert csv_cell("=1+1") == "'=1+1" and csv_cell("Lyon") == "Lyon" and csv_cell(None) == ""
    assert md("a|b*c_d") == r"a\|b\*c\_d"
