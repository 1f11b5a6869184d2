#!/usr/bin/env bash
# Zhiyuan benchmarks: data generation, HTTP scenarios S1-S7, pgbench ceilings, cold starts.
# See bench/README.md. Usage: bench/run.sh [step ...]   (no step: all)
# Steps: build machine coldstart-h2 (= starts, then the H2 data set) pg-up pg-load platform-up drive platform-down pgbench pgbench-tpcb report
# pg-down
# Also: h2-load h2-drive h2-ceiling (the H2 data set, the scenarios on it and the same transaction
# straight on H2), pg-generate (pg-load's data set alone), pg-stats (the rollups again), h2-stats,
# h2-compact, citus-up citus-down (a Citus coordinator and workers on PG_PORT and after it: the
# PostgreSQL steps then run against the coordinator; see bench/README.md)
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
TARGET="$BENCH/target"
RESULTS="${RESULTS:-$TARGET/results}"

# Sizes and load: every one can be set from the environment.
VOLUNTEERS="${VOLUNTEERS:-1000000}"
RECORDS="${RECORDS:-$((VOLUNTEERS * 10))}"
ACTIVITIES="${ACTIVITIES:-$((VOLUNTEERS / 10))}"   # the PostgreSQL data set's activities
H2_VOLUNTEERS="${H2_VOLUNTEERS:-100000}"
H2_RECORDS="${H2_RECORDS:-$((H2_VOLUNTEERS * 10))}"
H2_ACTIVITIES="${H2_ACTIVITIES:-$((H2_VOLUNTEERS / 10))}"
CLIENTS="${CLIENTS:-64}"
SEARCH_CLIENTS="${SEARCH_CLIENTS:-16}"
SIGNUPS="${SIGNUPS:-20000}"
POSITIONS="${POSITIONS:-1000}"
HOT_CAPACITY="${HOT_CAPACITY:-1000}"
CHECKINS="${CHECKINS:-20000}"
S3_TIME_BANK="${S3_TIME_BANK:-false}" # S3: true puts its activities in the time bank (a deposit in every check-out)
SEARCHES="${SEARCHES:-5000}"
STATS_REQUESTS="${STATS_REQUESTS:-6600}"
GIFT_PAIRS="${GIFT_PAIRS:-10000}"   # S6: pairs of relatives (two volunteers each)
GIFTS="${GIFTS:-50000}"             # S6: gifts measured (and the tpcb-like transactions, unless TPCB_SECONDS)
TPCB_SCALE="${TPCB_SCALE:-$CLIENTS}"
TPCB_SECONDS="${TPCB_SECONDS:-}"    # set: the tpcb-like run lasts that long (-T) instead of GIFTS transactions
# S7 (emergency mobilization) is not in the default list: its fixtures move their volunteers
# into one district, for good (see bench/README.md); name it to run it.
SCENARIOS="${SCENARIOS:-S1,S2,S3,S4,S5,S6}"
EMERGENCY_CALLED="${EMERGENCY_CALLED:-10000}"     # S7: eligible volunteers the measured launch calls
EMERGENCY_NEEDS="${EMERGENCY_NEEDS:-3400}"        # S7: the measured launch's needs (>= a third of the called)
EMERGENCY_ANSWERS="${EMERGENCY_ANSWERS:-2000}"    # S7: volunteers answering ACCEPT at once
EMERGENCY_STORM_NEEDS="${EMERGENCY_STORM_NEEDS:-$(( (EMERGENCY_ANSWERS + 1) / 2 ))}"  # S7: the storm's needs
H2_SCENARIOS="${H2_SCENARIOS:-S4}"
H2_STATS="${H2_STATS:-1}"   # 0: the H2 data set without the statistics (S1-S3 do not read them; S4's need them)
STATS_KINDS="${STATS_KINDS:-}"   # S4's statistics kinds, ';'-separated (default: all of them)
SEED="${SEED:-2026}"
BCRYPT_COST="${BCRYPT_COST:-4}"

PG_PORT="${PG_PORT:-55432}"
CITUS_WORKERS="${CITUS_WORKERS:-2}"
CITUS_SHARDS="${CITUS_SHARDS:-8}"   # shards of each distributed table: 4 per worker on 2 workers
PGBENCH_SCRIPTS="${PGBENCH_SCRIPTS:-}"   # keyed: the ceilings' scripts that also run on Citus
APP_PORT="${APP_PORT:-18080}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-Bench-admin-2026}"
VOLUNTEER_PASSWORD="${VOLUNTEER_PASSWORD:-Bench-pass-2026}"
PLATFORM_JAR="${PLATFORM_JAR:-$ROOT/target/zhiyuan-0.1.0-SNAPSHOT.jar}"

