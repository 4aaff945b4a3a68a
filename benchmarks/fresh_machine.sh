#!/usr/bin/env bash
# The README's two set-up commands on a fresh Debian 12 (issue 23): a minbase chroot made
# by debootstrap, a clean clone of this repository in it, then `scripts/setup` and, with
# --tests, `.ci/run` (which runs `scripts/dev-setup`: the whole test suite; then ruff, mypy).
#
# Run as root on a Debian or Ubuntu host with debootstrap:
#   benchmarks/fresh_machine.sh [--tests] [CHROOT_DIR]     (default CHROOT_DIR: /tmp/citydip-fresh)
# Prints the log of each command and their exit codes; the figures go by hand into
# benchmarks/results/fresh-machine.md.
#
# What the chroot gets besides minbase: python3, git and ca-certificates (a fresh cloud
# image has them), the host's APT sources, the host's pip settings (/etc/pip.conf,
# /etc/xdg/pip, PIP_* variables, a local wheel folder) and its extra CA certificates, so that
# it reaches the same package registries the host does. ../shared, when it lies beside the
# repository, is mounted read-only beside the clone, as on CI.
set -euo pipefail
tests=0
if [[ "${1:-}" == --tests ]]; then tests=1; shift; fi
root=${1:-/tmp/citydip-fresh}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared

if [[ ! -x "$root/usr/bin/apt-get" ]]; then
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
mounted() { mountpoint -q "$1"; }
mounted "$root/proc" || mount -t proc proc "$root/proc"
mounted "$root/sys" || mount --rbind /sys "$root/sys"
mounted "$root/dev" || mount --rbind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/"
if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/"
    rm -f "$root/etc/apt/sources.list"
fi
[[ -f /etc/pip.conf ]] && cp /etc/pip.conf "$root/etc/"
[[ -d /etc/xdg/pip ]] && mkdir -p "$root/etc/xdg" && cp -r /etc/xdg/pip "$root/etc/xdg/"
mkdir -p "$root/repo" "$root/opt/wheels" "$root/root/shared"
mounted "$root/repo" || mount --bind -o ro "$repo" "$root/repo"
[[ -d /opt/wheels ]] && { mounted "$root/opt/wheels" || mount --bind /opt/wheels "$root/opt/wheels"; }
[[ -d "$shared" ]] && { mounted "$root/root/shared" || mount --bind -o ro "$shared" "$root/root/shared"; }

chroot "$root" bash -c 'apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q python3 git ca-certificates >/dev/null'
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null
fi
chroot "$root" git config --global --add safe.directory '*'
env_vars=(HOME=/root)
for var in $(compgen -e); do [[ "$var" == PIP_* ]] && env_vars+=("$var=${!var}"); done

chroot "$root" env "${env_vars[@]}" bash -c '
    cd /root && rm -rf citydip && git clone -q /repo citydip && cd citydip
    echo "commit: $(git log --oneline -1)"
    start=$SECONDS; scripts/setup; echo "scripts/setup: exit $? in $((SECONDS - start)) s"
' 2>&1 | tail -40
if ((tests)); then
    chroot "$root" env "${env_vars[@]}" bash -c '
        cd /root/citydip
        start=$SECONDS; bash .ci/run
        echo ".ci/run (scripts/dev-setup, ruff, mypy): exit $? in $((SECONDS - start)) s"
    ' 2>&1 | tail -40
fi
