using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Expectations;

/// <summary>
/// Real expectations: nft attaches the kernel's ftp helper to TCP port 2121 and the tftp helper to
/// UDP port 69 on loopback; a small FTP exchange (PASV, then PORT 127,0,0,1,200,10) makes the ftp
/// helper expect a connection to port 51210, and TFTP read requests from 127.0.0.1:40069 and
/// [::1]:40069 make the tftp helper expect the server's answers to port 40069 (an IPv4 and an IPv6
/// expectation). Timeouts are raised so that the masters
/// (and with them their expectations) outlive a test.
/// </summary>
internal static class HelperTraffic
{
    /// <summary>The port the FTP PORT command names, so the ftp expectation's destination port.</summary>
    public const int FtpDataPort = 51210;

    /// <summary>The TFTP client's port: the tftp master's source port and the expectation's destination port.</summary>
    public const int TftpClientPort = 40069;

    private const string Rules =
        "nft list table inet netct_expect >/dev/null 2>&1 || nft -f - <<'EOF'\n" +
        "table inet netct_expect {\n" +
        "  ct helper ftp-standard { type \"ftp\" protocol tcp; }\n" +
        "  ct helper tftp-standard { type \"tftp\" protocol udp; }\n" +
        "  chain out { type filter hook output priority 0; tcp dport 2121 ct helper set \"ftp-standard\"; udp dport 69 ct helper set \"tftp-standard\"; }\n" +
        "}\n" +
        "EOF";

    private const string Exchange =
        "import socket\n" +
        "srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind((\"127.0.0.1\", 2121)); srv.listen(1)\n" +
        "c = socket.socket(); c.connect((\"127.0.0.1\", 2121)); a, _ = srv.accept()\n" +
        "for say, answer in ((a, b\"220 ready\\r\\n\"), (c, b\"PASV\\r\\n\"), (a, b\"227 Entering Passive Mode (127,0,0,1,195,80).\\r\\n\"),\n" +
        "                    (c, b\"PORT 127,0,0,1,200,10\\r\\n\"), (a, b\"200 ok\\r\\n\")):\n" +
        "    say.sendall(answer); (c if say is a else a).recv(100)\n" +
        "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind((\"127.0.0.1\", 40069))\n" +
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((\"127.0.0.1\", 69))\n" +
        "u.sendto(b\"\\x00\\x01file\\x00octet\\x00\", (\"127.0.0.1\", 69)); s.recvfrom(100)\n" +
        "u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind((\"::1\", 40069))\n" +
        "s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); s6.bind((\"::1\", 69))\n" +
        "u6.sendto(b\"\\x00\\x01file\\x00octet\\x00\", (\"::1\", 69)); s6.recvfrom(100)\n";

    /// <summary>
    /// The arguments of <c>-I expect</c> for an expectation on the tftp master (udp, where conntrack
    /// 1.4.8 stores the tuple ports correctly): expected 192.0.2.2:7 → 198.51.100.1:<paramref name="port"/>.
    /// </summary>
    public static string[] CreateOnTftpMaster(int port, string masterDestination = "127.0.0.1") =>
        CreateOnTftpMaster(port, "127.0.0.1", masterDestination, "192.0.2.2", "198.51.100.1", "255.255.255.0");

    /// <summary><see cref="CreateOnTftpMaster(int, string)"/> for any family: the master's addresses, the expected ones and one mask for both.</summary>
    public static string[] CreateOnTftpMaster(int port, string masterSource, string masterDestination, string source, string destination, string mask) =>
    [
        "-I", "expect", "-s", masterSource, "-d", masterDestination, "-p", "udp", "--sport", $"{TftpClientPort}", "--dport", "69",
        "--tuple-src", source, "--tuple-dst", destination, "--mask-src", mask, "--mask-dst", mask,
        "--tuple-port-src", "7", "--tuple-port-dst", $"{port}", "--mask-port-src", "0", "--mask-port-dst", "65535", "-t", "200",
    ];

    /// <summary>The arguments that name an expectation by its expected tuple for <c>-G</c>/<c>-D expect</c> (conntrack insists on reply ports, which it ignores).</summary>
    public static string[] ByExpectedTuple(string command, string protocol, string source, string destination, int sourcePort, int destinationPort) =>
    [
        command, "expect", "-s", source, "-d", destination, "-p", protocol, "--sport", $"{sourcePort}", "--dport", $"{destinationPort}",
        "--reply-port-src", "1", "--reply-port-dst", "2",
    ];

    /// <summary>A command prefix that runs the command as nobody, without capabilities (so without CAP_NET_ADMIN).</summary>
    public const string Unprivileged = "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all";

    /// <summary>The shell command that runs the exchanges (after <see cref="PrepareAsync"/>).</summary>
    public const string ExchangeCommand = "python3 /tmp/netct-helper-traffic.py";

    /// <summary>Empties both tables and runs the exchanges again: afterwards the ftp and the tftp expectation exist.</summary>
    public static async Task RecreateAsync(ContainerFixture fixture)
    {
        await PrepareAsync(fixture);
        await fixture.ShellCheckedAsync(ExchangeCommand);
    }

    /// <summary>Empties both tables and sets up the helpers, the timeouts and the exchange script, without running it.</summary>
    public static async Task PrepareAsync(ContainerFixture fixture)
    {
        await fixture.ResetAsync();
        await fixture.BringUpLoopbackAsync();
        await fixture.SetSysctlAsync("net.netfilter.nf_conntrack_udp_timeout", "600");
        await fixture.SetSysctlAsync("net.netfilter.nf_conntrack_tcp_timeout_time_wait", "600");
        await fixture.ShellCheckedAsync(Rules);
        await fixture.WriteFileAsync("/tmp/netct-helper-traffic.py", Exchange);
    }
}
