#!/bin/sh
# The bundle on a clean Debian 12 without Python: a minimal chroot (debootstrap) with only
# the graphics libraries every Debian desktop has, then the same smoke test as dist_test.sh.
# Run as root after `make dist`:   sh installer/debian_chroot_test.sh [dist/zorgkoppel]
set -eu
BUNDLE=${1:-dist/zorgkoppel}
ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
debootstrap --variant=minbase bookworm "$ROOT" http://deb.debian.org/debian >/dev/null
cp /etc/resolv.conf "$ROOT/etc/"
chroot "$ROOT" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install \
  -y -qq --no-install-recommends libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 \
  fonts-dejavu-core >/dev/null'
if chroot "$ROOT" sh -c 'command -v python3'; then echo "python3 is in the chroot"; exit 1; fi
cp -a "$BUNDLE" "$ROOT/opt/zorgkoppel"
chroot "$ROOT" env ZORGKOPPEL_DATA_DIR=/tmp/data QT_QPA_PLATFORM=offscreen HOME=/root sh -eu -c '
  /opt/zorgkoppel/zorgkoppel --version
  /opt/zorgkoppel/zorgkoppel --lang nl demo
  timeout 120 /opt/zorgkoppel/zorgkoppel gui --exit-after-start
  /opt/zorgkoppel/zorgkoppel --lang fr contract --all -o /tmp/contracts
  test -n "$(ls /tmp/contracts/*.pdf)"'
echo "bundle ok on a clean Debian 12 without Python"
