#!/bin/sh
# First start: a cluster with scram-sha-256 over TCP, the role POSTGRES_USER (password POSTGRES_PASSWORD or
# the file POSTGRES_PASSWORD_FILE) owning the database POSTGRES_DB. Later starts use the existing cluster.
set -eu
: "${POSTGRES_USER:=opencasus}" "${POSTGRES_DB:=opencasus}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE"); fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE must be set on the first start}"
  initdb --pgdata "$PGDATA" --username postgres --encoding UTF8 --locale C.UTF-8 \
    --auth-local peer --auth-host scram-sha-256 >/dev/null
  {
    echo "listen_addresses = '*'"
    echo "password_encryption = 'scram-sha-256'"
    echo "log_destination = 'stderr'"
    echo "logging_collector = off"
  } >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  pg_ctl --pgdata "$PGDATA" --options "-c listen_addresses=''" --wait start >/dev/null
  psql --username postgres --dbname postgres --quiet --set ON_ERROR_STOP=1 \
    --set user="$POSTGRES_USER" --set password="$POSTGRES_PASSWORD" --set db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"user";
SQL
  pg_ctl --pgdata "$PGDATA" --mode fast --wait stop >/dev/null
  echo "postgres-entrypoint: initialised $PGDATA with database $POSTGRES_DB"
fi
exec postgres -D "$PGDATA" "$@"
