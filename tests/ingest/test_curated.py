"""Curated data: it loads, it is consistent, and bad entries fail as file:line: field: problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from citydip.errors import DataError
from citydip.ingest.curated import curated_dir, load_curated
from citydip.vocabulary import SOURCE_KINDS


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "curated"
    shutil.copytree(curated_dir(), folder)
    return folder


def test_shipped_data_loads_and_is_sourced() -> None:
    data = load_curated()
    assert len(data.sources) >= 40
    assert all(s.kind in SOURCE_KINDS for s in data.sources)
    assert all(c.source_id for c in data.claims)
    essay = [s for s in data.sources if s.kind == "essay"]
    assert [s.id for s in essay] == ["essay-maturing-city-diplomacy"]
    ids = {e.id for e in data.entities}
    for needed in (
        "odesa",
        "houston",
        "basseterre",
        "batam",
        "cebu-city",
        "san-diego",
        "adb",
        "jgc",
        "chiyoda",
        "undp",
        "c40",
        "iclei",
        "citynet",
        "cnca",
        "mayors-for-peace",
        "uclg",
        "uclg-aspac",
        "sci",
        "apcs",
        "world-cities-summit",
        "goarn",
        "who",
        "new-york-city",
        "california",
        "illinois",
        "y-port",
        "scse",
        "go-smart",
        "songshan-park",
    ):
        assert needed in ids, needed


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_unknown_tie_kind_names_file_line_and_field(data_copy: Path) -> None:
    path = data_copy / "claims-yokohama-ties.yaml"
    _replace(path, "kind: joint-statement", "kind: twin-ish")
    line = _line_of(path, "object: cotonou") - 2
    with pytest.raises(DataError) as info:
        load_curated(data_copy)
    assert str(info.value).startswith(f"curated/claims-yokohama-ties.yaml:{line}: kind: ")
    assert "'twin-ish' is not one of" in str(info.value)


def test_unknown_source_reference(data_copy: Path) -> None:
    path = data_copy / "claims-other.yaml"
    _replace(path, "    - id: reuters-nyc-goarn-2026\n", "    - id: no-such-source\n")
    line = _line_of(path, "- id: no-such-source")  # the source's own entry
    with pytest.raises(DataError, match=rf"claims-other.yaml:{line}: sources: unknown source"):
        load_curated(data_copy)


def test_unknown_entity_and_bad_date(data_copy: Path) -> None:
    path = data_copy / "claims-other.yaml"
    _replace(path, "object: goarn", "object: gaorn")
    with pytest.raises(DataError, match=r"claims-other.yaml:2: object: unknown entity 'gaorn'"):
        load_curated(data_copy)
    _replace(path, "object: gaorn", "object: goarn")
    _replace(path, 'start: "2026-02"', 'start: "Feb 2026"')
    with pytest.raises(DataError, match=r"start: 'Feb 2026' is not a date"):
        load_curated(data_copy)


def test_unknown_field_and_yaml_syntax(data_copy: Path) -> None:
    path = data_copy / "claims-other.yaml"
    _replace(path, "  role: member\n", "  rol: member\n")
    with pytest.raises(DataError, match=r"claims-other.yaml:2: rol: unknown field"):
        load_curated(data_copy)
    path.write_text("- subject: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"claims-other.yaml:\d+: YAML syntax"):
        load_curated(data_copy)


def test_bad_country_code_and_duplicate_id(data_copy: Path) -> None:
    path = data_copy / "entities-places.yaml"
    _replace(path, "  country: KR\n", "  country: Korea\n")
    with pytest.raises(DataError, match=r"country: 'Korea' is not an ISO 3166 alpha-2 code"):
        load_curated(data_copy)
    _replace(path, "  country: Korea\n", "  country: KR\n")
    _replace(path, "- id: lyon\n", "- id: mumbai\n")
    with pytest.raises(DataError, match=r"id: entity 'mumbai' defined twice"):
        load_curated(data_copy)


def test_not_utf8(data_copy: Path) -> None:
    (data_copy / "claims-other.yaml").write_bytes(b"- subject: caf\xe9\n")
    with pytest.raises(DataError, match=r"claims-other.yaml: not UTF-8"):
        load_curated(data_copy)
