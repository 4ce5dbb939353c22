using NetCt.Cli.Health;
using NetCt.Conntrack;

namespace NetCt.Tests.Health;

/// <summary>Readings as a kernel would give them, for building reports without one.</summary>
internal static class HealthFixtures
{
    public const string Header = "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";

    /// <summary>Two CPUs with the given drop, insert_failed, early_drop and chaintoolong values on CPU 0 (CPU 1 all zero).</summary>
    public static ConntrackCounterSnapshot Counters(uint drop = 0, uint insertFailed = 0, uint earlyDrop = 0, uint chainTooLong = 0) =>
        ConntrackCounterSnapshot.FromProcTable(Header
            + $"00000000  00000000 00000000 00000000 00000000 00000000 00000000 {chainTooLong:x8} 00000000 {insertFailed:x8} {drop:x8} {earlyDrop:x8} 00000000  00000000 00000000 00000000 00000000\n"
            + "00000000  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000  00000000 00000000 00000000 00000000\n");

    public static HealthReadings Readings(uint entries, uint max = 262144, CounterReadings? counters = null) => new()
    {
        Entries = entries,
        MaxEntries = max,
        Buckets = 262144,
        Expectations = 0,
        ExpectationMax = 4096,
        Accounting = false,
        Timestamps = true,
        Counters = counters ?? new CounterReadings("netlink", Counters(), Counters(), 1.0),
        EntryObjectSize = 256,
        Timeouts = [new("nf_conntrack_tcp_timeout_established", 432000), new("nf_conntrack_udp_timeout", 60), new("nf_conntrack_new_thing_timeout", 5)],
        DefaultTimeouts = new Dictionary<string, long> { ["nf_conntrack_udp_timeout"] = 60, ["nf_conntrack_gre_timeout"] = 30 },
    };

    public static HealthReport Report(HealthReadings readings, double warn = 80, double crit = 90) =>
        HealthReportBuilder.Build(readings, new HealthThresholds(warn, crit), 5);
}