# Java 21+ gives the platform (spring.threads.virtual.enabled) and the driver virtual threads.
newest_java() {
  local best="" best_version=0 candidate version
  for candidate in /usr/lib/jvm/*/bin/java "$(command -v java)"; do
    [ -x "$candidate" ] || continue
    version="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
    if [ -n "$version" ] && [ "${version%%.*}" -gt "$best_version" ]; then
      best="$candidate"; best_version="${version%%.*}"
    fi
  done
  echo "$best"
}
PLATFORM_JAVA="${PLATFORM_JAVA:-$(newest_java)}"
DRIVER_JAVA="${DRIVER_JAVA:-$PLATFORM_JAVA}"
PLATFORM_JAVA_OPTS="${PLATFORM_JAVA_OPTS:-}"

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
PG_DIR="$TARGET/pg"
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/zhiyuan"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

# Other work on the machine skews every figure: note the load average around each step.
load_note() {
  mkdir -p "$RESULTS"
  printf '%s %-28s %s\n' "$(date +%H:%M:%S)" "$1" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/load.txt"
}

bench_java() {
  "$DRIVER_JAVA" -Xmx4g -cp "$TARGET/zhiyuan-bench.jar:$TARGET/lib/*" org.zhiyuan.bench.Bench "$@"
}

# The personal data keys, shared by the platform (configuration) and the generator.
keys() {
  local file="$TARGET/privacy-keys.env"
  if [ ! -f "$file" ]; then
    mkdir -p "$TARGET"
    umask 077
    {
      echo "ZHIYUAN_PRIVACY_ACTIVE_KEY=k1"
      echo "ZHIYUAN_PRIVACY_KEYS_K1=$(head -c 32 /dev/urandom | base64 -w0)"
      echo "ZHIYUAN_PRIVACY_INDEX_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
    } >"$file"
  fi
  set -a
  # shellcheck disable=SC1090
  . "$file"
  set +a
  export ZHIYUAN_ADMIN_PASSWORD="$ADMIN_PASSWORD" ZHIYUAN_SECURITY_TOKEN_TTL=PT12H
}

# S6's pairs of relatives when the scenarios run S6, else none: their pool would ask for
# volunteers that a data set made for other scenarios may not have.
gift_pairs() {
  case ",$1," in
    *,S6,*) echo "$GIFT_PAIRS" ;;
    *) echo 0 ;;
  esac
}

# S7's pools when the scenarios run S7, else none: its fixtures move their volunteers into
# one district.
emergency_called() {
  case ",$1," in
    *,S7,*) echo "$EMERGENCY_CALLED" ;;
    *) echo 0 ;;
  esac
}

key_flags() {
  echo "--key-id=k1 --data-key=$ZHIYUAN_PRIVACY_KEYS_K1 --index-key=$ZHIYUAN_PRIVACY_INDEX_KEY"
}

step_build() {
  log "building the platform and the benchmark tools"
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests -Dzhiyuan.prepare.skip=true && ./mvnw -q -B -f bench/pom.xml package)
}

step_machine() {
  mkdir -p "$RESULTS"
  : >"$RESULTS/load.txt"
  {
    echo "cores: $(nproc)"
    echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "cpu: $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "platform JDK: $("$PLATFORM_JAVA" -version 2>&1 | head -1)"
    echo "driver JDK: $("$DRIVER_JAVA" -version 2>&1 | head -1)"
    echo "PostgreSQL: $("$PG_BIN/postgres" --version)"
    echo "pgbench: $("$PG_BIN/pgbench" --version)"
    echo "H2: $(basename "$TARGET"/lib/h2-*.jar .jar)"
    echo "PostgreSQL JDBC: $(basename "$TARGET"/lib/postgresql-*.jar .jar)"
  } | tee "$RESULTS/machine.txt"
}

# start_platform <label> <data-dir>: starts the jar, waits for 'Started', appends to coldstart.tsv.
start_platform() {
  local label="$1" dir="$2" java="${3:-$PLATFORM_JAVA}" logfile started t0 t1 rss spring
  mkdir -p "$dir" "$RESULTS"
  logfile="$dir/platform.log"
  : >"$logfile"
  t0="$(date +%s%N)"
  if [ -n "${START_SCRIPT:-}" ]; then
    # the README's command: zhiyuan.sh (it execs java, so its pid is the platform's)
    JAVA="$java" JAVA_OPTS="$PLATFORM_JAVA_OPTS ${START_OPTS:-}" ZHIYUAN_JAR="$PLATFORM_JAR" ZHIYUAN_DATA_DIR="$dir" \
      "$START_SCRIPT" --server.port="$APP_PORT" >"$logfile" 2>&1 &
  else
    # shellcheck disable=SC2086
    "$java" $PLATFORM_JAVA_OPTS ${START_OPTS:-} -jar "${START_JAR:-$PLATFORM_JAR}" --server.port="$APP_PORT" \
      --zhiyuan.data-dir="$dir" >"$logfile" 2>&1 &
  fi
  echo $! >"$dir/platform.pid"
  until grep -q "Started ZhiyuanApplication" "$logfile"; do
    if ! kill -0 "$(cat "$dir/platform.pid")" 2>/dev/null; then
      tail -40 "$logfile"
      echo "the platform stopped during start-up" >&2
      exit 1
    fi
    sleep 0.02
  done
  t1="$(date +%s%N)"
  started="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')"
  spring="$(sed -n 's/.*(process running for \([0-9.]*\)).*/\1/p' "$logfile" | head -1)"
  sleep 2
  rss="$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$(cat "$dir/platform.pid")/status")"
  printf '%s\t%s\t%s\t%s\n' "$label" "$started" "$spring" "$rss" >>"$RESULTS/coldstart.tsv"
  log "platform up ($label): 'Started' after $started s (Spring: $spring s), resident $rss MB"
}

