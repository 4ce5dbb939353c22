using System.Net;
using System.Text.Json;
using NetCt.Cli.Labels;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// <c>-o json</c> golden lines: the schema of man/netct.8 (JSON OUTPUT).
/// A change here is a change of a published schema: add fields, never rename or retype one.
/// </summary>
public sealed class JsonOutputTests
{
    private static readonly TimeProvider Utc = new FixedTimeProvider(1795476706, "UTC");

    // ReferenceListing: one entry of every protocol netct names, and an unnamed one (99).
    private const string Listing = """
        {"family":"ipv6","protocol":"icmpv6","protonum":58,"timeout":27,"original":{"src":"2001:db8::1","dst":"2001:db8::2","type":128,"code":0,"id":99},"reply":{"src":"2001:db8::2","dst":"2001:db8::1","type":129,"code":0,"id":99},"status":["CONFIRMED"],"mark":0,"use":1,"id":490824888}
        {"family":"ipv6","protocol":"tcp","protonum":6,"state":"SYN_SENT","timeout":119,"original":{"src":"2001:db8::1","dst":"2001:db8::2","sport":3,"dport":4},"reply":{"src":"2001:db8::2","dst":"2001:db8::1","sport":4,"dport":3},"status":["SEEN_REPLY","ASSURED","CONFIRMED","FIXED_TIMEOUT"],"mark":0,"use":1,"id":3045001093}
        {"family":"ipv4","protocol":"unknown","protonum":99,"timeout":299,"original":{"src":"192.0.2.1","dst":"198.51.100.2"},"reply":{"src":"198.51.100.2","dst":"192.0.2.1"},"status":["CONFIRMED"],"mark":0,"use":1,"id":240588975}
        {"family":"ipv4","protocol":"tcp","protonum":6,"state":"ESTABLISHED","timeout":99,"original":{"src":"192.0.2.1","dst":"198.51.100.2","sport":1,"dport":2},"reply":{"src":"198.51.100.2","dst":"192.0.2.1","sport":2,"dport":1},"status":["ASSURED","CONFIRMED"],"mark":5,"zone":3,"use":1,"id":329081093}
        {"family":"ipv4","protocol":"gre","protonum":47,"timeout":199,"original":{"src":"192.0.2.1","dst":"198.51.100.2","srckey":16,"dstkey":32},"reply":{"src":"198.51.100.2","dst":"192.0.2.1","srckey":32,"dstkey":16},"status":["CONFIRMED"],"mark":0,"use":1,"id":253464614}
        {"family":"ipv4","protocol":"sctp","protonum":132,"state":"ESTABLISHED","timeout":199,"original":{"src":"192.0.2.1","dst":"198.51.100.2","sport":10,"dport":20},"reply":{"src":"198.51.100.2","dst":"192.0.2.1","sport":20,"dport":10},"status":["CONFIRMED"],"mark":0,"use":1,"id":80267436,"sctp":{"vtag_original":16777216,"vtag_reply":33554432}}
        {"family":"ipv4","protocol":"udplite","protonum":136,"timeout":50,"original":{"src":"192.0.2.1","dst":"198.51.100.2","sport":7,"dport":8},"reply":{"src":"198.51.100.2","dst":"192.0.2.1","sport":8,"dport":7},"status":["SEEN_REPLY","CONFIRMED"],"mark":0,"use":1,"id":352661420}
        {"family":"ipv4","protocol":"udp","protonum":17,"timeout":49,"original":{"src":"192.0.2.1","dst":"198.51.100.2","sport":53,"dport":5353},"reply":{"src":"198.51.100.2","dst":"192.0.2.1","sport":5353,"dport":53},"status":["CONFIRMED"],"mark":0,"use":1,"id":3678151569}
        {"family":"ipv4","protocol":"icmp","protonum":1,"timeout":28,"original":{"src":"192.0.2.1","dst":"198.51.100.2","type":8,"code":0,"id":77},"reply":{"src":"198.51.100.2","dst":"192.0.2.1","type":0,"code":0,"id":77},"status":["CONFIRMED"],"mark":0,"use":1,"id":736049251}
        {"family":"ipv4","protocol":"dccp","protonum":33,"timeout":199,"original":{"src":"192.0.2.1","dst":"198.51.100.2"},"reply":{"src":"198.51.100.2","dst":"192.0.2.1"},"status":["CONFIRMED"],"mark":0,"use":1,"id":4040929967}
        """;

