using System.Net;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// Event lines (-E) against conntrack 1.4.8: a NEW, an UPDATE and a DESTROY caused by conntrack
/// itself, so each carries the [USERSPACE] suffix. Captured with, for each -o below:
/// <code>
/// unshare -n sh -c 'sysctl -w net.netfilter.nf_conntrack_acct=1 net.netfilter.nf_conntrack_timestamp=1;
///   conntrack -E -o ... &amp; conntrack -I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 -u ASSURED;
///   conntrack -U -s 192.0.2.1 -m 7; conntrack -D -s 192.0.2.1; kill -INT %1'
/// </code>
/// (TZ=UTC). The sender portids and program names are the ones conntrack found.
/// </summary>
public sealed class EventOutputTests
{
    private const string Plain = """
            [NEW] tcp      6 100 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=0 [USERSPACE] portid=32640 progname=conntrack
         [UPDATE] tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=7 [USERSPACE] portid=2948082820
        [DESTROY] tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 packets=0 bytes=0 [ASSURED] mark=7 delta-time=0 [USERSPACE] portid=2441977685
        """;

    private const string TimestampExtendedId = """
        [1795477449.788263]	    [NEW] ipv4     2 tcp      6 100 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=0 id=2967219079 [USERSPACE] portid=32668
        [1795477449.799974]	 [UPDATE] ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=7 id=2967219079 [USERSPACE] portid=2694365230
        [1795477449.811907]	[DESTROY] ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 packets=0 bytes=0 [ASSURED] mark=7 delta-time=0 id=2967219079 [USERSPACE] portid=3250038663
        """;

    private const string XmlTimestampKTimestampId = """
        <?xml version="1.0" encoding="utf-8"?>
        <conntrack>
        <flow type="new"><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>1</sport><dport>2</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>2</sport><dport>1</dport></layer4></meta><meta direction="independent"><state>ESTABLISHED</state><timeout>100</timeout><mark>0</mark><id>2967219079</id><assured/><unreplied/></meta><when><hour>23</hour><min>44</min><sec>10</sec><wday>2</wday><day>23</day><month>11</month><year>2026</year></when></flow> [USERSPACE] portid=32679
        <flow type="update"><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>1</sport><dport>2</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>2</sport><dport>1</dport></layer4></meta><meta direction="independent"><state>ESTABLISHED</state><timeout>99</timeout><mark>7</mark><id>2967219079</id><assured/><unreplied/></meta><when><hour>23</hour><min>44</min><sec>10</sec><wday>2</wday><day>23</day><month>11</month><year>2026</year></when></flow> [USERSPACE] portid=3800699854
        <flow type="destroy"><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.1</src><dst>198.51.100.2</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>1</sport><dport>2</dport></layer4><counters><packets>0</packets><bytes>0</bytes></counters></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>192.0.2.1</dst></layer3><layer4 protonum="6" protoname="tcp"><sport>2</sport><dport>1</dport></layer4><counters><packets>0</packets><bytes>0</bytes></counters></meta><meta direction="independent"><state>ESTABLISHED</state><timeout>99</timeout><mark>7</mark><id>2967219079</id><assured/><unreplied/><timestamp><start>1795477450450315429</start><stop>1795477450477754437</stop></timestamp><deltatime>0</deltatime></meta><when><hour>23</hour><min>44</min><sec>10</sec><wday>2</wday><day>23</day><month>11</month><year>2026</year></when></flow> [USERSPACE] portid=3206836369
        </conntrack>
        """;

    private const string Save = """
        -A -t 100 -u ASSURED -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED [USERSPACE] portid=32686 progname=conntrack
        -U -t 99 -u ASSURED -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED [USERSPACE] portid=2825506850 progname=conntrack
        -D -t 99 -u ASSURED -s 192.0.2.1 -d 198.51.100.2 -r 198.51.100.2 -q 192.0.2.1 -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED [USERSPACE] portid=3045636342
        """;

    private const string KTimestampUserspace = """
            [NEW] tcp      6 100 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=0 [USERSPACE] portid=32706 progname=conntrack
         [UPDATE] tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=7 [USERSPACE] portid=3001734289
        [DESTROY] tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 packets=0 bytes=0 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 packets=0 bytes=0 [ASSURED] mark=7 delta-time=0 [start=Mon Nov 23 23:44:11 2026] [stop=Mon Nov 23 23:44:11 2026] [USERSPACE] portid=4022150047
        """;

