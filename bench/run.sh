#!/usr/bin/env bash
# `make bench`: netct against the reference conntrack 1.4.8 on the same big table, side by side.
#   bench/run.sh [N] [K]      N entries (default 200000), K timed runs per program and case (default 5)
# Environment: N, K (same as the arguments), NETCT_BIN (default bin/netct),
#              BENCH_CASES_FILE (default bench/cases.sh), STARTUP_RUNS (default 100),
#              BENCH_RSS_ONLY=1 (`make bench-rss`: only the peak RSS rows and the event burst, for a
#              check at 1,000,000 entries that the timed cases would make long),
#              BENCH_STARTUP_ONLY=1 (`make bench-startup`: only the start-up rows, a check of a
#              start-up change that takes a minute rather than the whole bench).
#
# Everything runs in a private network namespace (unshare -n): the host's conntrack table is never
# touched. The table is filled from a generated file of `-I` lines with `conntrack -R`. For each case
# in bench/cases.sh both programs run alternately K times with stdout and stderr to /dev/null; the
# table reports the median wall time and the median CPU time (user + sys) of each, the ratio
# netct/conntrack and, for the cases in BENCH_FLOOR_CASES, the ratio to the kernel floor: what
# bench/kernel-floor.c (a dump read and thrown away, nothing else) takes, which no program that
# lists the table can beat; it is timed in the same rotation, beside netct. Start-up: -C and -G against an empty Native AOT program published with
# netct's own settings (bench/aot-baseline), and against the same program with System.CommandLine
# compiled in (bench/aot-baseline-commandline), STARTUP_RUNS runs each. Then peak RSS of every -L format,
# -D, -U and -E, beside the machine's L3 size and the GC settings in force (the GC sizes its heap from
# the L3 unless told otherwise). The result is printed and written to bench/results/latest.md
# (bench/results/rss.md for BENCH_RSS_ONLY, bench/results/startup.md for BENCH_STARTUP_ONLY).
#
# Table size: nf_conntrack_max and nf_conntrack_buckets are read-only in a child namespace; when N
# does not fit, nf_conntrack_max (and, for very large N, the bucket count) is raised in the host's
# init namespace for the duration of the run and restored afterwards.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
N=${1:-${N:-200000}}
K=${2:-${K:-5}}
STARTUP_RUNS=${STARTUP_RUNS:-100}
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
  # Published outside the namespace (a restore may need the network), with netct's settings.
  if [ "${BENCH_RSS_ONLY:-}" != 1 ]; then
    for program in aot-baseline aot-baseline-commandline; do
      say "publishing the empty Native AOT program (bench/$program)"
      dotnet publish "$bench/$program" -c Release -r linux-x64 -nologo -v q -o "$bench/$program/bin/publish" >/dev/null
    done
  fi

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

# run_timed PROGRAM ARGS...: "WALL_MS CPU_MS" of one run (CPU = user + sys of the program and its
# children, from bash's time), output discarded (exit codes are checked on the warm-up run)
run_timed() {
  local start end TIMEFORMAT='%3U %3S'
  start=$EPOCHREALTIME
  { time "$@" >/dev/null 2>&1; } 2>"$work/cpu" || true
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" '{ printf "%.3f %.1f\n", (b - a) * 1000, ($1 + $2) * 1000 }' "$work/cpu"
}

