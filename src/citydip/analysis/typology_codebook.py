"""The typology codebook: axes, label thresholds and the rules that map evidence to axes.

The shipped codebook is ``citydip/data/typology-codebook.yaml``; a user may pass their own
(same format, docs/typology.md). Loading validates everything and reports the first problem
as ``file:line: key: problem`` (a DataError): an unknown axis, evidence kind, mechanism,
theme, activity or tie pattern, a weight that is not a number in (0, 10], a rule id given
twice, a missing key, a key it does not know.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from citydip.errors import DataError
from citydip.ingest.yamlfile import LINE, load_yaml
from citydip.vocabulary import MECHANISMS, MEMBERSHIP_ROLES, THEMES

EVIDENCE_KINDS = ("mechanism", "theme", "activity", "membership", "tie-pattern")
ACTIVITIES = (
    "runs_programme",
    "project",
    "aid_to",
    "agreement_with",
    "soft_power_asset",
    "hosts_event",
    "attends_event",
    "signed",
    "award_received",
    "overseas_office",
    "aim",
    "strategy",
    "has_bureau",
    "objective",
)
TIE_PATTERNS = (
    "ties",
    "stated-count",
    "continents",
    "capitals-share",
    "ports-share",
    "friendship-share",
    "recent",
)
AXIS_KINDS = ("model", "theme")
MAX_WEIGHT = 10.0
RULE_KEYS = {"id", "evidence", "match", "axis", "weight", "roles", "min", "years", "max_items"}
DEFAULT_MAX_ITEMS = 5


@dataclass(frozen=True)
class Axis:
    key: str
    kind: str
    label: str
    description: str


@dataclass(frozen=True)
class Rule:
    id: str
    evidence: str
    match: str
    axis: str
    weight: float
    line: int
    roles: tuple[str, ...] = ()
    minimum: float | None = None
    years: int = 10
    max_items: int = DEFAULT_MAX_ITEMS


@dataclass(frozen=True)
class Codebook:
    path: str
    axes: dict[str, Axis]
    rules: list[Rule]
    margin: float
    min_score: float
    theme_min: float
    confidence: dict[str, tuple[int, int]] = field(default_factory=dict)  # level → items, sources

    @property
    def models(self) -> list[str]:
        return [k for k, a in self.axes.items() if a.kind == "model"]


def shipped_codebook_path() -> Path:
    return Path(str(files("citydip") / "data" / "typology-codebook.yaml"))


def load_codebook(path: Path | None = None) -> Codebook:
    """The codebook at ``path`` (default: the shipped one), validated."""
    if path is None:
        return _shipped()
    if not path.is_file():
        raise DataError(str(path), None, None, "no such codebook file")
    return parse_codebook(load_yaml(path), str(path))


@cache
def _shipped() -> Codebook:
    path = shipped_codebook_path()
    return parse_codebook(load_yaml(path, "typology-codebook.yaml"), "typology-codebook.yaml")


def parse_codebook(data: Any, name: str) -> Codebook:
    top = _mapping(data, name, 1, "codebook")
    line = top.get(LINE, 1)
    _keys(top, name, {"version", "axes", "label", "confidence", "rules"}, "codebook")
    if top.get("version") != 1:
        raise DataError(name, line, "version", f"{top.get('version')!r} is not 1")
    axes = _axes(_mapping(top.get("axes"), name, line, "axes"), name)
    if len([a for a in axes.values() if a.kind == "model"]) != 2:
        raise DataError(name, line, "axes", "give exactly two axes of kind model")
    label = _mapping(top.get("label"), name, line, "label")
    conf = _mapping(top.get("confidence"), name, line, "confidence")
    rules_data = top.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise DataError(name, line, "rules", "give a list of rules")
    rules: list[Rule] = []
    for item in rules_data:
        rule = _rule(_mapping(item, name, line, "rules"), name, axes)
        if any(r.id == rule.id for r in rules):
            raise DataError(name, rule.line, "id", f"rule {rule.id!r} given twice")
        rules.append(rule)
    confidence = {}
    for level in ("high", "medium"):
        entry = _mapping(conf.get(level), name, conf.get(LINE, line), f"confidence.{level}")
        _keys(entry, name, {"min_items", "min_sources"}, f"confidence.{level}")
        confidence[level] = (
            int(_number(entry, "min_items", name, low=0)),
            int(_number(entry, "min_sources", name, low=0)),
        )
    _keys(label, name, {"margin", "min_score", "theme_min"}, "label")
    return Codebook(
        name,
        axes,
        rules,
        _number(label, "margin", name, low=1.0),
        _number(label, "min_score", name, low=0.0),
        _number(label, "theme_min", name, low=0.0),
        confidence,
    )


def _axes(data: dict[str, Any], name: str) -> dict[str, Axis]:
    out = {}
    for key, value in data.items():
        if key == LINE:
            continue
        entry = _mapping(value, name, data[LINE], f"axes.{key}")
        _keys(entry, name, {"kind", "label", "description"}, f"axes.{key}")
        kind = entry.get("kind")
        if kind not in AXIS_KINDS:
            raise DataError(
                name, entry[LINE], f"axes.{key}.kind", f"{kind!r} is not model or theme"
            )
        out[str(key)] = Axis(
            str(key), kind, str(entry.get("label", key)), str(entry.get("description", ""))
        )
    return out


def _rule(entry: dict[str, Any], name: str, axes: dict[str, Axis]) -> Rule:
    line = int(entry[LINE])
    _keys(entry, name, RULE_KEYS, "rule")
    for key in ("id", "evidence", "match", "axis", "weight"):
        if key not in entry:
            raise DataError(name, line, key, "missing")
    rule_id, evidence, match, axis = (
        str(entry["id"]),
        entry["evidence"],
        str(entry["match"]),
        entry["axis"],
    )
    if axis not in axes:
        raise DataError(
            name, line, "axis", f"unknown axis {axis!r} (the axes are {', '.join(axes)})"
        )
    if evidence not in EVIDENCE_KINDS:
        raise DataError(
            name, line, "evidence", f"{evidence!r} is not one of {', '.join(EVIDENCE_KINDS)}"
        )
    allowed = {
        "mechanism": tuple(MECHANISMS),
        "theme": THEMES,
        "activity": ACTIVITIES,
        "tie-pattern": TIE_PATTERNS,
    }.get(evidence)
    if allowed is not None and match not in allowed:
        raise DataError(
            name, line, "match", f"{match!r} is not a {evidence} ({', '.join(allowed)})"
        )
    roles = entry.get("roles") or []
    if not isinstance(roles, list) or any(r not in MEMBERSHIP_ROLES for r in roles):
        raise DataError(name, line, "roles", f"{roles!r}: give a list of membership roles")
    minimum = _number(entry, "min", name, low=0.0) if "min" in entry else None
    if evidence == "tie-pattern" and minimum is None:
        raise DataError(name, line, "min", "a tie pattern needs a minimum")
    return Rule(
        rule_id,
        evidence,
        match,
        axis,
        _number(entry, "weight", name, low=0.0, high=MAX_WEIGHT, open_low=True),
        line,
        tuple(roles),
        minimum,
        int(_number(entry, "years", name, low=1)) if "years" in entry else 10,
        int(_number(entry, "max_items", name, low=1))
        if "max_items" in entry
        else DEFAULT_MAX_ITEMS,
    )


def _number(
    entry: dict[str, Any],
    key: str,
    name: str,
    low: float,
    high: float | None = None,
    open_low: bool = False,
) -> float:
    line = entry.get(LINE)
    if key not in entry:
        raise DataError(name, line, key, "missing")
    value = entry[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DataError(name, line, key, f"{value!r} is not a number")
    if value < low or (open_low and value == low) or (high is not None and value > high):
        bounds = f"{'over' if open_low else 'at least'} {low:g}" + (
            f" and at most {high:g}" if high is not None else ""
        )
        raise DataError(name, line, key, f"{value!r}: give a number {bounds}")
    return float(value)


def _mapping(value: Any, name: str, line: int, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DataError(name, line, key, "give a mapping")
    return value


def _keys(entry: dict[str, Any], name: str, allowed: set[str], where: str) -> None:
    for key in entry:
        if key != LINE and key not in allowed:
            raise DataError(name, entry.get(LINE), f"{where}.{key}", "unknown key")
