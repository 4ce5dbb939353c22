using NetCt.Cli.Health;
using static NetCt.Tests.Health.HealthFixtures;

namespace NetCt.Tests.Health;

/// <summary>The findings and the status (= exit status) of reports built from fixed readings.</summary>
public sealed class HealthVerdictTests
{
    [Fact]
    public void AQuietHalfEmptyTableIsOk()
    {
        var report = Report(Readings(1000));

        Assert.Equal(MonitoringStatus.Ok, report.Status);
        Assert.Empty(report.Findings);
    }

    [Theory]
    [InlineData(209714u, 0)] // 79.99%: OK
    [InlineData(209716u, 1)] // 80.0%: WARNING
    [InlineData(235929u, 1)] // 89.99%
    [InlineData(235930u, 2)] // 90.0%: CRITICAL
    public void FillIsJudgedAgainstTheThresholds(uint entries, int expectedExitStatus) =>
        Assert.Equal(expectedExitStatus, (int)Report(Readings(entries)).Status);

    [Fact]
    public void AFullTableNamesTheNewMaxAndTheMemoryItNeeds()
    {
        var finding = Assert.Single(Report(Readings(262144)).Findings);

        Assert.Equal(MonitoringStatus.Critical, finding.Status);
        Assert.Equal("table 100.0% full: 262144 of 262144 entries (threshold 90.0%)", finding.Problem);
        Assert.Equal("net.netfilter.nf_conntrack_max=524288", finding.Knob);
        Assert.Equal("a full table then takes 128.0 MiB instead of 64.0 MiB (256 B per entry)", finding.Cost);
    }

    [Fact]
    public void ThresholdsComeFromTheCommandLine()
    {
        Assert.Equal(MonitoringStatus.Warning, Report(Readings(30000), warn: 10, crit: 50).Status);
        Assert.Equal(MonitoringStatus.Critical, Report(Readings(30000), warn: 1, crit: 10).Status);
    }

    [Fact]
    public void AnyDropInTheIntervalIsCriticalWithItsRate()
    {
        var counters = new CounterReadings("netlink", Counters(drop: 100), Counters(drop: 150), 2.0);

        var report = Report(Readings(1000, counters: counters));

        Assert.Equal(MonitoringStatus.Critical, report.Status);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("25.0/s packets dropped for want of a free entry (drop +50 in 2.00 s)", finding.Problem);
        Assert.Equal("net.netfilter.nf_conntrack_max=524288", finding.Knob);
    }

    [Fact]
    public void DropsBeforeTheIntervalAreHistoryNotAFinding()
    {
        var counters = new CounterReadings("netlink", Counters(drop: 100), Counters(drop: 100), 1.0);

        Assert.Equal(MonitoringStatus.Ok, Report(Readings(1000, counters: counters)).Status);
    }

    [Fact]
    public void InsertFailedIsCriticalAndEarlyDropAWarning()
    {
        var failed = Report(Readings(1000, counters: new CounterReadings("netlink", Counters(), Counters(insertFailed: 3), 1.0)));
        var early = Report(Readings(1000, counters: new CounterReadings("netlink", Counters(), Counters(earlyDrop: 3), 1.0)));

        Assert.Equal(MonitoringStatus.Critical, failed.Status);
        Assert.StartsWith("3.0/s packets dropped because their entry could not be inserted", failed.Findings[0].Problem);
        Assert.Equal(MonitoringStatus.Warning, early.Status);
        Assert.Equal("net.netfilter.nf_conntrack_max=524288", early.Findings[0].Knob);
    }

    [Fact]
    public void OverlongChainsAskForMoreBuckets()
    {
        var report = Report(Readings(1000, counters: new CounterReadings("netlink", Counters(), Counters(chainTooLong: 4), 1.0)));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(MonitoringStatus.Warning, finding.Status);
        Assert.Equal("/sys/module/nf_conntrack/parameters/hashsize=262144", finding.Knob);
    }

    [Fact]
    public void WithoutASecondReadThereAreTotalsButNoRates()
    {
        var counters = new CounterReadings("netlink", Counters(drop: 9), null, 0);

        var report = Report(Readings(1000, counters: counters));

        Assert.Equal(MonitoringStatus.Ok, report.Status);
        var drop = report.Counters!.Find(NetCt.Conntrack.ConntrackCounter.Drop)!;
        Assert.Equal(9UL, drop.Total);
        Assert.Null(drop.PerSecond);
        Assert.Null(report.Counters.Seconds);
    }

