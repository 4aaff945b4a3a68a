"""The network's mixing, communities and country network as Markdown and CSV (the JSON is
the records' ``to_dict``; the terminal's text is ``network_text``).

Markdown shows numbers as people read them (``network_text.fmt``: 4 significant digits);
CSV keeps them whole, as the JSON has them, one row per measure, community or country
(through the one writer, ``citydip.csvfile``: text is never a formula).
"""

from __future__ import annotations

from typing import Any

from citydip.report.cells import csv_text, md_cell, md_table
from citydip.report.network_text import fmt

MIXING = ("port", "capital", "same_country", "same_continent")
MEASURES = (*MIXING, "population_assortativity", "distance")
HEADINGS = {
    "port": "Port cities",
    "capital": "Capitals",
    "same_country": "Same country",
    "same_continent": "Same continent",
    "population_assortativity": "Population",
    "distance": "Distance of tied pairs against random pairs",
}


def _title(text: str, filters: str) -> str:
    return f"# {md_cell(text)} — {md_cell(filters)}\n"


def homophily_markdown(data: dict[str, Any]) -> str:
    """A section per measure, each a table of its values."""
    parts = [_title(f"Homophily of {data['edges']:,} ties", data["filters"])]
    for group in MEASURES:
        rows = [(name.replace("_", " "), fmt(value)) for name, value in data[group].items()]
        parts.append(f"## {HEADINGS[group]}\n\n" + md_table(("measure", "value"), rows))
    return "\n".join(parts)


def homophily_csv(data: dict[str, Any]) -> str:
    """One row per measure: ``group, measure, value``."""
    rows = [(group, name, value) for group in MEASURES for name, value in data[group].items()]
    return csv_text(("group", "measure", "value"), rows)


def _countries(counts: dict[str, int]) -> str:
    return "; ".join(f"{country} {n}" for country, n in counts.items())


def communities_markdown(data: dict[str, Any]) -> str:
    """The partition in a line, then a row per community described."""
    modularity = "–" if data["modularity"] is None else f"{data['modularity']:.3f}"
    head = _title(f"{data['count']:,} communities", data["filters"])
    head += (
        f"\nModularity {modularity} ({md_cell(data['algorithm'])}, resolution "
        f"{data['resolution']:g}, seed {data['seed']}); the largest first:\n\n"
    )
    rows = [
        (
            c["community"],
            fmt(c["size"]),
            fmt(c["countries"]),
            _countries(c["top_countries"]),
            fmt(c["largest_country_share"]),
            ", ".join(c["best_tied"]),
        )
        for c in data["communities"]
    ]
    header = ("community", "places", "countries", "top countries", "largest share", "best tied")
    return head + md_table(header, rows)


def communities_csv(data: dict[str, Any]) -> str:
    """One row per community described."""
    rows = [
        (
            c["community"],
            c["size"],
            c["countries"],
            _countries(c["top_countries"]),
            c["largest_country_share"],
            "; ".join(c["best_tied"]),
        )
        for c in data["communities"]
    ]
    header = (
        "community",
        "places",
        "countries",
        "top_countries",
        "largest_country_share",
        "best_tied",
    )
    return csv_text(header, rows)


COUNTRY_TOTALS = (
    "countries",
    "country_pairs",
    "international_ties",
    "domestic_ties",
    "ties_without_country",
)


def countries_markdown(data: dict[str, Any]) -> str:
    """The totals, the heaviest pairs, the most tied countries: a table each."""
    totals = [(k.replace("_", " "), fmt(data[k])) for k in COUNTRY_TOTALS]
    pairs = [("–".join(p["countries"]), fmt(p["ties"])) for p in data["heaviest_pairs"]]
    countries = [
        (
            c["country"],
            fmt(c["international_ties"]),
            c["partner_countries"],
            fmt(c["domestic_ties"]),
        )
        for c in data["most_tied_countries"]
    ]
    return "\n".join(
        [
            _title("Country network", data["filters"]),
            md_table(("measure", "value"), totals),
            "## Heaviest pairs\n\n" + md_table(("countries", "ties"), pairs),
            "## Most tied countries\n\n"
            + md_table(
                ("country", "international ties", "partner countries", "domestic ties"),
                countries,
            ),
        ]
    )


def countries_csv(data: dict[str, Any]) -> str:
    """The heaviest pairs, then the most tied countries, in one table: ``list`` says which
    (a pair's ``ties`` are between its two countries; a country's, its international ones)."""
    pairs = [
        ("pair", p["countries"][0], p["countries"][1], p["ties"], None, None)
        for p in data["heaviest_pairs"]
    ]
    countries = [
        (
            "country",
            c["country"],
            None,
            c["international_ties"],
            c["partner_countries"],
            c["domestic_ties"],
        )
        for c in data["most_tied_countries"]
    ]
    header = ("list", "country", "partner_country", "ties", "partner_countries", "domestic_ties")
    return csv_text(header, pairs + countries)
