#!/usr/bin/env bash
# Smoke test of the container images (not part of the test suite: it builds images, which takes minutes).
# Builds the images, starts the podman stack in a pod of its own (name opencasus-smoke, its own volumes and
# port), loads the demo accounts, then drives scripts/api_walkthrough.py against the running containers:
# two accounts sign in with password and TOTP, an intake is filed, assessed, admitted and a plan adopted.
# Then checks the processing log inside the container, and removes the pod and its volumes.
#   sudo scripts/container_smoke.sh        (SMOKE_PORT=8643 by default; SMOKE_KEEP=1 leaves the stack running)
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENCASUS_STACK_NAME=opencasus-smoke OPENCASUS_STACK_DIR=var/podman-smoke
export OPENCASUS_PORT=${SMOKE_PORT:-8643} OPENCASUS_HOST=localhost OPENCASUS_BIND=127.0.0.1
PY=$(command -v python3)
t0=$SECONDS
lap() { echo "[$((SECONDS - t0))s] $*"; }

scripts/podman_stack.sh purge
if [ -z "${SMOKE_KEEP:-}" ]; then trap 'scripts/podman_stack.sh purge' EXIT; fi

lap "building images"
scripts/build_images.sh
lap "images built"
for image in opencasus opencasus-postgres opencasus-redis opencasus-proxy; do
  user=$(podman image inspect --format '{{.Config.User}}' "localhost/$image:latest")
  case "$user" in ""|0|root|0:0) echo "FAIL: $image runs as root" >&2; exit 1 ;; esac
  echo "  $image: user $user, $(podman image inspect --format '{{.Size}}' "localhost/$image:latest" \
    | awk '{printf "%.0f MB", $1 / 1e6}')"
done

scripts/podman_stack.sh up
if ! scripts/podman_stack.sh wait; then
  for name in migrate web proxy; do echo "--- $name"; podman logs --tail 15 "$OPENCASUS_STACK_NAME-$name" 2>&1; done
  exit 1
fi
lap "stack up: migrations done, https://localhost:$OPENCASUS_PORT/gezondheid answers"
podman pod ps --filter "name=^$OPENCASUS_STACK_NAME\$" --format '  pod {{.Name}}: {{.Status}}, {{.NumberOfContainers}} containers'
for name in web worker beat proxy postgres redis; do
  state=$(podman inspect --format '{{.State.Status}}' "$OPENCASUS_STACK_NAME-$name")
  [ "$state" = running ] || { echo "FAIL: $name is $state" >&2; podman logs --tail 30 "$OPENCASUS_STACK_NAME-$name"; exit 1; }
done
podman logs "$OPENCASUS_STACK_NAME-worker" 2>&1 | grep -q "ready" || { echo "FAIL: the worker is not ready" >&2; exit 1; }

# The demo accounts, written into the stack's database with the same keys (the demo refuses the production
# settings, so this one command runs with the demo settings inside the web container). The demo data needs
# Faker, a development dependency the image leaves out: it goes into this running container only, hashed
# from requirements-dev.lock.
mkdir -p "$OPENCASUS_STACK_DIR/demo-wheels"
awk 'tolower($0) ~ /^faker==/ {on = 1} on && /^ +#/ {exit} on' requirements-dev.lock \
  > "$OPENCASUS_STACK_DIR/demo-wheels/requirements.txt"
"${PIP:-.venv/bin/pip}" download --quiet --no-deps --require-hashes -r "$OPENCASUS_STACK_DIR/demo-wheels/requirements.txt" \
  -d "$OPENCASUS_STACK_DIR/demo-wheels" 2>/dev/null
podman cp "$OPENCASUS_STACK_DIR/demo-wheels" "$OPENCASUS_STACK_NAME-web:/tmp/demo-wheels"
podman exec --user 0 "$OPENCASUS_STACK_NAME-web" /opt/venv/bin/pip install --isolated --quiet --no-index --no-deps \
  --require-hashes --find-links /tmp/demo-wheels -r /tmp/demo-wheels/requirements.txt
accounts=$(podman exec -e DJANGO_SETTINGS_MODULE=opencasus.settings.demo "$OPENCASUS_STACK_NAME-web" \
  python /app/manage.py load_demo)
password=$(awk -F': ' '/^Password for every demo login/ {print $2}' <<<"$accounts")
account() {  # username:password:TOTP key (the base32 column of the username's line)
  local key
  key=$(grep -E "^$1 " <<<"$accounts" | grep -oE '\b[A-Z2-7]{26,}\b' | head -n1 || true)
  [ -n "$key" ] && echo "$1:$password:$key"
}
filer=$(account partner.politie || true); director=$(account procesregisseur || true)
[ -n "$filer" ] && [ -n "$director" ] || { echo "FAIL: demo accounts not found" >&2; echo "$accounts"; exit 1; }
lap "demo accounts loaded"

SSL_CERT_FILE="$OPENCASUS_STACK_DIR/tls/tls.crt" "$PY" scripts/api_walkthrough.py \
  --base "https://localhost:$OPENCASUS_PORT" --filer "$filer" --director "$director"
lap "walkthrough done: signed in with password and TOTP, intake filed and taken to an adopted plan"

podman exec "$OPENCASUS_STACK_NAME-web" python /app/manage.py verify_processing_log
lap "processing log verified inside the container"
echo "container smoke test passed in $((SECONDS - t0))s"
