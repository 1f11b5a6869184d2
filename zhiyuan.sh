#!/bin/sh
# Runs the platform from its jar with the JVM's class cache, which more than halves a start.
#
#   ./zhiyuan.sh [platform options, e.g. --zhiyuan.demo=true]
#
# The jar is target/zhiyuan-*.jar (or $ZHIYUAN_JAR); $JAVA picks another java and $JAVA_OPTS
# adds JVM options (e.g. -Xmx512m). The first start after a new jar or JDK extracts the jar
# into <data directory>/cache and makes the cache there with one training start that stops
# as soon as the platform is ready (about ten seconds, once); every later start uses it.
# The data directory is $ZHIYUAN_DATA_DIR or ./data, as for the platform itself.
set -eu
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
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
major="${version%%.*}"
stamp="$(ls -l --time-style=+%s "$jar" | awk '{print $5 "-" $6}')-$version"
launch="$cache/app/$(basename "$jar")"
if [ "$(cat "$cache/stamp" 2>/dev/null || true)" != "$stamp" ]; then
  echo "zhiyuan.sh: preparing the class cache for this jar and Java $version (once)" >&2
  rm -rf "$cache"
  mkdir -p "$cache"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$cache/app" >/dev/null
  # shellcheck disable=SC2086
  if [ "$major" -ge 25 ]; then
    "$java" -XX:AOTCacheOutput="$cache/zhiyuan.aot" ${JAVA_OPTS:-} -Dspring.context.exit=onRefresh \
      -jar "$launch" "$@" >"$cache/training.log" 2>&1 || true
  else
    "$java" -XX:ArchiveClassesAtExit="$cache/zhiyuan.jsa" ${JAVA_OPTS:-} -Dspring.context.exit=onRefresh \
      -jar "$launch" "$@" >"$cache/training.log" 2>&1 || true
  fi
  echo "$stamp" >"$cache/stamp"
fi
options=""
if [ -f "$cache/zhiyuan.aot" ]; then
  options="-XX:AOTCache=$cache/zhiyuan.aot"
elif [ -f "$cache/zhiyuan.jsa" ]; then
  options="-XX:SharedArchiveFile=$cache/zhiyuan.jsa"
fi
# shellcheck disable=SC2086
exec "$java" $options ${JAVA_OPTS:-} -jar "$launch" "$@"
