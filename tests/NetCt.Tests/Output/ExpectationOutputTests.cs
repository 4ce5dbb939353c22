using System.Net;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Tests.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// Expectation lines against conntrack 1.4.8's output for the same kernel messages (the golden
/// strings are the reference's stdout: <c>conntrack -L expect [-o xml|timestamp]</c> in <c>unshare -n</c>
/// on Linux 6.18, with the ftp and tftp helpers attached by nft).
/// </summary>
public sealed class ExpectationOutputTests
{
    private const string FtpLine =
        "299 proto=6 src=127.0.0.1 dst=127.0.0.1 sport=0 dport=50000 mask-src=255.255.255.255 mask-dst=255.255.255.255 sport=0 dport=65535 " +
        "master-src=127.0.0.1 master-dst=127.0.0.1 sport=33452 dport=2124 class=0 helper=ftp\n";

    private const string TftpXml =
        "<flow><layer3 protonum=\"2\" protoname=\"ipv4\"><expected><src>127.0.0.1</src><dst>127.0.0.1</dst></expected>" +
        "<mask><src>255.255.255.255</src><dst>255.255.255.255</dst></mask><master><src>127.0.0.1</src><dst>127.0.0.1</dst></master></layer3>" +
        "<layer4 protonum=\"17\" protoname=\"udp\"><expected><sport>0</sport><dport>40069</dport></expected>" +
        "<mask><sport>0</sport><dport>65535</dport></mask><master><sport>40069</sport><dport>69</dport></master></layer4>" +
        "<meta><helper-name>tftp</helper-name><timeout>299</timeout><class>0</class>{0}</meta></flow>\n";

    [Fact]
    public void DefaultLineOmitsNatAndFunction()
    {
        Assert.Equal(FtpLine, Print(OutputFlags.None, CapturedExpectations.FtpBehindNat));
    }

    [Fact]
    public void ExtendedIdAndSaveChangeNothing()
    {
        Assert.Equal(FtpLine, Print(OutputFlags.Extended | OutputFlags.Id | OutputFlags.Save, CapturedExpectations.FtpBehindNat));
    }

    [Fact]
    public void XmlWrapsTheElementsInExpect()
    {
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<expect>\n" + string.Format(TftpXml, "") + "</expect>\n",
            Print(OutputFlags.Xml, CapturedExpectations.Tftp));
    }

    [Fact]
    public void XmlWithTimestampAddsWhenAfterTheClass()
    {
        // 2026-11-24 02:35:36 UTC, a Tuesday (wday 3).
        var time = new FixedTimeProvider(1795487736, "UTC");
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<expect>\n" +
            string.Format(TftpXml, "<when><hour>2</hour><min>35</min><sec>36</sec><wday>3</wday><day>24</day><month>11</month><year>2026</year></when>") +
            "</expect>\n",
            Print(OutputFlags.Xml | OutputFlags.Timestamp, CapturedExpectations.Tftp, time));
    }

    // "[%-8ld.%-6ld]\t": left-aligned, so 62480 microseconds print as "62480 " (seen: "[1795487813.62480 ]").
    [Fact]
    public void TimestampPrefixIsLeftAligned()
    {
        var time = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1795487813).AddTicks(624800), TimeZoneInfo.Utc);
        Assert.StartsWith("[1795487813.62480 ]\t299 proto=6 ", Print(OutputFlags.Timestamp, CapturedExpectations.FtpBehindNat, time));
    }

    [Fact]
    public void NothingForAnEmptyXmlDump()
    {
        Assert.Equal("", Print(OutputFlags.Xml));
    }

    // An expectation the kernel created from a hand-made request with CTA_EXPECT_FLAGS 3.
    [Theory]
    [InlineData(ExpectationFlags.Permanent | ExpectationFlags.Inactive, "PERMANENT,INACTIVE class=0", "<class>0</class><permanent/><inactive/></meta>")]
    [InlineData(ExpectationFlags.Permanent, "PERMANENT class=0", "<class>0</class><permanent/></meta>")]
    [InlineData(ExpectationFlags.Inactive, "INACTIVE class=0", "<class>0</class><inactive/></meta>")]
    public void FlagsFollowTheMasterTuple(ExpectationFlags flags, string text, string xmlEnd)
    {
        var expectation = ExpectationDecoderTests.Decode(CapturedExpectations.Tftp);
        expectation.Flags = flags;
        expectation.Tuple!.Source = IPAddress.Parse("192.0.2.7");
        expectation.Tuple.Destination = IPAddress.Parse("198.51.100.7");
        expectation.Tuple.DestinationPort = 6000;

        Assert.Equal(
            "299 proto=17 src=192.0.2.7 dst=198.51.100.7 sport=0 dport=6000 mask-src=255.255.255.255 mask-dst=255.255.255.255 sport=0 dport=65535 " +
            $"master-src=127.0.0.1 master-dst=127.0.0.1 sport=40069 dport=69 {text} helper=tftp\n",
            Print(OutputFlags.None, expectation));
        Assert.Contains(xmlEnd, Print(OutputFlags.Xml, expectation));
    }

    // conntrack -I expect with -p tcp stores the high byte of --tuple-port-dst 5000 as the protocol (19): no ports print.
    [Fact]
    public void UnknownProtocolPrintsNoPorts()
    {
        var expectation = ExpectationDecoderTests.Decode(CapturedExpectations.Tftp);
        expectation.Tuple!.Protocol = 19;
        expectation.Tuple.SourcePort = null;
        expectation.Tuple.DestinationPort = null;
        expectation.Mask!.Protocol = 19;

        string line = Print(OutputFlags.None, expectation);
        string xml = Print(OutputFlags.Xml, expectation);

        Assert.StartsWith("299 proto=19 src=127.0.0.1 dst=127.0.0.1 mask-src=255.255.255.255 mask-dst=255.255.255.255 master-src=", line);
        Assert.Contains("<layer4 protonum=\"19\" protoname=\"unknown\"><expected></expected><mask></mask><master><sport>40069</sport>", xml);
    }

    [Fact]
    public void EventsArePrefixedLikeFlowEvents()
    {
        var expectation = ExpectationDecoderTests.Decode(CapturedExpectations.Tftp);
        string printed = Rendered.Text(output => new ExpectationPrinter(output, OutputFlags.None).Print(expectation, FlowEventType.Destroy));
        Assert.StartsWith("[DESTROY] 299 proto=17 ", printed);
    }

    private static string Print(OutputFlags flags, byte[] captured, TimeProvider? time = null) =>
        Print(flags, ExpectationDecoderTests.Decode(captured), time);

    private static string Print(OutputFlags flags, Expectation? expectation = null, TimeProvider? time = null) => Rendered.Text(output =>
    {
        var printer = new ExpectationPrinter(output, flags, time);
        if (expectation is not null)
            printer.Print(expectation);
        printer.Finish();
    });
}
