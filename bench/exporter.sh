#!/usr/bin/env bash
# `make bench-exporter` (or bench/exporter.sh [N]): netct exporter on a table of N entries (default
# 1,000,000) in a private network namespace: how long a scrape takes and what the exporter's memory
# costs per entry.
# Environment: N, NETCT_BIN (default bin/netct), SCRAPES (default 50).
#
# Stages:
#   follow   the exporter starts on an empty table, then N entries are loaded (netct -R): its model
#            follows them through events (resyncing after overruns); RSS before and after gives the
#            memory per entry
#   scrape   SCRAPES scrapes of /metrics, timed by the client (median, p99, max) and by the exporter
#            (netct_exporter_scrape_duration_seconds)
#   restart  a second exporter started on the full table: time until its first dump is in the model
#
# nf_conntrack_max is raised in the init namespace for the run (it cannot be written in a child
# namespace on 6.x kernels) and restored at exit; the host's table is not touched.
# Results: printed and written to bench/results/exporter.md.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
N=${1:-${N:-1000000}}
SCRAPES=${SCRAPES:-50}
netct=${NETCT_BIN:-$repo/bin/netct}
results=$bench/results

say() { echo "bench-exporter: $*" >&2; }

if [ "${EXPORTER_BENCH_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" -eq 0 ] || { say "run as root (it needs a network namespace and CAP_NET_ADMIN)"; exit 1; }
  [[ $N =~ ^[0-9]+$ && $N -ge 1000 ]] || { say "usage: $0 [N>=1000]"; exit 2; }
  [ -x "$netct" ] || { say "$netct does not exist: run 'make build' first (or set NETCT_BIN)"; exit 1; }
  max=/proc/sys/net/netfilter/nf_conntrack_max
  old_max=$(cat $max)
  trap '[ "$(cat $max)" = "$old_max" ] || echo "$old_max" >$max' EXIT
  need=$((N + N / 10))
  if [ "$need" -gt "$old_max" ]; then
    say "raising nf_conntrack_max $old_max -> $need in the init namespace for this run (restored at exit)"
    echo "$need" >$max
  fi
  set +e
  EXPORTER_BENCH_INSIDE=1 unshare --net bash "${BASH_SOURCE[0]}" "$N"
  exit $?
fi

# ---- inside the private namespace ----
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
ip link set lo up

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
# The sum of netct_conntrack_entries on PORT's page (the model's count), or -1.
model_entries() {
  python3 - "$1" <<'PY'
import sys, urllib.request
try:
    page = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics", timeout=10).read().decode()
except Exception:
    print(-1); sys.exit()
rows = [l for l in page.splitlines() if l.startswith("netct_conntrack_entries{")]
loaded = "# TYPE netct_conntrack_entries gauge" in page
print(int(sum(float(l.rsplit(" ", 1)[1]) for l in rows)) if loaded else -1)
PY
}
wait_model() { # PORT EXPECTED TIMEOUT_S
  local deadline=$((SECONDS + $3))
  until [ "$(model_entries "$1")" = "$2" ]; do
    [ $SECONDS -lt $deadline ] || { say "the model on :$1 did not reach $2 entries within $3 s"; return 1; }
    sleep 0.5
  done
}

"$netct" exporter --listen 127.0.0.1:19100 2>"$work/exporter.err" & pids+=($!); exporter=$!
wait_model 19100 0 30 || true
sleep 1
rss_empty=$(rss_kib "$exporter")

say "generating and loading $N entries (netct -R) while the exporter follows"
awk -v n="$N" -f "$bench/gen-entries.awk" >"$work/entries.txt"
start=$EPOCHREALTIME
"$netct" -R "$work/entries.txt" >/dev/null 2>"$work/load.err" || { say "loading failed:"; tail -n 3 "$work/load.err" >&2; exit 1; }
load_s=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
entries=$(cat /proc/sys/net/netfilter/nf_conntrack_count)
wait_model 19100 "$entries" 120 || say "the model holds $(model_entries 19100) entries, the table $entries: going on"
follow_s=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
rss_full=$(rss_kib "$exporter")
hwm_full=$(hwm_kib "$exporter")

say "scraping $SCRAPES times"
python3 - "$SCRAPES" >"$work/scrapes.txt" <<'PY'
import sys, time, urllib.request
durations, own = [], []
for _ in range(int(sys.argv[1])):
    start = time.perf_counter()
    page = urllib.request.urlopen("http://127.0.0.1:19100/metrics", timeout=10).read().decode()
    durations.append((time.perf_counter() - start) * 1000)
    own += [float(l.rsplit(" ", 1)[1]) * 1000 for l in page.splitlines() if l.startswith("netct_exporter_scrape_duration_seconds")]
durations.sort(); own.sort()
pick = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
print(f"{pick(durations, 0.5):.2f} {pick(durations, 0.99):.2f} {durations[-1]:.2f} {pick(own, 0.5):.2f} {own[-1]:.2f} {len(page)}")
PY
read -r median p99 worst own_median own_worst page_bytes <"$work/scrapes.txt"
overruns=$(python3 -c "import urllib.request; print(sum(int(float(l.split()[-1])) for l in urllib.request.urlopen('http://127.0.0.1:19100/metrics').read().decode().splitlines() if l.startswith(('netct_conntrack_event_overruns_total','netct_conntrack_resyncs_total'))))")

say "starting a second exporter on the full table"
start=$EPOCHREALTIME
"$netct" exporter --listen 127.0.0.1:19101 2>"$work/exporter2.err" & pids+=($!); second=$!
wait_model 19101 "$entries" 120 || say "the second model holds $(model_entries 19101) entries, the table $entries: going on"
restart_s=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
rss_second=$(rss_kib "$second")

per_entry=$(awk -v a="$rss_empty" -v b="$rss_full" -v n="$entries" 'BEGIN { printf "%.0f", (b - a) * 1024 / n }')
per_entry_second=$(awk -v a="$rss_empty" -v b="$rss_second" -v n="$entries" 'BEGIN { printf "%.0f", (b - a) * 1024 / n }')
mkdir -p "$results"
{
  echo "# netct exporter on $entries entries"
  echo
  echo "- models at the end: $(model_entries 19100) entries (followed by events), $(model_entries 19101) (started on the full table); the table: $(cat /proc/sys/net/netfilter/nf_conntrack_count)"
  echo "- table: $entries entries (bench/gen-entries.awk), loaded with netct -R in ${load_s} s; the exporter's model had them all (events, with resyncs after overruns: overruns + resyncs = $overruns) ${follow_s} s after the load began"
  echo "- scrape of /metrics ($page_bytes bytes), $SCRAPES scrapes: median ${median} ms, p99 ${p99} ms, max ${worst} ms at the client; ${own_median} ms median, ${own_worst} ms max collecting (netct_exporter_scrape_duration_seconds)"
  echo "- exporter RSS: $((rss_empty / 1024)) MiB on the empty table, $((rss_full / 1024)) MiB with the table (peak $((hwm_full / 1024)) MiB): ${per_entry} bytes per entry"
  echo "- a second exporter started on the full table: model loaded in ${restart_s} s, RSS $((rss_second / 1024)) MiB (${per_entry_second} bytes per entry over the empty exporter)"
} | tee "$results/exporter.md"