    [Theory]
    [InlineData((int)FlowCommand.List)]
    [InlineData((int)FlowCommand.ListDyingOrUnconfirmed)]
    [InlineData((int)FlowCommand.Get)]
    [InlineData((int)FlowCommand.Update)]
    [InlineData((int)FlowCommand.Delete)]
    public void Every_command_prints_one_object_per_line_for_every_protocol(int command)
    {
        Assert.Equal(Listing + "\n", Print((FlowCommand)command, OutputFlags.Json, null, ReferenceListing.Entries()));
    }

    [Fact]
    public void The_text_decorations_change_nothing()
    {
        // -o json carries every field the kernel sent: extended, id, ktimestamp, timestamp and
        // userspace have nothing to add.
        var flags = OutputFlags.Json | OutputFlags.Extended | OutputFlags.Id | OutputFlags.KTimestamp | OutputFlags.Timestamp | OutputFlags.Userspace;
        Assert.Equal(Listing + "\n", Print(FlowCommand.List, flags, null, ReferenceListing.Entries()));
    }

    [Fact]
    public void An_empty_table_prints_nothing()
    {
        Assert.Equal("", Print(FlowCommand.List, OutputFlags.Json, null));
    }

    [Fact]
    public void Optional_fields_appear_when_the_kernel_sent_them()
    {
        Assert.Equal(
            J("{'family':'ipv4','protocol':'tcp','protonum':6,'state':'TIME_WAIT','timeout':120,") +
            J("'original':{'src':'192.0.2.1','dst':'198.51.100.2','sport':40000,'dport':21,'zone':4,'packets':3,'bytes':180},") +
            J("'reply':{'src':'198.51.100.2','dst':'203.0.113.9','sport':21,'dport':40000,'zone':5,'packets':2,'bytes':120},") +
            J("'master':{'src':'192.0.2.1','dst':'198.51.100.2','sport':39999,'dport':21},") +
            J("'status':['EXPECTED','SEEN_REPLY','ASSURED','CONFIRMED','SRC_NAT','SRC_NAT_DONE','BIT16'],") +
            J("'mark':4294967295,'secmark':7,'secctx':'system_u:object_r:\\'quoted\\'','zone':9,'use':2,'id':12,'helper':'ftp',") +
            J("'start_ns':1795476700123456789,'stop_ns':1795476706000000001,'labels':[1,5,127],") +
            J("'tcp':{'wscale_original':7,'wscale_reply':8,'flags_original':35,'flags_reply':34}}") + "\n",
            Print(FlowCommand.List, OutputFlags.Json, null, FullEntry()));
    }

    [Fact]
    public void Label_names_come_with_a_label_map()
    {
        var map = ConnLabelTable.Parse(ReferenceGoldens.LabelConfig)!;
        string printed = Print(FlowCommand.List, OutputFlags.Json | OutputFlags.Labels, map, FullEntry());
        Assert.Contains("\"labels\":[1,5,127],\"label_names\":[\"beta\",\"five\",\"last\"],", printed);
    }

    [Fact]
    public void Dccp_role_and_handshake_sequence()
    {
        var flow = ReferenceListing.Entries()[^1];
        flow.Dccp = new DccpInfo { State = DccpState.Open, Role = DccpRole.Server, HandshakeSequence = 42 };
        Assert.EndsWith(
            J("'id':4040929967,'dccp':{'role':'server','handshake_seq':42}}") + "\n",
            Print(FlowCommand.List, OutputFlags.Json, null, flow));
        Assert.Contains("\"protonum\":33,\"state\":\"OPEN\",", Print(FlowCommand.List, OutputFlags.Json, null, flow));
    }

    [Fact]
    public void Events_start_with_the_event_its_time_and_the_sender()
    {
        var flow = ReferenceListing.Entries()[7];
        flow.EventTimestamp = 1795477449788263001;
        string printed = Rendered.Text(output =>
        {
            var printer = FlowPrinter.ForEvents(output, OutputFlags.Json, time: Utc);
            printer.PrintEvent(flow, FlowEventType.New, senderPortId: 32640, senderProgram: "conntrack");
            flow.EventTimestamp = null;
            printer.PrintEvent(flow, FlowEventType.Update);
            printer.PrintEvent(flow, FlowEventType.Destroy, senderPortId: 7);
            printer.Finish();
        });
        string entry = J("'family':'ipv4','protocol':'udp','protonum':17,'timeout':49,'original':{'src':'192.0.2.1','dst':'198.51.100.2','sport':53,'dport':5353},'reply':{'src':'198.51.100.2','dst':'192.0.2.1','sport':5353,'dport':53},'status':['CONFIRMED'],'mark':0,'use':1,'id':3678151569}");
        Assert.Equal(
            J("{'event':'new','event_time_ns':1795477449788263001,'portid':32640,'program':'conntrack',") + entry + "\n" +
            J("{'event':'update','event_time_ns':1795476706000000000,") + entry + "\n" +
            J("{'event':'destroy','event_time_ns':1795476706000000000,'portid':7,") + entry + "\n",
            printed);
    }

