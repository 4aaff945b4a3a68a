#!/usr/bin/env bash
# Build step (run by a maintainer, not at run time): vendor the world map's base geometry.
#
# Takes Natural Earth's 1:110m Admin-0 countries (public domain) as TopoJSON from the npm
# package world-atlas (ISC licence, Mike Bostock) and copies it, unchanged, into the Python
# package, where src/citydip/report/figures/basemap.py reads it offline. Re-run it to move to
# a new world-atlas release; the NOTICE.md next to the file records the attribution.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${WORLD_ATLAS_VERSION:-2.0.2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm install --prefix "$work" --no-audit --no-fund --silent "world-atlas@${VERSION}"
cp "$work/node_modules/world-atlas/countries-110m.json" src/citydip/data/basemap/countries-110m.json
sha256sum src/citydip/data/basemap/countries-110m.json
echo "vendored world-atlas@${VERSION} countries-110m.json"
