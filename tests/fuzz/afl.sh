#!/usr/bin/env bash
# Coverage-guided fuzzing of the netlink decoders with AFL++ and SharpFuzz (part of `make fuzz`).
#   tests/fuzz/afl.sh [SECONDS]     default 300
# Builds tests/fuzz/afl (the harness) into tests/fuzz/afl/out, instruments NetCt.Netlink.dll and
# NetCt.Conntrack.dll there with AFL's edge coverage, and runs afl-fuzz from the seeds in
# tests/fuzz/corpus/netlink for SECONDS. Crashes (an exception other than NetlinkDecodeException)
# are copied to tests/fuzz/crashes/afl/; add each to the corpus, with the fix, as a regression test.
# Needs afl-fuzz (Debian's afl++ package; installed here if missing).
set -euo pipefail

fuzz=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${1:-${FUZZ_SECONDS:-300}}
out=$fuzz/afl/out
findings=$fuzz/afl/findings

say() { echo "afl: $*" >&2; }

if ! command -v afl-fuzz >/dev/null; then
  say "installing afl++"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

rm -rf "$out" "$findings"
dotnet build "$fuzz/afl/NetCt.Fuzz.Afl.csproj" -c Release -nologo -v q -o "$out" >/dev/null
dotnet "$out/NetCt.Fuzz.Afl.dll" instrument "$out/NetCt.Netlink.dll" "$out/NetCt.Conntrack.dll"

# dotnet itself is not instrumented (SharpFuzz reports coverage through AFL's shared memory), and a
# machine whose core_pattern pipes to a handler only delays crash reports.
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1
say "fuzzing for ${seconds}s"
afl-fuzz -V "$seconds" -t 5000 -m none -i "$fuzz/corpus/netlink" -o "$findings" -- dotnet "$out/NetCt.Fuzz.Afl.dll" >"$fuzz/afl/afl-fuzz.log" 2>&1 || {
  say "afl-fuzz failed:"; tail -n 20 "$fuzz/afl/afl-fuzz.log" >&2; exit 1; }

stats=$findings/default/fuzzer_stats
execs=$(awk -F': ' '/^execs_done/ { print $2 }' "$stats")
paths=$(awk -F': ' '/^corpus_count/ { print $2 }' "$stats")
edges=$(awk -F': ' '/^edges_found/ { print $2 }' "$stats")
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
say "$execs executions, $paths inputs in the queue, $edges edges, $crashes crashes"
if [ "$crashes" -gt 0 ]; then
  mkdir -p "$fuzz/crashes/afl"
  cp "$findings"/default/crashes/id:* "$fuzz/crashes/afl/"
  say "crashing inputs copied to tests/fuzz/crashes/afl/"
  exit 1
fi