    [Fact]
    public void Every_line_parses_as_json()
    {
        var flows = ReferenceListing.Entries().Append(FullEntry()).ToArray();
        foreach (string line in Print(FlowCommand.List, OutputFlags.Json, null, flows).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_written_whole()
    {
        var flow = FullEntry();
        flow.SecurityContext = new string('x', 5000);
        string printed = Rendered.Text(output =>
        {
            var printer = FlowPrinter.ForCommand(FlowCommand.List, output, OutputFlags.Json);
            printer.Print(flow);
            printer.Print(flow);
            printer.Finish();
        }, capacity: 256);
        string[] lines = printed.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(lines[0], lines[1]);
        Assert.Contains(flow.SecurityContext, lines[0]);
    }

    [Fact]
    public void Statistics_are_one_object_per_cpu()
    {
        string printed = Rendered.Text(output =>
        {
            using var json = new Utf8JsonWriter(output);
            StatisticsFormatter.WriteConntrackCpu(output, new CpuStatistics(0, [new(2, 5), new(4, 6), new(16, 1)]), json);
            StatisticsFormatter.WriteConntrackCpu(output, new CpuStatistics(1, [new(2, 7)]), json);
            StatisticsFormatter.WriteProcCpu(output, 2, ["entries", "searched"], [3u, 4u], json);
        });
        Assert.Equal(
            J("{'cpu':0,'found':5,'invalid':6,'unknown1':1}") + "\n" +
            J("{'cpu':1,'found':7}") + "\n" +
            J("{'cpu':2,'entries':3,'searched':4}") + "\n",
            printed);
    }

    private static Flow FullEntry() => new()
    {
        Family = IpFamily.IPv4,
        Original = new FlowTuple
        {
            Source = IPAddress.Parse("192.0.2.1"),
            Destination = IPAddress.Parse("198.51.100.2"),
            Protocol = 6,
            SourcePort = 40000,
            DestinationPort = 21,
            Zone = 4,
        },
        Reply = new FlowTuple
        {
            Source = IPAddress.Parse("198.51.100.2"),
            Destination = IPAddress.Parse("203.0.113.9"),
            Protocol = 6,
            SourcePort = 21,
            DestinationPort = 40000,
            Zone = 5,
        },
        Master = new FlowTuple
        {
            Source = IPAddress.Parse("192.0.2.1"),
            Destination = IPAddress.Parse("198.51.100.2"),
            Protocol = 6,
            SourcePort = 39999,
            DestinationPort = 21,
        },
        OriginalCounters = new Counters(3, 180),
        ReplyCounters = new Counters(2, 120),
        Status = FlowStatus.Expected | FlowStatus.SeenReply | FlowStatus.Assured | FlowStatus.Confirmed
            | FlowStatus.SourceNat | FlowStatus.SourceNatDone | (FlowStatus)(1u << 16),
        Timeout = 120,
        Mark = uint.MaxValue,
        Secmark = 7,
        SecurityContext = "system_u:object_r:\"quoted\"",
        Zone = 9,
        Use = 2,
        Id = 12,
        Helper = "ftp",
        Timestamps = new FlowTimestamps(1795476700123456789, 1795476706000000001),
        Labels = LabelBitmap(1, 5, 127),
        Tcp = new TcpInfo
        {
            State = TcpState.TimeWait,
            WindowScaleOriginal = 7,
            WindowScaleReply = 8,
            FlagsOriginal = new TcpFlagsAndMask(35, 35),
            FlagsReply = new TcpFlagsAndMask(34, 34),
        },
    };

    private static byte[] LabelBitmap(params int[] bits)
    {
        var bitmap = new byte[16];
        foreach (int bit in bits)
            bitmap[bit >> 3] |= (byte)(1 << (bit & 7));
        return bitmap;
    }

    // JSON in C# source with ' for ", and \' for an escaped quote inside a JSON string.
    private static string J(string json) => json.Replace("\\'", "\\\"").Replace('\'', '"');

    private static string Print(FlowCommand command, OutputFlags flags, ConnLabelTable? labels, params Flow[] flows) =>
        Rendered.Printed(command, flags, labels, Utc, flows);
}
