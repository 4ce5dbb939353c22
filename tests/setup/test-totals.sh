#!/usr/bin/env bash
# Adds up the results that tests/setup/run-tests.sh recorded and prints one line: "N passed, N failed".
#   test-totals.sh [--verbose] [RESULTS_DIR]   (default tests/TestResults)
# --verbose prints a line per step and "  total: ..." instead (for humans, not for CI parsing).
#
# Passed and failed come from each suite's TRX <Counters>: failed = failed + error + timeout + aborted.
# A step that failed without a failed test to show for it (a build that broke, a test project that did
# not compile, a test host that crashed, dependencies that could not be installed) counts as one failure,
# so a broken run never reads "N passed, 0 failed".
set -uo pipefail

verbose=0
if [ "${1:-}" = --verbose ]; then verbose=1; shift; fi
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
results=${1:-$repo/tests/TestResults}

# counter FILE NAME: the value of attribute NAME of the TRX <Counters> element (0 if absent)
counter() {
  local value
  value=$(grep -o '<Counters [^>]*>' "$1" | head -n 1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+')
  echo "${value:-0}"
}

total_passed=0
total_failed=0
if [ ! -s "$results/suites.txt" ]; then
  [ $verbose = 1 ] && echo "no results in $results" >&2
  echo "0 passed, 1 failed"
  exit 0
fi

while read -r name rc trx; do
  passed=0
  failed=0
  note=""
  if [ "$trx" != - ] && [ -f "$results/$trx" ]; then
    passed=$(counter "$results/$trx" passed)
    for kind in failed error timeout aborted; do
      failed=$((failed + $(counter "$results/$trx" "$kind")))
    done
  elif [ "$trx" != - ]; then
    note=" (no test results: did not build or did not run)"
  fi
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    [ -z "$note" ] && note=" (exit code $rc)"
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [ $verbose = 1 ]; then
    if [ "$trx" = - ]; then
      [ "$rc" -eq 0 ] && echo "  $name: ok" || echo "  $name: FAILED$note"
    else
      echo "  $name: $passed passed, $failed failed$note"
    fi
  fi
done <"$results/suites.txt"

if [ $verbose = 1 ]; then
  echo "  total: $total_passed passed, $total_failed failed"
else
  echo "$total_passed passed, $total_failed failed"
fi
