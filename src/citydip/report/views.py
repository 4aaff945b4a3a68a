"""Rich renderings of a city profile, a list of conflicts and a bibliography."""

from __future__ import annotations

from typing import Any

from citydip.text import plural


def _src(sources: list[dict[str, Any]]) -> str:
    return ", ".join(s["id"] for s in sources)


def summary_line(summary: dict[str, Any]) -> str:
    """'9 ties (sister 5, …); those of a known kind reach 8 countries on 4 continents …'."""
    first, latest = summary["first_agreement"], summary["latest_agreement"]
    by_kind = ", ".join(f"{k} {n}" for k, n in summary["ties_by_kind"].items())
    line = f"{plural(sum(summary['ties_by_kind'].values()), 'tie')}"
    line += f" ({by_kind}); " if by_kind else "; "
    if summary["countries"] or not summary.get("all_countries"):
        countries, continents = summary["countries"], summary["continents"]
        line += "those of a known kind reach "
    else:
        countries, continents = summary["all_countries"], summary["all_continents"]
        line += "no source records their kind; partners in "
    line += (
        f"{plural(len(countries), 'country', 'countries')} on "
        f"{plural(len(continents), 'continent')}"
    )
    if continents:
        line += f" ({', '.join(continents)})"
    if summary.get("districts_merged"):
        line += f"; with its districts {', '.join(summary['districts_merged'])}"
    unknown = summary.get("ties_by_status", {}).get("unknown")
    if unknown:
        line += f"; {unknown} listed by datasets only, status unknown"
    if first and latest:
        line += (
            f"; first {first['partner']} {first['start']}, "
            f"latest {latest['partner']} {latest['start']}"
        )
    return line


def _tables(data: dict[str, Any], name: str) -> list[Any]:
    """The profile's four tables: ties, memberships, activities, counts as stated."""
    from rich.table import Table

    ties = Table(title="Ties", expand=True)
    for col in ("partner", "country", "kind", "start", "status", "official", "sources"):
        ties.add_column(col)
    for t in data["ties"]:
        ties.add_row(
            t["partner"]["name"],
            t["partner"].get("country") or "",
            t["kind"],
            t["start"] or "",
            t["status"],
            "yes" if t["confirmed_by_official_source"] else "no",
            _src(t["sources"]),
        )
    members = Table(title="Memberships", expand=True)
    for col in ("organization", "roles", "since", "sources"):
        members.add_column(col)
    for m in data["memberships"]:
        org = m["organization"]
        members.add_row(
            org.get("acronym") or org["name"],
            ", ".join(m["roles"]),
            m["start"] or "",
            _src(m["sources"]),
        )
    acts = Table(title="Activities", expand=True)
    for col in ("type", "what", "since", "sources"):
        acts.add_column(col)
    for a in data["activities"]:
        what = a["object"]["name"] if "object" in a else a.get("value", "")
        if a["subject"] != name:
            what = f"{a['subject']}: {what}"
        acts.add_row(a["type"], what, a["start"] or "", _src(a["sources"]))
    counts = Table(title="Counts as stated", expand=True)
    for col in ("metric", "value", "as of", "sources"):
        counts.add_column(col)
    for c in data["counts"] + data["populations"]:
        counts.add_row(c["metric"], c["value"] or "", c["as_of"] or "", _src(c["sources"]))
    for f in data.get("facts", []):
        counts.add_row(f["fact"], f["value"] or "", f["start"] or "", _src(f["sources"]))
    return [ties, members, acts, counts]


def profile_view(data: dict[str, Any]) -> Any:
    from rich.console import Group
    from rich.text import Text

    from citydip.report.directory import alternatives_line, empty_profile_line

    if (line := empty_profile_line(data)) is not None:
        return Text(line)
    city = data["city"]
    summary = data["summary"]
    head = Text(f"{city['name']}", style="bold")
    ids = [
        city.get("country") or "",
        f"geonames {city['geonames_id']}" if city.get("geonames_id") else "",
        f"wikidata {city['wikidata_id']}" if city.get("wikidata_id") else "",
    ]
    if city.get("population") is not None:
        ids.append(
            f"population {city['population']:,} ({summary.get('population_source') or 'GeoNames'})"
        )
    head.append("".join(f"  {part}" for part in ids if part), style="dim")
    if summary.get("population_stated"):
        head.append(
            f"  sources state {', '.join(summary['population_stated'])}: see conflicts",
            style="yellow",
        )
    parts: list[Any] = [head]
    if also := alternatives_line(data):
        parts.append(Text(also, style="yellow"))
    parts.append(Text(summary_line(summary)))
    for table in _tables(data, city["name"]):
        if table.row_count:  # a section the city lacks prints nothing, not an empty box
            parts.append(table)
    return Group(*parts)


def sources_view(sources: list[dict[str, Any]]) -> Any:
    from rich.table import Table

    table = Table(title=f"{len(sources)} sources", expand=True)
    for col in ("id", "kind", "publisher", "date", "title", "url"):
        table.add_column(col, overflow="fold")
    for s in sources:
        table.add_row(
            s["id"],
            s["kind"],
            s.get("publisher") or "",
            s.get("date") or "",
            s["title"],
            s.get("url") or "",
        )
    return table