stop_platform() {
  local dir="$1" pid
  [ -f "$dir/platform.pid" ] || return 0
  pid="$(cat "$dir/platform.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$dir/platform.pid"
}

h2_url() {
  echo "jdbc:h2:file:$1/db/zhiyuan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
}

# Cold starts on the embedded database, and the generator's H2 mode.
step_coldstart_h2() {
  step_starts
  local dir="$TARGET/h2"
  h2_generate "$dir"
  start_platform "H2, start with $H2_VOLUNTEERS volunteers and $H2_RECORDS service records, $("$PLATFORM_JAVA" -version 2>&1 | head -1 | cut -d'"' -f2)" "$dir"
  stop_platform "$dir"
}

# The cold starts alone, on an empty embedded database: java -jar, then the README's
# ./zhiyuan.sh (first start and later starts), on the platform's JDK and on Java 17.
step_starts() {
  keys
  local dir="$TARGET/h2" java17
  rm -rf "$dir" "$RESULTS/coldstart.tsv" "$RESULTS/class-cache.tsv"
  unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
  load_note "cold starts (H2)"
  start_platform "H2, java -jar, first start (empty data directory, migrations run), $("$PLATFORM_JAVA" -version 2>&1 | head -1 | cut -d'"' -f2)" "$dir"
  stop_platform "$dir"
  start_platform "H2, java -jar, second start (empty database), $("$PLATFORM_JAVA" -version 2>&1 | head -1 | cut -d'"' -f2)" "$dir"
  stop_platform "$dir"
  java17="$(ls /usr/lib/jvm/java-17-*/bin/java 2>/dev/null | head -1 || true)"
  if [ -n "$java17" ] && [ "$java17" != "$PLATFORM_JAVA" ]; then
    start_platform "H2, java -jar, second start (empty database), Java 17" "$dir" "$java17"
    stop_platform "$dir"
  fi
  cached_starts "$dir" "$PLATFORM_JAVA"
  if [ -n "$java17" ] && [ "$java17" != "$PLATFORM_JAVA" ]; then
    cached_starts "$dir" "$java17"
  fi
}

# The H2 data set: the generator's H2 mode, then the statistics built from it.
h2_generate() {
  local dir="$1"
  log "generating $H2_VOLUNTEERS volunteers and $H2_RECORDS service records into H2"
  load_note "generate (H2): start"
  # shellcheck disable=SC2046
  bench_java generate --url="$(h2_url "$dir")" --user=sa --password= --regions="$PLATFORM_JAR" \
    --volunteers="$H2_VOLUNTEERS" --records="$H2_RECORDS" --activities="$H2_ACTIVITIES" --seed="$SEED" \
    --bcrypt-cost="$BCRYPT_COST" --volunteer-password="$VOLUNTEER_PASSWORD" $(key_flags) --out="$RESULTS/generate-h2.json"
  load_note "generate (H2): end"
  if [ "$H2_STATS" = 1 ]; then
    stats_rebuild "H2, $H2_VOLUNTEERS volunteers, $H2_RECORDS service records" "$dir"
    h2_compact "H2, $H2_VOLUNTEERS volunteers, $H2_RECORDS service records, $H2_ACTIVITIES activities, after the statistics build" "$dir"
  else
    log "the statistics are not built (H2_STATS=0): S4's statistics would read empty rollups"
    h2_compact "H2, $H2_VOLUNTEERS volunteers, $H2_RECORDS service records, $H2_ACTIVITIES activities, without the statistics" "$dir"
  fi
}

# h2_compact <label> <data-dir>: H2 keeps the space of the pages it rewrote, so after the
# statistics build the file is many times its live rows (11.6 GB for 728,000 generated rows
# at 100,000 activities). SHUTDOWN COMPACT (the bench's compact command, the platform
# stopped) copies the live pages into a new file; the db directory's size before and after
# goes to h2-compact.tsv (label, bytes before, bytes after, seconds).
h2_compact() {
  local label="$1" dir="$2" before after t0 t1 seconds
  mkdir -p "$RESULTS"
  before="$(du -sb "$dir/db" | cut -f1)"
  log "compacting the H2 database ($(( before / 1048576 )) MB)"
  load_note "compact (H2): start"
  t0="$(date +%s%N)"
  bench_java compact --url="$(h2_url "$dir")" --user=sa --password=
  t1="$(date +%s%N)"
  load_note "compact (H2): end"
  after="$(du -sb "$dir/db" | cut -f1)"
  seconds="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')"
  printf '%s\t%s\t%s\t%s\n' "$label" "$before" "$after" "$seconds" >>"$RESULTS/h2-compact.tsv"
  log "H2 database compacted in $seconds s: $(( before / 1048576 )) MB before, $(( after / 1048576 )) MB after"
}

