#!/usr/bin/env bash
# Restore drill (docs/deployment.md, "Backup and restore"): restores a backup into a FRESH PostgreSQL
# cluster on another port (created and started here, dropped afterwards), checks the processing log's
# hash chains there with `manage.py verify_processing_log`, compares the row count of every table with
# the source database, and prints the time of each step. Run as root on a host with PostgreSQL's
# Debian packages (pg_createcluster). The source must not change during the drill (the counts are exact).
#   SOURCE_DATABASE_URL=postgres://... scripts/restore_drill.sh [dump file]
# Without a dump file the drill first makes one with scripts/backup_database.sh (timed as well).
# Environment: DRILL_PORT (default 5544), RESTORE_JOBS (parallel pg_restore jobs, default the CPU count),
#   PG_VERSION (default the newest installed), OPENCASUS_FIELD_KEY / DJANGO_SETTINGS_MODULE for manage.py.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SOURCE_DATABASE_URL:?SOURCE_DATABASE_URL must name the database the backup was taken from}"
if [ "$(id -u)" != 0 ]; then echo "restore_drill: run as root (pg_createcluster)" >&2; exit 1; fi
PY=${PY:-.venv/bin/python}
port=${DRILL_PORT:-5544}
version=${PG_VERSION:-$(ls /usr/lib/postgresql | sort -n | tail -n1)}
jobs=${RESTORE_JOBS:-$(nproc)}
cluster="opencasus_drill_$$"
work=$(mktemp -d /var/tmp/opencasus-drill.XXXXXX)
chmod 0755 "$work"
now() { date +%s.%N; }
took() { awk -v s="$1" -v e="$(now)" 'BEGIN {printf "%.1f", e - s}'; }
declare -a timings=()

cleanup() {
  pg_dropcluster --stop "$version" "$cluster" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dump=${1:-}
if [ -z "$dump" ]; then
  t=$(now)
  DATABASE_URL="$SOURCE_DATABASE_URL" scripts/backup_database.sh "$work/backup"
  dump=$(ls "$work"/backup/opencasus-*.dump)
  timings+=("backup (pg_dump): $(took "$t") s")
fi
if [ -f "$dump.sha256" ]; then (cd "$(dirname "$dump")" && sha256sum --quiet --check "$(basename "$dump").sha256"); fi
echo "dump: $dump ($(du -h "$dump" | cut -f1))"

# A cluster of its own, reachable only on 127.0.0.1 with a password made for this drill.
t=$(now)
password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$password" > "$work/pwfile"; chown postgres "$work/pwfile"; chmod 0400 "$work/pwfile"
pg_createcluster --quiet --port "$port" "$version" "$cluster" -- --auth-local=peer --auth-host=scram-sha-256 \
  --pwfile="$work/pwfile" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
pg_ctlcluster "$version" "$cluster" start
target="postgres://postgres:$password@127.0.0.1:$port"
psql --quiet "$target/postgres" -c "CREATE DATABASE opencasus"
timings+=("fresh cluster $version/$cluster on port $port: $(took "$t") s")

t=$(now)
pg_restore --dbname "$target/opencasus" --jobs "$jobs" --no-owner --no-privileges --exit-on-error "$dump"
psql --quiet "$target/opencasus" -c "ANALYZE"
timings+=("restore (pg_restore --jobs $jobs, then ANALYZE): $(took "$t") s")

t=$(now)
verified=$(DATABASE_URL="$target/opencasus" "$PY" manage.py verify_processing_log)
awk '/^chain / {chains++; records += $3} END {printf "processing log: %d chains, %d records verified\n", chains, records}' \
  <<<"$verified"
tail -n 1 <<<"$verified"
timings+=("verify_processing_log: $(took "$t") s")

# Exact row counts of every table (partitions included) on both sides.
count_sql="SELECT string_agg(format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname,
  n.nspname, c.relname), ' UNION ALL ' ORDER BY n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg_toast%'"
counts() { psql --no-psqlrc -At -F ' ' "$1" -c "$(psql --no-psqlrc -At "$1" -c "$count_sql")" | sort; }
t=$(now)
counts "$SOURCE_DATABASE_URL" > "$work/source.counts"
counts "$target/opencasus" > "$work/restored.counts"
tables=$(wc -l < "$work/source.counts")
rows=$(awk '{n += $2} END {print n}' "$work/source.counts")
timings+=("row counts of $tables tables, both sides: $(took "$t") s")
if ! diff -u "$work/source.counts" "$work/restored.counts" > "$work/counts.diff"; then
  echo "restore_drill: row counts differ between the source and the restored database:" >&2
  cat "$work/counts.diff" >&2
  exit 1
fi
echo "row counts equal: $tables tables, $rows rows"
printf '  %s\n' "${timings[@]}"
echo "restore drill passed"
