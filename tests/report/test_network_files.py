"""The network's mixing, communities and country network as Markdown and CSV: every value
of the result, numbers kept as numbers, text never a formula nor markup."""

from __future__ import annotations

import csv
import io
from typing import Any

from citydip.api.records import Communities, CountryNetwork, Homophily
from citydip.report.formats import formats_of, render

HOSTILE = '=HYPERLINK("x")|*a*'


def rows(text: str) -> list[list[str]]:
    assert text.endswith("\r\n")  # the one writer's line ends
    return list(csv.reader(io.StringIO(text, newline="")))


def homophily_data() -> dict[str, Any]:
    mixing = {"places": 3, "ties_both": 1, "assortativity": -0.125}
    return {
        "filters": HOSTILE,
        "edges": 1234,
        "port": mixing,
        "capital": mixing,
        "same_country": {"ties_known": 10, "ratio": 1.5},
        "same_continent": {"ties_known": 10, "ratio": None},
        "population_assortativity": {"log10_population_r": 0.5},
        "distance": {"tied_median_km": 1104.9455},
    }


def test_homophily_offers_md_and_csv_with_every_measure() -> None:
    result = Homophily(homophily_data())  # type: ignore[arg-type]
    assert formats_of(result) == ["json", "md", "csv"]
    table = rows(render(result, "csv"))
    assert table[0] == ["group", "measure", "value"]
    assert ["port", "assortativity", "-0.125"] in table  # a negative number stays a number
    assert ["same_continent", "ratio", ""] in table
    assert len(table) == 1 + 3 + 3 + 2 + 2 + 1 + 1
    md = render(result, "md")
    assert md.startswith('# Homophily of 1,234 ties — =HYPERLINK("x")\\|\\*a\\*\n')
    assert "## Distance of tied pairs against random pairs" in md
    assert "| tied median km | 1,104.9 |" in md and "| ratio | – |" in md


def communities_data() -> dict[str, Any]:
    community = {
        "community": 0,
        "size": 1968,
        "countries": 189,
        "top_countries": {"US": 163, "IT": 129},
        "largest_country_share": 0.0828,
        "best_tied": [HOSTILE, "Shanghai"],
    }
    return {
        "algorithm": "Leiden, modularity objective",
        "resolution": 1.0,
        "seed": 7,
        "count": 1319,
        "modularity": 0.73265,
        "communities": [community],
        "filters": "all ties",
    }


def test_communities_offer_md_and_csv() -> None:
    result = Communities(communities_data())  # type: ignore[arg-type]
    table = rows(render(result, "csv"))
    assert table[0][:3] == ["community", "places", "countries"]
    assert table[1] == [
        "0",
        "1968",
        "189",
        "US 163; IT 129",
        "0.0828",
        "'" + HOSTILE + "; Shanghai",  # a formula is defused
    ]
    md = render(result, "md")
    assert md.startswith("# 1,319 communities — all ties\n\nModularity 0.733 (Leiden")
    assert (
        '| 0 | 1,968 | 189 | US 163; IT 129 | 0.0828 | =HYPERLINK("x")\\|\\*a\\*, Shanghai |' in md
    )


def test_the_country_network_offers_md_and_csv() -> None:
    data = {
        "countries": 216,
        "country_pairs": 2841,
        "international_ties": 30558,
        "domestic_ties": 1981,
        "ties_without_country": 534,
        "heaviest_pairs": [{"countries": ["DE", "FR"], "ties": 916}],
        "most_tied_countries": [
            {
                "country": "DE",
                "international_ties": 4945,
                "partner_countries": 117,
                "domestic_ties": 528,
            }
        ],
        "filters": "all ties",
    }
    result = CountryNetwork(data)  # type: ignore[arg-type]
    assert rows(render(result, "csv")) == [
        ["list", "country", "partner_country", "ties", "partner_countries", "domestic_ties"],
        ["pair", "DE", "FR", "916", "", ""],
        ["country", "DE", "", "4945", "117", "528"],
    ]
    md = render(result, "md")
    assert "| international ties | 30,558 |" in md
    assert "## Heaviest pairs" in md and "| DE–FR | 916 |" in md
    assert "| DE | 4,945 | 117 | 528 |" in md
