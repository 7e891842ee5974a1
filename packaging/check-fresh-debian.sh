#!/usr/bin/env bash
# Installs the package into a fresh, minimal Debian 12 (debootstrap, no build tools, no Qt) with
# apt and --no-install-recommends, then runs check-installed.sh there: proof that the package's
# dependencies are complete. Needs root.
# Usage: check-fresh-debian.sh <atelier_*.deb>
#        check-fresh-debian.sh --prepare <dir>          only make the Debian 12 root in <dir>
#        check-fresh-debian.sh --root <dir> <atelier_*.deb>   use the root made by --prepare
# (CI makes the root while it builds, so that the download is not waited for.)
set -euo pipefail

mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

# Makes a minimal Debian 12 in $1; on failure leaves $1.failed with debootstrap's last words.
prepare() {
    local root=$1
    mkdir -p "$root"
    chmod 755 "$root" # apt's sandbox user reads its downloads in there
    if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1; then
        tail -n 5 "$root.log" >"$root.failed"
        return 1
    fi
}

if [ "${1:-}" = "--prepare" ]; then
    prepare "$2" || true # said by the run that uses it
    exit 0
fi

prepared=""
if [ "${1:-}" = "--root" ]; then
    prepared=$2
    shift 2
fi
deb=$(realpath "$1")
root=${prepared:-$(mktemp -d /tmp/atelier-fresh-debian.XXXXXX)}
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root" "$root.log" "$root.failed"
}
trap cleanup EXIT

if [ -z "$prepared" ]; then
    prepare "$root" || true
fi
if [ -f "$root.failed" ] || [ ! -x "$root/usr/bin/apt-get" ]; then
    # The machine cannot build a chroot (no archive, no permission): say so, do not pretend.
    cat "$root.failed" >&2 2>/dev/null || true
    echo "check-fresh-debian: SKIPPED: debootstrap could not build a Debian 12 root here" >&2
    exit 0
fi
cp "$deb" "$root/tmp/atelier.deb"
cp "$(dirname "$0")/check-installed.sh" "$root/tmp/"
[ -f /etc/apt/sources.list.d/debian.sources ] && cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
mount -t proc proc "$root/proc"
chroot "$root" sh -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/atelier.deb >/dev/null'
echo "check-fresh-debian: installed into a minimal Debian 12 with $(chroot "$root" dpkg -l | grep -c '^ii') packages"
chroot "$root" bash /tmp/check-installed.sh
