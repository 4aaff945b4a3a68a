"""A ranked list of conflicts (``ConflictList.to_dict()``) as Rich text, CSV or Markdown."""

from __future__ import annotations

from typing import Any

from citydip.report.cells import csv_text, md_table

NOTICE_LABELS = {"unconfirmed": "unconfirmed ties", "unresolved": "unresolved names"}


def _source_label(source: dict[str, Any]) -> str:
    return f"{source.get('publisher') or source['id']} {source.get('date') or 'n.d.'}"


def _value_text(value: dict[str, Any]) -> str:
    when = f" (as of {value['as_of']})" if value.get("as_of") else ""
    return f"{value['value']}{when}"


def _where(conflict: dict[str, Any]) -> str:
    title = f"{conflict['subject']['name']} — {conflict['property']}"
    if conflict.get("object"):
        title += f" — {conflict['object']['name']}"
    return title


def headline(data: dict[str, Any]) -> str:
    """'N conflicts, most severe first' and what was left out of the count."""
    shown, total = len(data["conflicts"]), data["total"]
    notices = bool(shown) and all(c["kind"] in NOTICE_LABELS for c in data["conflicts"])
    line = f"{total:,} {'notices (not conflicts)' if notices else 'conflicts'}, most severe first"
    if shown < total:
        line += f" (showing {shown})"
    left = [f"{n:,} {NOTICE_LABELS.get(k, k)}" for k, n in data["not_counted"].items() if n]
    if left:
        line += "; not counted as conflicts: " + ", ".join(left)
    return line


def conflicts_text(data: dict[str, Any], hint: str = "") -> Any:
    """A Rich renderable: the headline, then one block per conflict."""
    from rich.console import Group
    from rich.text import Text

    if not data["conflicts"] and not data["total"]:
        parts = [Text("No conflicts: the sources agree.")]
        if any(data["not_counted"].values()):
            parts.append(Text(headline(data) + hint, style="dim"))
        return Group(*parts)
    parts = [Text(headline(data) + hint, style="bold")]
    for c in data["conflicts"]:
        block = Text(f"\n[{c['severity']} {c['level']}] ", style="bold magenta")
        block.append(f"{_where(c)} ({c['kind']})", style="bold")
        for v in c["values"]:
            block.append(f"\n  {_value_text(v)}: ")
            cited = "; ".join(_source_label(s) for s in v["sources"])
            block.append(cited or v.get("derived") or "derived", style="dim")
            if v.get("quote"):
                block.append(f'\n    "{v["quote"]}"', style="italic")
        if c.get("note"):
            block.append(f"\n  note: {c['note']}", style="dim")
        parts.append(block)
    return Group(*parts)


CSV_HEADER = (
    "conflict",
    "severity",
    "level",
    "kind",
    "subject",
    "subject_id",
    "property",
    "object",
    "object_id",
    "value",
    "as_of",
    "sources",
    "note",
)


def conflicts_csv(data: dict[str, Any]) -> str:
    """One row per competing value; ``conflict`` numbers the conflict; cells neutralised."""
    rows = []
    for n, c in enumerate(data["conflicts"], 1):
        obj = c.get("object") or {}
        for v in c["values"]:
            rows.append(
                (
                    n,
                    c["severity"],
                    c["level"],
                    c["kind"],
                    c["subject"]["name"],
                    c["subject"]["id"],
                    c["property"],
                    obj.get("name", ""),
                    obj.get("id", ""),
                    v["value"],
                    v.get("as_of") or "",
                    " ".join(s["id"] for s in v["sources"]),
                    c["note"],
                )
            )
    return csv_text(CSV_HEADER, rows)


def conflicts_markdown(data: dict[str, Any]) -> str:
    """A heading line and one table row per conflict, every cell escaped."""
    rows = []
    for c in data["conflicts"]:
        values = "; ".join(
            f"{_value_text(v)} — {', '.join(s['id'] for s in v['sources']) or 'derived'}"
            for v in c["values"]
        )
        obj = (c.get("object") or {}).get("name", "")
        rows.append(
            (
                f"{c['severity']} {c['level']}",
                c["kind"],
                c["subject"]["name"],
                c["property"],
                obj,
                values,
                c["note"],
            )
        )
    header = ("severity", "kind", "subject", "property", "object", "values", "note")
    return f"{headline(data)}\n\n" + md_table(header, rows)
