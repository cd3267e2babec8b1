# Sourced by the podman scripts: uses deploy/podman/containers.conf when podman's defaults cannot start a
# container on this host (see that file). Needs the base image (scripts/build_images.sh builds it first).
if [ -z "${CONTAINERS_CONF:-}" ] && podman image exists localhost/opencasus-base:bookworm \
   && ! podman run --rm --network none localhost/opencasus-base:bookworm true >/dev/null 2>&1; then
  CONTAINERS_CONF="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/deploy/podman/containers.conf"
  if ! command -v runc >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >/dev/null
  fi
  export CONTAINERS_CONF
  echo "podman: using $CONTAINERS_CONF (the defaults cannot start a container here)" >&2
fi