    [Fact]
    public void WhatCouldNotBeReadIsUnknownUnlessSomethingWorseWasFound()
    {
        var unreadable = Readings(1000) with { Problems = ["table dump refused: Operation not permitted"] };
        var unreadableAndFull = Readings(262144) with { Problems = ["table dump refused: Operation not permitted"] };

        Assert.Equal(MonitoringStatus.Unknown, Report(unreadable).Status);
        Assert.Equal(MonitoringStatus.Critical, Report(unreadableAndFull).Status);
    }

    [Fact]
    public void AFullExpectationTableIsAFinding()
    {
        var report = Report(Readings(10) with { Expectations = 4000 });

        var finding = Assert.Single(report.Findings);
        Assert.Equal(MonitoringStatus.Critical, finding.Status);
        Assert.Equal("net.netfilter.nf_conntrack_expect_max=8192", finding.Knob);
    }

    [Fact]
    public void TimeoutsAreMarkedChangedAgainstTheKernelDefaults()
    {
        var timeouts = Report(Readings(10)).Timeouts;

        Assert.False(timeouts.Single(t => t.Name == "nf_conntrack_tcp_timeout_established").Changed);
        var udp = timeouts.Single(t => t.Name == "nf_conntrack_udp_timeout");
        Assert.True(udp.Changed);
        Assert.Equal(30, udp.DefaultSeconds);
        var unknown = timeouts.Single(t => t.Name == "nf_conntrack_new_thing_timeout");
        Assert.Null(unknown.DefaultSeconds);
        Assert.False(unknown.Changed);
    }

    [Fact]
    public void TimeoutsFromDefaultGetJoinTheSysctlsByName()
    {
        var timeouts = Report(Readings(10)).Timeouts;

        Assert.Equal(
            ["nf_conntrack_gre_timeout", "nf_conntrack_new_thing_timeout", "nf_conntrack_tcp_timeout_established", "nf_conntrack_udp_timeout"],
            timeouts.Select(t => t.Name));
        var gre = timeouts[0];
        Assert.Equal((null, 30L, 30L, false), (gre.SysctlSeconds, gre.CttimeoutSeconds, gre.Seconds, gre.Changed));
        var udp = timeouts[3];
        Assert.Equal((60L, 60L), (udp.SysctlSeconds, udp.CttimeoutSeconds));
    }

    [Theory]
    [InlineData("tcp", "ESTABLISHED", "nf_conntrack_tcp_timeout_established")]
    [InlineData("tcp", "RETRANS", "nf_conntrack_tcp_timeout_max_retrans")]
    [InlineData("tcp", "UNACKNOWLEDGED", "nf_conntrack_tcp_timeout_unacknowledged")]
    [InlineData("tcp", "SYN_SENT2", null)]
    [InlineData("udp", "UNREPLIED", "nf_conntrack_udp_timeout")]
    [InlineData("gre", "REPLIED", "nf_conntrack_gre_timeout_stream")]
    [InlineData("icmpv6", "TIMEOUT", "nf_conntrack_icmpv6_timeout")]
    [InlineData("generic", "TIMEOUT", "nf_conntrack_generic_timeout")]
    [InlineData("sctp", "SHUTDOWN_ACK_SENT", "nf_conntrack_sctp_timeout_shutdown_ack_sent")]
    public void EveryDefaultGetStateHasItsSysctlName(string protocol, string state, string? sysctl)
    {
        Assert.Equal(sysctl, CttimeoutDefaults.SysctlName(protocol, state));
        if (sysctl is not null)
            Assert.NotNull(KernelTimeoutDefaults.Of(sysctl));
    }

    [Fact]
    public void MemoryIsEntriesTimesTheSlabObjectPlusTheBuckets()
    {
        var memory = Report(Readings(1000)).Memory!;

        Assert.Equal(256_000, memory.EntryBytes);
        Assert.Equal(262144L * 8, memory.BucketBytes);
        Assert.Equal((262144L * 256) + (262144L * 8), memory.AtMaxBytes);
    }
}
