using NetCt.IntegrationTests.Harness;

namespace NetCt.IntegrationTests.Health;

/// <summary>Without CAP_NET_ADMIN ctnetlink refuses everything: the counters come from /proc, and what cannot be read makes the verdict UNKNOWN.</summary>
public sealed class HealthWithoutNetlinkTests(UnprivilegedNetctContainerFixture fixture) : IClassFixture<UnprivilegedNetctContainerFixture>
{
    [Fact]
    public async Task CountersFallBackToProcAndTheVerdictIsUnknown()
    {
        using var run = await HealthRun.JsonAsync(fixture, "--interval", "0.2");

        Assert.Equal(3, run.Result.ExitCode);
        Assert.Equal("UNKNOWN", run.Root.GetProperty("status").GetString());
        Assert.Equal("/proc/net/stat/nf_conntrack", run.Root.GetProperty("counters").GetProperty("source").GetString());
        Assert.True(run.Root.GetProperty("counters").GetProperty("drop").TryGetProperty("per_second", out _));
        // The count and the max come from /proc/sys when netlink is refused.
        Assert.Equal(0, run.Number("table", "entries"));
        Assert.True(run.Number("table", "max") > 0);
        Assert.Contains(run.Findings("UNKNOWN"), finding => finding.GetProperty("problem").GetString()!.StartsWith("table dump refused: ", StringComparison.Ordinal));
    }
}
