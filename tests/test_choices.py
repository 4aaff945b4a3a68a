"""Every API option that takes one of a fixed set of words is checked at the boundary: a
wrong word is ``InvalidInput`` naming the field and the allowed values, a usage error on
the CLI (exit 2, the flag named). The words are written once (``citydip.vocabulary``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citydip import api, vocabulary
from citydip.errors import InvalidInput
from citydip.store.database import Store

CALLS: list[tuple[str, Callable[[Store, Path], object], tuple[str, ...]]] = [
    ("sort", lambda s, _: api.search_cities(s, sort="size"), vocabulary.CITY_SORTS),  # type: ignore[arg-type]
    ("by", lambda s, _: api.network_top(s, by="closeness"), vocabulary.CENTRALITIES),  # type: ignore[arg-type]
    (
        "format",
        lambda s, tmp: api.network_export(s, "dot", tmp / "g.dot"),  # type: ignore[arg-type]
        vocabulary.EXPORT_FORMATS,
    ),
    ("state", lambda s, _: api.review(s, "maybe", ids=[1]), vocabulary.REVIEW_DECISIONS),  # type: ignore[arg-type]
    (
        "kind",
        lambda s, _: api.recommend_partners(s, "Yokohama", kind="twin"),  # type: ignore[arg-type]
        vocabulary.SUGGEST_KINDS,
    ),
    (
        "source_kind",
        lambda s, tmp: api.import_table(s, tmp / "t.csv", source_kind="blog"),  # type: ignore[arg-type]
        vocabulary.SOURCE_KINDS,
    ),
    (
        "source_kind",
        lambda s, tmp: api.import_memberships(s, tmp / "m.csv", source_kind="blog"),  # type: ignore[arg-type]
        vocabulary.SOURCE_KINDS,
    ),
    ("ids", lambda s, tmp: api.import_edges(s, tmp / "e.tsv", ids="osm"), vocabulary.EDGE_IDS),  # type: ignore[arg-type]
    ("kind", lambda s, _: api.network_filter(kinds=["twin"]), vocabulary.TIE_KINDS),  # type: ignore[list-item]
    ("status", lambda s, _: api.network_filter(statuses=["dead"]), vocabulary.TIE_STATUSES),  # type: ignore[list-item]
    ("level", lambda s, _: api.network_filter(levels=["planet"]), vocabulary.PLACE_LEVELS),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("field", "call", "allowed"), CALLS, ids=[c[0] for c in CALLS])
def test_a_wrong_choice_names_the_field_and_the_allowed_values(
    store: Store, tmp_path: Path, field: str, call: Any, allowed: tuple[str, ...]
) -> None:
    revision = store.revision
    with pytest.raises(InvalidInput) as caught:
        call(store, tmp_path)
    assert caught.value.field == field
    assert ", ".join(allowed) in str(caught.value)
    assert store.revision == revision  # refused before anything was written


def test_a_right_choice_passes_as_its_plain_string(store: Store) -> None:
    by_name = api.search_cities(store, "yoko", sort="name")
    assert [c.name for c in by_name][:1] == ["Yokohama"]
    assert api.network_filter(kinds=["sister"], levels=["city"]).kinds == {"sister"}


def test_each_choice_is_written_once_as_a_literal() -> None:
    from typing import get_args

    assert get_args(vocabulary.Centrality) == vocabulary.CENTRALITIES
    assert get_args(vocabulary.TieKind) == vocabulary.TIE_KINDS
    assert set(vocabulary.SUGGEST_KINDS) <= set(vocabulary.TIE_KINDS)
    assert set(vocabulary.REVIEW_DECISIONS) <= set(vocabulary.REVIEW_STATES)
    from citydip.analysis.network.city import CENTRALITIES

    assert CENTRALITIES is vocabulary.CENTRALITIES


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["cities", "--sort", "size"], "--sort"),
        (["network", "top", "--by", "closeness"], "--by"),
        (["network", "export", "dot", "-"], "dot"),
        (["recommend", "Yokohama", "--kind", "twin"], "--kind"),
        (["network", "stats", "--kind", "twin"], "--kind"),
        (["conflicts", "--min-severity", "severe"], "--min-severity"),
    ],
)
def test_a_wrong_choice_on_the_cli_is_a_usage_error(cli: Any, args: list[str], flag: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.stderr
    assert flag in result.stderr and not result.stdout
