#!/usr/bin/env bash
# Measures the webhook intake of a running gateway: signed Stripe events POSTed to /webhooks/stripe by N concurrent
# senders (docs/benchmarks/WebhookIntakeLoad.java), then the raw PostgreSQL insert rate of the same inbox table with the
# same payload and the same concurrency (pgbench), in the same run on the same machine. Starts the gateway jar in local
# mode with a fresh data directory and one extra platform webhook secret (the configured-secret path production uses,
# beside the endpoint local mode registers with the emulator), and stops it at the end. Everything stays on loopback.
# Run from the repository root after `./mvnw -pl gateway-api -am package -DskipTests`.
# Usage: docs/benchmarks/webhook-intake.sh [seconds per run] [senders ...]   (default: 30 s; 1 4 8 16 senders)
# GATEWAY_ARGS (split on spaces) are added to the gateway's command line, PGOPTIONS (libpq) applies to pgbench: to
# measure what synchronous_commit=on costs, run once as is and once with
#   GATEWAY_ARGS=--spring.datasource.hikari.data-source-properties.options=--synchronous_commit=off \
#   PGOPTIONS=--synchronous_commit=off
set -euo pipefail
seconds=${1:-30}
shift || true
senders=${*:-1 4 8 16}
jar=gateway-api/target/freightgate.jar
data=$(mktemp -d /tmp/fg-intake.XXXXXX)
port=18081
secret=whsec_benchmark_local_only
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
load=docs/benchmarks/WebhookIntakeLoad.java

"$java" -jar "$jar" --server.port=$port --freightgate.local.data-dir="$data" \
  --freightgate.stripe.webhook-secrets.platform=$secret ${GATEWAY_ARGS:-} > "$data/gateway.log" 2>&1 &
app=$!
trap 'rc=$?; kill -TERM $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"; exit $rc' EXIT
until curl -fs "http://127.0.0.1:$port/readyz" 2>/dev/null | grep -q '"status":"UP"'; do
  if ! kill -0 "$app" 2>/dev/null; then echo "gateway died, see $data/gateway.log" >&2; exit 1; fi
  sleep 0.5
done
echo "gateway healthy; commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo '+uncommitted'), load $(cut -d' ' -f1 /proc/loadavg)"
[ -f "$data/postgres/postmaster.pid" ] || { echo "no $data/postgres/postmaster.pid" >&2; exit 1; }
pg_port=$(sed -n 4p "$data/postgres/postmaster.pid")
echo "server settings: $(PGOPTIONS= PGPASSWORD=local-only psql -h 127.0.0.1 -p "$pg_port" -U freightgate_app -Atc \
  "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit')" \
  freightgate); gateway extra arguments: ${GATEWAY_ARGS:-none}; PGOPTIONS for pgbench: ${PGOPTIONS:-none}"

url=http://127.0.0.1:$port/webhooks/stripe
# JIT warm-up, not counted.
"$java" "$load" "$url" "$secret" 8 20 0 invoice.finalized > /dev/null
for n in $senders; do
  printf 'load %s | ' "$(cut -d' ' -f1 /proc/loadavg)"
  "$java" "$load" "$url" "$secret" "$n" "$seconds" 5 invoice.finalized
done
# A handled type: stored as RECEIVED and processed at once (the processor competes for the same cores).
printf 'load %s | ' "$(cut -d' ' -f1 /proc/loadavg)"
"$java" "$load" "$url" "$secret" 8 "$seconds" 5 account.updated

payload=$("$java" "$load" --print-event invoice.finalized)
# The payload sits in a one-row table: pgbench would read the JSON's ":value" parts as its own variables.
PGPASSWORD=local-only psql -q -h 127.0.0.1 -p "$pg_port" -U freightgate_owner -v ON_ERROR_STOP=1 -v payload="$payload" \
  freightgate <<'SQL'
CREATE TABLE bench_payload AS SELECT :'payload'::jsonb AS payload;
GRANT SELECT ON bench_payload TO freightgate_app;
SQL
cat > "$data/insert_inbox.sql" <<'SQL'
INSERT INTO webhook_inbox (endpoint, event_id, event_type, object_id, api_version, event_created, payload, status,
  attempts, received_at, processed_at)
SELECT 'platform', 'evt_pg' || md5(random()::text), 'invoice.finalized', 'acct_bench', '2026-07-29.dahlia', now(),
  payload, 'IGNORED', 0, now(), now() FROM bench_payload
ON CONFLICT ON CONSTRAINT webhook_inbox_event_unique DO NOTHING;
SQL
for n in $senders; do
  printf 'load %s | pgbench clients=%s: ' "$(cut -d' ' -f1 /proc/loadavg)" "$n"
  PGPASSWORD=local-only pgbench -h 127.0.0.1 -p "$pg_port" -U freightgate_app -n -M prepared -c "$n" \
    -j $((n < 2 ? 1 : 2)) -T "$seconds" -f "$data/insert_inbox.sql" freightgate > "$data/pgbench-$n.log" 2>&1 \
    || { echo "pgbench failed:"; cat "$data/pgbench-$n.log"; exit 1; }
  awk '/latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "tps=%.0f latency_avg=%sms\n", tps, lat}' "$data/pgbench-$n.log"
done
echo "rows in webhook_inbox: $(PGPASSWORD=local-only psql -h 127.0.0.1 -p "$pg_port" -U freightgate_app -Atc 'SELECT count(*) FROM webhook_inbox' freightgate)"
