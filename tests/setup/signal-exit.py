#!/usr/bin/env python3
"""Runs PROGRAM ARGS with its stdout held unread (so it stops mid-output), sends SIGNAL after a
second and prints how it ended: "signal N" when it died of a signal (as conntrack does), else
"exit N", then what it wrote on stderr."""
import signal, subprocess, sys, time

program = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(1.0)
program.send_signal(getattr(signal, sys.argv[1]))
_, err = program.communicate()
print(f"signal {-program.returncode}" if program.returncode < 0 else f"exit {program.returncode}")
sys.stdout.write(err.decode())
