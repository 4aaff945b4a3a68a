"""The sister-cities cell of `compare`: the headline count and how it was reached, the ties
listed, their geography, and the ties only datasets list (docs/compare.md)."""

from __future__ import annotations

from typing import Any

from citydip.analysis.compare_cells import Cell, plural
from citydip.analysis.compare_cells import join_words as _join
from citydip.analysis.geography import continents
from citydip.analysis.profile import CityProfile
from citydip.analysis.tie_counts import tie_count


def sister_cities(p: CityProfile, others: list[CityProfile]) -> Cell:
    kinds = ("sister", "friendship")
    ties = p.active_ties(kinds)
    ids = [s for t in ties for s in t.source_ids]
    parts = []
    count = tie_count(p, "sister+friendship") or tie_count(p, "sister")
    if count is not None:
        parts.append(_headline(p, count))
        ids += count.source_ids + [c.source_id for st in p.counts for c in st.claims]
    if ties:
        countries = sorted({c for t in ties if (c := p.partner(t).country)})
        ports = [t for t in ties if p.partner(t).port]
        capitals = [t for t in ties if p.partner(t).capital]
        n_continents = len(continents(countries))
        parts.append(
            f"{plural(len(ties), 'sister/friendship tie')} listed, in "
            f"{plural(len(countries), 'country', 'countries')} on "
            f"{plural(n_continents, 'continent')}"
        )
        if ports and len(ports) * 2 >= len(ties):
            parts.append(_share(len(ports), len(ties), "a port city", "port cities"))
        if capitals and len(capitals) * 3 >= len(ties):
            parts.append(
                _share(len(capitals), len(ties), "a national capital", "national capitals")
            )
    unspecified = [t for t in p.ties if t.kind == "unspecified"]
    confused = [t for t in unspecified if t.likely_confusion]
    if unspecified:
        noun = "more tie" if parts else "tie"
        text = f"{plural(len(unspecified), noun)} listed by datasets only, kind and status unknown"
        reach = sorted(
            {c for t in unspecified if not t.likely_confusion and (c := p.partner(t).country)}
        )
        if reach and not ties:
            regions = continents(reach)
            text += (
                f", with partners in {plural(len(reach), 'country', 'countries')} on "
                f"{plural(len(regions), 'continent')} ({_join(regions)})"
            )
        ids += [s for t in unspecified for s in t.source_ids]
        if confused:
            names = _join([p.partner(t).name for t in confused])
            text += f" ({len(confused)} of them likely confusions: {names})"
        parts.append(text)
    first, latest = p.first_and_latest(kinds)
    if first and latest and first is not latest:
        parts.append(
            f"first {p.partner(first).name} ({first.year}), "
            f"latest {p.partner(latest).name} ({latest.year})"
        )
    if not parts:
        return Cell("No sister or friendship cities recorded.", [])
    return Cell("; ".join(parts) + ".", sorted(set(ids)))


def _share(k: int, n: int, one: str, many: str) -> str:
    """'7 of 8 partners are port cities', '1 of 13 partners is a national capital'."""
    what = f"is {one}" if k == 1 else f"are {many}"
    return f"{k} of {plural(n, 'partner')} {what}"


def _headline(p: CityProfile, count: Any) -> str:
    """'51 sister cities: 49 per X (2019-04-29) plus Prague (2020) and ... signed since'."""
    base = count.base.first
    metric = count.metric.replace("+", "/")
    source = p.sources.by_id.get(base.source_id)
    publisher = source.publisher if source and source.publisher else base.source_id
    stated = f"{base.value} per {publisher} ({count.as_of or 'undated'})"
    if count.added:
        names = _join([f"{p.partner(t).name} ({t.year})" for t in count.added])
        head = f"{count.value} {metric} cities: {stated} plus {names} signed since"
    else:
        head = f"{base.value} {metric} cities per {publisher} ({count.as_of or 'undated'})"
    if len(count.other_values) > 1:
        head += f"; sources state {_join(count.other_values)}"
    return head
