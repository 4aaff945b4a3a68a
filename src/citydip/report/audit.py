"""The places audit (``citydip places audit``) as text and CSV."""

from __future__ import annotations

from typing import Any

from citydip.report.cells import csv_text

_SHOWN = 15


def _place(p: dict[str, Any]) -> str:
    where = ", ".join(x for x in (p.get("country"), p.get("level"), p.get("placement")) if x)
    ties = f"{p['ties']} tie" + ("" if p["ties"] == 1 else "s")
    return f"{p['name']} ({where}; {ties}; id {p['id']})"


def audit_text(data: dict[str, Any]) -> str:
    """Counts first, then the first entries of each list."""
    counts = data["counts"]
    share = counts["ties_touching_unplaced_share"]
    lines = [
        f"{counts['places']:,} places, {counts['ties']:,} tie claims",
        f"suspected splits: {counts['split_clusters']} clusters, "
        f"{counts['redundant_places']} redundant places",
        f"suspected wrong merges: {counts['wrong_merges']}",
        f"unplaced places: {counts['unplaced']} "
        f"(touching {counts['ties_touching_unplaced']:,} tie claims, {share:.1%})",
        f"places whose coordinates cannot lie in their country: {counts['misplaced']}",
    ]
    sections = (
        (
            "Suspected splits",
            [
                f"{c['reason']}: " + "; ".join(_place(p) for p in c["places"])
                for c in data["splits"]
            ],
        ),
        (
            "Suspected wrong merges",
            [
                f"{_place(w['place'])} holds a row with {w['partner']}, which another source "
                f"ties to {_place(w['namesake'])}"
                for w in data["wrong_merges"]
            ],
        ),
        ("Unplaced, most ties first", [_place(p) for p in data["unplaced"]]),
        ("Coordinates outside the country", [_place(p) for p in data["misplaced"]]),
    )
    for title, items in sections:
        if not items:
            continue
        lines += ["", f"{title} ({len(items)}):"]
        lines += [f"  {item}" for item in items[:_SHOWN]]
        if len(items) > _SHOWN:
            lines.append(f"  … and {len(items) - _SHOWN} more (--format json or csv for all)")
    return "\n".join(lines) + "\n"


def _row(kind: str, group: object, p: dict[str, Any], note: str) -> list[object]:
    fields = ("id", "name", "country", "level", "placement", "ties")
    return [kind, group, *(p[f] for f in fields), note]


def audit_csv(data: dict[str, Any]) -> str:
    """One row per listed place: list, group (a split cluster's number), the place, why."""
    rows: list[list[object]] = []
    for number, cluster in enumerate(data["splits"], start=1):
        rows += [_row("split", number, p, cluster["reason"]) for p in cluster["places"]]
    for number, wrong in enumerate(data["wrong_merges"], start=1):
        for p, why in ((wrong["place"], "holds the row"), (wrong["namesake"], "namesake")):
            rows.append(_row("wrong merge", number, p, f"{why} (partner {wrong['partner']})"))
    for key in ("unplaced", "misplaced"):
        rows += [_row(key, "", p, "") for p in data[key]]
    header = ["list", "group", "id", "name", "country", "level", "placement", "ties", "note"]
    return csv_text(header, rows)
