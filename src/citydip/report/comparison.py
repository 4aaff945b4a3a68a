"""A comparison rendered as a Rich table, Markdown, CSV or HTML, with numbered sources."""

from __future__ import annotations

from typing import Any


def _numbering(data: dict[str, Any]) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Every cited source numbered once, in order of first citation (``Citations``)."""
    from citydip.report.citations import Citations

    citations = Citations()
    for dim in data["dimensions"]:
        for cell in dim["cells"].values():
            citations.refs(cell["sources"])
    return citations.numbers, citations.sources


def _refs(cell: dict[str, Any], numbers: dict[str, int]) -> str:
    nums = sorted(numbers[s["id"]] for s in cell["sources"])
    return "[" + ",".join(str(n) for n in nums) + "]" if nums else ""


def _source_line(n: int, source: dict[str, Any]) -> str:
    parts = [source.get("publisher") or "", source.get("date") or "n.d", source["title"]]
    line = f"[{n}] " + ". ".join(p.rstrip(".") for p in parts if p)
    if not line.endswith(("!", "?")):
        line += "."
    if source.get("url"):
        line += f" {source['url']}"
    return line


def comparison_table(data: dict[str, Any]) -> Any:
    """A Rich renderable: the table, then the numbered sources."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    numbers, ordered = _numbering(data)
    names = [c["name"] for c in data["cities"]]
    table = Table(
        title="City diplomacy compared: " + " · ".join(names), show_lines=True, expand=True
    )
    table.add_column("Dimension", style="bold", ratio=1)
    for name in names:
        table.add_column(name, ratio=3, overflow="fold")
    for dim in data["dimensions"]:
        row = [dim["label"]]
        for name in names:
            cell = dim["cells"][name]
            text = Text(cell["text"])
            refs = _refs(cell, numbers)
            if refs:
                text.append(" " + refs, style="dim")
            row.append(text)
        table.add_row(*row)
    notes = Text("\n".join(_source_line(n, s) for n, s in enumerate(ordered, 1)), style="dim")
    return Group(table, Text("Sources", style="bold"), notes)


def comparison_markdown(data: dict[str, Any]) -> str:
    numbers, ordered = _numbering(data)
    names = [c["name"] for c in data["cities"]]
    lines = ["| Dimension | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for dim in data["dimensions"]:
        cells = []
        for name in names:
            cell = dim["cells"][name]
            cells.append((cell["text"] + " " + _refs(cell, numbers)).strip().replace("|", "\\|"))
        lines.append(f"| {dim['label']} | " + " | ".join(cells) + " |")
    lines += ["", "**Sources**", ""]
    lines += [_source_line(n, s) + "  " for n, s in enumerate(ordered, 1)]
    return "\n".join(lines) + "\n"


def comparison_csv(data: dict[str, Any]) -> str:
    """One row per dimension and city: its text, its sources' ids and URLs."""
    from citydip.csvfile import csv_text

    header = ["key", "dimension", "city", "text", "source_ids", "source_urls"]
    rows = [
        [
            dim["key"],
            dim["label"],
            name,
            cell["text"],
            ";".join(s["id"] for s in cell["sources"]),
            ";".join(s.get("url") or "" for s in cell["sources"]),
        ]
        for dim in data["dimensions"]
        for name, cell in dim["cells"].items()
    ]
    return csv_text(header, rows)


def comparison_html(data: dict[str, Any]) -> str:
    from citydip.report.templating import environment

    numbers, ordered = _numbering(data)
    template = environment().get_template("comparison.html")
    return template.render(
        data=data, numbers=numbers, sources=ordered, names=[c["name"] for c in data["cities"]]
    )
