#!/usr/bin/env python3
"""Runs PROGRAM ARGS with its stdout held unread (so it stops mid-dump), then sends forged
netlink datagrams from another NETLINK_NETFILTER socket to every netlink socket of the program:
NLMSG_ERROR (EPERM), NLMSG_DONE and a conntrack entry for 203.0.113.99, with every sequence
number the program can have used (they start at the Unix time), and sequence 0. Then it reads the
program's output and passes on its stdout, stderr and exit code. Needs CAP_NET_ADMIN (unicast
between user sockets). What was forged goes to /tmp/forge-netlink.log."""
import os, socket, struct, subprocess, sys, threading, time

NETLINK_NETFILTER = 12
NLMSG_ERROR, NLMSG_DONE = 2, 3
NLM_F_MULTI = 2
CT_NEW = (1 << 8) | 0


def attr(kind, value):
    data = struct.pack("=HH", 4 + len(value), kind) + value
    return data + b"\0" * (-len(data) % 4)


def nested(kind, *children):
    return attr(kind | 0x8000, b"".join(children))


def tuple_attr(kind, src, dst, sport, dport):
    return nested(kind,
                  nested(1, attr(1, socket.inet_aton(src)), attr(2, socket.inet_aton(dst))),
                  nested(2, attr(1, b"\x11"), attr(2, struct.pack(">H", sport)), attr(3, struct.pack(">H", dport))))


def message(kind, flags, seq, payload):
    return struct.pack("=IHHII", 16 + len(payload), kind, flags, seq, 0) + payload


def forged_entry(seq):
    payload = struct.pack("=BBH", socket.AF_INET, 0, 0) + b"".join([
        tuple_attr(1, "203.0.113.99", "198.51.100.99", 6666, 53),
        tuple_attr(2, "198.51.100.99", "203.0.113.99", 53, 6666),
        attr(3, struct.pack(">I", 8)), attr(7, struct.pack(">I", 30)), attr(12, struct.pack(">I", 424242)),
    ])
    return message(CT_NEW, NLM_F_MULTI, seq, payload)


def netlink_ports(pid):
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = []
    with open("/proc/net/netlink") as table:
        next(table)
        for line in table:
            fields = line.split()
            if fields[1] == str(NETLINK_NETFILTER) and fields[-1] in inodes:
                ports.append(int(fields[2]))
    return ports


def main():
    program = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)
    ports = netlink_ports(program.pid)
    forger = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    forger.bind((0, 0))
    now = int(time.time())
    sent = 0
    for port in ports:
        for seq in [0] + list(range(now - 60, now + 5)):
            for datagram in (forged_entry(seq),
                             message(NLMSG_ERROR, 0, seq, struct.pack("=i", -1) + message(CT_NEW, 5, seq, b"")[:16]),
                             message(NLMSG_DONE, NLM_F_MULTI, seq, struct.pack("=i", 0))):
                try:
                    forger.sendto(datagram, socket.MSG_DONTWAIT, (port, 0))
                    sent += 1
                except OSError:
                    pass  # the receive queue is full: the program is behind, as intended
    with open("/tmp/forge-netlink.log", "w") as log:
        log.write(f"pid {program.pid} netlink ports {ports}: {sent} forged datagrams delivered\n")
    errors = []
    reader = threading.Thread(target=lambda: errors.append(program.stderr.read()))
    reader.start()
    out = program.stdout.read()
    reader.join()
    program.wait()
    sys.stdout.buffer.write(out)
    sys.stderr.buffer.write(errors[0])
    sys.exit(program.returncode)


main()