# The H2 data set of h2-load compacted again (e.g. one generated before compaction was a step).
step_h2_compact() {
  h2_compact "H2, the data set in bench/target/h2 (the h2-compact step)" "$TARGET/h2"
}

# stats_rebuild <label> <data-dir>: the platform's --zhiyuan.rebuild-stats command builds
# every statistic from the generated facts (the generator writes no outbox rows, and the
# start-up back-fill ran on the empty database); its time goes to stats-build.tsv.
stats_rebuild() {
  local label="$1" dir="$2" t0 t1 ms
  mkdir -p "$dir" "$RESULTS"
  log "building the statistics from the facts ($label)"
  load_note "stats rebuild ($label): start"
  t0="$(date +%s%N)"
  # shellcheck disable=SC2086
  "$PLATFORM_JAVA" $PLATFORM_JAVA_OPTS -jar "$PLATFORM_JAR" --server.port=0 --zhiyuan.data-dir="$dir" \
    --zhiyuan.rebuild-stats=true >"$dir/stats-rebuild.log" 2>&1 || { tail -40 "$dir/stats-rebuild.log"; exit 1; }
  t1="$(date +%s%N)"
  load_note "stats rebuild ($label): end"
  ms="$(sed -n 's/.*Statistics rebuilt from the facts in \([0-9]*\) ms.*/\1/p' "$dir/stats-rebuild.log" | tail -1)"
  printf '%s\t%s\t%s\n' "$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')" "${ms:-0}" \
    >>"$RESULTS/stats-build.tsv"
  log "statistics built in ${ms:-?} ms ($label)"
}

# The H2 data set alone (no cold-start measurements): migrations, generator, statistics.
step_h2_load() {
  keys
  local dir="$TARGET/h2"
  rm -rf "$dir"
  unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
  start_platform "H2, first start (migrations run; not measured here)" "$dir"
  stop_platform "$dir"
  sed -i '/^H2, first start (migrations run; not measured here)/d' "$RESULTS/coldstart.tsv"
  h2_generate "$dir"
}

# The scenarios on the H2 data set ($H2_SCENARIOS, S4 by default): fixtures, the platform
# on H2, the driver (http-h2.json), the platform stopped.
step_h2_drive() {
  keys
  local dir="$TARGET/h2"
  unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
  bench_java fixtures --url="$(h2_url "$dir")" --user=sa --password= --clients="$CLIENTS" --signups="$SIGNUPS" \
    --positions="$POSITIONS" --hot-capacity="$HOT_CAPACITY" --checkins="$CHECKINS" \
    --gift-pairs="$(gift_pairs "$H2_SCENARIOS")" --emergency-called="$(emergency_called "$H2_SCENARIOS")" \
    --emergency-answers="$EMERGENCY_ANSWERS" --seed="$SEED" --out="$RESULTS/fixtures-h2.json"
  start_platform "Platform on H2 with $H2_VOLUNTEERS volunteers and $H2_RECORDS service records for the scenarios (not a target)" "$dir"
  load_note "drive (H2): start"
  bench_java drive --base-url="http://127.0.0.1:$APP_PORT" --fixtures="$RESULTS/fixtures-h2.json" \
    --volunteer-password="$VOLUNTEER_PASSWORD" --admin-password="$ADMIN_PASSWORD" --clients="$CLIENTS" \
    --search-clients="$SEARCH_CLIENTS" --search-requests="$SEARCHES" --stats-requests="$STATS_REQUESTS" --gifts="$GIFTS" \
    --emergency-needs="$EMERGENCY_NEEDS" --emergency-storm-needs="$EMERGENCY_STORM_NEEDS" \
    ${STATS_KINDS:+"--stats-kinds=$STATS_KINDS"} --scenarios="$H2_SCENARIOS" --database=H2 --out="$RESULTS/http-h2.json" || { stop_platform "$dir"; exit 1; }
  load_note "drive (H2): end"
  stop_platform "$dir"
}

# The ceiling on the embedded database: the pgbench scripts' transaction (a capacity-guarded
# claim of a place, the sign-up row, the commit) straight on H2, in-process JDBC, with the same
# clients and sign-ups as S1, S2 and pgbench, on the positions and pools that h2-drive's fixtures
# made (schema bench) -> h2-ceiling.json. The platform must be stopped: in embedded mode one
# process holds the file. It also reads S2's hot position, which the driver cannot while the
# platform runs. Its load notes (spread, hot) go to load.txt as this script's do.
step_h2_ceiling() {
  local dir="$TARGET/h2" s2=()
  stop_platform "$dir"
  if [ -f "$RESULTS/fixtures-h2.json" ]; then
    s2=(--fixtures="$RESULTS/fixtures-h2.json")
  fi
  log "H2 ceiling: $CLIENTS clients x $(( (SIGNUPS + CLIENTS - 1) / CLIENTS )) sign-ups, spread then hot"
  load_note "h2 ceiling: start"
  bench_java h2-ceiling --url="$(h2_url "$dir")" --user=sa --password= --clients="$CLIENTS" --signups="$SIGNUPS" \
    --seed="$SEED" "${s2[@]}" --load-notes="$RESULTS/load.txt" --out="$RESULTS/h2-ceiling.json"
  load_note "h2 ceiling: end"
}

