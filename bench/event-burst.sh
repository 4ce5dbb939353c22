#!/usr/bin/env bash
# Counts how many [NEW] events an `-E` listener prints while `conntrack -R` creates a burst of entries.
#   bench/event-burst.sh ENTRIES_FILE LOADER... -- LISTENER...
# Run it inside a network namespace whose conntrack table is empty. The listener runs with default
# settings and its stdout goes to a regular file; the loader (the reference conntrack) loads
# ENTRIES_FILE with -R. Once the listener's output stops growing it gets SIGINT. Prints one line:
# "NEW_EVENTS OVERRUN_WARNINGS EXIT_STATUS PEAK_RSS_KIB" (the listener's VmHWM just before SIGINT).
# The table is flushed afterwards (listener stopped).
set -euo pipefail

entries=$1; shift
loader=()
while [ "$1" != -- ]; do loader+=("$1"); shift; done
shift
listener=("$@")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${listener[@]}" -E >"$work/events" 2>"$work/errors" &
pid=$!
sleep 1 # the listener has joined its groups well before this

"${loader[@]}" -R "$entries" >/dev/null 2>&1 || true

# Wait until the listener has printed everything it is going to print (10 quiet polls in a row).
last=-1; quiet=0
while [ "$quiet" -lt 10 ]; do
  sleep 0.2
  now=$(stat -c %s "$work/events")
  if [ "$now" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; last=$now; fi
done

peak_rss=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?

"${loader[@]}" -F >/dev/null 2>&1 || true
new=$(grep -c '\[NEW\]' "$work/events" || true)
overruns=$(grep -c 'ENOBUFS' "$work/errors" || true)
echo "$new $overruns $rc ${peak_rss:--}"
