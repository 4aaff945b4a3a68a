"""The organisations and lists of the shipped membership data: names, dates, URLs.

Written into ``data/networks/memberships.json`` by the build; facts only (who publishes
which list, on which date, where). Attribution and licences: ``data/networks/NOTICE.md``.
"""

from __future__ import annotations

from typing import Any

# Organisations reuse the curated entity of the same id (c40, gpm and its declaration).
ORGANISATIONS: list[dict[str, Any]] = [
    {
        "id": "c40",
        "type": "organization",
        "name": "C40 Cities Climate Leadership Group",
        "acronym": "C40",
        "parent": None,
        "description": "Network of large cities acting on climate change.",
    },
    {
        "id": "eurocities",
        "type": "organization",
        "name": "Eurocities",
        "acronym": None,
        "parent": None,
        "description": "Network of large European cities.",
    },
    {
        "id": "gpm",
        "type": "organization",
        "name": "Global Parliament of Mayors",
        "acronym": "GPM",
        "parent": None,
        "description": None,
    },
    {
        "id": "gpm-democracy-declaration",
        "type": "document",
        "name": "Global Declaration of Mayors for Democracy",
        "acronym": None,
        "parent": "gpm",
        "description": "A declaration that mayors sign individually; signing it is not "
        "membership of the Global Parliament of Mayors.",
    },
]

SOURCES: list[dict[str, Any]] = [
    {
        "id": "c40-members-2024",
        "title": "C40 member cities with their capacity tier (c40tools, capacity_tiers.xlsx)",
        "kind": "official",
        "publisher": "C40 Cities Climate Leadership Group",
        "author": None,
        "date": "2024-11-06",
        "url": "https://github.com/C40-Cities-Climate-Leadership-Group/c40tools",
        "description": "C40's own R package (data-raw/capacity_tiers.xlsx): the 97 member "
        "cities as listed on 2024-11-06, with C40's capacity tier. "
        "Members' page: https://www.c40.org/cities/",
        "lists_ties_of": None,
    },
    {
        "id": "eurocities-members-2025",
        "title": "Eurocities members as named on eurocities.eu, with Wikidata QIDs",
        "kind": "dataset",
        "publisher": "city-vote (c-riq)",
        "author": None,
        "date": "2025-05-18",
        "url": "https://github.com/c-riq/city-vote",
        "description": "public-data/city-networks/eurocities: the members as listed on "
        "2025-05-18 on the network's own page "
        "(https://eurocities.eu/cities/), matched to Wikidata by city-vote.",
        "lists_ties_of": None,
    },
    {
        "id": "gpm-declaration-signatories-2025",
        "title": "Signatories of the Global Declaration of Mayors for Democracy",
        "kind": "dataset",
        "publisher": "city-vote (c-riq)",
        "author": None,
        "date": "2025-06-11",
        "url": "https://github.com/c-riq/city-vote",
        "description": "public-data/city-networks/global-parliament-of-mayors: cities whose "
        "mayors signed the declaration, as listed on 2025-06-11; "
        "a signed declaration, not a membership of the Global Parliament of Mayors.",
        "lists_ties_of": None,
    },
]

# What each list is a list of (analysis.memberships reads these from the store's meta).
LISTS: list[dict[str, Any]] = [
    {
        "source": "c40-members-2024",
        "organization": "c40",
        "label": "C40 list",
        "date": "2024-11-06",
        "predicate": "member_of",
    },
    {
        "source": "eurocities-members-2025",
        "organization": "eurocities",
        "label": "Eurocities list",
        "date": "2025-05-18",
        "predicate": "member_of",
    },
    {
        "source": "gpm-declaration-signatories-2025",
        "organization": "gpm-democracy-declaration",
        "label": "GPM declaration signatories",
        "date": "2025-06-11",
        "predicate": "signed",
    },
]
