"""``citydip conflicts``: ranking, filters, formats, safe cells, one-line errors."""

from __future__ import annotations

import csv
import io
from typing import Any


def test_json_is_ranked_and_limited(cli: Any) -> None:
    full = cli("conflicts", "--format", "json").json()
    page = cli("conflicts", "--limit", "2", "--format", "json").json()
    assert [c["severity"] for c in full] == sorted((c["severity"] for c in full), reverse=True)
    assert page == full[:2]
    assert {"subject", "property", "kind", "severity", "level", "values", "note"} <= set(page[0])
    assert {"value", "as_of", "sources"} <= set(page[0]["values"][0])


def test_kind_and_min_severity_filters(cli: Any) -> None:
    high = cli("conflicts", "--min-severity", "high", "-f", "json").json()
    assert high and all(c["severity"] >= 70 for c in high)
    dated = cli("conflicts", "Taipei", "--kind", "date", "-f", "json").json()
    assert dated and {c["kind"] for c in dated} == {"date"}
    assert any(c["object"]["name"] == "Prague" for c in dated)


def test_text_headline_counts_unconfirmed_apart(cli: Any, pairs_sample: Any) -> None:
    assert cli("import", "pairs", str(pairs_sample), "-q").exit_code == 0
    out = cli("conflicts", "--limit", "1")
    assert out.exit_code == 0
    assert "most severe first (showing 1)" in out.stdout
    assert "unconfirmed ties" in out.stdout and "--kind unconfirmed" in out.stdout
    notices = cli("conflicts", "Kyoto", "--kind", "unconfirmed", "-f", "json").json()
    assert notices and {c["kind"] for c in notices} == {"unconfirmed"}


def _add_count(db: Any, value: str) -> None:
    from citydip.store import Claim, open_store

    with open_store(db) as store, store.transaction():
        store.add_claim(
            Claim(
                subject="taipei",
                predicate="count",
                value=value,
                qualifiers={"metric": "sister"},
                source_id="wikidata-p190-2016",
            )
        )


def test_csv_neutralises_formulas_and_md_escapes_markup(cli: Any) -> None:
    _add_count(cli.db_path, "=HYPERLINK(1)|<b>")
    text = cli("conflicts", "Taipei", "--kind", "self-contradiction", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    values = [r["value"] for r in rows]
    assert "'=HYPERLINK(1)|<b>" in values and "53" in values
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    md = cli("conflicts", "Taipei", "--kind", "self-contradiction", "-f", "md").stdout
    assert "=HYPERLINK(1)\\|\\<b\\>" in md and "<b>" not in md
    assert md.splitlines()[3].startswith("|---|")


def test_bad_kind_and_severity_are_one_line(cli: Any) -> None:
    bad = cli("conflicts", "--kind", "counts")
    assert bad.exit_code == 2 and bad.stdout == ""
    assert bad.stderr.startswith("--kind: conflict kind 'counts' is unknown; kinds: ")
    assert bad.stderr.count("\n") == 1
    worse = cli("conflicts", "--min-severity", "severe")
    assert worse.exit_code == 2 and worse.stderr.startswith(
        "--min-severity: minimum severity 'severe'"
    )


def test_pages_through_the_pager_on_a_terminal(cli: Any, tmp_path: Any) -> None:
    """On a terminal (a real pseudo-terminal here) the text goes through $PAGER."""
    import os
    import pty
    import subprocess
    import sys

    paged = tmp_path / "paged.txt"
    main, tty = pty.openpty()
    env = {**os.environ, "CITYDIP_DB": str(cli.db_path), "PAGER": f"cat > {paged}"}
    env.update(TERM="xterm", COLUMNS="100")
    done = subprocess.run(
        [sys.executable, "-m", "citydip", "conflicts", "--limit", "1"],
        stdin=tty,
        stdout=tty,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
    )
    os.close(tty)
    os.close(main)
    assert done.returncode == 0, done.stderr
    text = paged.read_text(encoding="utf-8")
    assert "most severe first" in text and "sister count" in text


def test_world_store_conflicts_do_not_drown_in_unconfirmed_ties(world_cli: Any) -> None:
    """On the default store (tens of thousands of single-source ties) the list stays short."""
    text = world_cli("conflicts", "--limit", "3").stdout
    data = world_cli("conflicts", "-f", "json").json()
    assert not {c["kind"] for c in data} & {"unconfirmed", "unresolved"}
    assert data[0]["subject"]["name"] == "Taipei" and data[0]["property"] == "sister count"
    notices = world_cli("conflicts", "--kind", "unconfirmed", "-n", "2", "-f", "json").json()
    assert len(notices) == 2 and {c["kind"] for c in notices} == {"unconfirmed"}
    counted = int(text.split(" unconfirmed ties")[0].rsplit(" ", 1)[-1].replace(",", ""))
    assert counted > 10 * len(data)  # counted apart, not listed
    ties = world_cli("cities", "--limit", "1", "-f", "json").json()[0]["ties"]
    assert ties > 0
