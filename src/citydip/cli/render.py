"""The one table that maps (view, format) to a renderer; commands only choose the key.

A renderer takes the API's result (a record or a list of records) and writes it to
stdout. Every format but the terminal's ``table`` comes from the one renderer table of
``citydip.report.formats``, which the web serves too: the same bytes, JSON included
(``formats.json_text``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

Renderer = Callable[[Any], None]


def emit_json(data: Any) -> None:
    """Print JSON as every face writes it (``report.formats.json_text``)."""
    from citydip.report.formats import json_text

    sys.stdout.write(json_text(data))


def _json(result: Any) -> None:
    from citydip.report.formats import json_data

    emit_json(json_data(result))


def _shared(fmt: str, kind: str | None = None) -> Renderer:
    """The one renderer table's text (``report/formats.py``): what the web serves too."""

    def render(result: Any) -> None:
        from citydip.report.formats import render as rendered

        sys.stdout.write(rendered(result, fmt, kind))

    return render


def _rich(view: Callable[[Any], Any]) -> Renderer:
    def render(data: Any) -> None:
        from citydip.cli.terminal import console

        console().print(view(data))

    return render


def more(shown: int, total: int, noun: str, *, table: bool = True) -> None:
    """The line under a cut listing: how many more rows there are and how to list them
    (on stdout under a table; on stderr for JSON and CSV, which stay machine-readable)."""
    if shown >= total:
        return
    line = f"… {total - shown:,} more {noun}; --limit 0 lists every one, --limit N the first N\n"
    (sys.stdout if table else sys.stderr).write(line)


def paged(renderable: Any) -> None:
    """Print a long listing; on a terminal through a pager that quits when one screen holds
    it all (as git does: less keeps the colours, -R, and quits at once, -F)."""
    import os

    from citydip.cli.terminal import console

    out = console()
    if out.is_terminal:
        os.environ.setdefault("LESS", "-FRX")
        with out.pager(styles=True):
            out.print(renderable)
    else:
        out.print(renderable)


def _top_table(result: Any) -> None:
    from rich.text import Text

    from citydip.report.network_text import top_text

    rows = [r.to_dict() for r in result.rows]
    title = f"Top {len(rows)} by {result.by} of {result.places:,} places — {result.filters}"
    text = top_text(rows, result.by, title)
    if result.estimate:
        text += f"{result.estimate}; --exact for exact values\n"
    paged(Text(text.rstrip("\n")))
    more(len(rows), result.places, "places")


def _profile_table(result: Any) -> None:
    from citydip.report.views import profile_view

    _rich(profile_view)(result.to_dict())


def _place_table(result: Any) -> None:
    from citydip.report.place import place_view

    _rich(place_view)(result.to_dict())


def _conflicts_table(result: Any) -> None:
    """Most severe first; on a terminal through a pager that quits when one screen holds it."""
    from citydip.report.conflicts import conflicts_text

    data = result.to_dict()
    hint = "; list them with --kind unconfirmed" if data["not_counted"].get("unconfirmed") else ""
    paged(conflicts_text(data, hint))
    more(len(data["conflicts"]), data["total"], "conflicts")


def _listing(view: Callable[[Any], None], rows: str, total: str, noun: str) -> Renderer:
    """A machine format (JSON, CSV) of a cut listing, then the 'N more' line on stderr."""

    def render(result: Any) -> None:
        view(result)
        more(len(getattr(result, rows)), getattr(result, total), noun, table=False)

    return render


def _cities_table(result: Any) -> None:
    from citydip.report.directory import cities_table

    paged(cities_table(result.to_dict()))
    more(len(result.hits), result.total, "places")


def _report(module: str, name: str, *, rich: bool = False) -> Renderer:
    """``citydip.report.<module>.<name>(result.to_dict())``, written or printed."""

    def render(result: Any) -> None:
        import importlib

        out = getattr(importlib.import_module(f"citydip.report.{module}"), name)(result.to_dict())
        if rich:
            from citydip.cli.terminal import console

            console().print(out)
        else:
            sys.stdout.write(out)

    return render


def _sources_table(result: Any) -> None:
    from citydip.report.views import sources_view

    _rich(sources_view)([s.source.cite() for s in result])


def _comparison(name: str) -> Renderer:
    def render(result: Any) -> None:
        from citydip.report import comparison

        out = getattr(comparison, name)(result.to_dict())
        if isinstance(out, str):
            sys.stdout.write(out)
        else:
            from citydip.cli.terminal import console

            console().print(out)

    return render


