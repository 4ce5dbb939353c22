using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.ReadPath;

/// <summary>
/// Entries the kernel NATed and gave a helper to, from real loopback traffic through nft rules:
/// a TCP connection destination-NATed to another port, a UDP exchange NATed both ways, and a TCP
/// connection with the FTP helper (<c>helper=ftp</c>); listed in each format and under the NAT filters.
/// </summary>
public sealed class NatAndHelperTrafficTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    private const string Rules =
        "nft list table ip netct_nat >/dev/null 2>&1 || nft -f - <<'EOF'\n" +
        "table ip netct_nat {\n" +
        "  chain out { type nat hook output priority -100; tcp dport 9999 dnat to 127.0.0.1:5301; udp dport 9998 dnat to 127.0.0.1:5302; }\n" +
        "  chain post { type nat hook postrouting priority 100; udp dport 5302 snat to 127.0.0.2:7777; }\n" +
        "}\n" +
        "table inet netct_helpers {\n" +
        "  ct helper ftp-standard { type \"ftp\" protocol tcp; }\n" +
        "  chain out { type filter hook output priority 0; tcp dport 2121 ct helper set \"ftp-standard\"; }\n" +
        "}\n" +
        "EOF";

    // A TCP connection to :9999 (lands on :5301) and a UDP exchange to :9998 (lands on :5302, from 127.0.0.2:7777).
    private const string NatFlows =
        "import socket\n" +
        "srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind((\"127.0.0.1\", 5301)); srv.listen(1)\n" +
        "c = socket.socket(); c.connect((\"127.0.0.1\", 9999)); a, _ = srv.accept(); c.sendall(b\"x\"); a.recv(1); a.sendall(b\"y\"); c.recv(1)\n" +
        "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); us = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); us.bind((\"127.0.0.1\", 5302))\n" +
        "u.sendto(b\"z\", (\"127.0.0.1\", 9998)); d, p = us.recvfrom(10); us.sendto(d, p); u.recvfrom(10)\n";

    [Fact]
    public async Task ListAndFilterNatedAndHelpedFlows()
    {
        await fixture.ResetAsync();
        await fixture.EnableAccountingAsync();
        await fixture.BringUpLoopbackAsync();
        await fixture.ShellCheckedAsync(Rules);
        await fixture.WriteFileAsync("/tmp/netct-nat-flows.py", NatFlows);
        await fixture.ExecCheckedAsync("python3", "/tmp/netct-nat-flows.py");
        await fixture.GenerateLoopbackFlowsAsync(tcp: 1, udp: 0, icmp: 0, holdSeconds: 600, tcpPort: 2121);

        var comparisons = await fixture.AssertAllSameAsync(Commands(
            "-L", "-L -o extended", "-L -o xml", "-L -o save", "-L -o id,extended",
            "-L -n", "-L -g", "-L -j", "-L -n -g", "-L -n 127.0.0.2", "-L -n 127.0.0.2:7777", "-L -n 127.0.0.2:7778",
            "-L -g 127.0.0.1", "-L -g 127.0.0.1:5301", "-L -g 127.0.0.1:5302", "-L -j 127.0.0.2:7777", "-L -j 127.0.0.1",
            "-L -p tcp --dport 9999 -g", "-L -p tcp --reply-port-src 5301", "-L -p tcp --dport 2121", "-L -u ASSURED -j"));
        var listing = comparisons[0].Netct.Stdout;
        Assert.Contains("helper=ftp", listing);
        Assert.Contains("sport=5301 ", listing);
        Assert.Contains("dst=127.0.0.2 sport=5302 dport=7777", listing);
    }

    private static IEnumerable<string[]> Commands(params string[] lines) => lines.Select(line => line.Split(' '));
}
