# Prints N `-I` lines for `conntrack -R`: a mixed table for the benchmark.
#   awk -v n=200000 -f bench/gen-entries.awk
# Entry i: 50% tcp, 30% udp, 10% icmp (IPv4, 198.51.100.0/24 -> 203.0.113.0/24), 10% IPv6 tcp/udp
# (2001:db8::/32); mark i%8; every 16th IPv4 udp entry in zone 1..3; tuples are unique by construction
# (source i%254, destination (i/254)%254, source port or icmp id from i/64516).
# Entry 0 is always: tcp 198.51.100.1:1024 -> 203.0.113.1:443, zone 0 (bench/run.sh uses it for -G).
BEGIN {
  split("443 80 22 8080 25", tcp_ports, " ")
  split("53 123 443 5353", udp_ports, " ")
  for (i = 0; i < n; i++) {
    s = "198.51.100." (i % 254 + 1)
    d = "203.0.113." (int(i / 254) % 254 + 1)
    hi = int(i / 64516)
    k = i % 10
    mark = i % 8
    if (k < 5) {
      printf "-I -p tcp -s %s -d %s --sport %d --dport %d --state ESTABLISHED -t 3600 -m %d\n",
        s, d, 1024 + hi, tcp_ports[i % 5 + 1], mark
    } else if (k < 8) {
      zone = (i % 16 == 5) ? sprintf(" -w %d", i % 3 + 1) : ""
      printf "-I -p udp -s %s -d %s --sport %d --dport %d -t 3600 -m %d%s\n",
        s, d, 2048 + hi, udp_ports[i % 4 + 1], mark, zone
    } else if (k == 8) {
      printf "-I -p icmp -s %s -d %s --icmp-type 8 --icmp-code 0 --icmp-id %d -t 3600 -m %d\n",
        s, d, hi + 1, mark
    } else {
      proto = (int(i / 10) % 2 == 0) ? "tcp --state ESTABLISHED" : "udp"
      printf "-I -s 2001:db8::%x:%x -d 2001:db8:1::%x -p %s --sport %d --dport 443 -t 3600 -m %d\n",
        int(i / 65536), i % 65536, i % 7 + 1, proto, 1024 + i % 50000, mark
    }
  }
}
