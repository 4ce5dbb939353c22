using System.Globalization;
using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Health;

/// <summary>
/// A container's table filled to nf_conntrack_max. The max is global (init namespace, read-only in
/// the container) and the count per namespace, so the test fills the container's own table to the
/// current max with assured entries (which early_drop may not evict) and leaves the host's alone;
/// new loopback flows are then refused, and <c>netct health</c> reports the drops as a rate.
/// </summary>
public sealed class FullTableTests(NetctContainerFixture fixture) : IClassFixture<NetctContainerFixture>
{
    // Datagrams to distinct ports, one new flow each; a packet conntrack drops fails sendto (EPERM), which is expected here.
    private const string NewFlows =
        "python3 -c 'import socket, time\n" +
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n" +
        "for i in range(40):\n" +
        "    try: s.sendto(b\"x\", (\"127.0.0.1\", 30000 + i))\n" +
        "    except OSError: pass\n" +
        "    time.sleep(0.03)'";

    [Fact]
    public async Task AFullTableDropsNewFlowsAndSaysHowMuchToRaiseTheMax()
    {
        await fixture.ResetAsync();
        await fixture.BringUpLoopbackAsync();
        await fixture.TrackLoopbackAsync();
        await FillToMaxAsync();

        // The flows start while health samples its interval, so their drops fall inside it.
        var result = await fixture.ShellAsync($"({NewFlows}) & sleep 0.2; netct health -o json --interval 2.5; status=$?; wait; exit $status");
        using var run = HealthRun.Parse(result);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("CRITICAL", run.Root.GetProperty("status").GetString());
        // The max is the host's: read it from the report, in case other work changed it since the fill.
        long max = run.Number("table", "max");
        long entries = run.Number("table", "entries");
        Assert.True(entries >= max, $"the table holds {entries} entries, less than nf_conntrack_max {max}");
        var drop = run.Root.GetProperty("counters").GetProperty("drop");
        Assert.InRange(drop.GetProperty("interval").GetInt64(), 1, 40);
        Assert.True(drop.GetProperty("per_second").GetDouble() > 0);
        var dropFinding = Assert.Single(run.Findings("CRITICAL"), finding => finding.GetProperty("problem").GetString()!.Contains("packets dropped for want of a free entry"));
        Assert.StartsWith($"net.netfilter.nf_conntrack_max={System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(2 * entries))}", dropFinding.GetProperty("knob").GetString());
        Assert.Contains(run.Findings("CRITICAL"), finding => finding.GetProperty("problem").GetString()!.StartsWith($"table {(entries == max ? "100.0" : "")}", StringComparison.Ordinal));

        await fixture.ResetAsync();
    }

    // Loads assured entries until the table holds exactly nf_conntrack_max (read again after each
    // load, since other work on the host may raise and restore the max meanwhile); returns that max.
    private async Task<uint> FillToMaxAsync()
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            uint max = await ReadAsync("nf_conntrack_max");
            uint count = await ReadAsync("nf_conntrack_count");
            if (count >= max)
                return max;
            // Unique tuples: source 10.x.y.z from the entry number, one TCP destination. The load stops
            // with ENOMEM if the host's max was lowered meanwhile: the next round reads the count again.
            await fixture.ShellAsync(
                $"awk -v from={count} -v n={max - count} 'BEGIN {{ for (i = from; i < from + n; i++) " +
                "printf \"-I -p tcp -s 10.%d.%d.%d -d 192.0.2.1 --sport 1024 --dport 443 --state ESTABLISHED -u SEEN_REPLY,ASSURED -t 3600\\n\", " +
                "int(i / 65536) % 256, int(i / 256) % 256, i % 256 }' > /tmp/fill.txt && netct -R /tmp/fill.txt");
        }
        Assert.Fail("could not fill the table to nf_conntrack_max: the host's max kept changing");
        return 0;
    }

    private async Task<uint> ReadAsync(string sysctl) =>
        uint.Parse((await fixture.ExecCheckedAsync("cat", "/proc/sys/net/netfilter/" + sysctl)).Stdout.Trim(), CultureInfo.InvariantCulture);


}