# time_runs COUNT PREPARE PROGRAM ARGS...: K-style runs of one program; sets run_wall and run_cpu
# to the medians
time_runs() {
  local count=$1 prepare=$2 walls="" cpus="" wall cpu k
  shift 2
  for ((k = 1; k <= count; k++)); do
    [ -z "$prepare" ] || $prepare
    read -r wall cpu < <(run_timed "$@")
    walls+=" $wall"; cpus+=" $cpu"
  done
  run_wall=$(median <<<"$walls"); run_cpu=$(median <<<"$cpus")
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
difference() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
fmt_ms() { awk -v v="$1" 'BEGIN { if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.2f", v }'; }

# The floor runs inside its case's rotation, next to netct, so that the ratio compares runs made
# at the same moment: this machine's speed drifts by 10% and more within minutes.
declare -A floor_args_of
for spec in ${BENCH_FLOOR_CASES[@]+"${BENCH_FLOOR_CASES[@]}"}; do
  IFS='|' read -r name floor_args <<<"$spec"
  floor_args_of[$name]=$floor_args
done

# One timed run of the current case's netct, conntrack or (for a case with a floor) kernel-floor,
# added to that program's list of wall and CPU times.
run_netct() { [ -z "$prepare" ] || $prepare; read -r wall cpu < <(run_timed "$netct" "${argv[@]}"); netct_walls+=" $wall"; netct_cpus+=" $cpu"; }
run_ref() { [ -z "$prepare" ] || $prepare; read -r wall cpu < <(run_timed conntrack_ref "${ref_argv[@]}"); ref_walls+=" $wall"; ref_cpus+=" $cpu"; }
run_floor() { [ -z "$has_floor" ] || { read -r wall cpu < <(run_timed "$work/kernel-floor" "${floor_argv[@]}"); floor_walls+=" $wall"; floor_cpus+=" $cpu"; }; }
# The start-up rows: wall time only (see below).
run_netct_startup() { read -r wall _ < <(run_timed "$netct" "${argv[@]}"); netct_walls+=" $wall"; }
run_base_startup() { read -r wall _ < <(run_timed "$baseline"); base_walls+=" $wall"; }
run_commandline_startup() { read -r wall _ < <(run_timed "$commandline_baseline"); commandline_walls+=" $wall"; }

rows=()
declare -A netct_args_of
for spec in "${BENCH_CASES[@]}"; do
  [ "${BENCH_RSS_ONLY:-}" != 1 ] || break
  IFS='|' read -r name args prepare ref_args <<<"$spec"
  args=${args//@ENTRIES@/$work/entries.txt}
  netct_args_of[$name]=$args
  # The start-up rows only need each case's arguments.
  [ "${BENCH_STARTUP_ONLY:-}" != 1 ] || continue
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

  netct_walls=""; ref_walls=""; netct_cpus=""; ref_cpus=""; floor_walls=""; floor_cpus=""
  has_floor=${floor_args_of[$name]+yes}
  read -r -a floor_argv <<<"${floor_args_of[$name]:-}"
  for ((k = 1; k <= K; k++)); do
    # Alternate who goes first so neither always runs on a warmer cache; the floor stays beside netct.
    if ((k % 2)); then run_netct; run_floor; run_ref; else run_ref; run_floor; run_netct; fi
  done
  # Every case starts from the full table of N entries.
  [ -z "$prepare" ] || refill_table
  netct_med=$(median <<<"$netct_walls"); ref_med=$(median <<<"$ref_walls")
  netct_cpu=$(median <<<"$netct_cpus"); ref_cpu=$(median <<<"$ref_cpus")
  if [ -n "$has_floor" ]; then
    floor_wall=$(median <<<"$floor_walls"); floor_cpu=$(median <<<"$floor_cpus")
    floor_cells="$(fmt_ms "$floor_wall") | $(ratio "$netct_med" "$floor_wall") | $(fmt_ms "$floor_cpu") | $(ratio "$netct_cpu" "$floor_cpu")"
  else
    floor_cells="- | - | - | -"
  fi
  rows+=("| \`$name\` | $(fmt_ms "$netct_med") | $(fmt_ms "$ref_med") | $(ratio "$netct_med" "$ref_med") | $(fmt_ms "$netct_cpu") | $(fmt_ms "$ref_cpu") | $floor_cells | $ref_lines | ${note:-ok} |")
done

# Start-up: what netct costs beyond any Native AOT program built the same way, and beyond one that
# also holds System.CommandLine (netct's own commands are built on it, and the runtime sets up the
# statics of every type in the binary at each start, whichever command runs). Wall time only: bash's
# `time` counts CPU in whole milliseconds, too coarse for a start-up.
baseline=$bench/aot-baseline/bin/publish/aot-baseline
commandline_baseline=$bench/aot-baseline-commandline/bin/publish/aot-baseline-commandline
startup_rows=()
for name in ${BENCH_STARTUP_CASES[@]+"${BENCH_STARTUP_CASES[@]}"}; do
  [ "${BENCH_RSS_ONLY:-}" != 1 ] || break
  read -r -a argv <<<"${netct_args_of[$name]}"
  say "start-up: $name ($STARTUP_RUNS runs each, alternating with the empty programs)"
  netct_walls=""; base_walls=""; commandline_walls=""
  for ((k = 1; k <= STARTUP_RUNS; k++)); do
    # The order turns round every run, as in the cases above.
    if ((k % 2)); then run_netct_startup; run_base_startup; run_commandline_startup
    else run_commandline_startup; run_base_startup; run_netct_startup; fi
  done
  netct_med=$(median <<<"$netct_walls"); base_med=$(median <<<"$base_walls"); commandline_med=$(median <<<"$commandline_walls")
  # Page faults do not depend on the load: what a start-up change did, even on a busy machine.
  /usr/bin/time -o "$work/faults.netct" -f %R "$netct" "${argv[@]}" >/dev/null 2>&1 || true
  /usr/bin/time -o "$work/faults.base" -f %R "$baseline" >/dev/null 2>&1 || true
  /usr/bin/time -o "$work/faults.commandline" -f %R "$commandline_baseline" >/dev/null 2>&1 || true
  startup_rows+=("| \`$name\` | $(fmt_ms "$netct_med") | $(fmt_ms "$base_med") | $(difference "$netct_med" "$base_med") | $(fmt_ms "$commandline_med") | $(difference "$netct_med" "$commandline_med") | $(tail -n 1 "$work/faults.netct") | $(tail -n 1 "$work/faults.base") | $(tail -n 1 "$work/faults.commandline") |")
done

if [ "${BENCH_STARTUP_ONLY:-}" != 1 ]; then

  rss_rows=()
  for spec in "${BENCH_RSS_CASES[@]}"; do
    IFS='|' read -r args prepare <<<"$spec"
    read -r -a argv <<<"$args"
    say "peak RSS: $args"
    [ -z "$prepare" ] || $prepare
    /usr/bin/time -o "$work/rss.netct" -f %M "$netct" "${argv[@]}" >/dev/null 2>&1 || true
    [ -z "$prepare" ] || $prepare
    LD_LIBRARY_PATH=$ref_libs /usr/bin/time -o "$work/rss.ref" -f %M "$ref_bin" "${argv[@]}" >/dev/null 2>&1 || true
    [ -z "$prepare" ] || refill_table
    netct_rss=$(tail -n 1 "$work/rss.netct"); ref_rss=$(tail -n 1 "$work/rss.ref")
    rss_rows+=("| \`$args\` | $netct_rss | $ref_rss | $(ratio "$netct_rss" "$ref_rss") |")
  done

  # netct's own table doctor has no conntrack counterpart: its wall time and peak RSS on the full table.
  say "netct health --interval 0 (netct only)"
  health_times=""
  for ((k = 1; k <= K; k++)); do health_times+=" $(run_timed "$netct" health --interval 0)"; done
  /usr/bin/time -o "$work/rss.health" -f %M "$netct" health --interval 0 >/dev/null 2>&1 || true
  health_row="| \`netct health --interval 0\` | $(fmt_ms "$(median <<<"$health_times")") | $(tail -n 1 "$work/rss.health") |"

  say "event burst: -E (default settings, stdout to a file) while conntrack -R creates $N entries"
  flush_table
  read -r netct_new netct_overruns netct_rc netct_rss < <(bash "$bench/event-burst.sh" "$work/entries.txt" "$conntrack_ref_cmd" -- "$netct")
  read -r ref_new ref_overruns ref_rc ref_rss < <(bash "$bench/event-burst.sh" "$work/entries.txt" "$conntrack_ref_cmd" -- "$conntrack_ref_cmd")
  refill_table
  percent() { awk -v a="$1" -v n="$N" 'BEGIN { printf "%.1f", 100 * a / n }'; }
  burst_rows=(
    "| netct | $netct_new | $(percent "$netct_new")% | $netct_overruns | $netct_rc | $netct_rss |"
    "| conntrack | $ref_new | $(percent "$ref_new")% | $ref_overruns | $ref_rc | $ref_rss |"
  )
fi

# What the RSS figures depend on: the L3 size the GC would size its first generation from, and
# the GC settings netct's runtime reads (bench/aot-baseline is published with the same settings).
l3_sysfs=$(cat /sys/devices/system/cpu/cpu0/cache/index3/size 2>/dev/null || echo none)
l3_sysconf=$(getconf LEVEL3_CACHE_SIZE 2>/dev/null || echo none)
gc_env=$(env | grep -iE '^(DOTNET|COMPlus)_GC' | tr '\n' ' ' || true)
gc_settings=$("$bench/aot-baseline/bin/publish/aot-baseline" gc 2>/dev/null || echo "unknown (bench/aot-baseline not published)")

report=$results/latest.md
[ "${BENCH_RSS_ONLY:-}" != 1 ] || report=$results/rss.md
[ "${BENCH_STARTUP_ONLY:-}" != 1 ] || report=$results/startup.md
mkdir -p "$results"
{
  echo "# netct vs conntrack 1.4.8"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), kernel $(uname -r), $(nproc) CPU ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- table: $count entries (N=$N: tcp/udp/icmp IPv4 and IPv6, marks 0..7, zones 0..3), loaded with conntrack -R in ${load_ms} ms"
  [ "${BENCH_STARTUP_ONLY:-}" = 1 ] || echo "- median of K=$K runs each, alternating, stdout and stderr to /dev/null; CPU = user + sys"
  echo "- netct: $("$netct" -V 2>&1 | head -n 1); conntrack: $(conntrack_ref -V 2>&1 | head -n 1)"
  if [ "${BENCH_RSS_ONLY:-}" != 1 ] && [ "${BENCH_STARTUP_ONLY:-}" != 1 ]; then
    echo
    echo "Floor: bench/kernel-floor.c only dumps (into a 32 KiB buffer) and discards; no program listing the table is faster."
    echo
    echo "| case | netct ms | conntrack ms | netct/conntrack | netct CPU ms | conntrack CPU ms | floor ms | netct/floor | floor CPU ms | netct CPU/floor CPU | lines | check |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
  fi
  if ((${#startup_rows[@]})); then
    echo
    echo "Start-up: median of $STARTUP_RUNS runs against bench/aot-baseline, an empty Main published with netct's settings (the least any such program costs), and bench/aot-baseline-commandline, the same with System.CommandLine compiled in (the least any program holding it costs); page faults of one run each."
    echo
    echo "| case | netct ms | empty program ms | difference ms | with System.CommandLine ms | difference ms | netct page faults | empty program page faults | with System.CommandLine page faults |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${startup_rows[@]}"
  fi
  if [ "${BENCH_STARTUP_ONLY:-}" != 1 ]; then
    echo
    echo "Peak RSS (KiB, /usr/bin/time -f %M) with $count entries. L3: $l3_sysfs (sysfs), $l3_sysconf bytes (getconf);"
    echo "GC settings in force: $gc_settings; DOTNET_GC* environment: ${gc_env:-none}."
    echo
    echo "| peak RSS | netct KiB | conntrack KiB | netct/conntrack |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${rss_rows[@]}"
    echo "| \`-E\` during the burst below | $netct_rss | $ref_rss | $(ratio "$netct_rss" "$ref_rss") |"
    echo
    echo "| netct only | ms | peak RSS KiB |"
    echo "|---|---:|---:|"
    echo "$health_row"

    echo
    echo "Event burst: \`-E\` with default settings writing to a file while \`conntrack -R\` creates $N entries"
    echo "(overrun warnings: lines on stderr that mention ENOBUFS; conntrack prints one per overrun, plus a hint)."
    echo
    echo "| listener | [NEW] events | of $N | overrun warnings | exit | peak RSS KiB |"
    echo "|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${burst_rows[@]}"
  fi
} >"$report"
cat "$report"
say "written to ${report#"$repo"/}"
