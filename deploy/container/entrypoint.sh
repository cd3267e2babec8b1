#!/bin/sh
# One image, several processes: the first argument says which.
#   web       gunicorn on 0.0.0.0:8000 (GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT)
#   worker    the Celery worker (CELERY_CONCURRENCY)
#   beat      the Celery scheduler (one replica only; its schedule state lives in /tmp)
#   migrate   database migrations and the processing log's partitions (the Kubernetes Job runs this)
#   manage …  any manage.py command, e.g. `manage verify_processing_log`
set -eu
command=${1:-web}
[ $# -gt 0 ] && shift
case "$command" in
  web)
    exec gunicorn opencasus.wsgi:application --bind 0.0.0.0:8000 \
      --workers "${GUNICORN_WORKERS:-3}" --threads "${GUNICORN_THREADS:-4}" \
      --timeout "${GUNICORN_TIMEOUT:-60}" --graceful-timeout 30 --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-*}" \
      --access-logfile - --error-logfile - --worker-tmp-dir /dev/shm "$@" ;;
  worker)
    exec celery -A opencasus worker --loglevel "${LOG_LEVEL:-INFO}" --concurrency "${CELERY_CONCURRENCY:-2}" "$@" ;;
  beat)
    exec celery -A opencasus beat --loglevel "${LOG_LEVEL:-INFO}" --schedule /tmp/celerybeat-schedule \
      --pidfile= "$@" ;;
  migrate)
    python /app/manage.py migrate --noinput
    exec python /app/manage.py ensure_log_partitions ;;
  manage)
    exec python /app/manage.py "$@" ;;
  *)
    echo "opencasus-entrypoint: unknown command '$command' (web, worker, beat, migrate, manage)" >&2
    exit 64 ;;
esac