# The README's ./zhiyuan.sh on one JDK: its first start (the jar extracted, the class cache
# made by one training start) and a later one with the cache, plain and with -Xmx512m.
cached_starts() {
  local dir="$1" java="$2" version t0 t1
  version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
  # The README's flow on a fresh installation: ./mvnw package ends with ./zhiyuan.sh --prepare
  # (timed here on its own, into class-cache.tsv), then the first start on an empty data
  # directory, then a later one.
  rm -rf "$dir"
  mkdir -p "$dir"
  t0="$(date +%s%N)"
  JAVA="$java" JAVA_OPTS="$PLATFORM_JAVA_OPTS" ZHIYUAN_JAR="$PLATFORM_JAR" ZHIYUAN_DATA_DIR="$dir" \
    "$ROOT/zhiyuan.sh" --prepare >/dev/null 2>&1
  t1="$(date +%s%N)"
  printf '%s\t%s\n' "Java $version" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", (b - a) / 1e9}')" \
    >>"$RESULTS/class-cache.tsv"
  START_SCRIPT="$ROOT/zhiyuan.sh" start_platform "H2, ./zhiyuan.sh, first start after ./mvnw package (empty data directory, migrations run), Java $version" "$dir" "$java"
  stop_platform "$dir"
  START_SCRIPT="$ROOT/zhiyuan.sh" start_platform "H2, ./zhiyuan.sh, later start, Java $version" "$dir" "$java"
  stop_platform "$dir"
  # A jar built elsewhere: its first start makes the class cache before it starts.
  rm -rf "$dir/cache"
  START_SCRIPT="$ROOT/zhiyuan.sh" start_platform "H2, ./zhiyuan.sh, first start of a jar built elsewhere (makes the class cache first), Java $version" "$dir" "$java"
  stop_platform "$dir"
  rm -rf "$dir/cache"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

step_pg_up() {
  if as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' status >/dev/null 2>&1"; then
    log "PostgreSQL already running in $PG_DIR"
    return
  fi
  if [ -f "$PG_DIR/data/PG_VERSION" ] && [ "${FRESH_PG:-0}" != 1 ]; then
    # A cluster from an earlier run (data loaded): start it again; FRESH_PG=1 makes a new one.
    log "starting the PostgreSQL cluster of an earlier run in $PG_DIR (FRESH_PG=1 for a new one)"
    rm -f "$PG_DIR/data/postmaster.pid"
    sed -i "s#^unix_socket_directories = .*#unix_socket_directories = '$PG_DIR'#" "$PG_DIR/data/postgresql.conf"
    # after an unclean stop, recovery replays the load's WAL first: that can take minutes
    as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 1800 start >/dev/null"
    return
  fi
  log "creating a throwaway PostgreSQL cluster in $PG_DIR on port $PG_PORT"
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  as_postgres "'$PG_BIN/initdb' -D '$PG_DIR/data' -U postgres -E UTF8 --locale=C -A trust >'$PG_DIR/initdb.log'"
  cat "$BENCH/postgresql.conf" >>"$PG_DIR/data/postgresql.conf"
  echo "port = $PG_PORT" >>"$PG_DIR/data/postgresql.conf"
  echo "unix_socket_directories = '$PG_DIR'" >>"$PG_DIR/data/postgresql.conf"
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w start >/dev/null"
  psql_admin -c "CREATE ROLE zhiyuan LOGIN PASSWORD 'zhiyuan'" -c "CREATE DATABASE zhiyuan OWNER zhiyuan" >/dev/null
}

step_pg_down() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_postgres "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -w stop >/dev/null"
  fi
}

psql_admin() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -X -q "$@"; }

# Whether PG_PORT is a Citus coordinator (citus-up).
is_citus() { [ "$(psql_admin -d zhiyuan -Atc "SELECT COUNT(*) FROM pg_extension WHERE extname = 'citus'")" = 1 ]; }

# citus_nodes <command>: runs the command on every node of a Citus cluster, the coordinator too;
# nothing on PostgreSQL.
citus_nodes() {
  is_citus || return 0
  psql_admin -d zhiyuan -c "SELECT * FROM run_command_on_all_nodes(\$\$$1\$\$)" >/dev/null
}

