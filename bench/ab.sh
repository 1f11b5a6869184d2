#!/usr/bin/env bash
# Two platform jars in turn on copies of one data set: the way to compare them on a machine
# whose speed moves from minute to minute (BENCHMARKS.md, "The time bank keyed by the
# volunteer"). A fresh PostgreSQL data set is generated with the first jar (its schema), the
# stopped cluster's data directory is copied aside, and each run starts the cluster on a fresh
# copy of it, so that a jar that migrates the schema as it starts leaves nothing to the next.
#
#   bench/ab.sh OLD_JAR NEW_JAR [ROUNDS]     # OLD, NEW, OLD, NEW, … ROUNDS times (default 2)
#
# The data set and the load come from the same variables as bench/run.sh (VOLUNTEERS, RECORDS,
# SCENARIOS, CLIENTS, GIFTS, GIFT_PAIRS, …); results go to bench/target/results-ab-<run>/.
# The cluster in bench/target/pg is replaced: move it aside first to keep it.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
OLD="${1:?the first jar}"
NEW="${2:?the second jar}"
ROUNDS="${3:-2}"
TARGET="$BENCH/target"
SNAPSHOT="$TARGET/ab-snapshot"
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

log "a fresh data set with $OLD"
FRESH_PG=1 RESULTS="$TARGET/results-ab-load" PLATFORM_JAR="$OLD" "$BENCH/run.sh" pg-up pg-load
"$BENCH/run.sh" pg-down
rm -rf "$SNAPSHOT" && cp -a "$TARGET/pg/data" "$SNAPSHOT"
for round in $(seq 1 "$ROUNDS"); do
  for side in old new; do
    jar="$OLD"; [ "$side" = new ] && jar="$NEW"
    name="$side$round"
    rm -rf "$TARGET/pg/data" && cp -a "$SNAPSHOT" "$TARGET/pg/data"
    "$BENCH/run.sh" pg-up >/dev/null
    mkdir -p "$TARGET/results-ab-$name"
    cp "$TARGET/results-ab-load/fixtures.json" "$TARGET/results-ab-$name/"
    log "$name: $jar (load $(cut -d' ' -f1-3 /proc/loadavg))"
    RESULTS="$TARGET/results-ab-$name" PLATFORM_JAR="$jar" "$BENCH/run.sh" platform-up drive platform-down
    "$BENCH/run.sh" pg-down >/dev/null
  done
done
rm -rf "$SNAPSHOT"
log "done: bench/target/results-ab-*/http.json"
