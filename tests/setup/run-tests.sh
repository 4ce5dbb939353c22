#!/usr/bin/env bash
# `make test`: prepares the machine, builds bin/netct, then runs every test suite even when an earlier
# step failed. Each suite writes a TRX file to tests/TestResults/ and a line "NAME EXIT_CODE TRX" to
# tests/TestResults/suites.txt; tests/setup/test-totals.sh adds them up. Exits 1 if anything failed.
# Each test prints a line (Passed/Failed NAME [time]) as it ends, so a long run shows its progress.
# Without the .NET 10 SDK it stops at once with one line, before installing anything.
#
# Environment: NETCT_TEST_RESULTS (results directory), NETCT_SKIP_DEPS=1 (skip ensure-deps.sh),
#              NETCT_TEST_FILTER (passed to `dotnet test --filter`), DOTNET (default dotnet).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo" || exit 1
results=${NETCT_TEST_RESULTS:-$repo/tests/TestResults}
dotnet=${DOTNET:-dotnet}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41} TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}

bash tests/setup/require-build-tools.sh "$dotnet" || exit 1

rm -rf "$results"
mkdir -p "$results"
suites=$results/suites.txt
: >"$suites"
status=0

# record NAME EXIT_CODE [TRX]
record() {
  echo "$1 $2 ${3:--}" >>"$suites"
  [ "$2" -eq 0 ] || status=1
}

banner() { printf '\n==== %s ====\n' "$*"; }

if [ "${NETCT_SKIP_DEPS:-0}" != 1 ]; then
  banner "dependencies (tests/setup/ensure-deps.sh)"
  bash tests/setup/ensure-deps.sh
  record dependencies $?
fi

banner "build bin/netct (make build)"
make --no-print-directory build
build_rc=$?
record build $build_rc
if [ $build_rc -ne 0 ]; then
  echo "make build failed: the integration tests that run netct will fail too" >&2
fi

run_suite() {
  local name=$1 project=$2 rc
  banner "$name tests ($project)"
  # The TRX file is what test-totals.sh counts; the console logger prints a line per test.
  local args=(test "$project" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal"
    --results-directory "$results")
  [ -n "${NETCT_TEST_FILTER:-}" ] && args+=(--filter "$NETCT_TEST_FILTER")
  "$dotnet" "${args[@]}" </dev/null
  rc=$?
  record "$name" $rc "$name.trx"
}

run_suite unit tests/NetCt.Tests
run_suite integration tests/NetCt.IntegrationTests

banner "summary"
bash tests/setup/test-totals.sh --verbose "$results"
exit $status