# A Citus cluster for the PostgreSQL steps: a coordinator on PG_PORT and CITUS_WORKERS workers on
# the ports after it, each with the benchmark's configuration (.ci/citus-cluster; Citus built by
# .ci/citus-install from CITUS_SOURCE).
step_citus_up() {
  local dir="$TARGET/citus" node
  "$ROOT/.ci/citus-install"
  if [ ! -f "$dir/node0/PG_VERSION" ] || [ "${FRESH_PG:-0}" = 1 ]; then
    log "creating a Citus cluster in $dir: a coordinator on port $PG_PORT, $CITUS_WORKERS workers, $CITUS_SHARDS shards"
    "$ROOT/.ci/citus-cluster" stop "$dir"
    rm -rf "$dir"
    "$ROOT/.ci/citus-cluster" start "$dir" "$CITUS_WORKERS" "$PG_PORT" "$CITUS_SHARDS" >/dev/null
    "$ROOT/.ci/citus-cluster" stop "$dir"
    for node in "$dir"/node*; do
      # the benchmark's settings, with the memory shared by the nodes
      grep -v -e '^listen_addresses' -e '^max_connections' -e '^shared_buffers' -e '^effective_cache_size' \
        "$BENCH/postgresql.conf" >>"$node/postgresql.conf"
      printf 'shared_buffers = 1GB\neffective_cache_size = 4GB\n' >>"$node/postgresql.conf"
    done
  fi
  "$ROOT/.ci/citus-cluster" start "$dir" "$CITUS_WORKERS" "$PG_PORT" "$CITUS_SHARDS" >/dev/null
  log "Citus cluster up: $(psql_admin -d zhiyuan -Atc "SELECT 'Citus ' || extversion FROM pg_extension WHERE extname = 'citus'"), $(psql_admin -d zhiyuan -Atc "SELECT COUNT(*) FROM pg_dist_node WHERE noderole = 'primary' AND groupid > 0") workers"
}

step_citus_down() {
  "$ROOT/.ci/citus-cluster" stop "$TARGET/citus"
}
psql_app() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U zhiyuan -d zhiyuan -v ON_ERROR_STOP=1 -X -q "$@"; }

pg_env() {
  keys
  export SPRING_DATASOURCE_URL="$PG_URL" SPRING_DATASOURCE_USERNAME=zhiyuan SPRING_DATASOURCE_PASSWORD=zhiyuan
}

# Migrations by the platform, then the data set, then the statistics and the scenarios' fixtures.
step_pg_load() {
  step_pg_generate
  step_pg_stats
  step_fixtures
}

# Migrations by the platform, then the generated data set, analysed.
step_pg_generate() {
  pg_env
  local dir="$TARGET/app-pg"
  rm -rf "$dir"
  start_platform "PostgreSQL, first start (migrations run; not a target)" "$dir"
  stop_platform "$dir"
  log "generating $VOLUNTEERS volunteers and $RECORDS service records into PostgreSQL"
  load_note "generate (PostgreSQL): start"
  # On Citus the load's COPY reaches the nodes (the coordinator's copy of the directory too) over
  # connections of Citus's own, which check foreign keys row by row: every node's new sessions
  # skip them while the generator loads.
  citus_nodes "ALTER DATABASE zhiyuan SET session_replication_role = replica"
  # shellcheck disable=SC2046
  bench_java generate --url="$PG_URL" --user=postgres --password= --regions="$PLATFORM_JAR" \
    --volunteers="$VOLUNTEERS" --records="$RECORDS" --activities="$ACTIVITIES" --seed="$SEED" \
    --bcrypt-cost="$BCRYPT_COST" --volunteer-password="$VOLUNTEER_PASSWORD" $(key_flags) --out="$RESULTS/generate-pg.json"
  citus_nodes "ALTER DATABASE zhiyuan RESET session_replication_role"
  load_note "generate (PostgreSQL): end"
  log "VACUUM ANALYZE"
  local t0; t0="$(date +%s)"
  psql_admin -d zhiyuan -c "VACUUM (ANALYZE)"
  log "VACUUM ANALYZE took $(( $(date +%s) - t0 )) s; database size $(psql_admin -d zhiyuan -Atc "SELECT pg_size_pretty(pg_database_size('zhiyuan'))")"
}

# The statistics built from the generated facts, then their tables analysed.
# The rebuild's batched updates start on empty tables: with PostgreSQL's default plan cache
# they keep a generic plan made then (a sequential scan) and the build slows to hours (see
# BENCHMARKS.md); custom plans are forced for the build only.
step_pg_stats() {
  pg_env
  psql_admin -c "ALTER DATABASE zhiyuan SET plan_cache_mode = force_custom_plan" >/dev/null
  stats_rebuild "PostgreSQL, $VOLUNTEERS volunteers, $RECORDS service records (plan_cache_mode = force_custom_plan)" "$TARGET/app-pg"
  psql_admin -c "ALTER DATABASE zhiyuan RESET plan_cache_mode" >/dev/null
  psql_admin -d zhiyuan -c "VACUUM (ANALYZE) stat_volunteer, stat_volunteer_category, stat_member, stat_activity,
    stat_organization, stat_registered, stat_organizations, stat_activities, stat_service, stat_active,
    stat_provider" >/dev/null
}

# The statistics built again from the facts on the H2 data set of h2-load.
step_h2_stats() {
  unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
  stats_rebuild "H2, $H2_VOLUNTEERS volunteers, $H2_RECORDS service records" "$TARGET/h2"
}

