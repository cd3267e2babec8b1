#!/usr/bin/env bash
# A PostgreSQL streaming replica of the local PostgreSQL 15 cluster, on 127.0.0.1 only (run as root).
#
#   deploy/multinode/replica.sh start    replication user, pg_hba entry and reload on the primary (once);
#                                        pg_basebackup into a new cluster with standby.signal; start it
#   deploy/multinode/replica.sh stop     stop the replica (fast shutdown)
#   deploy/multinode/replica.sh status   lag as the application sees it
#   deploy/multinode/replica.sh remove   stop it and delete its data directory
#
# Environment: REPLICA_PORT (5452), REPLICA_DIR (/var/lib/postgresql/15/oc-replica), PRIMARY_PORT (5432),
# PRIMARY_CONF_DIR (/etc/postgresql/15/main), REPLICATION_USER (oc_replicator).
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
REPLICA_PORT=${REPLICA_PORT:-5452}
REPLICA_DIR=${REPLICA_DIR:-/var/lib/postgresql/15/oc-replica}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
PRIMARY_CONF_DIR=${PRIMARY_CONF_DIR:-/etc/postgresql/15/main}
REPL_USER=${REPLICATION_USER:-oc_replicator}
PASSFILE="$REPLICA_DIR.password"
as_postgres() { runuser -u postgres -- "$@"; }
primary_sql() { as_postgres psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -d postgres -tAc "$1"; }

start() {
  [ "$(id -u)" = 0 ] || { echo "replica.sh: run as root" >&2; exit 1; }
  if [ -f "$REPLICA_DIR/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null; then
    echo "replica already running on 127.0.0.1:$REPLICA_PORT"; return
  fi
  # The replication user: a password of its own, kept next to the replica's data (mode 600).
  install -d -o postgres -g postgres "$(dirname "$REPLICA_DIR")"
  if [ ! -s "$PASSFILE" ]; then
    umask 077; head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$PASSFILE"; chown postgres "$PASSFILE"
  fi
  local password; password=$(cat "$PASSFILE")
  if [ "$(primary_sql "SELECT 1 FROM pg_roles WHERE rolname = '$REPL_USER'")" != 1 ]; then
    primary_sql "CREATE ROLE $REPL_USER WITH REPLICATION LOGIN"
  fi
  primary_sql "ALTER ROLE $REPL_USER WITH PASSWORD '$password'"
  # Replication connections from 127.0.0.1 for that user only, with its password.
  local hba="$PRIMARY_CONF_DIR/pg_hba.conf"
  local line="host replication $REPL_USER 127.0.0.1/32 scram-sha-256"
  if ! grep -qxF "$line" "$hba"; then
    printf '# Open Casus streaming replica (deploy/multinode/replica.sh)\n%s\n' "$line" >> "$hba"
    primary_sql "SELECT pg_reload_conf()" >/dev/null
  fi
  # A fresh copy each time: the standby streams from where the backup ends.
  rm -rf "$REPLICA_DIR"
  install -d -o postgres -g postgres -m 700 "$REPLICA_DIR"
  echo "pg_basebackup of 127.0.0.1:$PRIMARY_PORT into $REPLICA_DIR ..."
  as_postgres env PGPASSWORD="$password" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U "$REPL_USER" \
    -D "$REPLICA_DIR" -X stream --checkpoint=fast --write-recovery-conf --no-password
  # Debian keeps the primary's configuration outside its data directory: the replica gets its own.
  as_postgres tee "$REPLICA_DIR/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $REPLICA_PORT
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 30s
max_connections = 100
shared_buffers = 128MB
logging_collector = off
EOF
  as_postgres tee "$REPLICA_DIR/pg_hba.conf" >/dev/null <<EOF
local all postgres peer
host all all 127.0.0.1/32 trust
EOF
  test -f "$REPLICA_DIR/standby.signal"
  as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR.log" -w -t 600 start >/dev/null
  echo "replica on 127.0.0.1:$REPLICA_PORT: $(status)"
}

stop() {
  if [ -f "$REPLICA_DIR/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null
  fi
}

status() {
  psql -X -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -tAc \
    "SELECT 'in recovery: ' || pg_is_in_recovery() || ', receiver: ' || coalesce((SELECT status FROM pg_stat_wal_receiver), 'none')
     || ', replayed up to ' || coalesce(pg_last_xact_replay_timestamp()::text, '-')"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  remove) stop; rm -rf "$REPLICA_DIR" "$REPLICA_DIR.log" ;;
  *) echo "usage: $0 start|stop|status|remove" >&2; exit 2 ;;
esac
