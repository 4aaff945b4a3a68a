"""Many documents at once: ``extract_claims`` mapped over a batch on several processes.

    extract_batch(texts, registry, workers=None) -> [[ExtractedClaim, ...], ...]

``extract_claims(text, registry)`` is a pure function of one document and its context
(the registry of names): no state is shared between documents, so a batch is a map. Here
the map runs on a local process pool; each worker receives the registry once and builds
its spaCy pipeline once. The same function maps over Dask or Spark partitions
(docs/extraction.md). Results come back in the order of ``texts``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from citydip.ingest.text.claims import ExtractedClaim
from citydip.ingest.text.extract import extract_claims
from citydip.ingest.text.registry import Registry

_registry: Registry | None = None


def extract_batch(
    texts: Sequence[str], registry: Registry, workers: int | None = None, chunksize: int = 1
) -> list[list[ExtractedClaim]]:
    """The claims of each text, read on ``workers`` processes (default: one per core)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(texts) <= 1:
        return [extract_claims(text, registry) for text in texts]
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(registry,)) as pool:
        return list(pool.map(_extract, texts, chunksize=chunksize))


def _start(registry: Registry) -> None:
    global _registry
    _registry = registry


def _extract(text: str) -> list[ExtractedClaim]:
    assert _registry is not None, "worker not started"
    return extract_claims(text, _registry)
