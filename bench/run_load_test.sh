#!/usr/bin/env bash
# The bounded load test: gunicorn with the PRODUCTION settings on 127.0.0.1 only, against the
# generated data set in PostgreSQL, N virtual users for D seconds; stops gunicorn when done.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/oc_bench OPENCASUS_FIELD_KEY=... bench/run_load_test.sh
#
# Locust (bench/locustfile.py) drives it.
# Environment: LOAD_USERS (100), LOAD_SECONDS (60), LOAD_PORT (8765), LOAD_WORKERS (4), LOAD_THREADS (4),
# LOAD_THINK_SCALE (1: think times as in the scenario; 0.5 halves them).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL to the benchmark database}"
case "$DATABASE_URL" in *@127.0.0.1:*|*@127.0.0.1/*) ;; *) echo "only PostgreSQL on 127.0.0.1" >&2; exit 2;; esac
: "${OPENCASUS_FIELD_KEY:?set OPENCASUS_FIELD_KEY to the key the data set was generated with}"
PY=.venv/bin/python
export PYTHONPATH="$PWD/src"
export DJANGO_SETTINGS_MODULE=opencasus.settings.production
export SECRET_KEY="${SECRET_KEY:-$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')}"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING
PORT=${LOAD_PORT:-8765}
USERS=${LOAD_USERS:-100}
DURATION=${LOAD_SECONDS:-60}
mkdir -p var
$PY manage.py collectstatic --noinput -v0
# The dashboard summary as its periodic task leaves it (months that earlier runs changed are rebuilt).
$PY manage.py rebuild_dashboard_figures --stale-only > /dev/null
# The scenario is written by the development-only scale app; gunicorn serves the plain production settings.
DJANGO_SETTINGS_MODULE=opencasus.settings.loadtest $PY manage.py prepare_load_test --port "$PORT" --out var/load-scenario.json
.venv/bin/gunicorn opencasus.wsgi --bind "127.0.0.1:$PORT" --workers "${LOAD_WORKERS:-4}" \
  --worker-class gthread --threads "${LOAD_THREADS:-4}" --keep-alive 30 --preload \
  > var/gunicorn-load.log 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true; wait $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.5
done
echo "gunicorn (production settings) on 127.0.0.1:$PORT, ${LOAD_WORKERS:-4} workers x ${LOAD_THREADS:-4} threads"
# Locust, headless; the summary at the end is bench/locustfile.py's (exact percentiles of every request).
export LOAD_SCENARIO=var/load-scenario.json LOAD_THINK_SCALE="${LOAD_THINK_SCALE:-1}"
LOCUST=(.venv/bin/locust -f bench/locustfile.py --headless --only-summary --loglevel WARNING --stop-timeout 5)
# Warm up every worker and its database connection (not measured).
"${LOCUST[@]}" -u 16 -r 16 -t "${LOAD_WARMUP_SECONDS:-10}s" > /dev/null 2>&1 || true
"${LOCUST[@]}" -u "$USERS" -r "$USERS" -t "${DURATION}s" 2> var/locust.log
