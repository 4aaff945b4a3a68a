"""A city's style and possible partners as text, Markdown and CSV; the evaluation as text.

Each function takes the JSON of a record (``Typology``, ``Suggestions``, ``Evaluation``)
and returns a string; data is never markup (cells go through ``report/cells.py``).
"""

from __future__ import annotations

from typing import Any

from citydip.report.cells import csv_text, md_cell, md_table
from citydip.text import clean_text


def _scores(data: dict[str, Any]) -> str:
    axes = data.get("axes", {})
    return ", ".join(f"{axes.get(k, k)} {v:g}" for k, v in data["scores"].items())


def typology_text(data: dict[str, Any]) -> str:
    city = clean_text(data["city"]["name"])
    lines = [
        f"{city}: {data['description']}",
        f"  label {data['label']}, {data['confidence']} confidence",
        f"  scores: {_scores(data)}",
    ]
    if data["themes"]:
        lines.append(f"  themes: {', '.join(data['themes'])}")
    lines.append(f"  evidence ({len(data['evidence'])}):")
    for e in data["evidence"]:
        lines.append(f"    +{e['weight']:g} {e['axis']}: {clean_text(e['claim'])} [{e['source']}]")
    if data["missing"]:
        lines.append("  missing:")
        lines += [f"    - {m}" for m in data["missing"]]
    lines.append(f"  codebook: {data['codebook']}")
    return "\n".join(lines) + "\n"


def typology_markdown(data: dict[str, Any]) -> str:
    city = md_cell(data["city"]["name"])
    out = [
        f"# Diplomatic style of {city}",
        "",
        f"**{md_cell(data['description'])}** ({data['confidence']} confidence)",
        "",
        f"Scores: {md_cell(_scores(data))}",
        "",
    ]
    if data["themes"]:
        out += [f"Themes: {', '.join(data['themes'])}", ""]
    rows = [(e["axis"], f"{e['weight']:g}", e["claim"], e["source"]) for e in data["evidence"]]
    out.append(md_table(("axis", "weight", "evidence", "source"), rows))
    if data["missing"]:
        out += ["", "Missing:", ""] + [f"- {md_cell(m)}" for m in data["missing"]]
    return "\n".join(out) + "\n"


def suggestions_text(data: dict[str, Any]) -> str:
    city = clean_text(data["city"]["name"])
    what = "Cousin cities" if data["cousins"] else "Possible partners"
    kind = f" ({data['kind']})" if data["kind"] else ""
    lines = [
        f"{what}{kind} of {city}, {data['scope']}: {len(data['suggestions'])} of "
        f"{data['candidates']:,} places not yet tied ({data['partners']} partners now)"
    ]
    for s in data["suggestions"]:
        country = f", {s['country']}" if s["country"] else ""
        lines.append(f"{s['rank']:>3}. {clean_text(s['name'])}{country}  (score {s['score']:g})")
        lines += [f"       - {clean_text(r)}" for r in s["reasons"]]
    lines.append(f"model: {data['model']}")
    return "\n".join(lines) + "\n"


def suggestions_markdown(data: dict[str, Any]) -> str:
    what = "Cousin cities" if data["cousins"] else "Possible partners"
    rows = [
        (s["rank"], s["name"], s["country"] or "", f"{s['score']:g}", "; ".join(s["reasons"]))
        for s in data["suggestions"]
    ]
    head = f"# {what} of {md_cell(data['city']['name'])}\n\n"
    return head + md_table(("rank", "place", "country", "score", "reasons"), rows) + "\n"


def suggestions_csv(data: dict[str, Any]) -> str:
    rows = [
        (
            s["rank"],
            s["id"],
            s["name"],
            s["country"] or "",
            s["score"],
            "; ".join(s["shared_partners"]),
            "; ".join(s["shared_memberships"]),
            "" if s["distance_km"] is None else s["distance_km"],
            "; ".join(s["reasons"]),
        )
        for s in data["suggestions"]
    ]
    header = (
        "rank",
        "id",
        "name",
        "country",
        "score",
        "shared_partners",
        "shared_memberships",
        "distance_km",
        "reasons",
    )
    return csv_text(header, rows)


def evaluation_text(data: dict[str, Any]) -> str:
    lines = [
        f"Partner model against baselines — {data['graph']}: {data['places']:,} places, "
        f"{data['ties']:,} ties; holdout {data['holdout']:g}, seed {data['seed']}"
    ]
    for split in (data["random"], data["temporal"]):
        if split is None:
            continue
        lines.append(
            f"{split['split']} split: {split['held_out']:,} ties hidden, {split['train_ties']:,} "
            f"trained, {split['queries']:,} places ranked {split['note']}".rstrip()
        )
        lines.append(f"  {'method':<25} {'auc':>7} {'p@10':>7} {'r@10':>7} {'mrr':>7}")
        for name, m in split["methods"].items():
            lines.append(
                f"  {name:<25} {m['auc']:>7.4f} {m['precision_at_10']:>7.4f} "
                f"{m['recall_at_10']:>7.4f} {m['mrr']:>7.4f}"
            )
    if data["temporal_note"]:
        lines.append(data["temporal_note"])
    return "\n".join(lines) + "\n"
