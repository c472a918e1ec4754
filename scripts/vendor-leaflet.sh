#!/usr/bin/env bash
# Copies Leaflet's browser build from npm into the package's static folder, so the installed
# package serves it itself (no CDN, no npm at run time).  Run it only to upgrade Leaflet;
# the copied files are committed.  Leaflet is BSD-2-Clause: its LICENSE travels with it.
set -euo pipefail
VERSION="${1:-1.9.4}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/src/wirecheck/web/static/leaflet"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "leaflet@$VERSION" >/dev/null && tar xzf leaflet-*.tgz)
rm -rf "$DEST"
mkdir -p "$DEST/images"
cp "$WORK/package/dist/leaflet.js" "$WORK/package/dist/leaflet.css" "$DEST/"
cp "$WORK/package/dist/images/"*.png "$DEST/images/"
cp "$WORK/package/LICENSE" "$DEST/LICENSE"
echo "leaflet $VERSION" > "$DEST/VERSION"
echo "vendored leaflet $VERSION into $DEST"
