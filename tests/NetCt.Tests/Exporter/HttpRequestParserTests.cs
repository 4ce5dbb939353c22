using System.Text;
using NetCt.Cli.Exporter.Http;

namespace NetCt.Tests.Exporter;

/// <summary>The request head reader: what it keeps, when it waits for more, what it refuses.</summary>
public sealed class HttpRequestParserTests
{
    private static (HttpParseOutcome Outcome, HttpRequestHead? Head) Parse(string text)
    {
        var outcome = HttpRequestParser.TryParse(Encoding.Latin1.GetBytes(text), out HttpRequestHead? head);
        return (outcome, head);
    }

    [Fact]
    public void AScrapeRequestGivesMethodPathAndAccept()
    {
        var (outcome, head) = Parse("GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\nAccept: text/plain\r\naccept:  application/openmetrics-text \r\n\r\n");

        Assert.Equal(HttpParseOutcome.Complete, outcome);
        Assert.Equal(new HttpRequestHead("GET", "/metrics", "text/plain,application/openmetrics-text"), head);
    }

    [Fact]
    public void BareLineFeedsEndLinesToo() =>
        Assert.Equal(new HttpRequestHead("HEAD", "/", ""), Parse("HEAD / HTTP/1.0\nHost: a\n\n").Head);

    [Fact]
    public void AnAbsoluteTargetKeepsItsPath() =>
        Assert.Equal("/metrics", Parse("GET http://192.0.2.1:19100/metrics HTTP/1.1\r\n\r\n").Head?.Path);

    [Theory]
    [InlineData("")]
    [InlineData("GET /metrics HTTP/1.1\r\n")]
    [InlineData("GET /metrics HTTP/1.1\r\nHost: a\r\n")]
    public void AHeadWithoutItsBlankLineIsIncomplete(string text) =>
        Assert.Equal(HttpParseOutcome.Incomplete, Parse(text).Outcome);

    [Theory]
    [InlineData("GET /metrics\r\n\r\n")]
    [InlineData("GET /metrics HTTP/2.0\r\n\r\n")]
    [InlineData("GET metrics HTTP/1.1\r\n\r\n")]
    [InlineData("G(T /metrics HTTP/1.1\r\n\r\n")]
    [InlineData("GET /a b HTTP/1.1\r\n\r\n")]
    [InlineData("GET /metrics HTTP/1.1\r\nAccept : x\r\n\r\n")]
    [InlineData("GET /metrics HTTP/1.1\r\nno colon\r\n\r\n")]
    [InlineData("GET /metrics HTTP/1.1\r\n folded: x\r\n\r\n")]
    public void AnythingElseIsMalformed(string text) =>
        Assert.Equal(HttpParseOutcome.Malformed, Parse(text).Outcome);
}
