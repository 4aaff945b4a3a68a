"""A batch of documents read on several processes gives what one process gives."""

from __future__ import annotations

from pathlib import Path

from citydip.ingest.text.batch import extract_batch
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry

ROOT = Path(__file__).resolve().parents[2]


def test_a_batch_on_two_processes_matches_one_process(curated_db: Path) -> None:
    from citydip.store import open_store

    with open_store(curated_db) as store:
        registry = Registry.from_store(store)
    folder = ROOT / "benchmarks" / "gold" / "heldout"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    parallel = extract_batch(texts, registry, workers=2)
    serial = [extract_claims(text, registry) for text in texts]
    assert [[c.to_dict() for c in claims] for claims in parallel] == [
        [c.to_dict() for c in claims] for claims in serial
    ]
    assert all(parallel)  # every text has claims
