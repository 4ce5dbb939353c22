#!/usr/bin/env bash
# Makes a fresh Debian machine ready to build and test netct: installs the missing host packages,
# starts dockerd when it is not running (there is no systemd on CI) and builds the local test image.
# Idempotent, and fast when everything is already in place (no apt-get call at all then).
#
#   tests/setup/ensure-deps.sh            host tools + docker + the test image (what `make test` needs)
#   tests/setup/ensure-deps.sh --host     host tools only: gcc and libc6-dev (the Native AOT link),
#                                         iproute2, nftables, ping, python3 (`make demo`, `make bench`)
# The .NET 10 SDK is not installed here (it is not in Debian's archive): see require-build-tools.sh.
#
# Environment: NETCT_TEST_IMAGE (image name, default netct-test:trixie),
#              NETCT_DOCKERD_LOG (default /var/log/netct-dockerd.log), NETCT_DOCKERD_TIMEOUT (s, default 60).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
mode=full
case "${1:-}" in
  --host) mode=host ;;
  "") ;;
  *) echo "usage: $0 [--host]" >&2; exit 2 ;;
esac

say() { echo "ensure-deps: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "must run as root (it installs packages, starts dockerd and uses network namespaces)"
  exit 1
fi

# command-or-file the package provides -> package name
host_needs=(
  # The Native AOT link of `make build` (demo and bench build too); gcc only recommends libc6-dev.
  "gcc:gcc"
  "/usr/include/stdio.h:libc6-dev"
  "ip:iproute2"
  "nft:nftables"
  "unshare:util-linux"
  "ping:iputils-ping"
  "python3:python3-minimal"
  "/usr/bin/time:time"
  "awk:mawk"
  # bench/top.sh drives netct top in a tmux pane.
  "tmux:tmux"
)
full_needs=(
  # The unit tests render man/netct.8 with groff -ww (no warnings allowed).
  "groff:groff"
  # The exporter's unit tests check its output with promtool check metrics.
  "promtool:prometheus"
  "/usr/include/linux/netfilter/nfnetlink_conntrack.h:linux-libc-dev"
  "conntrack:conntrack"
  # The machine image ships a docker client alone (/usr/local/bin/docker); the daemon is what counts.
  "dockerd:docker.io"
  "mmdebstrap:mmdebstrap"
  "/usr/share/keyrings/debian-archive-keyring.gpg:debian-archive-keyring"
)
needs=("${host_needs[@]}")
[ "$mode" = full ] && needs+=("${full_needs[@]}")

missing=()
for pair in "${needs[@]}"; do
  what=${pair%%:*}
  pkg=${pair#*:}
  if [[ $what == /* ]]; then
    [ -e "$what" ] && continue
  else
    command -v "$what" >/dev/null 2>&1 && continue
    # root's PATH on some machines lacks the sbin directories
    [ -x "/usr/sbin/$what" ] || [ -x "/sbin/$what" ] && continue
  fi
  missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  # Without systemd, docker.io's postinst would try to start the daemon through its init script and
  # fail the install if that fails; a temporary policy-rc.d forbids service starts (we start dockerd below).
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  if [ -n "$(trap -p EXIT)" ]; then rm -f "$policy"; trap - EXIT; fi
fi

[ "$mode" = host ] && exit 0

# dockerd: start it in the background when no daemon answers (no systemd on CI machines).
if ! docker info >/dev/null 2>&1; then
  log=${NETCT_DOCKERD_LOG:-/var/log/netct-dockerd.log}
  timeout_s=${NETCT_DOCKERD_TIMEOUT:-60}
  if pgrep -x dockerd >/dev/null 2>&1; then
    say "dockerd is running but not answering yet; waiting"
  else
    say "starting dockerd (log: $log)"
    # The test containers use network `none`, so dockerd needs no bridge, no NAT and no forwarding:
    # its defaults would set the host's FORWARD policy to DROP, add NAT rules and a docker0 bridge and
    # turn on ip_forward, which breaks a router (where conntrack users work).
    # setsid + nohup: the daemon outlives this script and the make/CI process group.
    setsid nohup dockerd --iptables=false --ip6tables=false --bridge=none --ip-forward=false \
      >"$log" 2>&1 </dev/null &
  fi
  deadline=$((SECONDS + timeout_s))
  until docker info >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      say "dockerd did not answer within ${timeout_s}s; last lines of $log:"
      tail -n 20 "$log" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 1
  done
  say "dockerd is up"
fi

"$repo/tests/image/build-image.sh"
