#!/usr/bin/env bash
# Builds the container images of Open Casus from Debian packages alone (no container registry needed):
#   localhost/opencasus-base      Debian bookworm, debootstrapped from the mirror this machine's apt uses
#   localhost/opencasus           the application (web server, Celery worker or scheduler; deploy/container/Containerfile)
#   localhost/opencasus-postgres  PostgreSQL 15 from Debian
#   localhost/opencasus-redis     Redis from Debian
#   localhost/opencasus-proxy     nginx from Debian, TLS in front of the web server
# Run as root. Installs podman and debootstrap with apt-get when they are missing.
#   scripts/build_images.sh              build what is missing or changed (the base only when missing)
#   REBUILD_BASE=1 scripts/build_images.sh   debootstrap the base again (for Debian's security updates)
#   The Python packages are downloaded into build/wheels with PIP (default .venv/bin/pip; Python 3.11).
# Environment: DEBIAN_MIRROR (default: the first deb.debian.org-style URI of /etc/apt/sources.list*),
#   IMAGE_TAG (default: the short git commit of the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then echo "build_images: run as root (debootstrap and podman need it)" >&2; exit 1; fi

need=()
command -v podman >/dev/null || need+=(podman)
command -v debootstrap >/dev/null || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The mirror apt uses here: deb822 (.sources) or one-line format, the first entry that is not security.
mirror_of_apt() {
  local uri
  uri=$(awk '/^URIs:/ {print $2}' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 || true)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1 || true)
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}
MIRROR=${DEBIAN_MIRROR:-$(mirror_of_apt)}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-${MIRROR%/debian}/debian-security}
TAG=${IMAGE_TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo latest)}
SECONDS=0

if [ -n "${REBUILD_BASE:-}" ] || ! podman image exists localhost/opencasus-base:bookworm; then
  rootfs=$(mktemp -d /var/tmp/opencasus-rootfs.XXXXXX)
  # debootstrap mounts /proc (and may mount /sys, /dev/pts) inside the tree: those go first, and rm never
  # crosses into another file system.
  cleanup() {
    grep -o " $rootfs/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" || true; done
    rm -rf --one-file-system "$rootfs"
  }
  trap cleanup EXIT
  echo "Debootstrapping bookworm from $MIRROR"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$MIRROR" >/dev/null
  rm -f "$rootfs/etc/apt/sources.list"
  cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  # Images stay small: no package lists, documentation or caches; apt-get in a build fetches lists again.
  cat > "$rootfs/etc/apt/apt.conf.d/90container" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
APT
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - localhost/opencasus-base:bookworm >/dev/null
  cleanup; trap - EXIT
  echo "base image: ${SECONDS}s"
fi

# shellcheck source=scripts/podman_env.sh
. scripts/podman_env.sh

build() {  # build <name> <containerfile> <context>
  local start=$SECONDS
  podman build --quiet --network host -f "$2" -t "localhost/$1:$TAG" -t "localhost/$1:latest" "$3" >/dev/null
  echo "$1:$TAG: $((SECONDS - start))s"
}
# The wheelhouse of requirements.lock, downloaded here with the host's pip (its index, proxy and
# certificates); the image build installs from it with --no-index --require-hashes.
lock_hash=$(cat requirements.lock deploy/container/build-requirements.txt | sha256sum | cut -c1-16)
if [ ! -f "build/wheels/.lock-$lock_hash" ]; then
  start=$SECONDS
  rm -rf build/wheels
  for requirements in requirements.lock deploy/container/build-requirements.txt; do
    "${PIP:-.venv/bin/pip}" download --quiet --no-deps --require-hashes -r "$requirements" -d build/wheels 2>/dev/null
  done
  touch "build/wheels/.lock-$lock_hash"
  echo "wheelhouse of requirements.lock: $((SECONDS - start))s"
fi

build opencasus-postgres deploy/container/postgres/Containerfile deploy/container/postgres
build opencasus-redis deploy/container/redis/Containerfile deploy/container/redis
build opencasus-proxy deploy/container/proxy/Containerfile deploy/container/proxy
build opencasus deploy/container/Containerfile .
echo "images built in ${SECONDS}s"
