#!/usr/bin/env python3
"""Generates real TCP and UDP flows on loopback so the kernel's connection tracking sees them.

Run it only inside a private network namespace (a test container or `unshare -n`) whose loopback is
up and where a ct rule makes conntrack track loopback traffic. Prints one line per flow:
`tcp 127.0.0.1 40001 127.0.0.1 5001` (protocol, source, source port, destination, destination port).

With --hold SECONDS the TCP connections stay open (ESTABLISHED) in a detached child for that long;
without it they are closed (TIME_WAIT). UDP flows get one reply each (SEEN_REPLY).
Uses only the standard library so it runs under python3-minimal.
"""
import argparse
import os
import socket
import sys
import time


def tcp_flows(family, host, count, base_port, payload):
    held = []
    lines = []
    for i in range(count):
        port = base_port + i
        server = socket.socket(family, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen(1)
        client = socket.socket(family, socket.SOCK_STREAM)
        client.connect((host, port))
        accepted, _ = server.accept()
        client.sendall(payload)
        accepted.recv(len(payload))
        accepted.sendall(payload)
        client.recv(len(payload))
        server.close()
        lines.append(("tcp", host, client.getsockname()[1], host, port))
        held.append((client, accepted))
    return lines, held


def udp_flows(family, host, count, base_port, payload):
    lines = []
    for i in range(count):
        port = base_port + i
        server = socket.socket(family, socket.SOCK_DGRAM)
        server.bind((host, port))
        client = socket.socket(family, socket.SOCK_DGRAM)
        client.sendto(payload, (host, port))
        data, peer = server.recvfrom(len(payload))
        server.sendto(data, peer)
        client.recvfrom(len(payload))
        lines.append(("udp", host, client.getsockname()[1], host, port))
        client.close()
        server.close()
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tcp", type=int, default=1, help="number of TCP connections")
    parser.add_argument("--udp", type=int, default=1, help="number of UDP exchanges")
    parser.add_argument("--ipv6", action="store_true", help="use ::1 instead of 127.0.0.1")
    parser.add_argument("--tcp-port", type=int, default=5001, help="first TCP server port")
    parser.add_argument("--udp-port", type=int, default=6001, help="first UDP server port")
    parser.add_argument("--hold", type=float, default=0, help="keep TCP connections open this long (s)")
    parser.add_argument("--pidfile", help="with --hold: write the holding child's pid here (to end it early)")
    args = parser.parse_args()

    family = socket.AF_INET6 if args.ipv6 else socket.AF_INET
    host = "::1" if args.ipv6 else "127.0.0.1"
    payload = b"netct loopback flow\n"

    lines, held = tcp_flows(family, host, args.tcp, args.tcp_port, payload)
    lines += udp_flows(family, host, args.udp, args.udp_port, payload)
    for line in lines:
        print(" ".join(str(field) for field in line))
    sys.stdout.flush()

    if args.hold > 0 and held:
        # The detached child keeps the only other references to the sockets; closing ours sends nothing.
        child = os.fork()
        if child == 0:
            os.setsid()
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            time.sleep(args.hold)
            os._exit(0)
        if args.pidfile:
            with open(args.pidfile, "w") as f:
                f.write(f"{child}\n")
        for pair in held:
            for sock in pair:
                sock.detach()  # drop our handle without close(): the child still owns the connection
    else:
        for client, accepted in held:
            client.close()
            accepted.close()
        time.sleep(0.05)  # let the FIN/ACK exchange reach conntrack before the caller looks


if __name__ == "__main__":
    main()
