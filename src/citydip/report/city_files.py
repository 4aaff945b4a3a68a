"""A city's ties as CSV (for spreadsheets) and its profile as Markdown (for briefings).

Both carry every tie's source titles and URLs. CSV cells that a spreadsheet would read as
a formula (starting with = + - @, tab or carriage return) are prefixed with ``'``; Markdown
escapes every character that would otherwise become markup.
"""

from __future__ import annotations

import re
from typing import Any

from citydip.report.cells import csv_text, md_cell
from citydip.report.citations import Citations
from citydip.report.views import summary_line

CSV_FIELDS = (
    "city",
    "partner",
    "partner_country",
    "kind",
    "start",
    "end",
    "status",
    "confirmed_by_official_source",
    "source_ids",
    "source_titles",
    "source_urls",
)


def _tie_rows(data: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    rows = [(data["city"]["name"], t) for t in data["ties"]]
    rows += [(t["district"]["name"], t) for t in data.get("district_ties", [])]
    return rows


def ties_csv(data: dict[str, Any]) -> str:
    """One row per tie (the city's and its districts'), with its sources; every cell
    formula-safe (report.cells)."""
    rows = []
    for city, tie in _tie_rows(data):
        sources = tie["sources"]
        rows.append(
            [
                city,
                tie["partner"]["name"],
                tie["partner"].get("country"),
                tie["kind"],
                tie["start"],
                tie["end"],
                tie["status"],
                "yes" if tie["confirmed_by_official_source"] else "no",
                "; ".join(s["id"] for s in sources),
                " | ".join(s["title"] for s in sources),
                " | ".join(s.get("url") or "" for s in sources),
            ]
        )
    return csv_text(CSV_FIELDS, rows)


def md(value: object) -> str:
    """Text shown literally in Markdown (report.cells.md_cell)."""
    return md_cell(value)


def city_markdown(data: dict[str, Any]) -> str:
    """The city's ties, memberships and activities as Markdown with numbered sources."""
    city, summary = data["city"], data["summary"]
    numbers = Citations()
    lines = [
        f"# {md(city['name'])}",
        "",
        f"{md(summary_line(summary))}.",
        "",
        "## Ties",
        "",
        "| City | Partner | Country | Kind | Start | End | Status | Sources |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, t in _tie_rows(data):
        cells = [name, t["partner"]["name"], t["partner"].get("country"), t["kind"]]
        cells += [t["start"], t["end"], t["status"]]
        lines.append(
            "| " + " | ".join(md(c) for c in cells) + f" | {numbers.mark(t['sources'], ', ')} |"
        )
    if data["memberships"]:
        lines += ["", "## Memberships", "", "| Organization | Roles | Since | Sources |"]
        lines.append("|---|---|---|---|")
        for m in data["memberships"]:
            org = m["organization"]
            label = org["name"] + (f" ({org['acronym']})" if org.get("acronym") else "")
            lines.append(
                f"| {md(label)} | {md(', '.join(m['roles']))} | {md(m['start'])} "
                f"| {numbers.mark(m['sources'], ', ')} |"
            )
    if data["activities"]:
        lines += ["", "## Activities", "", "| Type | What | Since | Sources |", "|---|---|---|---|"]
        for a in data["activities"]:
            what = a["object"]["name"] if "object" in a else a.get("value", "")
            if a["subject"] != city["name"]:
                what = f"{a['subject']}: {what}"
            lines.append(
                f"| {md(a['type'])} | {md(what)} | {md(a['start'])} "
                f"| {numbers.mark(a['sources'], ', ')} |"
            )
    lines += ["", "## Sources", ""]
    for n, s in enumerate(numbers.sources, 1):
        parts = [s.get("publisher") or "", s.get("date") or "n.d.", s["title"]]
        text = ". ".join(md(p).rstrip(".") for p in parts if p) + "."
        url = f" <{s['url']}>" if s.get("url") and _plain_url(s["url"]) else ""
        lines.append(f"{n}. {text}{url}")
    return "\n".join(lines) + "\n"


def _plain_url(url: str) -> bool:
    """An http(s) URL with nothing that could close the autolink or start markup."""
    return bool(re.fullmatch(r"https?://[^\s<>\"'`]+", url))
