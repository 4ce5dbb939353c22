#!/usr/bin/env bash
# `make soak` (or `make bench SOAK=1`): netct on a table of N entries (default 1,000,000) while
# another process churns the table, in a private network namespace.
#   bench/soak.sh [N]
# Environment: N, NETCT_BIN (default bin/netct), CHURN (entries the churn loop creates and deletes
# per round, default 2000), EVENT_SECONDS (how long the events stage listens, default 30).
#
# Stages, each timed with its peak RSS (/usr/bin/time):
#   load        the N entries, with conntrack -R (the reference; setup, not measured against)
#   list        netct -L on the quiet table: every entry printed (lines == nf_conntrack_count); then
#               conntrack 1.4.8 -L for scale
#   list-churn  netct -L while the churn loop runs: at least the N entries, at most N + CHURN
#   delete-churn netct -D -m 3 while the churn loop runs (the churn uses mark 0): the count printed
#               equals the mark-3 entries there were, and none is left afterwards
#   events-churn netct -E for EVENT_SECONDS while the churn loop runs, ended by SIGINT: exit 0, the
#               summary printed, every overrun reported; its peak RSS shows whether memory stays flat
#               while millions of events go through
#
# Like bench/run.sh, nf_conntrack_max is raised in the init namespace for the run (it cannot be
# written in a child namespace on 6.x kernels) and restored at exit; the host's table is not touched.
# Results: printed and written to bench/results/soak.md.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
N=${1:-${N:-1000000}}
CHURN=${CHURN:-2000}
netct=${NETCT_BIN:-$repo/bin/netct}
ref_root=$bench/.reference/root
ref_libs=$ref_root/usr/lib/x86_64-linux-gnu
ref_bin=$ref_root/usr/sbin/conntrack
results=$bench/results
EVENT_SECONDS=${EVENT_SECONDS:-30}
SOAK_STAGES=(list list_churn delete_churn events_churn)

say() { echo "soak: $*" >&2; }

if [ "${SOAK_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" -eq 0 ] || { say "run as root (it needs a network namespace and CAP_NET_ADMIN)"; exit 1; }
  [[ $N =~ ^[0-9]+$ && $N -ge 1000 ]] || { say "usage: $0 [N>=1000]"; exit 2; }
  [ -x "$netct" ] || { say "$netct does not exist: run 'make build' first (or set NETCT_BIN)"; exit 1; }
  bash "$repo/tests/setup/ensure-deps.sh" --host
  bash "$bench/fetch-reference.sh" >/dev/null
  max=/proc/sys/net/netfilter/nf_conntrack_max
  old_max=$(cat $max)
  trap '[ "$(cat $max)" = "$old_max" ] || echo "$old_max" >$max' EXIT
  need=$((N + N / 10 + 4 * CHURN))
  if [ "$need" -gt "$old_max" ]; then
    say "raising nf_conntrack_max $old_max -> $need in the init namespace for this run (restored at exit)"
    echo "$need" >$max
  fi
  set +e
  SOAK_INSIDE=1 unshare --net bash "${BASH_SOURCE[0]}" "$N"
  exit $?
fi

# ---- inside the private namespace ----
work=$(mktemp -d)
churn_pid=
cleanup() {
  [ -z "$churn_pid" ] || { kill "$churn_pid" 2>/dev/null; wait "$churn_pid" 2>/dev/null; }
  rm -rf "$work"
}
trap cleanup EXIT

conntrack_ref() { LD_LIBRARY_PATH=$ref_libs "$ref_bin" "$@"; }
count() { cat /proc/sys/net/netfilter/nf_conntrack_count; }
rows=()
failures=0

# measure NAME EXPECTATION COMMAND...: runs COMMAND with stdout to $work/out, records wall time,
# peak RSS, exit code, stdout lines and how many churn runs (-R files) ended meanwhile.
measure() {
  local name=$1 expectation=$2 churn_before
  churn_runs=-
  shift 2
  churn_before=$(cat "$work/churn-runs" 2>/dev/null || echo)
  /usr/bin/time -o "$work/time" -f '%e %M' "$@" >"$work/out" 2>"$work/err" && rc=0 || rc=$?
  # /usr/bin/time puts "Command exited with non-zero status N" before the figures.
  read -r seconds rss < <(tail -n 1 "$work/time")
  lines=$(wc -l <"$work/out")
  summary=$(tail -n 1 "$work/err")
  [ -z "$churn_pid" ] || churn_runs=$(($(cat "$work/churn-runs") - churn_before))
  rows+=("| $name | \`$(basename "$1") ${*:2}\` | $seconds | $rss | $rc | $lines | $churn_runs | $expectation |")
  say "$name: ${seconds}s, ${rss} KiB, exit $rc, $lines lines, $churn_runs churn runs; $summary"
}

