"""Rich rendering of a place's identity (``citydip place``)."""

from __future__ import annotations

from typing import Any


def place_view(data: dict[str, Any]) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    place = data["place"]
    head = Text(place["name"], style="bold")
    ids = [
        f"id {place['id']}",
        f"level {place.get('level') or '?'}",
        f"country {place.get('country') or '?'}",
        f"geonames {place.get('geonames_id') or '—'}",
        f"wikidata {place.get('wikidata_id') or '—'}",
        f"located: {place.get('placement') or '?'}",
    ]
    head.append("  " + "  ".join(ids), style="dim")
    parts: list[Any] = [head]
    for item in data.get("further_wikidata_ids", []):
        why = str(item["evidence"]).removeprefix(f"Wikidata {item['qid']}: ")
        parts.append(Text(f"also Wikidata {item['qid']}: {why}"))
    if place.get("description"):
        parts.append(Text(place["description"]))
    if data["parent"]:
        parts.append(Text(f"part of {data['parent']['name']} (id {data['parent']['id']})"))
    if data["districts"]:
        names = ", ".join(d["name"] for d in data["districts"])
        parts.append(Text(f"{len(data['districts'])} districts: {names}"))
    ties = ", ".join(f"{source} {n}" for source, n in data["ties_by_source"].items())
    parts.append(Text(f"tie claims by source: {ties or 'none'}"))
    table = Table(title="Names, and why each is this place's", expand=True)
    for column in ("name", "lang", "evidence"):
        table.add_column(column)
    for item in data["names"]:
        table.add_row(item["name"], item["lang"], item["evidence"] or "curated")
    parts.append(table)
    return Group(*parts)
