"""One output path: every result in every format the one renderer table offers is the same
through the CLI (``--format``) and the web API (``?format=``): byte for byte, JSON too
(both write it with ``report.formats.json_text``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import _runner
from tests.web.conftest import Client

from citydip.report.formats import FORMATS

# (CLI arguments, web URL, the result's type in the renderer table)
CASES = [
    (
        ["compare", "Yokohama", "Taipei"],
        "/api/compare?cities=Yokohama,Taipei",
        "Comparison",
    ),
    (["conflicts", "Taipei", "--limit", "0"], "/api/conflicts?city=Taipei", "ConflictList"),
    (["cities", "o", "--limit", "20"], "/api/cities?q=o&limit=20", "CitySearch"),
    (["sources", "Taipei"], "/api/sources?city=Taipei", "SourceRecord"),
    (["network", "top"], "/api/network/top", "TopPlaces"),
    (["recommend", "Yokohama"], "/api/cities/Yokohama/recommendations", "Suggestions"),
    (["review", "list"], "/api/claims", "ProposedClaim"),
    (["org", "C40", "--limit", "0"], "/api/orgs/C40", "Organization"),
    (["orgs"], "/api/orgs", "OrganizationList"),
    (["network", "orgs"], "/api/network/orgs", "NetworkOrgs"),
    (["typology", "Yokohama"], "/api/cities/Yokohama/typology", "Typology"),
    (["cities", "o"], "/?q=o", "CitySearch"),  # the home page's search, as `cities`
    (["network", "homophily"], "/api/network/homophily", "Homophily"),
    (["network", "communities"], "/api/network/communities", "Communities"),
    (["network", "countries"], "/api/network/countries", "CountryNetwork"),
]
PAIRS = [(args, url, fmt) for args, url, kind in CASES for fmt in ["json", *FORMATS.get(kind, {})]]
# `citydip network export FORMAT -` against /api/network/export?format=FORMAT
EXPORTS = [
    (["network", "export", fmt, "-", *more], f"/api/network/export?format={fmt}{query}")
    for fmt in FORMATS["ExportResult"]
    for more, query in (
        ([], ""),
        (["--city", "Yokohama", "--depth", "2"], "&city=Yokohama&depth=2"),
    )
]


@pytest.fixture
def web_cli(web_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    return _runner(web_db, tmp_path, monkeypatch, "same.db")


@pytest.mark.parametrize(("args", "url", "fmt"), PAIRS, ids=lambda v: str(v))
def test_the_cli_and_the_web_give_the_same_output(
    web_cli: Any, client: Client, args: list[str], url: str, fmt: str
) -> None:
    printed = web_cli(*args, "--format", fmt)
    assert printed.exit_code == 0, printed.stderr
    served = client.get(f"{url}{'&' if '?' in url else '?'}format={fmt}")
    assert served.status_code == 200, served.text
    assert printed.stdout.encode("utf-8") == served.content
    assert served.content.strip()  # something was rendered


@pytest.mark.parametrize(("args", "url"), EXPORTS, ids=lambda v: str(v))
def test_the_cli_and_the_web_export_the_same_graph(
    web_cli: Any, client: Client, args: list[str], url: str
) -> None:
    printed = web_cli(*args)
    assert printed.exit_code == 0, printed.stderr
    served = client.get(url)
    assert served.status_code == 200, served.text
    assert printed.stdout.encode("utf-8") == served.content
    assert len(served.content) > 1000


def test_every_table_entry_is_exercised() -> None:
    kinds = {kind for _, _, kind in CASES} | {"ExportResult"}
    assert kinds >= set(FORMATS) - {"Profile", "PlacesAudit"}


def test_a_format_a_result_does_not_offer_is_refused(client: Client) -> None:
    answer = client.get("/api/orgs?format=bibtex")
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["field"] == "format" and "json, csv" in error["message"]