check() {
  if eval "$1"; then rows[-1]="${rows[-1]} ok |"; else rows[-1]="${rows[-1]} FAILED ($1) |"; failures=$((failures + 1)); fi
}

# The churn loop: creates CHURN entries (192.0.2.0/24 -> 198.51.100.0/24, mark 0) and deletes them
# again, with netct -R, until killed.
start_churn() {
  awk -v n="$CHURN" 'BEGIN { for (i = 0; i < n; i++) printf "-I -p udp -s 192.0.2.%d -d 198.51.100.%d --sport %d --dport 4000 -t 600\n", i % 250 + 1, int(i / 250) % 250 + 1, 10000 + i }' >"$work/churn-create.txt"
  echo "-D -s 192.0.2.0/24" >"$work/churn-delete.txt"
  echo 0 >"$work/churn-runs"
  (
    runs=0
    while :; do
      "$netct" -R "$work/churn-create.txt" >/dev/null 2>&1
      runs=$((runs + 1)); echo "$runs" >"$work/churn-runs"
      "$netct" -R "$work/churn-delete.txt" >/dev/null 2>&1
      runs=$((runs + 1)); echo "$runs" >"$work/churn-runs"
    done
  ) &
  churn_pid=$!
  sleep 1
}

stop_churn() {
  kill "$churn_pid" 2>/dev/null; wait "$churn_pid" 2>/dev/null || true
  churn_pid=
  conntrack_ref -D -s 192.0.2.0/24 >/dev/null 2>&1 || true
}

say "generating and loading $N entries"
awk -v n="$N" -f "$bench/gen-entries.awk" >"$work/entries.txt"
start=$EPOCHREALTIME
conntrack_ref -R "$work/entries.txt" 2>"$work/load.err" || { say "loading failed:"; tail -n 3 "$work/load.err" >&2; exit 1; }
load_s=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
entries=$(count)
say "table holds $entries entries (loaded in ${load_s} s)"

stage_list() {
  measure "list" "lines = $entries" "$netct" -L
  check '[ "$rc" = 0 ] && [ "$lines" = "$entries" ]'
  # For scale: the same dump with the reference (the kernel's share of the time is in both).
  LD_LIBRARY_PATH=$ref_libs measure "list (conntrack 1.4.8)" "lines = $entries" "$ref_bin" -L
  check '[ "$rc" = 0 ] && [ "$lines" = "$entries" ]'
}

stage_list_churn() {
  start_churn
  measure "list during churn" "$entries <= lines <= $((entries + CHURN))" "$netct" -L
  check '[ "$rc" = 0 ] && [ "$lines" -ge "$entries" ] && [ "$lines" -le $((entries + CHURN)) ]'
  stop_churn
}

stage_delete_churn() {
  marked=$(conntrack_ref -L -m 3 2>/dev/null | wc -l)
  start_churn
  measure "delete -m 3 during churn" "deleted = $marked, none left" "$netct" -D -m 3
  left=$(conntrack_ref -L -m 3 2>/dev/null | wc -l)
  check '[ "$rc" = 0 ] && [ "$lines" = "$marked" ] && grep -q "^.*: $marked flow entries have been deleted.$" "$work/err" && [ "$left" = 0 ]'
  stop_churn
}

stage_events_churn() {
  start_churn
  measure "events during churn" "exit 0, summary, overruns reported" timeout --preserve-status -s INT "$EVENT_SECONDS" "$netct" -E
  # Each churn run is one -R file: CHURN creations or CHURN deletions, one event each.
  generated=$((churn_runs * CHURN))
  overruns=$(grep -c "We have hit ENOBUFS" "$work/err" || true)
  events_note="- events stage: $lines events shown in ${EVENT_SECONDS} s while $churn_runs churn runs made about $generated; $overruns overrun warnings"
  check '[ "$rc" = 0 ] && [ "$lines" -gt 0 ] && grep -q "flow events have been shown" "$work/err" && { [ "$overruns" = 0 ] || grep -q "overruns (ENOBUFS) have lost events" "$work/err"; }'
  stop_churn
}

events_note=
for stage in "${SOAK_STAGES[@]}"; do
  "stage_$stage"
done

mkdir -p "$results"
{
  echo "# netct soak"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), kernel $(uname -r), $(nproc) CPU, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- table: $entries entries (N=$N, bench/gen-entries.awk), loaded with conntrack -R in ${load_s} s"
  echo "- churn: a loop of \`netct -R\` runs, each creating $CHURN entries (one pipelined file) and deleting them again (one \`-D -s 192.0.2.0/24\`)"
  echo "- netct: $("$netct" -V 2>&1 | head -n 1)"
  [ -z "$events_note" ] || echo "$events_note"
  echo
  echo "| stage | command | wall s | peak RSS KiB | exit | stdout lines | churn runs meanwhile | expected | check |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$results/soak.md"
cat "$results/soak.md"
say "written to ${results#"$repo"/}/soak.md"
[ "$failures" = 0 ]
