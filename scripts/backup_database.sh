#!/usr/bin/env bash
# The scheduled backup of Open Casus (docs/deployment.md, "Backup and restore"): one pg_dump of the
# database in custom format (compressed, restorable in parallel, per table), written under a temporary
# name and renamed when complete, with its SHA-256 beside it; dumps older than BACKUP_KEEP_HOURS go.
#   DATABASE_URL=postgres://... scripts/backup_database.sh [backup directory (default var/backups)]
# Prints the file, its size and the time taken. The Kubernetes CronJob (deploy/kubernetes/backup-cronjob.yaml)
# does the same inside the cluster.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL must name the database to back up}"
dir=${1:-var/backups}
keep_hours=${BACKUP_KEEP_HOURS:-168}
mkdir -p "$dir"; chmod 0700 "$dir"
name="opencasus-$(date -u +%Y%m%dT%H%M%SZ).dump"
start=$(date +%s.%N)
umask 077
pg_dump --dbname "$DATABASE_URL" --format custom --compress 6 --no-owner --no-privileges --file "$dir/$name.partial"
mv "$dir/$name.partial" "$dir/$name"
(cd "$dir" && sha256sum "$name" > "$name.sha256")
find "$dir" -maxdepth 1 -name 'opencasus-*.dump*' -mmin "+$((keep_hours * 60))" -delete
awk -v s="$start" -v e="$(date +%s.%N)" -v f="$dir/$name" -v size="$(du -h "$dir/$name" | cut -f1)" \
  'BEGIN {printf "backup: %s (%s) in %.1f s\n", f, size, e - s}'
