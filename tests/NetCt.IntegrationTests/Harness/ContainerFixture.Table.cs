using System.Globalization;

namespace NetCt.IntegrationTests.Harness;

/// <content>Setting up the table: entries, sysctls, loopback tracking, real flows.</content>
public abstract partial class ContainerFixture
{
    /// <summary>Empties the conntrack and expectation tables and turns accounting and time stamps off.</summary>
    public async Task ResetAsync()
    {
        await ShellCheckedAsync(
            "conntrack -F 2>/dev/null; conntrack -F expect 2>/dev/null; " +
            "echo 0 > /proc/sys/net/netfilter/nf_conntrack_acct; " +
            "echo 0 > /proc/sys/net/netfilter/nf_conntrack_timestamp");
    }

    /// <summary>Creates one entry with the reference: <c>conntrack -I ARGS</c>; fails the test if that fails.</summary>
    public Task<CommandResult> CreateAsync(params string[] args) => ExecCheckedAsync(["conntrack", "-I", .. args]);

    /// <summary>
    /// Loads many entries at once with the reference: writes <paramref name="lines"/> (each like
    /// <c>-I -s 192.0.2.1 -d 192.0.2.2 -p udp --sport 1 --dport 2 -t 100</c>) to a file and runs <c>conntrack -R</c>.
    /// </summary>
    public async Task<CommandResult> LoadAsync(IEnumerable<string> lines)
    {
        await WriteFileAsync("/tmp/netct-load.txt", string.Join('\n', lines) + "\n");
        return await ExecCheckedAsync("conntrack", "-R", "/tmp/netct-load.txt");
    }

    /// <summary>Sets a sysctl in the container's network namespace, e.g. <c>net.netfilter.nf_conntrack_acct</c>.</summary>
    public Task SetSysctlAsync(string name, string value) =>
        ShellCheckedAsync($"echo '{value}' > /proc/sys/{name.Replace('.', '/')}");

    /// <summary>Turns per-flow packet/byte counters on or off (<c>net.netfilter.nf_conntrack_acct</c>).</summary>
    public Task EnableAccountingAsync(bool on = true) =>
        SetSysctlAsync("net.netfilter.nf_conntrack_acct", on ? "1" : "0");

    /// <summary>Turns flow start/stop time stamps on or off (<c>net.netfilter.nf_conntrack_timestamp</c>).</summary>
    public Task EnableTimestampsAsync(bool on = true) =>
        SetSysctlAsync("net.netfilter.nf_conntrack_timestamp", on ? "1" : "0");

    /// <summary>Brings lo up, with ::1 too (Docker disables IPv6 in the container's namespace).</summary>
    public Task BringUpLoopbackAsync() =>
        ShellCheckedAsync(
            "echo 0 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && echo 0 > /proc/sys/net/ipv6/conf/lo/disable_ipv6 && " +
            "ip link set lo up && for i in 1 2 3 4 5 6 7 8 9 10; do " +
            "ip -6 addr show dev lo | grep -q '::1/128' && ! ip -6 addr show dev lo | grep -q tentative && break; sleep 0.1; done");

    /// <summary>
    /// Adds an nft table whose rule uses conntrack, which makes the kernel track traffic in this
    /// namespace (loopback included). Idempotent.
    /// </summary>
    public Task TrackLoopbackAsync() =>
        ShellCheckedAsync(
            "nft list table inet netct_track >/dev/null 2>&1 || nft -f - <<'EOF'\n" +
            "table inet netct_track {\n" +
            "  chain output { type filter hook output priority 0; ct state new counter; }\n" +
            "}\n" +
            "EOF");

    /// <summary>
    /// Makes real flows on loopback (brings lo up and enables tracking first): <paramref name="tcp"/> TCP
    /// connections (closed, so TIME_WAIT, unless <paramref name="holdSeconds"/> keeps them ESTABLISHED),
    /// <paramref name="udp"/> UDP exchanges with a reply, and <paramref name="icmp"/> pings.
    /// Returns one line per TCP/UDP flow: <c>proto src sport dst dport</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> GenerateLoopbackFlowsAsync(
        int tcp = 1, int udp = 1, int icmp = 1, bool ipv6 = false, double holdSeconds = 0,
        int tcpPort = 5001, int udpPort = 6001)
    {
        await BringUpLoopbackAsync();
        await TrackLoopbackAsync();
        string[] script =
        [
            "python3", $"{SetupDirectory}/loopback-flows.py",
            "--tcp", tcp.ToString(), "--udp", udp.ToString(),
            "--tcp-port", tcpPort.ToString(), "--udp-port", udpPort.ToString(),
            "--hold", holdSeconds.ToString(CultureInfo.InvariantCulture),
            .. (ipv6 ? new[] { "--ipv6" } : []),
        ];
        var flows = await ExecCheckedAsync(script);
        if (icmp > 0)
        {
            await ExecCheckedAsync("ping", "-q", "-c", icmp.ToString(), "-i", "0.01", "-W", "1", ipv6 ? "::1" : "127.0.0.1");
        }

        return flows.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