step_fixtures() {
  pg_env
  bench_java fixtures --url="$PG_URL" --user=zhiyuan --password=zhiyuan --clients="$CLIENTS" --signups="$SIGNUPS" \
    --positions="$POSITIONS" --hot-capacity="$HOT_CAPACITY" --checkins="$CHECKINS" --s3-time-bank="$S3_TIME_BANK" \
    --gift-pairs="$(gift_pairs "$SCENARIOS")" --emergency-called="$(emergency_called "$SCENARIOS")" \
    --emergency-answers="$EMERGENCY_ANSWERS" --seed="$SEED" --out="$RESULTS/fixtures.json"
  psql_app -c "ANALYZE activity; ANALYZE activity_position; ANALYZE signup" \
    -c "ANALYZE time_account; ANALYZE time_transfer; ANALYZE time_entry; ANALYZE time_relative" \
    -c "ANALYZE volunteer; ANALYZE emergency_profile; ANALYZE emergency_team; ANALYZE organization_member" \
    -c "ANALYZE volunteer_attribute; ANALYZE emergency_call" >/dev/null
}

step_platform_up() {
  pg_env
  if [ -n "${APP_PG_PORT:-}" ]; then
    # the platform on another node of a Citus cluster (a worker): the schema is the
    # coordinator's, migrated already; an instance on a worker runs no migration
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$APP_PG_PORT/zhiyuan" SPRING_FLYWAY_ENABLED=false
  fi
  start_platform "PostgreSQL, start with $VOLUNTEERS volunteers and $RECORDS service records (not a target)" "$TARGET/app-pg"
}

step_platform_down() {
  stop_platform "$TARGET/app-pg"
}

step_drive() {
  pg_env
  load_note "drive: start"
  bench_java drive --base-url="http://127.0.0.1:$APP_PORT" --fixtures="$RESULTS/fixtures.json" \
    --volunteer-password="$VOLUNTEER_PASSWORD" --admin-password="$ADMIN_PASSWORD" --clients="$CLIENTS" \
    --search-clients="$SEARCH_CLIENTS" --search-requests="$SEARCHES" --stats-requests="$STATS_REQUESTS" --gifts="$GIFTS" \
    --emergency-needs="$EMERGENCY_NEEDS" --emergency-storm-needs="$EMERGENCY_STORM_NEEDS" \
    ${STATS_KINDS:+"--stats-kinds=$STATS_KINDS"} --scenarios="$SCENARIOS" --jdbc-url="$PG_URL" --jdbc-user=zhiyuan --jdbc-password=zhiyuan --out="$RESULTS/${HTTP_OUT:-http.json}"
  load_note "drive: end"
}

# The statistics' fold on its own, with the platform up (platform-up): FOLD_ROWS records' changes
# put into the outbox at once, one per volunteer in this month (as S3's check-outs make them),
# then as many taking them back; each time, how long the platform's fold takes to empty the
# outbox -> fold.tsv. The rollups end as they began.
step_fold() {
  local rows="${FOLD_ROWS:-20000}" month phase before after t0 t1 left
  month="$(TZ=Asia/Shanghai date +%Y-%m)"
  mkdir -p "$RESULTS"
  wait_outbox() {
    until [ "$(psql_app -Atc "SELECT (SELECT COUNT(*) FROM stat_outbox) + (SELECT COUNT(*) FROM stat_service_outbox)")" = 0 ]; do
      sleep 0.1
    done
  }
  wait_outbox
  for phase in written taken-back; do
    if [ "$phase" = written ]; then before=NULL; after=2.50; else before=2.50; after=NULL; fi
    load_note "fold $phase: start"
    psql_app -c "INSERT INTO stat_service_outbox (subject_id, volunteer_id, region_code, field, period, counted,
        hours_before, hours_after, organization_id, project_id, created_at)
      SELECT v.subject_id, v.id, v.region_code, a.field, '$month', TRUE, $before, $after, a.organization_id,
        a.project_id, now()
      FROM (SELECT id, region_code, CAST(md5(CAST(id AS TEXT)) AS UUID) AS subject_id,
              row_number() OVER (ORDER BY id) AS n FROM volunteer WHERE status = 'ACTIVE' ORDER BY id LIMIT $rows) v
      JOIN (SELECT id, field, organization_id, project_id, row_number() OVER (ORDER BY id) AS n FROM activity
              WHERE status IN ('RECRUITING', 'IN_PROGRESS', 'FINISHED') ORDER BY id LIMIT 100) a
        ON a.n = 1 + v.n % 100" >/dev/null
    t0="$(date +%s%N)"
    left="$(psql_app -Atc "SELECT COUNT(*) FROM stat_service_outbox")"
    wait_outbox
    t1="$(date +%s%N)"
    load_note "fold $phase: end"
    printf '%s\t%s\t%s\n' "$phase" "$left" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')" \
      >>"$RESULTS/fold.tsv"
    log "fold $phase: $left outbox rows folded in $(tail -1 "$RESULTS/fold.tsv" | cut -f3) s"
  done
}

