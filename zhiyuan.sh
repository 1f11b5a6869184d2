#!/bin/sh
# Runs the platform from its jar with the JVM's class cache, which more than halves a start.
#
#   ./zhiyuan.sh [platform options, e.g. --zhiyuan.demo=true]
#   ./zhiyuan.sh --prepare          only prepares the class cache (./mvnw package runs this)
#
# The jar is target/zhiyuan-*.jar (or $ZHIYUAN_JAR); $JAVA picks another java and $JAVA_OPTS
# adds JVM options. Without -Xmx in $JAVA_OPTS the heap is capped at 512 MB, which keeps a
# small installation under 400 MB resident; a city on PostgreSQL with many users gives more
# (JAVA_OPTS=-Xmx2g). The class cache is made once per jar, JDK and JVM options: the jar is
# extracted into <data directory>/cache and one training start, which stops as soon as the
# platform is ready, records the classes it loads (about ten seconds). ./mvnw package does
# that with a throwaway database, so the first start after a build is as quick as any later
# one; otherwise the first start does it before starting. The data directory is
# $ZHIYUAN_DATA_DIR or ./data, as for the platform itself.
set -eu
prepare_only=false
if [ "${1:-}" = "--prepare" ]; then
  prepare_only=true
  shift
fi
java="${JAVA:-java}"
jar="${ZHIYUAN_JAR:-}"
if [ -z "$jar" ]; then
  for candidate in target/zhiyuan-*.jar; do
    case "$candidate" in *-plain.jar) ;; *) jar="$candidate" ;; esac
  done
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "zhiyuan.sh: no jar; build it first with ./mvnw package -DskipTests" >&2
  exit 1
fi
data="${ZHIYUAN_DATA_DIR:-./data}"
cache="$data/cache"
settings="$("$java" -XshowSettings:properties -version 2>&1)"
version="$(printf '%s\n' "$settings" | sed -n 's/.*java.specification.version = //p')"
build="$(printf '%s\n' "$settings" | sed -n 's/.*java.vm.version = //p')"
major="${version%%.*}"
heap="-Xmx512m"
case " ${JAVA_OPTS:-} " in
  *" -Xmx"* | *"MaxHeapSize"* | *"MaxRAMPercentage"* | *"MaxRAM="*) heap="" ;;
esac
# shellcheck disable=SC2086
options_sum="$(echo $heap ${JAVA_OPTS:-} | cksum | cut -d' ' -f1)"
stamp="$(ls -l --time-style=+%s "$jar" | awk '{print $5 "-" $6}')-$build-$options_sum"
launch="$cache/app/$(basename "$jar")"
if [ "$(cat "$cache/stamp" 2>/dev/null || true)" != "$stamp" ]; then
  echo "zhiyuan.sh: preparing the class cache for this jar and Java $version (once)" >&2
  rm -rf "$cache"
  mkdir -p "$cache"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$cache/app" >/dev/null
  if [ "$major" -ge 25 ]; then
    record="-XX:AOTCacheOutput=$cache/zhiyuan.aot"
  else
    record="-XX:ArchiveClassesAtExit=$cache/zhiyuan.jsa"
  fi
  if [ "$prepare_only" = true ]; then
    # The build's training start runs on a throwaway embedded database and a free port, so
    # that a build never creates, migrates or disturbs the installation's database.
    scratch="$(mktemp -d)"
    # shellcheck disable=SC2086
    (unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
      exec "$java" "$record" $heap ${JAVA_OPTS:-} -Dspring.context.exit=onRefresh -jar "$launch" \
        "--zhiyuan.data-dir=$scratch" --server.port=0 "$@") >"$cache/training.log" 2>&1 || true
    rm -rf "$scratch"
  else
    # shellcheck disable=SC2086
    "$java" "$record" $heap ${JAVA_OPTS:-} -Dspring.context.exit=onRefresh \
      -jar "$launch" "$@" >"$cache/training.log" 2>&1 || true
  fi
  echo "$stamp" >"$cache/stamp"
fi
if [ "$prepare_only" = true ]; then
  echo "zhiyuan.sh: the class cache for $(basename "$jar") and Java $version is in $cache" >&2
  exit 0
fi
options=""
if [ -f "$cache/zhiyuan.aot" ]; then
  options="-XX:AOTCache=$cache/zhiyuan.aot"
elif [ -f "$cache/zhiyuan.jsa" ]; then
  options="-XX:SharedArchiveFile=$cache/zhiyuan.jsa"
fi
# shellcheck disable=SC2086
exec "$java" $options $heap ${JAVA_OPTS:-} -jar "$launch" "$@"
