"""The network results as plain text for a terminal (the JSON is the records' ``to_dict``)."""

from __future__ import annotations

from typing import Any

from citydip.text import plural


def fmt(value: Any) -> str:
    """A value as people read it: thousands separated, 4 significant digits, '–' for none."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:  # a degree of 103.0 reads 103, as 98
            return f"{int(value):,}"
        return f"{value:,.4g}" if abs(value) < 100 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {fmt(v)}" for k, v in value.items()) or "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


def block(rows: list[tuple[str, Any]], title: str | None = None) -> list[str]:
    """Aligned ``key  value`` lines under an optional title."""
    lines = [title] if title else []
    width = max(len(k) for k, _ in rows)
    lines += [f"  {key.ljust(width)}  {fmt(value)}" for key, value in rows]
    return lines


def estimates_lines(estimates: dict[str, str]) -> list[str]:
    """How sampled values were estimated, and how to have them exact."""
    if not estimates:
        return []
    lines = ["Estimated (--exact for exact values, slow on a large graph):"]
    return lines + [f"  {name}: {how}" for name, how in estimates.items()]


def stats_text(data: dict[str, Any]) -> str:
    result = dict(data)
    law = result.pop("power_law")
    estimates = result.pop("estimates", {})
    lines = block([(k, v) for k, v in result.items() if k != "skipped"], "Twinning network")
    if law is None:
        lines.append("  power_law                 – (too few degrees to fit)")
    else:
        lines += block(list(law.items()), "Power-law fit of the degree tail")
    lines += estimates_lines(estimates)
    if result["skipped"]:
        lines.append(f"skipped (--skip-heavy): {', '.join(result['skipped'])}")
    return "\n".join(lines) + "\n"


def city_text(result: dict[str, Any]) -> str:
    c = result["city"]
    rows: list[tuple[str, Any]] = [("partners", result["partners"])]
    rows.append(("by kind", result["degree_by_kind"]))
    for key, value in result["centrality"].items():
        if value is None:
            rows.append((key, "skipped (--skip-heavy)"))
        else:
            rows.append(
                (key, f"{fmt(value['value'])}  (rank {value['rank']:,} of {value['of']:,})")
            )
    lines = block(rows, f"{c['name']} ({c['country'] or '?'}) in the network — {result['filters']}")
    r = result["reach"]
    lines += block(
        [
            ("countries", r["countries"]),
            ("continents", r["continents"]),
            ("by continent", r["by_continent"]),
            ("distance mean km", r["distance_km_mean"]),
            ("distance median km", r["distance_km_median"]),
            ("same continent", r["same_continent_share"]),
            ("country diversity", r["country_diversity"]),
            ("continent diversity", r["continent_diversity"]),
        ],
        "Reach",
    )
    p = result["partner_profile"]
    lines += block(
        [
            ("port cities", f"{fmt(p['port_share'])}  {fmt(p['ports'])}"),
            ("capitals", f"{fmt(p['capital_share'])}  {fmt(p['capitals'])}"),
            ("population", p["population_bands"]),
        ],
        "Partners",
    )
    t = result["time"]
    waves = [f"{w['from']}–{w['to']} ({w['ties']})" for w in t["waves"]]
    first, latest = t["first"], t["latest"]
    lines += block(
        [
            ("dated ties", f"{t['dated']} ({t['undated']} undated)"),
            ("per decade", t["per_decade"]),
            ("waves", waves),
            ("first", f"{first['year']} {first['partner']}" if first else None),
            ("latest", f"{latest['year']} {latest['partner']}" if latest else None),
        ],
        "Time",
    )
    lines += estimates_lines(result.get("estimates") or {})
    return "\n".join(lines) + "\n"


def top_text(rows: list[dict[str, Any]], by: str, title: str) -> str:
    lines = [title]
    for row in rows:
        lines.append(f"  {row['rank']:>5}  {row['name']} ({row['country'] or '?'})  {fmt(row[by])}")
    return "\n".join(lines) + "\n"


def homophily_text(result: dict[str, Any]) -> str:
    lines = [f"Homophily of {result['edges']:,} ties — {result['filters']}"]
    for key in ("port", "capital", "same_country", "same_continent"):
        lines += block(list(result[key].items()), key.replace("_", " "))
    lines += block(list(result["population_assortativity"].items()), "population")
    lines += block(list(result["distance"].items()), "distance of tied pairs against random pairs")
    return "\n".join(lines) + "\n"


def communities_text(result: dict[str, Any]) -> str:
    lines = [
        f"{result['count']:,} communities, modularity {result['modularity']:.3f} "
        f"({result['algorithm']}) — {result['filters']}"
    ]
    for c in result["communities"]:
        countries = plural(c["countries"], "country", "countries")
        lines.append(
            f"  #{c['community']}: {c['size']:,} places, {countries} "
            f"({fmt(c['top_countries'])}); best tied: {', '.join(c['best_tied'])}"
        )
    return "\n".join(lines) + "\n"


def countries_text(result: dict[str, Any]) -> str:
    keys = ("countries", "country_pairs", "international_ties", "domestic_ties")
    lines = block(
        [(k, result[k]) for k in (*keys, "ties_without_country")],
        f"Country network — {result['filters']}",
    )
    lines.append("heaviest pairs:")
    for pair in result["heaviest_pairs"]:
        lines.append(f"  {'–'.join(pair['countries'])}  {pair['ties']:,}")
    lines.append("most tied countries (international ties, partner countries, domestic):")
    for c in result["most_tied_countries"]:
        lines.append(
            f"  {c['country']}  {c['international_ties']:,}  {c['partner_countries']}  "
            f"{c['domestic_ties']:,}"
        )
    return "\n".join(lines) + "\n"