def _network(name: str) -> Renderer:
    def render(result: Any) -> None:
        from citydip.report import network_text

        sys.stdout.write(getattr(network_text, name)(result.to_dict()))

    return render


def _document(name: str, *, records: bool = False) -> Renderer:
    def render(result: Any) -> None:
        from citydip.report import document_text

        data = result if records else result.to_dict()
        sys.stdout.write(getattr(document_text, name)(data))

    return render


def _export_table(result: Any) -> None:
    """The files written, or (no output path: ``-``) the one file's text, and what it
    holds on stderr."""
    if result.text is not None:
        _to_out("-", result.text)
        sys.stderr.write(f"{result.nodes:,} places, {result.edges:,} ties → stdout\n")
        return
    files = ", ".join(map(str, result.files))
    sys.stdout.write(f"{result.nodes:,} places, {result.edges:,} ties → {files}\n")


def _to_out(out: str, data: str | bytes, inputs: tuple[str, ...] = ()) -> None:
    """``data`` written to the file ``out`` (atomically) or, for ``-``, to stdout."""
    from pathlib import Path

    from citydip.files import write_output

    write_output(Path(out), data, tuple(Path(i) for i in inputs))


def _report_html(result: Any) -> None:
    """A briefing as one self-contained HTML file, at ``result.out``."""
    from citydip.report.briefing import render_html

    _to_out(result.out, render_html(result.briefing))
    if result.out != "-":
        sys.stderr.write(f"wrote {result.out}\n")


def _report_pdf(result: Any) -> None:
    """A briefing as PDF at ``result.out``; what the PDF lacks (fonts) warned on stderr."""
    from citydip.report.briefing import render_html
    from citydip.report.pdf import html_to_pdf, pdf_warnings

    html = render_html(result.briefing)
    pdf = html_to_pdf(html)
    for line in pdf_warnings(html):
        sys.stderr.write(f"warning: {line}\n")
    _to_out(result.out, pdf)
    if result.out != "-":
        sys.stderr.write(f"wrote {result.out}\n")


def _rebuilt(path: Any) -> None:
    sys.stdout.write(f"rebuilt {path}\n")


def _review_table(result: Any) -> None:
    sys.stdout.write(f"{result.state} {result.changed} claims\n")


def _resolution_table(result: Any) -> None:
    from citydip.report.document_text import resolution_text

    sys.stdout.write(resolution_text(result))


def _batch_csv(result: Any) -> None:
    _resolved_batch(result, result.csv)


def _batch_json(result: Any) -> None:
    from citydip.report.formats import json_text

    _resolved_batch(result, json_text(result.results))


def _resolved_batch(result: Any, text: str) -> None:
    """A resolved batch written to its ``out`` (or stdout), the counts on stderr."""
    out = "-" if result.out is None else str(result.out)
    _to_out(out, text)
    summary = ", ".join(f"{count} {status}" for status, count in result.counts.items())
    where = f" -> {out}" if out != "-" else ""
    sys.stderr.write(f"{result.rows} rows: {summary}{where}\n")


def _resolved(one: Renderer, batch: Renderer) -> Renderer:
    """``resolve``: one place (``one``) or a batch of names (``batch``: the table is CSV)."""

    def render(result: Any) -> None:
        from citydip.api.records import ResolvedBatch

        (batch if isinstance(result, ResolvedBatch) else one)(result)

    return render


