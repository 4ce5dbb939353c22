#!/usr/bin/env bash
# `make bench`: netct against the reference conntrack 1.4.8 on the same big table, side by side.
#   bench/run.sh [N] [K]      N entries (default 200000), K timed runs per program and case (default 5)
# Environment: N, K (same as the arguments), NETCT_BIN (default bin/netct),
#              BENCH_CASES_FILE (default bench/cases.sh).
#
# Everything runs in a private network namespace (unshare -n): the host's conntrack table is never
# touched. The table is filled from a generated file of `-I` lines with `conntrack -R`. For each case
# in bench/cases.sh both programs run alternately K times with stdout and stderr to /dev/null; the
# table reports the median wall time of each and the ratio netct/conntrack, then peak RSS, then the
# kernel floor: the time bench/kernel-floor.c (a dump read and thrown away, nothing else) takes for
# the cases in BENCH_FLOOR_CASES, which no program that lists the table can beat.
# The result is printed and written to bench/results/latest.md.
#
# Table size: nf_conntrack_max and nf_conntrack_buckets are read-only in a child namespace; when N
# does not fit, nf_conntrack_max (and, for very large N, the bucket count) is raised in the host's
# init namespace for the duration of the run and restored afterwards.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
N=${1:-${N:-200000}}
K=${2:-${K:-5}}
netct=${NETCT_BIN:-$repo/bin/netct}
ref_root=$bench/.reference/root
ref_libs=$ref_root/usr/lib/x86_64-linux-gnu
ref_bin=$ref_root/usr/sbin/conntrack
results=$bench/results

# shellcheck source=bench/cases.sh
source "${BENCH_CASES_FILE:-$bench/cases.sh}"

say() { echo "bench: $*" >&2; }

if [ "${BENCH_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" -eq 0 ] || { say "run as root (it needs a network namespace and CAP_NET_ADMIN)"; exit 1; }
  [[ $N =~ ^[0-9]+$ && $N -ge 1 && $K =~ ^[0-9]+$ && $K -ge 1 ]] || { say "usage: $0 [N>=1] [K>=1]"; exit 2; }
  if [ ! -x "$netct" ]; then
    say "$netct does not exist: run 'make build' first (or set NETCT_BIN)"
    exit 1
  fi
  bash "$repo/tests/setup/ensure-deps.sh" --host
  bash "$bench/fetch-reference.sh" >/dev/null

  sysctl_dir=/proc/sys/net/netfilter
  old_max=$(cat $sysctl_dir/nf_conntrack_max)
  old_buckets=$(cat $sysctl_dir/nf_conntrack_buckets)
  restore() {
    [ "$(cat $sysctl_dir/nf_conntrack_max)" = "$old_max" ] || echo "$old_max" >$sysctl_dir/nf_conntrack_max
    [ "$(cat $sysctl_dir/nf_conntrack_buckets)" = "$old_buckets" ] || echo "$old_buckets" >$sysctl_dir/nf_conntrack_buckets
  }
  trap restore EXIT
  need=$((N + N / 10 + 1000))
  if [ "$need" -gt "$old_max" ]; then
    say "raising nf_conntrack_max $old_max -> $need in the init namespace for this run (restored at exit)"
    echo "$need" >$sysctl_dir/nf_conntrack_max
  fi
  if [ $((N / 4)) -gt "$old_buckets" ]; then
    say "raising nf_conntrack_buckets $old_buckets -> $((N / 4)) for this run (restored at exit)"
    echo $((N / 4)) >$sysctl_dir/nf_conntrack_buckets
  fi
  set +e
  BENCH_INSIDE=1 unshare --net bash "${BASH_SOURCE[0]}" "$N" "$K"
  rc=$?
  exit $rc
fi

# ---- inside the private namespace ----
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

conntrack_ref() { LD_LIBRARY_PATH=$ref_libs "$ref_bin" "$@"; }
# The same as a command bench/event-burst.sh can run.
conntrack_ref_cmd=$work/conntrack-ref
printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' "$ref_libs" "$ref_bin" >"$conntrack_ref_cmd"
chmod +x "$conntrack_ref_cmd"