# The same transaction shape straight on PostgreSQL, with the same clients and sign-ups.
step_pgbench() {
  local out="$RESULTS/pgbench" per_client hot ids scripts="${PGBENCH_SCRIPTS:+-$PGBENCH_SCRIPTS}"
  # only this step's files: pgbench-tpcb's stay
  rm -f "$out"/spread* "$out"/hot*
  mkdir -p "$out"
  per_client=$(( (SIGNUPS + CLIENTS - 1) / CLIENTS ))
  for run in spread hot; do
    load_note "pgbench $run: start"
    log "pgbench $run: $CLIENTS clients x $per_client sign-ups"
    (cd "$out" && PGPASSWORD=zhiyuan "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U zhiyuan -n -M prepared \
      -c "$CLIENTS" -j "$(nproc)" -t "$per_client" -D nclients="$CLIENTS" -D positions="$POSITIONS" -D k=0 \
      -f "$BENCH/pgbench/signup-$run$scripts.sql" -l --log-prefix="${run}_log" zhiyuan >"$run.out" 2>&1) || {
      cat "$out/$run.out"; exit 1; }
    grep -E "processed|failed|latency average|^tps" "$out/$run.out" || true
    load_note "pgbench $run: end"
  done
  # the hot position's keys read first: on Citus the bench's own tables stay on the coordinator
  ids="$(psql_app -Atc "SELECT 'activity_id = ''' || activity_id || ''' AND position_id = ''' || position_id || ''''
    FROM bench.pgbench_position WHERE kind = 'hot'")"
  hot="$(psql_app -Atc "SELECT (SELECT accepted || ' of ' || capacity FROM activity_position
    WHERE ${ids/position_id/id}) || ' places taken, ' || (SELECT COUNT(*) FROM signup WHERE $ids AND holds_place)
    || ' sign-ups holding a place, ' || (SELECT COUNT(*) FROM signup WHERE $ids AND status = 'WAITLISTED') || ' waitlisted'")"
  echo "$hot" | tee "$out/hot-check.txt"
}

# S6's ceiling: pgbench's own built-in tpcb-like transaction (a bank transfer: one account,
# one teller and one branch updated, a history row inserted), with the same clients, in a
# database of its own (tpcb) on the same cluster. Every transaction updates one of the
# scale's branches (one row per unit of scale): with fewer branches than clients, clients
# would queue on those few rows and the ceiling would price lock waits, not the machine;
# S6's gifts between GIFT_PAIRS pairs hardly ever meet on an account. Hence a scale of at least
# CLIENTS (100,000 accounts each). Prepared statements, as for the other ceilings and as the
# platform's driver does; pgbench's own vacuum before the run, as the built-in test does.
step_pgbench_tpcb() {
  local out="$RESULTS/pgbench" length
  if [ "$TPCB_SCALE" -lt "$CLIENTS" ]; then
    echo "TPCB_SCALE ($TPCB_SCALE) must be at least CLIENTS ($CLIENTS): fewer branches than clients serialize" >&2
    exit 1
  fi
  mkdir -p "$out"
  rm -f "$out"/tpcb*
  if ! psql_admin -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'tpcb'" | grep -q 1; then
    psql_admin -d postgres -c "CREATE DATABASE tpcb OWNER zhiyuan" >/dev/null
  fi
  load_note "pgbench tpcb-like init: start"
  log "pgbench -i -s $TPCB_SCALE (tpcb-like tables, $((TPCB_SCALE * 100000)) accounts)"
  PGPASSWORD=zhiyuan "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U zhiyuan -i -q -s "$TPCB_SCALE" tpcb \
    >"$out/tpcb-init.out" 2>&1 || { cat "$out/tpcb-init.out"; exit 1; }
  load_note "pgbench tpcb-like init: end"
  if [ -n "$TPCB_SECONDS" ]; then
    length="-T $TPCB_SECONDS"
  else
    length="-t $(( (GIFTS + CLIENTS - 1) / CLIENTS ))"
  fi
  load_note "pgbench tpcb-like: start"
  log "pgbench tpcb-like: $CLIENTS clients, $length"
  # shellcheck disable=SC2086
  (cd "$out" && PGPASSWORD=zhiyuan "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U zhiyuan -M prepared \
    -b tpcb-like -c "$CLIENTS" -j "$(nproc)" $length -l --log-prefix=tpcb_log tpcb >tpcb.out 2>&1) || {
    cat "$out/tpcb.out"; exit 1; }
  grep -E "scaling factor|processed|failed|latency average|^tps" "$out/tpcb.out" || true
  load_note "pgbench tpcb-like: end"
}

step_report() {
  bench_java report --results="$RESULTS"
}

step_all() {
  step_build
  step_machine
  step_coldstart_h2
  step_pg_up
  step_pg_load
  step_platform_up
  step_drive
  step_platform_down
  step_pgbench
  step_pgbench_tpcb
  step_report
  step_pg_down
}

if [ ! -x "$PG_BIN/pgbench" ]; then
  echo "PostgreSQL's server and pgbench are needed (Debian: apt-get install -y postgresql)" >&2
  exit 1
fi
[ $# -eq 0 ] && set -- all
for step in "$@"; do
  "step_${step//-/_}"
done
