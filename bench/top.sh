#!/usr/bin/env bash
# netct top's budgets on a big table (issue 13), in a private network namespace:
#   bench/top.sh [N]      N entries (default 1000000)
# 0. events: a netct top started on the empty table follows the fill (netct -R of N lines);
# 1. initial screen: from start to the first screen that shows all N entries (tmux pane polled every 50 ms);
# 2. quiet: CPU of netct top over 10 s while nothing changes, as a share of one core;
# 3. events: 5 s of 20,000 creates per second (netct -R of 20,000 lines each second), then the
#    overruns and entries the header shows;
# 4. memory: RSS of netct top showing the first screen of the loaded table (entries view, sorted by
#    source) minus its RSS on the empty table, per entry: the model (entries, index, the first
#    page's order; no grouping is read, so no aggregate is built) plus what the runtime keeps
#    (GC heap slack, the dump's buffers).
# nf_conntrack_max is raised in the init namespace for the run when N does not fit, and restored.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
N=${1:-${N:-1000000}}
netct=${NETCT_BIN:-$repo/bin/netct}
say() { echo "bench/top: $*" >&2; }

if [ "${BENCH_INSIDE:-}" != 1 ]; then
  [ -x "$netct" ] || { say "$netct does not exist: run 'make build' first"; exit 1; }
  command -v tmux >/dev/null || { say "tmux is needed"; exit 1; }
  sysctl_dir=/proc/sys/net/netfilter
  old_max=$(cat $sysctl_dir/nf_conntrack_max)
  trap '[ "$(cat $sysctl_dir/nf_conntrack_max)" = "$old_max" ] || echo "$old_max" >$sysctl_dir/nf_conntrack_max' EXIT
  need=$((N + 200000))
  [ "$need" -le "$old_max" ] || echo "$need" >$sysctl_dir/nf_conntrack_max
  BENCH_INSIDE=1 unshare -n bash "$0" "$N"
  exit
fi

work=$(mktemp -d)
socket="netct-top-bench-$$"
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
screen() { tmux -L "$socket" capture-pane -p -t top; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
start_top() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  tmux -L "$socket" new-session -d -s top -x 160 -y 50 "$netct top; sleep 3600"
  # The pane's shell runs netct top: its child, not the newest netct on the machine (others may run).
  local shell pid=
  shell=$(tmux -L "$socket" display-message -p -t top '#{pane_pid}')
  for _ in $(seq 200); do pid=$(pgrep -P "$shell" -x netct || true); [ -n "$pid" ] && break; sleep 0.05; done
  echo "$pid"
}
wait_for_screen() { # PATTERN TIMEOUT_S
  local deadline=$(( $(date +%s%N) + $2 * 1000000000 ))
  while ! screen | grep -q -- "$1"; do
    [ "$(date +%s%N)" -lt "$deadline" ] || { say "the screen never showed '$1':"; screen >&2; return 1; }
    sleep 0.05
  done
}

pid=$(start_top)
wait_for_screen "entries 0/" 20
sleep 2
empty_rss=$(rss_kib "$pid")

say "filling the table with $N entries"
awk -v n="$N" -f "$bench/gen-entries.awk" >"$work/table.txt"
fill_start=$(date +%s%N)
"$netct" -R "$work/table.txt" 2>/dev/null
fill_seconds=$(awk -v d=$(( $(date +%s%N) - fill_start )) 'BEGIN { printf "%.1f", d / 1e9 }')
entries=$(cat /proc/sys/net/netfilter/nf_conntrack_count)
# The instance started on the empty table has followed the whole fill through events.
wait_for_screen "entries $entries/" 60
fill_overruns=$(screen | head -1 | sed -n 's/.*overruns \([0-9]*\).*/\1/p')

tmux -L "$socket" kill-server
start=$(date +%s%N)
pid=$(start_top)
wait_for_screen "entries $entries/" 60
initial_ms=$(( ($(date +%s%N) - start) / 1000000 ))
sleep 3
loaded_rss=$(rss_kib "$pid")

before=$(cpu_ticks "$pid"); sleep 10; after=$(cpu_ticks "$pid")
quiet_percent=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", 100 * t / hz / 10 }')

say "5 s of 20,000 creates per second"
for s in 0 1 2 3 4; do
  awk -v s="$s" 'BEGIN { for (i = 0; i < 20000; i++) printf "-I -p udp -s 192.0.2.%d -d 198.51.100.%d --sport %d --dport %d -t 600\n", i % 250 + 1, int(i / 250) + 1, 10000 + s, 20000 + int(i / 62500) }' >"$work/burst$s.txt"
done
burst_start=$(date +%s%N)
for s in 0 1 2 3 4; do
  "$netct" -R "$work/burst$s.txt" 2>/dev/null
  wake=$(( burst_start + (s + 1) * 1000000000 )); now=$(date +%s%N)
  [ "$now" -ge "$wake" ] || sleep "$(awk -v d=$((wake - now)) 'BEGIN { printf "%.3f", d / 1e9 }')"
done
burst_seconds=$(awk -v d=$(( $(date +%s%N) - burst_start )) 'BEGIN { printf "%.1f", d / 1e9 }')
after_burst=$(cat /proc/sys/net/netfilter/nf_conntrack_count)
wait_for_screen "entries $after_burst/" 30
header=$(screen | head -1)
overruns=$(sed -n 's/.*overruns \([0-9]*\).*/\1/p' <<<"$header")
resyncs=$(sed -n 's/.*resyncs \([0-9]*\).*/\1/p' <<<"$header")

bytes_per_entry=$(awk -v a="$loaded_rss" -v b="$empty_rss" -v n="$entries" 'BEGIN { printf "%.0f", (a - b) * 1024 / n }')
cat <<REPORT
netct top on $entries entries ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))
  followed the fill:       $entries creates in ${fill_seconds} s ($(awk -v n="$entries" -v s="$fill_seconds" 'BEGIN { printf "%.0f", n / s }')/s) through events, overruns ${fill_overruns}
  initial screen:          ${initial_ms} ms (budget 2000 ms)
  quiet CPU:               ${quiet_percent}% of one core over 10 s (budget 5%)
  100,000 creates in ${burst_seconds} s: overruns ${overruns}, resyncs ${resyncs}, screen shows all $after_burst entries (budget: no overrun)
  memory:                  RSS $((empty_rss / 1024)) MiB empty, $((loaded_rss / 1024)) MiB loaded (entries view, first screen): ${bytes_per_entry} bytes per entry of RSS growth (budget 120; the model's entries are 60 bytes, its index 5 per slot)
REPORT