refill_table() {
  conntrack_ref -F >/dev/null 2>&1
  conntrack_ref -R "$work/entries.txt" >/dev/null 2>"$work/load.err" || {
    say "loading the table with conntrack -R failed:"; tail -n 3 "$work/load.err" >&2; exit 1; }
}

flush_table() { conntrack_ref -F >/dev/null 2>&1; }

gcc -O2 -o "$work/kernel-floor" "$bench/kernel-floor.c"

say "generating and loading $N entries"
awk -v n="$N" -f "$bench/gen-entries.awk" >"$work/entries.txt"
load_start=$EPOCHREALTIME
refill_table
load_ms=$(awk -v a="$load_start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
count=$(cat /proc/sys/net/netfilter/nf_conntrack_count)
say "table holds $count entries (loaded in ${load_ms} ms)"

# run_timed PROGRAM ARGS...: wall time in ms of one run, output discarded (exit codes are checked
# on the warm-up run)
run_timed() {
  local start end
  start=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) * 1000 }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
fmt_ms() { awk -v v="$1" 'BEGIN { if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.2f", v }'; }

rows=()
declare -A ref_median_of
for spec in "${BENCH_CASES[@]}"; do
  IFS='|' read -r name args prepare ref_args <<<"$spec"
  args=${args//@ENTRIES@/$work/entries.txt}
  read -r -a argv <<<"$args"
  # conntrack runs the case's own arguments unless the case names others (netct-only options).
  read -r -a ref_argv <<<"${ref_args:-$args}"
  say "case: $name"
  # Untimed warm-up: exit codes and stdout line counts must agree, or the times mean nothing.
  [ -z "$prepare" ] || $prepare
  netct_rc=0; ref_rc=0
  netct_lines=$("$netct" "${argv[@]}" 2>/dev/null | wc -l; exit "${PIPESTATUS[0]}") || netct_rc=$?
  [ -z "$prepare" ] || $prepare
  ref_lines=$(conntrack_ref "${ref_argv[@]}" 2>/dev/null | wc -l; exit "${PIPESTATUS[0]}") || ref_rc=$?
  note=""
  [ "$netct_rc" = "$ref_rc" ] || note="exit codes differ: netct $netct_rc, conntrack $ref_rc"
  [ "$netct_lines" = "$ref_lines" ] || note="${note:+$note; }stdout lines differ: netct $netct_lines, conntrack $ref_lines"

  netct_times=""; ref_times=""
  for ((k = 1; k <= K; k++)); do
    # Alternate who goes first so neither always runs on a warmer cache.
    if ((k % 2)); then
      [ -z "$prepare" ] || $prepare; netct_times+=" $(run_timed "$netct" "${argv[@]}")"
      [ -z "$prepare" ] || $prepare; ref_times+=" $(run_timed conntrack_ref "${ref_argv[@]}")"
    else
      [ -z "$prepare" ] || $prepare; ref_times+=" $(run_timed conntrack_ref "${ref_argv[@]}")"
      [ -z "$prepare" ] || $prepare; netct_times+=" $(run_timed "$netct" "${argv[@]}")"
    fi
  done
  # Every case starts from the full table of N entries.
  [ -z "$prepare" ] || refill_table
  netct_med=$(median <<<"$netct_times")
  ref_med=$(median <<<"$ref_times")
  ref_median_of[$name]=$ref_med
  rows+=("| \`$name\` | $(fmt_ms "$netct_med") | $(fmt_ms "$ref_med") | $(ratio "$netct_med" "$ref_med") | $ref_lines | ${note:-ok} |")
done

rss_rows=()
for args in "${BENCH_RSS_CASES[@]}"; do
  read -r -a argv <<<"$args"
  say "peak RSS: $args"
  /usr/bin/time -o "$work/rss.netct" -f %M "$netct" "${argv[@]}" >/dev/null 2>&1 || true
  LD_LIBRARY_PATH=$ref_libs /usr/bin/time -o "$work/rss.ref" -f %M "$ref_bin" "${argv[@]}" >/dev/null 2>&1 || true
  netct_rss=$(tail -n 1 "$work/rss.netct"); ref_rss=$(tail -n 1 "$work/rss.ref")
  rss_rows+=("| \`$args\` | $netct_rss | $ref_rss | $(ratio "$netct_rss" "$ref_rss") |")
done

# netct's own table doctor has no conntrack counterpart: its wall time and peak RSS on the full table.
say "netct health --interval 0 (netct only)"
health_times=""
for ((k = 1; k <= K; k++)); do health_times+=" $(run_timed "$netct" health --interval 0)"; done
/usr/bin/time -o "$work/rss.health" -f %M "$netct" health --interval 0 >/dev/null 2>&1 || true
health_row="| \`netct health --interval 0\` | $(fmt_ms "$(median <<<"$health_times")") | $(tail -n 1 "$work/rss.health") |"

floor_rows=()
for spec in ${BENCH_FLOOR_CASES[@]+"${BENCH_FLOOR_CASES[@]}"}; do
  IFS='|' read -r name floor_args <<<"$spec"
  read -r -a argv <<<"$floor_args"
  say "kernel floor: $name"
  floor_times=""
  for ((k = 1; k <= K; k++)); do floor_times+=" $(run_timed "$work/kernel-floor" "${argv[@]}")"; done
  floor_med=$(median <<<"$floor_times")
  ref_med=${ref_median_of[$name]:-0}
  floor_rows+=("| \`$name\` | $(fmt_ms "$floor_med") | $(fmt_ms "$ref_med") | $(ratio "$floor_med" "$ref_med") |")
done

say "event burst: -E (default settings, stdout to a file) while conntrack -R creates $N entries"
flush_table
read -r netct_new netct_overruns netct_rc < <(bash "$bench/event-burst.sh" "$work/entries.txt" "$conntrack_ref_cmd" -- "$netct")
read -r ref_new ref_overruns ref_rc < <(bash "$bench/event-burst.sh" "$work/entries.txt" "$conntrack_ref_cmd" -- "$conntrack_ref_cmd")
refill_table
percent() { awk -v a="$1" -v n="$N" 'BEGIN { printf "%.1f", 100 * a / n }'; }
burst_rows=(
  "| netct | $netct_new | $(percent "$netct_new")% | $netct_overruns | $netct_rc |"
  "| conntrack | $ref_new | $(percent "$ref_new")% | $ref_overruns | $ref_rc |"
)

mkdir -p "$results"
{
  echo "# netct vs conntrack 1.4.8"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), kernel $(uname -r), $(nproc) CPU ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
  echo "- table: $count entries (N=$N: tcp/udp/icmp IPv4 and IPv6, marks 0..7, zones 0..3), loaded with conntrack -R in ${load_ms} ms"
  echo "- median of K=$K runs each, alternating, stdout and stderr to /dev/null"
  echo "- netct: $("$netct" -V 2>&1 | head -n 1); conntrack: $(conntrack_ref -V 2>&1 | head -n 1)"
  echo
  echo "| case | netct ms | conntrack ms | netct/conntrack | lines | check |"
  echo "|---|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "| peak RSS | netct KiB | conntrack KiB | netct/conntrack |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${rss_rows[@]}"
  echo
  echo "| netct only | ms | peak RSS KiB |"
  echo "|---|---:|---:|"
  echo "$health_row"
  if ((${#floor_rows[@]})); then
    echo
    echo "Kernel floor: bench/kernel-floor.c only dumps (into a 32 KiB buffer) and discards; no program listing the table is faster."
    echo
    echo "| case | floor ms | conntrack ms | floor/conntrack |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${floor_rows[@]}"
  fi

  echo
  echo "Event burst: \`-E\` with default settings writing to a file while \`conntrack -R\` creates $N entries"
  echo "(overrun warnings: lines on stderr that mention ENOBUFS; conntrack prints one per overrun, plus a hint)."
  echo
  echo "| listener | [NEW] events | of $N | overrun warnings | exit |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${burst_rows[@]}"
} >"$results/latest.md"
cat "$results/latest.md"
say "written to ${results#"$repo"/}/latest.md"
