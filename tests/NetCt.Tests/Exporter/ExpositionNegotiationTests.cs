using NetCt.Cli.Exporter.Exposition;

namespace NetCt.Tests.Exporter;

/// <summary>Which format a scraper gets for its Accept header.</summary>
public sealed class ExpositionNegotiationTests
{
    [Theory]
    // What Prometheus 2.x/3.x sends by default.
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", true)]
    [InlineData("Application/OpenMetrics-Text", true)]
    [InlineData("text/plain;version=0.0.4;q=1,application/openmetrics-text;q=0", false)]
    [InlineData("text/plain", false)]
    [InlineData("*/*", false)]
    [InlineData("", false)]
    public void OpenMetricsOnlyWhenAskedFor(string accept, bool openMetrics) =>
        Assert.Equal(openMetrics ? ExpositionFormat.OpenMetrics : ExpositionFormat.PrometheusText, ExpositionNegotiation.FromAccept(accept));

    [Fact]
    public void EachFormatHasItsContentType()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ExpositionNegotiation.ContentType(ExpositionFormat.PrometheusText));
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionNegotiation.ContentType(ExpositionFormat.OpenMetrics));
    }
}
