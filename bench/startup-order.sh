#!/usr/bin/env bash
# bench/startup-order.sh: regenerates src/NetCt.Cli/startup.order, the functions netct's
# one-request commands (-C, -G, -L, -S, -V) run, which ILC places side by side in the binary
# (IlcOrderFile in src/NetCt.Cli/NativeAot.props) so that starting touches few code pages, and
# after them those a -R file's lines run: a list without the option lookups -R switches to after
# its first lines (GetoptLong) left them scattered, and -R of 200,000 lines took 2% longer.
#
# Run it as root after `make build` when the start-up path has changed (new names are simply
# missing from the list: ILC ignores names it does not know and places the rest as before; a stale
# list costs start-up time, never correctness), then `make build` again. Needs valgrind and python3.
# Each command runs once in a private network namespace holding one entry, under valgrind's lackey
# tool, which reports every block of code the program enters (with chasing off, so a block never
# runs on into the function it calls): the list is every function the command ran, in the order
# it first ran them, not a sample. A sampler missed the short functions, and each one missed cost
# a page fault of its own. Code paths that depend on CPU features valgrind does not emulate
# (AVX-512) are not seen; they are placed as before.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
netct=${NETCT_BIN:-$repo/bin/netct}
symbols=$repo/src/NetCt.Cli/bin/Release/net10.0/linux-x64/publish/netct.dbg
# ILC's own object: only the functions it holds can be placed (the runtime's C++ comes from libraries).
compiled=$repo/src/NetCt.Cli/obj/Release/net10.0/linux-x64/native/netct.o
order=$repo/src/NetCt.Cli/startup.order

say() { echo "startup-order: $*" >&2; }

if [ "${STARTUP_ORDER_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" -eq 0 ] || { say "run as root (it needs a network namespace and CAP_NET_ADMIN)"; exit 1; }
  [ $# -eq 0 ] || { say "usage: $0"; exit 2; }
  command -v valgrind >/dev/null || { say "valgrind is missing (Debian: apt-get install valgrind)"; exit 1; }
  command -v python3 >/dev/null || { say "python3 is missing"; exit 1; }
  [ -x "$netct" ] && [ -f "$symbols" ] && [ -f "$compiled" ] || { say "$netct, its symbols or ${compiled#"$repo"/} are missing: run 'make build' first"; exit 1; }
  STARTUP_ORDER_INSIDE=1 exec unshare --net bash "${BASH_SOURCE[0]}"
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
  "-R $work/lines"
)
# More option names (three a line) than GetoptLong looks up by a scan before it indexes its tables.
awk -v n=101 -f "$bench/gen-entries.awk" | tail -n +2 >"$work/lines" # entry 0 is the one above
say "tracing ${#commands[@]} commands"
traces=()
for ((i = 0; i < ${#commands[@]}; i++)); do
  read -r -a argv <<<"${commands[i]}"
  valgrind --tool=lackey --trace-superblocks=yes --vex-guest-chase=no --log-file="$work/trace.$i" \
    "$netct" "${argv[@]}" >/dev/null 2>&1 || true
  traces+=("$work/trace.$i")
done

# The executable is position-dependent (NativeAot.props), so the traced addresses are the addresses
# nm gives the symbols.
nm -n --defined-only "$symbols" | awk 'NF == 3 && ($2 == "t" || $2 == "T") { print $1, $3 }' >"$work/symbols"
nm --defined-only "$compiled" | awk 'NF == 3 { print $3 }' >"$work/compiled"
python3 - "$work/symbols" "$work/compiled" "${traces[@]}" >"$order.new" <<'EOF'
import bisect, sys
symbols, compiled, traces = sys.argv[1], sys.argv[2], sys.argv[3:]
placeable = set(open(compiled).read().split())
starts, names = [], []
for line in open(symbols):
    address, name = line.split()
    starts.append(int(address, 16))
    names.append(name)
listed, order = set(), []
for trace in traces:
    for line in open(trace):
        if not line.startswith("SB "):
            continue
        index = bisect.bisect_right(starts, int(line[3:], 16)) - 1
        if index >= 0 and names[index] in placeable and names[index] not in listed:
            listed.add(names[index])
            order.append(names[index])
print("\n".join(order))
EOF
mv "$order.new" "$order"
say "$(wc -l <"$order") functions written to ${order#"$repo"/}; run 'make build' to place them"
