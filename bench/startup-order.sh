#!/usr/bin/env bash
# bench/startup-order.sh [RUNS]: regenerates src/NetCt.Cli/startup.order, the functions netct's
# one-request commands (-C, -G, -L, -S, -V) run, which ILC places side by side in the binary
# (IlcOrderFile in src/NetCt.Cli/NativeAot.props) so that starting touches few code pages.
#
# Run it as root after `make build` when the start-up path has changed (new names are simply
# missing from the list: ILC ignores names it does not know and places the rest as before; a stale
# list costs start-up time, never correctness), then `make build` again. Needs perf and python3.
# The commands run RUNS times each (default 40) in a private network namespace holding one entry,
# under perf's sampler with call chains: every function on a sampled stack is listed, so the
# list holds the callers of the hot code as well as the hot code itself.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
runs=${1:-40}
netct=${NETCT_BIN:-$repo/bin/netct}
symbols=$repo/src/NetCt.Cli/bin/Release/net10.0/linux-x64/publish/netct.dbg
# ILC's own object: only the functions it holds can be placed (the runtime's C++ comes from libraries).
compiled=$repo/src/NetCt.Cli/obj/Release/net10.0/linux-x64/native/netct.o
order=$repo/src/NetCt.Cli/startup.order

say() { echo "startup-order: $*" >&2; }

if [ "${STARTUP_ORDER_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" -eq 0 ] || { say "run as root (it needs a network namespace and CAP_NET_ADMIN)"; exit 1; }
  [[ $runs =~ ^[0-9]+$ && $runs -ge 1 ]] || { say "usage: $0 [RUNS>=1]"; exit 2; }
  command -v perf >/dev/null || { say "perf is missing (Debian: apt-get install linux-perf)"; exit 1; }
  command -v python3 >/dev/null || { say "python3 is missing"; exit 1; }
  [ -x "$netct" ] && [ -f "$symbols" ] && [ -f "$compiled" ] || { say "$netct, its symbols or ${compiled#"$repo"/} are missing: run 'make build' first"; exit 1; }
  STARTUP_ORDER_INSIDE=1 exec unshare --net bash "${BASH_SOURCE[0]}" "$runs"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The entry -G looks up (entry 0 of bench/gen-entries.awk, as in bench/cases.sh).
"$netct" -I -p tcp -s 198.51.100.1 -d 203.0.113.1 --sport 1024 --dport 443 --state ESTABLISHED -t 3600 -u ASSURED >/dev/null 2>&1
commands=(
  "-C"
  "-G -p tcp -s 198.51.100.1 -d 203.0.113.1 --sport 1024 --dport 443"
  "-L"
  "-S"
  "-V"
)
printf '%s\n' "${commands[@]}" >"$work/commands"
say "sampling ${#commands[@]} commands, $runs runs each"
perf record -q -g -F 30000 -o "$work/perf.data" -- bash -c '
  while read -r -a argv; do
    for ((i = 0; i < $2; i++)); do "$1" "${argv[@]}" >/dev/null 2>&1 || true; done
  done <"$3"' sample "$netct" "$runs" "$work/commands"

# perf prints an executable's addresses as file offsets; the LOAD segments turn them into the
# addresses nm gives the symbols.
perf script -i "$work/perf.data" --comm "$(basename "$netct")" -F ip,dso 2>/dev/null | awk '$2 ~ /netct\)$/ { print $1 }' | sort -u >"$work/offsets"
readelf -lW "$netct" | awk '$1 == "LOAD" { print $2, $3, $5 }' >"$work/segments"
nm -n --defined-only "$symbols" | awk 'NF == 3 && ($2 == "t" || $2 == "T") { print $1, $3 }' >"$work/symbols"
nm --defined-only "$compiled" | awk 'NF == 3 { print $3 }' >"$work/compiled"
python3 - "$work/offsets" "$work/segments" "$work/symbols" "$work/compiled" >"$order.new" <<'EOF'
import bisect, sys
offsets, segments, symbols, compiled = sys.argv[1:5]
placeable = set(open(compiled).read().split())
loads = [tuple(int(field, 16) for field in line.split()) for line in open(segments)]
starts, names = [], []
for line in open(symbols):
    address, name = line.split()
    starts.append(int(address, 16))
    names.append(name)
found = set()
for line in open(offsets):
    offset = int(line, 16)
    for file_offset, address, size in loads:
        if file_offset <= offset < file_offset + size:
            index = bisect.bisect_right(starts, offset - file_offset + address) - 1
            if index >= 0 and names[index] in placeable:
                found.add(names[index])
            break
print("\n".join(sorted(found)))
EOF
mv "$order.new" "$order"
say "$(wc -l <"$order") functions written to ${order#"$repo"/}; run 'make build' to place them"
