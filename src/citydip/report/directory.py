"""Places with their tie counts, an organization's members, an empty profile's one line."""

from __future__ import annotations

from typing import Any

from citydip.report.cells import csv_text

CITY_COLUMNS = ("name", "country", "level", "ties", "population", "id")


def cities_table(data: dict[str, Any]) -> Any:
    """A Rich table of places (``CitySearch.to_dict()``), with how many matched."""
    from rich.table import Table

    hits, total = data["hits"], data["total"]
    title = f"{total:,} places" + (f" (showing {len(hits)})" if len(hits) < total else "")
    table = Table(title=title, expand=False)
    for col in CITY_COLUMNS:
        table.add_column(col, justify="right" if col in ("ties", "population") else "left")
    for h in hits:
        table.add_row(
            h["name"],
            h["country"] or "",
            h["level"] or "",
            str(h["ties"]),
            f"{h['population']:,}" if h["population"] else "",
            h["id"],
        )
    return table


def cities_csv(data: dict[str, Any]) -> str:
    return csv_text(CITY_COLUMNS, ([h[c] for c in CITY_COLUMNS] for h in data["hits"]))


def _ids(sources: list[dict[str, Any]]) -> str:
    return ", ".join(s["id"] for s in sources)


def organization_table(data: dict[str, Any]) -> Any:
    """The organization, its stated member counts, then a table of members."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    org = data["organization"]
    head = Text(org["name"], style="bold")
    if org.get("acronym"):
        head.append(f"  ({org['acronym']})", style="dim")
    parts: list[Any] = [head]
    for c in data["stated_counts"]:
        when = f" as of {c['as_of']}" if c.get("as_of") else ""
        parts.append(Text(f"{c['metric']}: {c['value']}{when} ({_ids(c['sources'])})"))
    for m in data.get("lists", []):
        parts.append(Text(f"{m['label']}: as listed on {m['date'] or '?'} ({m['source']})"))
    if not data["members"]:
        parts.append(Text("No members recorded in this store."))
        parts.append(Text(data.get("coverage", ""), style="dim"))
        return Group(*parts)
    count = data.get("total", len(data["members"]))
    shown = len(data["members"])
    title = f"{count} member{'' if count == 1 else 's'}"
    if shown < count:
        title += f" (showing {shown})"
    table = Table(title=title, expand=True)
    for col in ("member", "country", "roles", "since", "until", "as of", "sources"):
        table.add_column(col, overflow="fold")
    for m in data["members"]:
        member = m["member"]
        table.add_row(
            member["name"],
            member.get("country") or "",
            ", ".join(m["roles"]),
            m["start"] or "",
            m["end"] or "",
            m.get("as_of") or "",
            _ids(m["sources"]),
        )
    parts.append(table)
    from citydip.report.memberships import more_line

    if line := more_line(data):
        parts.append(Text(line))
    parts.append(Text(data.get("coverage", ""), style="dim"))
    return Group(*parts)


def organization_csv(data: dict[str, Any]) -> str:
    header: tuple[str, ...] = ("member", "member_id", "type", "country", "roles", "start")
    header += ("end", "sources", "as_of", "lat", "lon", "wikidata_id", "geonames_id")
    rows = [
        (
            m["member"]["name"],
            m["member"]["id"],
            m["member"]["type"],
            m["member"].get("country") or "",
            " ".join(m["roles"]),
            m["start"] or "",
            m["end"] or "",
            " ".join(s["id"] for s in m["sources"]),
            m.get("as_of") or "",
            "" if m["member"].get("lat") is None else m["member"]["lat"],
            "" if m["member"].get("lon") is None else m["member"]["lon"],
            m["member"].get("wikidata_id") or "",
            m["member"].get("geonames_id") or "",
        )
        for m in data["members"]
    ]
    return csv_text(header, rows)


def empty_profile_line(data: dict[str, Any]) -> str | None:
    """One line for a place the store knows but records nothing of, else None."""
    if any(data.get(key) for key in ("ties", "memberships", "activities", "counts")):
        return None
    city = data["city"]
    where = ", ".join(p for p in (city.get("country"), city.get("level")) if p)
    label = f"{city['name']} ({where})" if where else city["name"]
    line = f"{label}: no ties, memberships or activities recorded in this store."
    if also := alternatives_line(data):
        line += "\n" + also
    return line


def alternatives_line(data: dict[str, Any]) -> str:
    """ "also: Springfield (Ohio, US; 12 ties); …" for the other places a name names."""
    found = data.get("alternatives") or []
    if not found:
        return ""
    shown = []
    for alt in found[:6]:
        where = ", ".join(x for x in (alt.get("region"), alt.get("country")) if x)
        ties = f"{alt['ties']} tie" + ("" if alt["ties"] == 1 else "s")
        shown.append(f"{alt['name']} ({where + '; ' if where else ''}{ties}; id {alt['id']})")
    more = f" and {len(found) - 6} more" if len(found) > 6 else ""
    return f"also: {'; '.join(shown)}{more} — name one by its id, or list them with cities NAME"