    // The same run with -o xml,timestamp,ktimestamp for an IPv6 entry in zone 1234: the destroy
    // event passes 1023 bytes and is cut there, before the suffix.
    //   conntrack -I -s 2001:db8:1234:5678:9abc:def0:1234:5678 -d 2001:db8:1234:5678:9abc:def0:1234:5679
    //     -p tcp --sport 40000 --dport 44300 --state ESTABLISHED -t 100 -u ASSURED -w 1234; conntrack -D -s 2001:db8:1234:5678:9abc:def0:1234:5678
    private const string TruncatedDestroy = "<flow type=\"destroy\"><meta direction=\"original\"><layer3 protonum=\"10\" protoname=\"ipv6\"><src>2001:db8:1234:5678:9abc:def0:1234:5678</src><dst>2001:db8:1234:5678:9abc:def0:1234:5679</dst></layer3><layer4 protonum=\"6\" protoname=\"tcp\"><sport>40000</sport><dport>44300</dport></layer4><counters><packets>0</packets><bytes>0</bytes></counters></meta><meta direction=\"reply\"><layer3 protonum=\"10\" protoname=\"ipv6\"><src>2001:db8:1234:5678:9abc:def0:1234:5679</src><dst>2001:db8:1234:5678:9abc:def0:1234:5678</dst></layer3><layer4 protonum=\"6\" protoname=\"tcp\"><sport>44300</sport><dport>40000</dport></layer4><counters><packets>0</packets><bytes>0</bytes></counters></meta><meta direction=\"independent\"><state>ESTABLISHED</state><timeout>99</timeout><zone>1234</zone><id>805880076</id><assured/><unreplied/><timestamp><start>1795477183146682954</start><stop>1795477183155344103</stop></timestamp><deltatime>0</deltatime></meta><when><hour>23</hour><min>39</min><sec>43</sec><wday>2</wday><day>23</day><month>11</month><year>2026</ye [USERSPACE] portid=3218076867";

    private static readonly FlowEventType[] Types = [FlowEventType.New, FlowEventType.Update, FlowEventType.Destroy];

    [Fact]
    public void Plain_events_have_a_prefix_no_use_and_a_userspace_suffix()
    {
        Assert.Equal(Plain + "\n", Print(OutputFlags.None, [(32640u, "conntrack"), (2948082820u, null), (2441977685u, null)], Events(stop: 1795477451_000_000_000)));
    }

    [Fact]
    public void Timestamp_prefixes_the_kernel_event_time()
    {
        ulong[] eventTimes = [1795477449_788263_000UL, 1795477449_799974_000UL, 1795477449_811907_000UL];
        Flow[] events = Events(stop: 1795477451_000_000_000);
        for (int i = 0; i < events.Length; i++)
            events[i].EventTimestamp = eventTimes[i];
        Assert.Equal(TimestampExtendedId + "\n",
            Print(OutputFlags.Timestamp | OutputFlags.Extended | OutputFlags.Id, [(32668u, null), (2694365230u, null), (3250038663u, null)], events));
    }

    [Fact]
    public void Xml_events_get_a_header_when_and_the_userspace_suffix_after_the_flow()
    {
        Flow[] events = Events(start: 1795477450450315429, stop: 1795477450477754437);
        Assert.Equal(XmlTimestampKTimestampId + "\n",
            Print(OutputFlags.Xml | OutputFlags.Timestamp | OutputFlags.KTimestamp | OutputFlags.Id, [(32679u, null), (3800699854u, null), (3206836369u, null)], events, clock: 1795477450));
    }

    [Fact]
    public void Save_events_use_the_command_of_the_event()
    {
        Assert.Equal(Save + "\n", Print(OutputFlags.Save, [(32686u, "conntrack"), (2825506850u, "conntrack"), (3045636342u, null)], Events(stop: 1795477451_000_000_000)));
    }

    [Fact]
    public void Ktimestamp_shows_start_and_stop_and_userspace_changes_nothing()
    {
        Flow[] events = Events(start: 1795477451_100_000_000, stop: 1795477451_200_000_000);
        Assert.Equal(KTimestampUserspace + "\n",
            Print(OutputFlags.KTimestamp | OutputFlags.Userspace, [(32706u, "conntrack"), (3001734289u, null), (4022150047u, null)], events));
    }

    [Fact]
    public void Long_event_lines_are_cut_at_1023_bytes_before_the_suffix()
    {
        IPAddress a = IPAddress.Parse("2001:db8:1234:5678:9abc:def0:1234:5678");
        IPAddress b = IPAddress.Parse("2001:db8:1234:5678:9abc:def0:1234:5679");
        var flow = new Flow
        {
            Family = IpFamily.IPv6,
            Original = new FlowTuple { Source = a, Destination = b, Protocol = 6, SourcePort = 40000, DestinationPort = 44300 },
            Reply = new FlowTuple { Source = b, Destination = a, Protocol = 6, SourcePort = 44300, DestinationPort = 40000 },
            Status = FlowStatus.Confirmed | FlowStatus.Assured,
            Timeout = 99,
            Zone = 1234,
            Id = 805880076,
            Tcp = new TcpInfo { State = TcpState.Established },
            OriginalCounters = new Counters(0, 0),
            ReplyCounters = new Counters(0, 0),
            Timestamps = new FlowTimestamps(1795477183146682954, 1795477183155344103),
        };
        string printed = Rendered.Text(output =>
            FlowPrinter.ForEvents(output, OutputFlags.Xml | OutputFlags.Timestamp | OutputFlags.KTimestamp, time: new FixedTimeProvider(1795477183, "UTC"))
                .PrintEvent(flow, FlowEventType.Destroy, 3218076867));
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n" + TruncatedDestroy + "\n", printed);
    }

