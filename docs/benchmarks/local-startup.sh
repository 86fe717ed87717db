#!/usr/bin/env bash
# Measures local mode: time from `java -jar` to GET /readyz = UP, and resident memory of the gateway
# JVM, its embedded PostgreSQL (all backends) and Redis once healthy. Run from the repository root after
# `./mvnw -pl gateway-api -am package -DskipTests`. Usage: docs/benchmarks/local-startup.sh [runs]
set -euo pipefail
runs=${1:-3}
jar=gateway-api/target/freightgate.jar
data=$(mktemp -d /tmp/fg-bench.XXXXXX)
port=18080
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

rss_kb() { ps -o rss= -p "$1" 2>/dev/null | awk '{s+=$1} END {print s+0}'; }

measure() {
  local label=$1
  local start end app
  start=$(date +%s%N)
  "$java" -jar "$jar" --server.port=$port --freightgate.local.data-dir="$data" > "$data/$label.log" 2>&1 &
  app=$!
  until curl -fs "http://localhost:$port/readyz" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$app" 2>/dev/null; then echo "gateway died, see $data/$label.log" >&2; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  # Redis is a child process of the gateway JVM; PostgreSQL's postmaster (started through pg_ctl) is found by its data
  # directory, and its backends are its children.
  local children postmaster redis pg java_rss pg_rss redis_rss
  children=$(pgrep -P "$app" | tr '\n' ' ')
  postmaster=$(pgrep -f "postgres -D $data/postgres" | head -1)
  redis=$(for c in $children; do ps -o pid=,cmd= -p "$c"; done | awk '/redis-server/ {print $1}')
  pg=$( (echo "$postmaster"; pgrep -P "$postmaster") | tr '\n' ',' | sed 's/,$//')
  java_rss=$(rss_kb "$app"); pg_rss=$(rss_kb "$pg"); redis_rss=$(rss_kb "$redis")
  printf '%-6s healthy after %5.1f s | RSS MiB: gateway %4d, postgres %4d, redis %3d, total %4d\n' \
    "$label" "$(echo "($end - $start) / 1000000000" | bc -l)" $((java_rss / 1024)) $((pg_rss / 1024)) \
    $((redis_rss / 1024)) $(((java_rss + pg_rss + redis_rss) / 1024))
  kill -TERM "$app"; wait "$app" 2>/dev/null || true
  for p in $postmaster $redis; do
    if kill -0 "$p" 2>/dev/null; then echo "  process $p ($(ps -o comm= -p "$p")) left behind after SIGTERM" >&2; fi
  done
}

measure cold
for i in $(seq 1 "$runs"); do measure "warm-$i"; done
rm -rf "$data"
