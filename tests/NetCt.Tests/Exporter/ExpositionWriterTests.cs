using System.Buffers;
using System.Text;
using NetCt.Cli.Exporter.Exposition;

namespace NetCt.Tests.Exporter;

/// <summary>The text exposition writer: escaping, counter naming and the two formats, checked by hand and by promtool.</summary>
public sealed class ExpositionWriterTests
{
    private static string Write(ExpositionFormat format, Action<ExpositionWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new ExpositionWriter(output, format);
        write(writer);
        writer.Finish();
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void LabelValuesEscapeBackslashQuoteAndNewline()
    {
        string text = Write(ExpositionFormat.PrometheusText, w =>
        {
            w.Family("netct_test", MetricType.Gauge, "A test.");
            w.Sample(1, new MetricLabel("value", "a\\b\"c\nd"));
        });

        Assert.Contains("netct_test{value=\"a\\\\b\\\"c\\nd\"} 1\n", text);
    }

    [Fact]
    public void HelpEscapesBackslashAndNewlineButQuotesOnlyInOpenMetrics()
    {
        Action<ExpositionWriter> write = w =>
        {
            w.Family("netct_test", MetricType.Gauge, "say \"hi\"\\\nbye");
            w.Sample(1);
        };

        Assert.StartsWith("# HELP netct_test say \"hi\"\\\\\\nbye\n", Write(ExpositionFormat.PrometheusText, write));
        Assert.StartsWith("# HELP netct_test say \\\"hi\\\"\\\\\\nbye\n", Write(ExpositionFormat.OpenMetrics, write));
    }

    [Fact]
    public void ACounterIsNamedWithTotalIn004AndWithoutInOpenMetricsMetadata()
    {
        Action<ExpositionWriter> write = w =>
        {
            w.Family("netct_events", MetricType.Counter, "Events.");
            w.Sample(3, new MetricLabel("type", "new"));
        };

        Assert.Equal(
            "# HELP netct_events_total Events.\n# TYPE netct_events_total counter\nnetct_events_total{type=\"new\"} 3\n",
            Write(ExpositionFormat.PrometheusText, write));
        Assert.Equal(
            "# HELP netct_events Events.\n# TYPE netct_events counter\nnetct_events_total{type=\"new\"} 3\n# EOF\n",
            Write(ExpositionFormat.OpenMetrics, write));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(4294967295.0 * 8, "34359738360")]
    [InlineData(0.25, "0.25")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void ValuesAreWrittenAsTheFormatSpellsThem(double value, string expected)
    {
        string text = Write(ExpositionFormat.PrometheusText, w =>
        {
            w.Family("netct_test", MetricType.Gauge, "A test.");
            w.Sample(value);
        });

        Assert.EndsWith($"netct_test {expected}\n", text);
    }

    [Fact]
    public void PromtoolAcceptsAwkwardLabelsAndHelp()
    {
        // promtool reads the 0.0.4 text format (OpenMetrics' differences are checked by hand above).
        string text = Write(ExpositionFormat.PrometheusText, w =>
        {
            w.Family("netct_test_entries", MetricType.Gauge, "Entries \\ with \"odd\" help\nover two lines, and ünïcödé.");
            w.Sample(1, new MetricLabel("netns", "a\"b"), new MetricLabel("source", "2001:db8::1"));
            w.Sample(2, new MetricLabel("netns", "c\\d\ne"), new MetricLabel("source", "ünï"));
            w.Family("netct_test_events", MetricType.Counter, "Events.");
            w.Sample(7, new MetricLabel("type", "new"));
        });

        var (exitCode, output) = Promtool.CheckMetrics(text);
        Assert.True(exitCode == 0, output);
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void PromtoolRefusesWhatTheWriterWouldNeverWrite()
    {
        // The checker is not a rubber stamp: an unescaped quote in a label value fails it.
        var (exitCode, _) = Promtool.CheckMetrics("# HELP netct_test A test.\n# TYPE netct_test gauge\nnetct_test{a=\"x\"y\"} 1\n");
        Assert.NotEqual(0, exitCode);
    }
}
