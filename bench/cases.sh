# shellcheck shell=bash disable=SC2034
# The benchmark cases, sourced by bench/run.sh. One line per case: "NAME|ARGUMENTS[|PREPARE[|CONNTRACK_ARGUMENTS]]".
#   NAME       what the results table shows
#   ARGUMENTS  passed to both netct and conntrack (split on spaces; use no quoting); @ENTRIES@ stands
#              for the file of N `-I` lines the table was loaded from (e.g. "-R @ENTRIES@")
#   PREPARE    optional: a shell function from bench/run.sh run (untimed) before every run of either
#              program. Cases that change the table must restore it here, e.g. `refill_table`, which
#              flushes and reloads the N benchmark entries, or `flush_table`. After a case with a
#              PREPARE step the table is refilled: every case starts from the full table.
#   CONNTRACK_ARGUMENTS  optional: what conntrack runs instead of ARGUMENTS, for netct's own options
#              (-o json is timed against conntrack's default text, which has as many lines)
# An entry that exists in every table: tcp 198.51.100.1:1024 -> 203.0.113.1:443, zone 0 (entry 0 of
# bench/gen-entries.awk).
# Both programs must produce the same number of stdout lines (checked on an untimed warm-up run).
BENCH_CASES=(
  "-L|-L"
  "-L -o extended|-L -o extended"
  "-L -o xml|-L -o xml"
  "-L -o save|-L -o save"
  "-L -o json (conntrack: -L)|-L -o json||-L"
  "-L -m 3|-L -m 3"
  "-L -p tcp --dport 443|-L -p tcp --dport 443"
  "-L -s 198.51.100.0/24|-L -s 198.51.100.0/24"
  "-G (one entry)|-G -p tcp -s 198.51.100.1 -d 203.0.113.1 --sport 1024 --dport 443"
  "-C|-C"
  # Write path: every run starts from the state PREPARE leaves (an empty table for -R, the full one otherwise).
  "-R (N -I lines)|-R @ENTRIES@|flush_table"
  "-D -m 3|-D -m 3|refill_table"
  "-D -m 0/0 (whole table by a filter)|-D -m 0/0|refill_table"
  "-F|-F|refill_table"
)

# Start-up: cases above (by NAME) timed STARTUP_RUNS times against the empty Native AOT program.
BENCH_STARTUP_CASES=(
  "-C"
  "-G (one entry)"
)

# Peak RSS (KiB, /usr/bin/time -f %M) is measured once per program: "ARGUMENTS[|PREPARE]", PREPARE
# as above (the table is refilled after a case that has one). -E is measured during the event burst.
# -U changes marks only, which no later row depends on, so it needs no refill (a refill of
# 1,000,000 entries takes minutes).
BENCH_RSS_CASES=(
  "-L"
  "-L -o extended"
  "-L -o xml"
  "-L -o save"
  "-L -o json"
  "-L -o id"
  "-L -o extended,id,ktimestamp,labels"
  "-U -p udp -m 1"
  "-D -m 0/0|refill_table"
)

# The kernel's share, timed with bench/kernel-floor.c: "NAME|ARGUMENTS", NAME a case above whose
# conntrack time it is compared with, ARGUMENTS kernel-floor's (a mark to filter on, or nothing).
# The kernel refuses a tuple filter in a dump of both families (EOPNOTSUPP), so for
# "-L -p tcp --dport 443" every program must have the whole table serialised: its floor is a full dump.
BENCH_FLOOR_CASES=(
  "-L|"
  "-L -m 3|3"
  "-L -p tcp --dport 443|"
)