RENDERERS: dict[tuple[str, str], Renderer] = {
    ("city", "table"): _profile_table,
    ("city", "json"): _json,
    ("city", "csv"): _shared("csv"),
    ("city", "md"): _shared("md"),
    ("place", "table"): _place_table,
    ("place", "json"): _json,
    ("places audit", "table"): _report("audit", "audit_text"),
    ("places audit", "json"): _json,
    ("places audit", "csv"): _shared("csv"),
    ("compare", "table"): _comparison("comparison_table"),
    ("compare", "md"): _shared("md"),
    ("compare", "csv"): _shared("csv"),
    ("compare", "html"): _shared("html"),
    ("compare", "json"): _json,
    ("conflicts", "table"): _conflicts_table,
    ("conflicts", "json"): _listing(_json, "conflicts", "total", "conflicts"),
    ("conflicts", "csv"): _listing(_shared("csv"), "conflicts", "total", "conflicts"),
    ("conflicts", "md"): _listing(_shared("md"), "conflicts", "total", "conflicts"),
    ("cities", "table"): _cities_table,
    ("cities", "json"): _listing(_json, "hits", "total", "places"),
    ("cities", "csv"): _listing(_shared("csv"), "hits", "total", "places"),
    ("org", "table"): _report("directory", "organization_table", rich=True),
    ("org", "json"): _json,
    ("org", "csv"): _shared("csv"),
    ("org", "md"): _shared("md"),
    ("org", "geojson"): _shared("geojson"),
    ("orgs", "table"): _report("memberships", "organizations_table", rich=True),
    ("orgs", "json"): _json,
    ("orgs", "csv"): _shared("csv"),
    ("network orgs", "table"): _report("memberships", "network_orgs_text"),
    ("network orgs", "json"): _json,
    ("network orgs", "csv"): _shared("csv"),
    ("sources", "table"): _sources_table,
    ("sources", "json"): _json,
    ("sources", "csv"): _shared("csv", "SourceRecord"),
    ("sources", "bibtex"): _shared("bibtex", "SourceRecord"),
    ("sources", "csl-json"): _shared("csl-json", "SourceRecord"),
    ("network stats", "table"): _network("stats_text"),
    ("network stats", "json"): _json,
    ("network city", "table"): _network("city_text"),
    ("network city", "json"): _json,
    ("network top", "table"): _top_table,
    ("network top", "json"): _listing(_json, "rows", "places", "places"),
    ("network top", "csv"): _listing(_shared("csv"), "rows", "places", "places"),
    ("network homophily", "table"): _network("homophily_text"),
    ("network homophily", "json"): _json,
    ("network homophily", "md"): _shared("md"),
    ("network homophily", "csv"): _shared("csv"),
    ("network communities", "table"): _network("communities_text"),
    ("network communities", "json"): _json,
    ("network communities", "md"): _shared("md"),
    ("network communities", "csv"): _shared("csv"),
    ("network countries", "table"): _network("countries_text"),
    ("network countries", "json"): _json,
    ("network countries", "md"): _shared("md"),
    ("network countries", "csv"): _shared("csv"),
    ("network export", "table"): _export_table,
    ("report", "html"): _report_html,
    ("report", "pdf"): _report_pdf,
    ("import", "table"): _document("import_text"),
    ("import", "json"): _json,
    ("update wikidata", "table"): _document("update_text", records=True),
    ("update wikidata", "json"): _json,
    ("data status", "table"): _document("gazetteer_status_text", records=True),
    ("data status", "json"): _json,
    ("resolve", "table"): _resolved(_resolution_table, _batch_csv),
    ("resolve", "json"): _resolved(_json, _batch_json),
    ("extract", "table"): _document("extraction_text"),
    ("extract", "json"): _json,
    ("check", "table"): _document("check_text"),
    ("check", "json"): _json,
    ("review list", "table"): _document("proposed_text", records=True),
    ("review list", "json"): _json,
    ("review list", "csv"): _shared("csv", "ProposedClaim"),
    ("review", "table"): _review_table,
    ("rebuild", "table"): _rebuilt,
    ("typology", "table"): _report("partners", "typology_text"),
    ("typology", "md"): _shared("md"),
    ("typology", "json"): _json,
    ("recommend", "table"): _report("partners", "suggestions_text"),
    ("recommend", "md"): _shared("md"),
    ("recommend", "csv"): _shared("csv"),
    ("recommend", "json"): _json,
    ("recommend evaluate", "table"): _report("partners", "evaluation_text"),
    ("recommend evaluate", "json"): _json,
}


def offered(view: str, fmt: str) -> None:
    """Refuse, before any work, a format the command ``view`` has no renderer for
    (``InvalidInput`` naming ``format`` and the formats it has, as the web answers 400)."""
    if (view, fmt) not in RENDERERS:
        from citydip.errors import InvalidInput

        formats = ", ".join(f for v, f in RENDERERS if v == view)
        problem = f"{fmt} is not one of the formats of {view!r}: {formats}"
        raise InvalidInput(problem, field="format")


def render(view: str, fmt: str, result: Any) -> None:
    """Write ``result`` of the command ``view`` in the format ``fmt``."""
    offered(view, fmt)
    RENDERERS[(view, fmt)](result)
