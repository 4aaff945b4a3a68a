"""Development loop: score the dev set (and the essay and held-out texts) and list every
miss and false positive. Never touches the frozen test set.

Run:  .venv/bin/python benchmarks/extraction_dev.py [--all-types]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extraction import (  # noqa: E402
    DEV,
    DEV_GOLD,
    ESSAY,
    GOLD,
    HELDOUT,
    HELDOUT_GOLD,
    SCORED,
    _table,
    _ties,
)


def main() -> int:
    from citydip.ingest.text.extract import extract_file
    from citydip.ingest.text.score import load_gold, score, score_documents
    from citydip.stores import build_store

    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp) / "dev.db")
        essay = score(extract_file(ESSAY, store).claims, load_gold(GOLD))
        heldout = score_documents(HELDOUT, load_gold(HELDOUT_GOLD), store)
        dev = score_documents(DEV, load_gold(DEV_GOLD), store, SCORED)
        store.close()
    for name, result in (("essay", essay), ("held-out", heldout)):
        print(f"{name}: P {result.precision():.3f} R {result.recall():.3f}")
        for c in result.wrong:
            print("  wrong:", c.type, c.subject.name, "->", c.object.name if c.object else c.value)
        for g in result.missed:
            print("  missed:", g.type, g.subject, g.objects or g.value, "|", g.locator)
    print("\n".join(_table(dev)))
    print("\n".join(_ties(dev)))
    for claim, gold in dev.status_wrong:
        print(
            "  status:",
            claim.subject.name,
            claim.object and claim.object.name,
            claim.status,
            "gold",
            gold.status,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
