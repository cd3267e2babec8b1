#!/usr/bin/env bash
# The podman stack of deploy/podman/opencasus-pod.yaml on this host (images from scripts/build_images.sh).
#   scripts/podman_stack.sh up       start it (secrets and a self-signed certificate are made on the first run)
#   scripts/podman_stack.sh down     stop and remove the pod (the data volumes stay)
#   scripts/podman_stack.sh purge    also remove the data volumes and var/podman (everything is lost)
#   scripts/podman_stack.sh wait     wait until the site answers on https (migrations done, database ready)
# Environment: OPENCASUS_HOST (default localhost), OPENCASUS_PORT (8443), OPENCASUS_BIND (127.0.0.1),
#   OPENCASUS_WAIT_SECONDS (600: how long `wait` waits), OPENCASUS_STACK_NAME (opencasus: the pod, and the prefix of its volumes and containers),
#   OPENCASUS_STACK_DIR (var/podman; holds stack.env with the secrets and the tls/ certificate).
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENCASUS_HOST=${OPENCASUS_HOST:-localhost} OPENCASUS_PORT=${OPENCASUS_PORT:-8443}
export OPENCASUS_BIND=${OPENCASUS_BIND:-127.0.0.1}
STACK_DIR=${OPENCASUS_STACK_DIR:-var/podman}
export STACK_NAME=${OPENCASUS_STACK_NAME:-opencasus}
VOLUMES=("$STACK_NAME-pgdata" "$STACK_NAME-redisdata" "$STACK_NAME-media")

# shellcheck source=scripts/podman_env.sh
. scripts/podman_env.sh

random() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

prepare() {
  mkdir -p "$STACK_DIR/tls"
  chmod 0700 "$STACK_DIR"
  if [ ! -f "$STACK_DIR/stack.env" ]; then
    (
    umask 077
    {
      echo "POSTGRES_PASSWORD=$(random 24)"
      echo "SECRET_KEY=$(random 40)"
      echo "OPENCASUS_FIELD_KEY=$(random 32)"
      echo "OPENCASUS_INSTALLATION_NAME=${OPENCASUS_INSTALLATION_NAME:-podman}"
    } > "$STACK_DIR/stack.env"
    )
  fi
  if [ ! -f "$STACK_DIR/tls/tls.crt" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$OPENCASUS_HOST" \
      -addext "subjectAltName=DNS:$OPENCASUS_HOST,DNS:localhost,IP:127.0.0.1" \
      -keyout "$STACK_DIR/tls/tls.key" -out "$STACK_DIR/tls/tls.crt" 2>/dev/null
    # The proxy runs as uid 10002 and must read its key; nobody else on the host may.
    chown 10002:10002 "$STACK_DIR/tls/tls.key"; chmod 0400 "$STACK_DIR/tls/tls.key"
    chmod 0644 "$STACK_DIR/tls/tls.crt"; chmod 0755 "$STACK_DIR/tls"
  fi
  set -a; . "$STACK_DIR/stack.env"; set +a
  TLS_DIR=$(cd "$STACK_DIR/tls" && pwd); export TLS_DIR
}

case "${1:-}" in
  up)
    prepare
    envsubst < deploy/podman/opencasus-pod.yaml > "$STACK_DIR/opencasus-pod.yaml"
    podman kube play "$STACK_DIR/opencasus-pod.yaml" >/dev/null
    echo "opencasus: https://$OPENCASUS_HOST:$OPENCASUS_PORT/ (certificate: $STACK_DIR/tls/tls.crt)" ;;
  wait)
    prepare
    deadline=$((SECONDS + ${OPENCASUS_WAIT_SECONDS:-600}))
    while [ $SECONDS -lt $deadline ]; do
      if curl -fsS --cacert "$STACK_DIR/tls/tls.crt" --resolve "$OPENCASUS_HOST:$OPENCASUS_PORT:$OPENCASUS_BIND" \
          "https://$OPENCASUS_HOST:$OPENCASUS_PORT/gezondheid" >/dev/null 2>&1 \
         && [ "$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$STACK_NAME-migrate")" = "exited 0" ]; then
        exit 0
      fi
      sleep 1
    done
    echo "podman_stack: no healthy answer in time; podman logs $STACK_NAME-web / $STACK_NAME-migrate" >&2
    exit 1 ;;
  down)
    podman pod rm --force --time 20 "$STACK_NAME" >/dev/null 2>&1 || true ;;
  purge)
    podman pod rm --force --time 20 "$STACK_NAME" >/dev/null 2>&1 || true
    podman volume rm --force "${VOLUMES[@]}" >/dev/null 2>&1 || true
    rm -rf "$STACK_DIR" ;;
  *)
    echo "usage: $0 up|wait|down|purge" >&2; exit 64 ;;
esac
