"""Memberships rendered: an organisation's members as Markdown and GeoJSON, the list of
organisations, and ``network orgs`` (co-membership, ties among members) as text and CSV.

Each takes a record's ``to_dict()``; CSV cells are formula-safe, Markdown cells markup-free.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from citydip.report.cells import csv_text, md_cell, md_table


def _ids(sources: list[dict[str, Any]]) -> str:
    return ", ".join(s["id"] for s in sources)


def more_line(data: dict[str, Any]) -> str | None:
    """``N more members (--limit 0 for all)``-free wording: the library names no flags."""
    more = int(data.get("more") or 0)
    if not more:
        return None
    return f"{more:,} more member{'' if more == 1 else 's'} not shown ({data['total']:,} in all)"


def organization_markdown(data: dict[str, Any]) -> str:
    """The organisation, its lists and coverage line, then one table row per member."""
    org = data["organization"]
    title = org["name"] + (f" ({org['acronym']})" if org.get("acronym") else "")
    lines = [f"# {md_cell(title)}", ""]
    for m in data.get("lists", []):
        lines.append(f"- {md_cell(m['label'])}: as listed on {md_cell(m['date'] or '?')}")
    for c in data["stated_counts"]:
        when = f" as of {c['as_of']}" if c.get("as_of") else ""
        lines.append(f"- {md_cell(c['metric'])}: {md_cell(c['value'])}{md_cell(when)}")
    lines += [f"- {md_cell(data.get('coverage', ''))}", ""]
    header = ("member", "country", "roles", "since", "until", "as of", "sources")
    rows = [
        (
            m["member"]["name"],
            m["member"].get("country") or "",
            ", ".join(m["roles"]),
            m["start"] or "",
            m["end"] or "",
            m.get("as_of") or "",
            _ids(m["sources"]),
        )
        for m in data["members"]
    ]
    count = data.get("total", len(rows))
    lines.append(f"{count} member{'' if count == 1 else 's'}")
    lines.append("")
    lines.append(md_table(header, rows).rstrip("\n"))
    if line := more_line(data):
        lines += ["", line]
    return "\n".join(lines) + "\n"


def organization_geojson(data: dict[str, Any]) -> str:
    """A FeatureCollection: one Point per member that has coordinates (unplaced ones are
    counted in ``unplaced``), the organisation and coverage as foreign members."""
    features = []
    unplaced = []
    for m in data["members"]:
        member = m["member"]
        if member.get("lat") is None or member.get("lon") is None:
            unplaced.append(member["id"])
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [member["lon"], member["lat"]]},
                "properties": {
                    "id": member["id"],
                    "name": member["name"],
                    "country": member.get("country"),
                    "wikidata_id": member.get("wikidata_id"),
                    "geonames_id": member.get("geonames_id"),
                    "roles": m["roles"],
                    "since": m["start"],
                    "until": m["end"],
                    "as_of": m.get("as_of"),
                    "listed_as": m.get("listed_as", []),
                    "sources": [s["id"] for s in m["sources"]],
                },
            }
        )
    collection = {
        "type": "FeatureCollection",
        "organization": data["organization"],
        "coverage": data.get("coverage"),
        "lists": data.get("lists", []),
        "total": data.get("total"),
        "unplaced": unplaced,
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


ORG_COLUMNS = ("name", "acronym", "members", "signatories", "lists", "id")


def organizations_table(data: dict[str, Any]) -> Any:
    """A Rich table of organisations with member counts, and the coverage line."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    orgs = data["organizations"]
    table = Table(title=f"{len(orgs)} organizations", expand=False)
    for col in ORG_COLUMNS:
        table.add_column(col, justify="right" if col in ("members", "signatories") else "left")
    for o in orgs:
        table.add_row(
            o["name"],
            o["acronym"] or "",
            str(o["members"]),
            str(o["signatories"]) if o["signatories"] else "",
            ", ".join(o["lists"]),
            o["id"],
        )
    return Group(table, Text(data["coverage"]["line"]))


def organizations_csv(data: dict[str, Any]) -> str:
    rows = [
        [
            o["name"],
            o["acronym"] or "",
            o["members"],
            o["signatories"],
            " ".join(o["lists"]),
            o["id"],
        ]
        for o in data["organizations"]
    ]
    return csv_text(ORG_COLUMNS, rows)


def network_orgs_text(data: dict[str, Any]) -> str:
    """Ties among each group's members against chance, then the shared members of pairs."""
    from citydip.report.network_text import fmt

    lines = [
        f"Ties among members ({data['nodes']:,} places, {data['edges']:,} ties; {data['filters']})"
    ]
    header: tuple[str, ...] = ("group", "members", "with ties", "observed", "expected")
    header += ("by density", "ratio")
    rows: list[tuple[str, ...]] = [
        (
            f"{g['name']} ({g['kind']})",
            fmt(g["members"]),
            fmt(g["with_ties"]),
            fmt(g["observed"]),
            fmt(g["expected_degree"]),
            fmt(g["expected_density"]),
            fmt(g["ratio"]),
        )
        for g in data["groups"]
    ]
    lines += _aligned(header, rows)
    lines.append(f"  expected: {data['expectation']}")
    names = {g["id"]: g["name"] for g in data["groups"]}
    if data["pairs"]:
        lines.append("")
        lines.append("Shared members")
        header = ("a", "b", "shared", "share of a", "share of b", "jaccard")
        rows = [
            (
                str(names.get(p["a"], p["a"])),
                str(names.get(p["b"], p["b"])),
                fmt(p["shared"]),
                f"{p['share_of_a']:.0%}",
                f"{p['share_of_b']:.0%}",
                fmt(p["jaccard"]),
            )
            for p in data["pairs"]
        ]
        lines += _aligned(header, rows)
    return "\n".join(lines) + "\n"


def _aligned(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  "
        + "  ".join(
            str(v).ljust(w) if i == 0 else str(v).rjust(w)
            for i, (v, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in [header, *rows]
    ]


def network_orgs_csv(data: dict[str, Any]) -> str:
    header: tuple[str, ...] = ("group", "kind", "members", "with_ties", "observed")
    header += ("expected_degree", "expected_density", "ratio")
    rows = [[g["name"], g["kind"], *(g[k] for k in header[2:])] for g in data["groups"]]
    return csv_text(header, rows)
