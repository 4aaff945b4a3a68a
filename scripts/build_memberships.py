"""Derive src/citydip/data/networks/memberships.json from the city-network lists.

    python scripts/build_memberships.py [--data ../shared/data] [--out FILE] [--world FILE]

The raw lists stay where they are (they are not part of the package); this script resolves
every member once, with the gazetteer (and the world dataset's QIDs of GeoNames places), and
writes the compact result (attribution: src/citydip/data/networks/NOTICE.md; how:
citydip.ingest.networks_build).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    from citydip.errors import CitydipError
    from citydip.ingest.networks_build import NetworkInputs, build_networks

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "src" / "citydip" / "data" / "networks" / "memberships.json",
    )
    parser.add_argument("--world", type=Path, default=None, help="The world dataset (QIDs).")
    args = parser.parse_args()
    started = time.perf_counter()
    try:
        data = build_networks(
            NetworkInputs.in_folder(args.data),
            args.out,
            args.world,
            say=lambda text: print(text, file=sys.stderr),
        )
    except CitydipError as exc:
        print(exc, file=sys.stderr)
        return 1
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e3:.0f} kB) in {time.perf_counter() - started:.1f} s")
    print(f"  {len(data['places']['rows'])} places, {len(data['claims']['rows'])} claims")
    for item in data["inputs"]:
        print(f"  from {item['file']} ({item['lines']} lines, sha1 {item['sha1'][:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
