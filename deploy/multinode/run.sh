#!/usr/bin/env bash
# The multi-node test, on 127.0.0.1 only (run as root: it installs HAProxy and starts the replica):
#
#   MN_DATABASE_URL=postgres://postgres@127.0.0.1:5432/oc_multinode deploy/multinode/run.sh
#
# Starts a PostgreSQL streaming replica (replica.sh), MN_NODES gunicorn nodes with the production settings
# behind HAProxy (health checks, retries on another node), a Celery worker and two schedulers (beat), then a
# Locust load of MN_USERS users for MN_SECONDS seconds. A third into it one node is killed (SIGKILL of its
# whole process group), two thirds into it the replica is stopped. Prints requests/s, p95, errors, writes
# acknowledged against writes in the database, reports read from the replica and from the primary, and the
# runs of each periodic task per due time. Everything it started is stopped at the end.
#
# The data set: make bench-data BENCH_DATABASE_URL=$MN_DATABASE_URL BENCH_SCALE=0.01
# Environment: MN_NODES (2), MN_USERS (30), MN_SECONDS (120), MN_PORT (8270; nodes on the ports after it, HAProxy's statistics on MN_PORT + 9),
# MN_REDIS (redis://127.0.0.1:6379, databases 13 and 14), REPLICA_PORT (5452), OPENCASUS_FIELD_KEY (the
# key the data set was generated with), MN_THINK_SCALE (1).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${MN_DATABASE_URL:?set MN_DATABASE_URL to the generated data set}"
case "$MN_DATABASE_URL" in postgres://*@127.0.0.1:5432/*) ;; *) echo "only PostgreSQL on 127.0.0.1:5432" >&2; exit 2;; esac
[ "$(id -u)" = 0 ] || { echo "run.sh: run as root (HAProxy, the replica cluster)" >&2; exit 1; }
DB_NAME=${MN_DATABASE_URL##*/}
NODES=${MN_NODES:-2}
USERS=${MN_USERS:-30}
SECONDS_=${MN_SECONDS:-120}
PORT=${MN_PORT:-8270}
REDIS=${MN_REDIS:-redis://127.0.0.1:6379}
export REPLICA_PORT=${REPLICA_PORT:-5452}
PY=.venv/bin/python
OUT=var/multinode
mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/beat-*.db* "$OUT"/locust_*

command -v haproxy >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
systemctl disable --now haproxy >/dev/null 2>&1 || true  # the package's own instance is not used

export PYTHONPATH="$PWD/src" DJANGO_SETTINGS_MODULE=opencasus.settings.production
export DATABASE_URL="$MN_DATABASE_URL" DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB_NAME"
export OPENCASUS_FIELD_KEY=${OPENCASUS_FIELD_KEY:-bench-field-key-0123456789abcdef0123456789}
export SECRET_KEY="${SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')}"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING OPENCASUS_DB_ROUTER_LOG_LEVEL=DEBUG
export CACHE_URL="$REDIS/14" CELERY_BROKER_URL="$REDIS/13" OPENCASUS_VAR_DIR="$PWD/$OUT"
export OPENCASUS_REPLICA_MAX_LAG=${OPENCASUS_REPLICA_MAX_LAG:-10} OPENCASUS_REPLICA_CHECK_SECONDS=${OPENCASUS_REPLICA_CHECK_SECONDS:-3}
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
redis-cli -u "$REDIS/13" flushdb >/dev/null; redis-cli -u "$REDIS/14" flushdb >/dev/null

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  deploy/multinode/replica.sh stop || true
}
trap cleanup EXIT
start() {  # start NAME COMMAND...: in a process group of its own, its output in $OUT/NAME.log
  local name=$1; shift
  setsid "$@" > "$OUT/$name.log" 2>&1 &
  PIDS+=($!)
  eval "PID_${name//-/_}=$!"
}

deploy/multinode/replica.sh start
$PY manage.py collectstatic --noinput -v0
$PY manage.py rebuild_dashboard_figures --stale-only > /dev/null
DJANGO_SETTINGS_MODULE=opencasus.settings.loadtest $PY manage.py prepare_load_test --port "$PORT" \
  --out "$OUT/scenario.json" | tail -1

for n in $(seq 1 "$NODES"); do
  start "node$n" .venv/bin/gunicorn opencasus.wsgi --bind "127.0.0.1:$((PORT + n))" --workers 2 \
    --worker-class gthread --threads 4 --keep-alive 30 --preload --graceful-timeout 20 \
    --control-socket "$PWD/$OUT/node$n.ctl"
done
start worker .venv/bin/celery -A opencasus worker --loglevel INFO --concurrency 2 --hostname "mn-worker@%h"
start beat-a $PY deploy/multinode/beat_every_minute.py --schedule "$OUT/beat-a.db"
start beat-b $PY deploy/multinode/beat_every_minute.py --schedule "$OUT/beat-b.db"

{
  sed "s/@PORT@/$PORT/g; s/@STATS_PORT@/$((PORT + 9))/g" deploy/multinode/haproxy.cfg
  for n in $(seq 1 "$NODES"); do echo "    server node$n 127.0.0.1:$((PORT + n)) check"; done
} > "$OUT/haproxy.cfg"
haproxy -c -q -f "$OUT/haproxy.cfg"
start haproxy haproxy -db -f "$OUT/haproxy.cfg"
STATS_URL="http://127.0.0.1:$((PORT + 9))/stats;csv"
stats() { curl -s "$STATS_URL" || true; }

for _ in $(seq 1 120); do
  up=$(stats | awk -F, '$1 == "nodes" && $18 == "UP"' | wc -l)
  [ "$up" = "$NODES" ] && break
  sleep 0.5
done
echo "HAProxy on 127.0.0.1:$PORT, $up of $NODES nodes up; replica: $(deploy/multinode/replica.sh status)"

psql_primary() { psql -X -h 127.0.0.1 -U postgres -d "$DB_NAME" -tAc "$1"; }
AGREEMENTS=$($PY -c "import json, sys; s = json.load(open(sys.argv[1])); print(','.join(sorted({r['path'].rsplit('/', 1)[1] for u in s['users'] for r in u['requests'] if r['method'] == 'PATCH'})) or '0')" "$OUT/scenario.json")
VERSIONS_BEFORE=$(psql_primary "SELECT coalesce(sum(version), 0) FROM plans_agreement WHERE id IN ($AGREEMENTS)")
count_reports() { cat "$OUT"/node*.log | grep -c "read from the $1" || true; }

export MULTINODE_SCENARIO="$OUT/scenario.json" MULTINODE_WRITES="$OUT/writes.json" MULTINODE_PORT=$PORT
export MULTINODE_THINK_SCALE=${MN_THINK_SCALE:-1}
start locust .venv/bin/locust -f deploy/multinode/locustfile.py --headless --users "$USERS" \
  --spawn-rate "$USERS" --run-time "${SECONDS_}s" --csv "$OUT/locust" --only-summary --stop-timeout 10
sleep $((SECONDS_ / 3))
KILLED=$NODES
kill -KILL -- "-$(eval echo "\$PID_node$KILLED")"
echo "$(date -u +%T) node$KILLED killed (SIGKILL, master and workers)"
sleep $((SECONDS_ / 3))
REPLICA_BEFORE=$(count_reports replica); PRIMARY_BEFORE=$(count_reports primary)
deploy/multinode/replica.sh stop
echo "$(date -u +%T) replica stopped"
while kill -0 "$PID_locust" 2>/dev/null; do sleep 1; done
REPLICA_AFTER=$(( $(count_reports replica) - REPLICA_BEFORE )); PRIMARY_AFTER=$(( $(count_reports primary) - PRIMARY_BEFORE ))

# The schedulers stop; the worker finishes what they sent.
kill -TERM -- "-$PID_beat_a" "-$PID_beat_b" 2>/dev/null || true
for _ in $(seq 1 120); do
  received=$(grep -c "Task .* received" "$OUT/worker.log" || true)
  done_=$(grep -cE "Task .* (succeeded|failed|raised)" "$OUT/worker.log" || true)
  [ "$received" = "$done_" ] && break
  sleep 1
done
VERSIONS_AFTER=$(psql_primary "SELECT coalesce(sum(version), 0) FROM plans_agreement WHERE id IN ($AGREEMENTS)")

echo
echo "== multi-node test: $NODES nodes behind HAProxy, $USERS users, $SECONDS_ s; node$KILLED killed at 1/3, replica stopped at 2/3"
$PY - "$OUT" "$VERSIONS_BEFORE" "$VERSIONS_AFTER" <<'EOF'
import csv, json, sys
out, before, after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = list(csv.DictReader(open(f"{out}/locust_stats.csv")))
total = next(r for r in rows if r["Name"] == "Aggregated")
print(f"requests {total['Request Count']}, failed {total['Failure Count']}, "
      f"{float(total['Requests/s']):.1f} requests/s, p50 {total['50%']} ms, p95 {total['95%']} ms, p99 {total['99%']} ms")
for r in rows:
    if r["Name"] != "Aggregated":
        print(f"  {r['Type']:5} {r['Name']:42} {r['Request Count']:>6} failed {r['Failure Count']:>3}  p95 {r['95%']:>5} ms")
for r in csv.DictReader(open(f"{out}/locust_failures.csv")):
    print(f"  failure: {r['Method']} {r['Name']}: {r['Error']} x{r['Occurrences']}")
writes = json.load(open(f"{out}/writes.json"))
acked = sum(writes["acknowledged"].values())
present = after - before
print(f"writes: {acked} acknowledged (200), {present} in the database (version increments), "
      f"lost {max(0, acked - present)}; {writes['conflicts']} conflicts (409, re-read)")
EOF
echo "reports: $REPLICA_BEFORE from the replica and $PRIMARY_BEFORE from the primary before it stopped;" \
     "$REPLICA_AFTER from the replica and $PRIMARY_AFTER from the primary after"
echo "reports that failed on the replica and were read again from the primary: $(cat "$OUT"/node*.log | grep -c "it is read from the primary" || true)"
stats | awk -F, '$1 == "nodes" && $2 ~ /^node/ {print "haproxy " $2 ": status " $18 ", requests " $8 ", retries " $16 ", redispatches " $17}'
echo "periodic tasks (two schedulers): due times seen by scheduler a / b, runs in the worker"
for entry in $($PY -c "import sys; sys.path.insert(0, 'deploy/multinode'); import beat_every_minute as b; print(' '.join(b.EVERY_MINUTE))"); do
  task=$(grep -o "Sending due task $entry ([^)]*)" "$OUT/beat-a.log" "$OUT/beat-b.log" | head -1 | sed 's/.*(\(.*\))/\1/')
  a=$(grep -c "Sending due task $entry " "$OUT/beat-a.log" || true)
  b=$(grep -c "Sending due task $entry " "$OUT/beat-b.log" || true)
  runs=$( [ -n "$task" ] && grep -cE "Task $task\[[^]]*\] succeeded" "$OUT/worker.log" || echo 0)
  skipped=$(cat "$OUT"/beat-*.log | grep -c "Periodic task $entry: another scheduler" || true)
  verdict=$( [ "$runs" = "$(( a > b ? a : b ))" ] && echo "each due time ran once" || echo "MISMATCH")
  echo "  $entry: due $a / $b, runs $runs, skipped by the other scheduler $skipped: $verdict"
done