    [Fact]
    public void Without_a_kernel_event_time_the_prefix_is_the_clock()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_795_477_449_007).AddTicks(12), TimeZoneInfo.Utc);
        string printed = Rendered.Text(output =>
            FlowPrinter.ForEvents(output, OutputFlags.Timestamp, time: clock).PrintEvent(Events(stop: 1)[0], FlowEventType.New));
        Assert.Equal("[1795477449.007001]\t    [NEW] tcp      6 100 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=0\n", printed);
    }

    [Fact]
    public void Kernel_events_have_no_userspace_suffix()
    {
        string printed = Rendered.Text(output =>
            FlowPrinter.ForEvents(output, OutputFlags.None).PrintEvent(Events(stop: 1)[1], FlowEventType.Update));
        Assert.EndsWith("[ASSURED] mark=7\n", printed);
    }

    [Fact]
    public void Each_event_is_flushed_at_once_and_finish_closes_the_xml()
    {
        var stream = new MemoryStream();
        using var output = new OutputBuffer(stream);
        var printer = FlowPrinter.ForEvents(output, OutputFlags.Xml);
        printer.PrintEvent(Events(stop: 1)[0], FlowEventType.New);
        long afterFirst = stream.Length;
        Assert.True(afterFirst > 0);
        printer.PrintEvent(Events(stop: 1)[1], FlowEventType.Update);
        Assert.True(stream.Length > afterFirst);
        printer.Finish();
        Assert.EndsWith("</flow>\n</conntrack>\n", System.Text.Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void Resync_entries_are_listing_lines_after_a_marker()
    {
        string printed = Rendered.Text(output =>
        {
            var printer = FlowPrinter.ForEvents(output, OutputFlags.Extended | OutputFlags.Timestamp, time: new FixedTimeProvider(1795477451, "UTC"));
            printer.PrintResync(With(Entry(timeout: 100, mark: 3), flow => flow.Use = 1));
            printer.PrintEvent(Entry(timeout: 99, mark: 3), FlowEventType.Update);
        });
        Assert.Equal(
            "[RESYNC] ipv4     2 tcp      6 100 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=3 use=1\n" +
            "[1795477451.000000]\t [UPDATE] ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=192.0.2.1 sport=2 dport=1 [ASSURED] mark=3\n",
            printed);
    }

    // The NEW, UPDATE and DESTROY of the entry as the kernel reported them.
    private static Flow[] Events(ulong stop, ulong? start = null) =>
    [
        Entry(timeout: 100, mark: 0),
        Entry(timeout: 99, mark: 7),
        With(Entry(timeout: 99, mark: 7), flow =>
        {
            flow.OriginalCounters = new Counters(0, 0);
            flow.ReplyCounters = new Counters(0, 0);
            flow.Timestamps = new FlowTimestamps(start ?? stop, stop);
        }),
    ];

    private static Flow Entry(uint timeout, uint mark) => new()
    {
        Family = IpFamily.IPv4,
        Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("198.51.100.2"), Protocol = 6, SourcePort = 1, DestinationPort = 2 },
        Reply = new FlowTuple { Source = IPAddress.Parse("198.51.100.2"), Destination = IPAddress.Parse("192.0.2.1"), Protocol = 6, SourcePort = 2, DestinationPort = 1 },
        Status = FlowStatus.Confirmed | FlowStatus.Assured,
        Timeout = timeout,
        Mark = mark,
        Id = 2967219079,
        Tcp = new TcpInfo { State = TcpState.Established },
    };

    private static Flow With(Flow flow, Action<Flow> change)
    {
        change(flow);
        return flow;
    }

    private static string Print(OutputFlags flags, (uint PortId, string? Program)[] senders, Flow[] events, long clock = 1795477451) =>
        Rendered.Text(output =>
        {
            var printer = FlowPrinter.ForEvents(output, flags, time: new FixedTimeProvider(clock, "UTC"));
            for (int i = 0; i < events.Length; i++)
                printer.PrintEvent(events[i], Types[i], senders[i].PortId, senders[i].Program);
            printer.Finish();
        });
}
