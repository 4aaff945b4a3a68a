"""Examples shown at the end of the main commands' ``--help`` (plain text, no markup)."""

from __future__ import annotations

EXAMPLES: dict[str, tuple[str, ...]] = {
    "city": (
        "citydip city Yokohama",
        "citydip city 横浜 --format json",
        "citydip city Bristol --merge-districts",
    ),
    "compare": (
        "citydip compare Yokohama Taipei",
        "citydip compare Yokohama Taipei --format csv > table1.csv",
    ),
    "conflicts": (
        "citydip conflicts Taipei",
        "citydip conflicts --limit 20 --min-severity high --format csv",
    ),
    "cities": ('citydip cities "sao paulo" --country BR', "citydip cities --sort name --limit 50"),
    "resolve": (
        'citydip resolve "Odessa" --country Ukraine',
        "citydip resolve --batch names.csv --out resolved.csv",
        "citydip resolve --batch names.csv --format json > resolved.json",
    ),
    "import pairs": ("citydip import pairs pairs.csv", "citydip --db my.db import pairs pairs.csv"),
    "import table": ("citydip import table our-ties.csv --city Yokohama --complete",),
    "import memberships": (
        "citydip import memberships networks.csv --title 'Our networks' --date 2025-01-31",
        "citydip import memberships list.jsonl --new-organisations",
    ),
    "org": ("citydip org C40", "citydip org Eurocities --limit 0 --format geojson > map.geojson"),
    "network orgs": ("citydip network orgs", "citydip network orgs --org C40 --org Eurocities"),
    "import wikidata": (
        "citydip import wikidata response.json",
        "citydip import wikidata --online Q38283,Q1867",
    ),
    "network export": (
        "citydip network export gexf graph.gexf",
        "citydip network export geojson - > ties.geojson",
        "citydip network export csv lists/",
    ),
    "extract": ("citydip extract essay.txt", "citydip extract essay.pdf --save"),
    "typology": (
        "citydip typology Yokohama",
        "citydip typology Taipei --format json",
        "citydip typology Bristol --codebook my-codebook.yaml --format md",
    ),
    "recommend": (
        "citydip recommend Yokohama",
        "citydip recommend Taipei --kind sister --abroad --top 20 --format csv",
        "citydip recommend Bristol --cousins",
        "citydip recommend evaluate --source wikidata-p190-2016 --holdout 0.1 --seed 0",
    ),
    "rebuild": ("citydip rebuild", "citydip --db my.db rebuild --yes"),
}


def examples(command: str) -> str:
    """The epilog of ``command``'s help: one example a line."""
    lines = EXAMPLES[command]
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)
