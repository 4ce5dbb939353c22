using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetCt.Cli.Exporter.Exposition;
using NetCt.Cli.Exporter.Metrics;
using NetCt.Conntrack;

namespace NetCt.Tests.Exporter;

/// <summary>contrib/: the alert rules and scrape configuration pass promtool, and the dashboard and rules ask only for metrics the exporter writes.</summary>
public sealed partial class ContribFilesTests
{
    [Theory]
    [InlineData("rules", "contrib/prometheus/netct-alerts.yml")]
    [InlineData("config", "contrib/prometheus/prometheus.yml")]
    public void PromtoolAcceptsThePrometheusFiles(string what, string path)
    {
        var (exitCode, output) = Promtool.Check(what, RepositoryFiles.PathOf(path));
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void TheDashboardAndTheRulesUseOnlyMetricsTheExporterWrites()
    {
        string written = EveryFamily();
        var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("contrib/grafana/netct-exporter.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)
            .Append(File.ReadAllText(RepositoryFiles.PathOf("contrib/prometheus/netct-alerts.yml")))
            .ToList();
        var names = expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).Distinct().ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains("\n" + name + " ", written));
    }

    // Every family, from a snapshot that has every kind of value.
    private static string EveryFamily()
    {
        var cpu = new CpuStatistics(0, [.. Enumerable.Range(1, 15).Select(type => new CpuStatisticsCounter((ushort)type, 1))]);
        var table = new TableSummary([new("tcp", "ESTABLISHED", 1)], [new("0", 1)], [new("ipv4", 1)], 1, 0, [new("192.0.2.1", 1)], 0, [new("new", 1)], 0, 0);
        var output = new ArrayBufferWriter<byte>();
        ConntrackMetrics.Write(
            new ExpositionWriter(output, ExpositionFormat.PrometheusText),
            [new NamespaceSnapshot(null, true, 1, 10, [cpu], 0, table)],
            new HostFacts(16, 256),
            0.001);
        // One line per sample name, for a lookup by "\nNAME ".
        return "\n" + string.Join("\n", Encoding.UTF8.GetString(output.WrittenSpan).Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])] + " ")) + "\n";
    }

    [GeneratedRegex("\\b(?:node_nf_conntrack|netct)_[a-z_]+\\b")]
    private static partial Regex MetricName();
}
