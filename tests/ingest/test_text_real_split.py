"""The frozen real-text test split (issue 22): texts written by others, in ../shared/texts
(never copied here), scored against the gold committed before any rule was changed. Fails
when precision or recall falls below the figures recorded in benchmarks/gold/real/floors.yaml
(the last recorded run of benchmarks/extraction_real.py). Skips without ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from citydip.ingest.text.score import load_gold, score_files

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT.parent / "shared" / "texts"
REAL = ROOT / "benchmarks" / "gold" / "real"
SCORED = ("tie", "non_tie", "membership", "non_membership", "award", "count", "population")

pytestmark = pytest.mark.skipif(
    not TEXTS.is_dir(), reason="the real texts (../shared/texts) are not on this machine"
)


def test_the_frozen_test_split_keeps_its_recorded_scores(world_db: Path) -> None:
    from citydip.store import open_store

    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    floors = yaml.safe_load((REAL / "floors.yaml").read_text(encoding="utf-8"))["test"]
    assert len(split["test"]) >= 13
    with open_store(world_db) as store:
        result = score_files(
            TEXTS, split["test"], load_gold(REAL / "test-claims.yaml"), store, SCORED
        )
    got = {
        "ties_precision": result.precision("tie"),
        "ties_recall": result.recall("tie"),
        "precision": result.precision(),
        "recall": result.recall(),
    }
    for name, floor in floors.items():
        if name in got:
            assert got[name] >= floor - 1e-9, f"{name} {got[name]:.3f} < recorded {floor}"
    assert not result.denied_as_tie, "a tie the text denies was extracted as a tie"


def test_the_split_covers_every_text_once() -> None:
    split = yaml.safe_load((REAL / "split.yaml").read_text(encoding="utf-8"))
    names = {p.name for p in TEXTS.glob("*.txt")}
    assert set(split["test"]) | set(split["dev"]) == names
    assert not set(split["test"]) & set(split["dev"])
