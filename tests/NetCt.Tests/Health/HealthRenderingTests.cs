using System.Text.Json;
using NetCt.Cli.Health;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using static NetCt.Tests.Health.HealthFixtures;

namespace NetCt.Tests.Health;

/// <summary>The text and JSON forms of a report.</summary>
public sealed class HealthRenderingTests
{
    private static HealthReport FullReportWithComposition()
    {
        var composition = new FlowComposition();
        composition.Add(FlowCompositionTests.Entry(6, "192.0.2.1", "198.51.100.1", 443, FlowStatus.SeenReply | FlowStatus.Assured, TcpState.Established));
        composition.Add(FlowCompositionTests.Entry(17, "192.0.2.2", "198.51.100.1", 53));
        var counters = new CounterReadings("netlink", Counters(drop: 1), Counters(drop: 11), 1.0);
        return Report(Readings(262144, counters: counters) with { Composition = composition });
    }

    private static string Text(HealthReport report, TerminalStyle style)
    {
        var writer = new StringWriter();
        HealthTextWriter.Write(writer, report, style);
        return writer.ToString();
    }

    [Fact]
    public void TheFirstLineIsTheStatusAndTheKeyFigures()
    {
        string text = Text(FullReportWithComposition(), TerminalStyle.Plain);

        Assert.StartsWith("netct health CRITICAL: 262144 of 262144 entries (100.0%), drop 10.0/s, insert_failed 0.0/s\n", text);
    }

    [Fact]
    public void ColumnsAreAligned()
    {
        string text = Text(FullReportWithComposition(), TerminalStyle.Plain);

        Assert.Contains("  counter         total  interval  per second\n  drop               11        10        10.0\n", text);
        Assert.Contains("  protocol  state        entries     %\n  tcp       ESTABLISHED        1  50.0\n  udp       -                  1  50.0\n", text);
        Assert.Contains("  sysctl                                 value  default-get  default\n", text);
        Assert.Contains("  nf_conntrack_gre_timeout                   -           30       30\n", text);
        Assert.Contains("  nf_conntrack_udp_timeout                  60           60       30  changed\n", text);
        Assert.Contains("  nf_conntrack_new_thing_timeout             5            -        ?\n", text);
    }

    [Fact]
    public void FindingsCarryTheKnobAndTheCost()
    {
        string text = Text(FullReportWithComposition(), TerminalStyle.Plain);

        Assert.Contains("  CRITICAL  table 100.0% full: 262144 of 262144 entries (threshold 90.0%) -> net.netfilter.nf_conntrack_max=524288 "
            + "(a full table then takes 128.0 MiB instead of 64.0 MiB (256 B per entry))\n", text);
    }

    [Fact]
    public void ColourOnlyOnATerminalWithoutNoColor()
    {
        Assert.False(TerminalStyle.For(isTerminal: false, noColor: null).Paint(MonitoringStatus.Critical, "x").Contains('\e'));
        Assert.False(TerminalStyle.For(isTerminal: true, noColor: "1").Paint(MonitoringStatus.Critical, "x").Contains('\e'));
        Assert.Equal("\e[1;31mx\e[0m", TerminalStyle.For(isTerminal: true, noColor: "").Paint(MonitoringStatus.Critical, "x"));
        Assert.DoesNotContain("\e", Text(FullReportWithComposition(), TerminalStyle.Plain));
        Assert.Contains("\e[1;31mCRITICAL\e[0m", Text(FullReportWithComposition(), TerminalStyle.For(true, null)));
    }

    [Fact]
    public void JsonIsOneObjectWithTheDocumentedSchema()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonFlowWriter.WriterOptions))
            HealthJsonWriter.Write(writer, FullReportWithComposition());
        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;

        // The man page's HEALTH JSON section names exactly these members, in this order.
        Assert.Equal(["status", "exit_code", "table", "memory", "counters", "composition", "timeouts", "findings"],
            root.EnumerateObject().Select(member => member.Name));
        Assert.Equal("CRITICAL", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("exit_code").GetInt32());
        Assert.Equal(["entries", "max", "fill_percent", "buckets", "average_chain_length", "expectations", "expect_max", "expect_fill_percent", "accounting", "timestamps"],
            root.GetProperty("table").EnumerateObject().Select(member => member.Name));
        Assert.Equal(["entry_object_bytes", "entries_bytes", "buckets_bytes", "total_bytes", "at_max_bytes"],
            root.GetProperty("memory").EnumerateObject().Select(member => member.Name));
        var counters = root.GetProperty("counters");
        Assert.Equal("netlink", counters.GetProperty("source").GetString());
        Assert.Equal(2, counters.GetProperty("cpus").GetInt32());
        Assert.Equal(10, counters.GetProperty("drop").GetProperty("interval").GetInt64());
        Assert.Equal(10.0, counters.GetProperty("drop").GetProperty("per_second").GetDouble());
        var composition = root.GetProperty("composition");
        Assert.Equal(["entries", "unreplied", "replied_not_assured", "assured", "by_protocol_state", "by_zone", "top_sources", "top_destinations", "top_destination_ports"],
            composition.EnumerateObject().Select(member => member.Name));
        var port = composition.GetProperty("top_destination_ports").GetProperty("items")[0];
        Assert.Equal(["protocol", "port", "entries"], port.EnumerateObject().Select(member => member.Name));
        Assert.Equal("198.51.100.1", composition.GetProperty("top_destinations").GetProperty("items")[0].GetProperty("address").GetString());
        var timeout = root.GetProperty("timeouts").EnumerateArray().Single(t => t.GetProperty("sysctl").GetString() == "nf_conntrack_udp_timeout");
        Assert.Equal(["sysctl", "seconds", "sysctl_seconds", "default_get_seconds", "default_seconds", "changed"], timeout.EnumerateObject().Select(member => member.Name));
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(["status", "problem", "knob", "cost"], finding.EnumerateObject().Select(member => member.Name));
    }

    [Fact]
    public void JsonLeavesOutWhatCouldNotBeRead()
    {
        var readings = new HealthReadings { Entries = 5, Problems = ["nf_conntrack_max: cannot read /proc/sys/net/netfilter/nf_conntrack_max"] };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonFlowWriter.WriterOptions))
            HealthJsonWriter.Write(writer, Report(readings));
        using var document = JsonDocument.Parse(stream.ToArray());

        Assert.Equal(["entries"], document.RootElement.GetProperty("table").EnumerateObject().Select(member => member.Name));
        Assert.False(document.RootElement.TryGetProperty("counters", out _));
        Assert.Equal(3, document.RootElement.GetProperty("exit_code").GetInt32());
    }
}
