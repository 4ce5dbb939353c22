#!/usr/bin/env bash
# `make demo`: builds netct, then shows it on real connections in a throwaway network namespace:
# loopback up, an nft rule so conntrack tracks loopback traffic, accounting on, a few TCP, UDP and
# ICMP flows over 127.0.0.1 and ::1, and netct's listings of that private table. The host's own
# conntrack table is never touched. Run as root.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
netct=${NETCT_BIN:-$repo/bin/netct}

if [ "${1:-}" != --inside ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "demo: run as root (it creates a network namespace)" >&2
    exit 1
  fi
  bash "$repo/tests/setup/ensure-deps.sh" --host
  if [ -z "${NETCT_BIN:-}" ]; then
    make --no-print-directory -C "$repo" build
  fi
  # A new network namespace with its own conntrack table; it disappears with its last process.
  exec unshare --net bash "${BASH_SOURCE[0]}" --inside
fi

# ---- inside the private namespace ----
work=$(mktemp -d)
cleanup() {
  if [ -s "$work/hold.pid" ]; then kill "$(cat "$work/hold.pid")" 2>/dev/null || true; fi
  if [ -s "$work/hold6.pid" ]; then kill "$(cat "$work/hold6.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

heading() { printf '\n\033[1m## %s\033[0m\n' "$*"; }
show() {
  printf '$ netct %s\n' "$*"
  local rc=0
  "$netct" "$@" || rc=$?
  [ $rc -eq 0 ] || printf '(exit code %d)\n' "$rc"
}

heading "Setting up a private network namespace"
ip link set lo up
nft -f - <<'EOF'
table inet netct_demo {
  chain output {
    type filter hook output priority 0;
    ct state new counter comment "any ct expression makes the kernel track this namespace's traffic"
  }
}
EOF
echo 1 >/proc/sys/net/netfilter/nf_conntrack_acct
echo 1 >/proc/sys/net/netfilter/nf_conntrack_timestamp
echo "lo is up, loopback traffic is tracked, per-flow packet/byte counters and time stamps are on"
# ::1 is usable once duplicate address detection is over (instant on lo, but be sure).
for _ in $(seq 20); do ip -6 addr show dev lo | grep -q tentative || break; sleep 0.1; done

heading "Making real flows on loopback"
python3 "$repo/tests/setup/loopback-flows.py" --tcp 2 --udp 2 --hold 120 --pidfile "$work/hold.pid"
python3 "$repo/tests/setup/loopback-flows.py" --tcp 1 --udp 1 --ipv6 --tcp-port 5101 --udp-port 6101 \
  --hold 120 --pidfile "$work/hold6.pid"
python3 "$repo/tests/setup/loopback-flows.py" --tcp 1 --udp 0 --tcp-port 5201
ping -q -c 3 -i 0.2 127.0.0.1 >/dev/null && echo "icmp 127.0.0.1 ping x3"
ping -q -c 2 -i 0.2 ::1 >/dev/null && echo "icmpv6 ::1 ping x2"

heading "The table (netct -L)"
show -L

heading "With the layer-3 protocol (netct -L -o extended)"
show -L -o extended

heading "Only TCP (netct -L -p tcp)"
show -L -p tcp

heading "How many entries (netct -C)"
show -C

heading "As XML (netct -L -o xml)"
show -L -o xml

heading "As JSON, one object per line (netct -L -p udp -o json)"
show -L -p udp -o json

heading "Events as they happen (netct -E -o timestamp), while a new flow comes and goes"
printf '$ netct -E -o timestamp   (stopped with SIGINT after the flow)\n'
"$netct" -E -o timestamp &
events_pid=$!
sleep 0.3
python3 "$repo/tests/setup/loopback-flows.py" --tcp 1 --udp 0 --tcp-port 5301 >/dev/null
"$netct" -D -p tcp --dport 5301 >/dev/null 2>&1 || true
sleep 0.3
kill -INT "$events_pid"
wait "$events_pid" || printf '(exit code %d)\n' "$?"

printf '\nThe namespace and its table are gone when this script ends.\n'
