"""The one renderer table of every face (datasette's rule): a result's type and a format
name give the text that the CLI prints, the web serves and a file holds, byte for byte.

``FORMATS[type name][format]`` renders a result of ``citydip.api``; ``render(result,
fmt)`` looks it up; ``formats_of(result)`` lists what a result offers (JSON always).
JSON is the records' ``to_dict()`` (``json_data``) written by ``json_text``, which every
face uses, so JSON too is equal byte for byte. Terminal views (Rich tables) are the CLI's
own (``cli/render.py``).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from citydip.csvfile import csv_text

Render = Callable[[Any], str]

# Results whose JSON is one of their lists (what `--format json` and the web's lists give).
JSON_LIST = {"ConflictList": "conflicts", "CitySearch": "hits", "TopPlaces": "rows"}


def json_text(data: Any) -> str:
    """JSON as every face writes it: UTF-8 characters as they are, indented by two, keys in
    the order built, a final newline (``citydip ... --format json`` and the web's JSON
    answers are the same bytes)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_data(result: Any) -> Any:
    """A result as JSON-ready data: a list's records, a listing's rows, else ``to_dict()``."""
    if isinstance(result, list):
        return [r.to_dict() for r in result]
    name = type(result).__name__
    if name in JSON_LIST:
        return [r.to_dict() for r in getattr(result, JSON_LIST[name])]
    return result.to_dict()


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": 1}}`` → ``{"a.b": 1}``; lists of scalars joined by '; ', lists of
    records by their ids, others as JSON."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if all(isinstance(v, str | int | float) for v in value):
                out[name] = "; ".join(str(v) for v in value)
            elif all(isinstance(v, dict) and "id" in v for v in value):
                out[name] = "; ".join(str(v["id"]) for v in value)
            else:
                out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = value
    return out


def records_csv(rows: Sequence[dict[str, Any]]) -> str:
    """Records as CSV, one row each, nested values flattened (the columns of every row,
    in the order first seen)."""
    flat = [flatten(r) for r in rows]
    columns: list[str] = []
    for row in flat:
        columns += [c for c in row if c not in columns]
    return csv_text(columns, ([row.get(c) for c in columns] for row in flat))


def _of(module: str, name: str) -> Render:
    """``citydip.report.<module>.<name>(result.to_dict())``, imported when first used."""

    def render(result: Any) -> str:
        function = getattr(importlib.import_module(f"citydip.report.{module}"), name)
        text = function(result.to_dict())
        assert isinstance(text, str)
        return text

    return render


def _list_csv(result: Any) -> str:
    return records_csv(json_data(result))


def _bibtex(result: Any) -> str:
    from citydip.report.bibliography import to_bibtex

    return to_bibtex([r.source for r in result])


def _csl_json(result: Any) -> str:
    from citydip.report.bibliography import to_csl_json

    return json.dumps(to_csl_json([r.source for r in result]), ensure_ascii=False, indent=2) + "\n"


def _graph(result: Any) -> str:
    """An exported graph's file (``citydip.api.network_export`` with no output path)."""
    if result.text is None:
        raise ValueError("the export was written to files, not returned as text")
    text = result.text
    assert isinstance(text, str)
    return text


FORMATS: dict[str, dict[str, Render]] = {
    "Profile": {"csv": _of("city_files", "ties_csv"), "md": _of("city_files", "city_markdown")},
    "PlacesAudit": {"csv": _of("audit", "audit_csv")},
    "Comparison": {
        "md": _of("comparison", "comparison_markdown"),
        "csv": _of("comparison", "comparison_csv"),
        "html": _of("comparison", "comparison_html"),
    },
    "ConflictList": {
        "csv": _of("conflicts", "conflicts_csv"),
        "md": _of("conflicts", "conflicts_markdown"),
    },
    "CitySearch": {"csv": _of("directory", "cities_csv")},
    "Organization": {
        "csv": _of("directory", "organization_csv"),
        "md": _of("memberships", "organization_markdown"),
        "geojson": _of("memberships", "organization_geojson"),
    },
    "OrganizationList": {"csv": _of("memberships", "organizations_csv")},
    "NetworkOrgs": {"csv": _of("memberships", "network_orgs_csv")},
    "Typology": {"md": _of("partners", "typology_markdown")},
    "Suggestions": {
        "md": _of("partners", "suggestions_markdown"),
        "csv": _of("partners", "suggestions_csv"),
    },
    "SourceRecord": {"csv": _list_csv, "bibtex": _bibtex, "csl-json": _csl_json},
    "TopPlaces": {"csv": _list_csv},
    "ProposedClaim": {"csv": _list_csv},
    "ExportResult": {"graphml": _graph, "gexf": _graph, "geojson": _graph},
    "Homophily": {
        "md": _of("network_files", "homophily_markdown"),
        "csv": _of("network_files", "homophily_csv"),
    },
    "Communities": {
        "md": _of("network_files", "communities_markdown"),
        "csv": _of("network_files", "communities_csv"),
    },
    "CountryNetwork": {
        "md": _of("network_files", "countries_markdown"),
        "csv": _of("network_files", "countries_csv"),
    },
}


def _kind(result: Any, kind: str | None = None) -> str:
    """The table's key for a result: its type's name (a list: its records' type, or
    ``kind`` when it is empty)."""
    if isinstance(result, list):
        return type(result[0]).__name__ if result else (kind or "")
    return type(result).__name__


def formats_of(result: Any, kind: str | None = None) -> list[str]:
    """The formats ``result`` renders to: json, then those of the table."""
    return ["json", *FORMATS.get(_kind(result, kind), {})]


def render(result: Any, fmt: str, kind: str | None = None) -> str:
    """``result`` in the format ``fmt`` (not json: each face writes JSON its own way)."""
    return FORMATS[_kind(result, kind)][fmt](result)
