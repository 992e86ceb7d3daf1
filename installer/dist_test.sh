#!/bin/sh
# Smoke test of the bundle in a fresh data folder: version, the window's start, a contract.
set -eu
BUNDLE=${1:-dist/zorgkoppel/zorgkoppel}
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
export ZORGKOPPEL_DATA_DIR="$DATA/data" QT_QPA_PLATFORM=offscreen
"$BUNDLE" --version
"$BUNDLE" --lang nl demo
timeout 120 "$BUNDLE" gui --exit-after-start
"$BUNDLE" --lang nl contract --all -o "$DATA/contracts"
pdffonts "$(ls "$DATA"/contracts/*.pdf | head -n 1)" | grep -q "DejaVuSans .* yes yes"
du -sh "$(dirname "$BUNDLE")"
echo "bundle ok"
