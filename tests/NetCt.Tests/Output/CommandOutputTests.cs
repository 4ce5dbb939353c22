using System.Net;
using NetCt.Cli.Labels;
using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// What each command prints for its entries, byte for byte against conntrack 1.4.8 runs in a
/// private network namespace (commands in the comments).
/// </summary>
public sealed class CommandOutputTests
{
    private static readonly TimeProvider Utc = new FixedTimeProvider(1795476706, "UTC");

    // The connlabel.conf of the runs below: 0 alpha, 1 beta, 5 five, 127 last.
    private static readonly ConnLabelTable Labels = ConnLabelTable.Parse(ReferenceGoldens.LabelConfig)!;

    // ReferenceListing: conntrack -L, -L -o extended,id, -L -o save, -L -o xml,id,ktimestamp.
    [Theory]
    [InlineData((int)(OutputFlags.None), ReferenceListing.Default)]
    [InlineData((int)(OutputFlags.Extended | OutputFlags.Id), ReferenceListing.ExtendedId)]
    [InlineData((int)(OutputFlags.Save), ReferenceListing.Save)]
    [InlineData((int)(OutputFlags.Xml | OutputFlags.Id | OutputFlags.KTimestamp), ReferenceListing.XmlIdKTimestamp)]
    public void List_prints_every_protocol_like_the_reference(int flags, string expected)
    {
        Assert.Equal(expected + "\n", Print(FlowCommand.List, (OutputFlags)flags, ReferenceListing.Entries()));
    }

    [Fact]
    public void List_as_xml_of_an_empty_table_prints_nothing()
    {
        // conntrack -L -o xml on an empty table: no output at all.
        Assert.Equal("", Print(FlowCommand.List, OutputFlags.Xml));
    }

    [Fact]
    public void Timestamp_output_changes_nothing_in_a_listing()
    {
        // conntrack -L -o timestamp prints the same lines as conntrack -L.
        Assert.Equal(ReferenceListing.Default + "\n", Print(FlowCommand.List, OutputFlags.Timestamp, ReferenceListing.Entries()));
    }

    // unshare -nm sh -c 'mount --bind ETC_WITH_XTABLES_CONNLABEL_CONF /etc; ip link set lo up;
    //   ip addr add 192.0.2.1/32 dev lo; sysctl -w net.netfilter.nf_conntrack_acct=1 net.netfilter.nf_conntrack_timestamp=1;
    //   nft add table ip t; nft add chain ip t c "{type filter hook output priority 0;}";
    //   nft add rule ip t c ct label set 5; ... ct label set 127; ... ct label set 3; ping -c1 192.0.2.1;
    //   conntrack -L -o labels; ...' with connlabel.conf "0 alpha / 1 beta / 5 five / 127 last".
    [Theory]
    [InlineData((int)(OutputFlags.None), "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=30106 packets=1 bytes=84 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=30106 packets=1 bytes=84 mark=0 delta-time=0 use=1")]
    [InlineData((int)(OutputFlags.Labels), "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=30106 packets=1 bytes=84 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=30106 packets=1 bytes=84 mark=0 delta-time=0 use=1 labels=five,last")]
    [InlineData((int)(OutputFlags.Extended | OutputFlags.Labels | OutputFlags.Id), "ipv4     2 icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=30106 packets=1 bytes=84 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=30106 packets=1 bytes=84 mark=0 delta-time=0 use=1 id=4224363651 labels=five,last")]
    [InlineData((int)(OutputFlags.Xml | OutputFlags.Labels), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n<flow><meta direction=\"original\"><layer3 protonum=\"2\" protoname=\"ipv4\"><src>192.0.2.1</src><dst>192.0.2.1</dst></layer3><layer4 protonum=\"1\" protoname=\"icmp\"></layer4><counters><packets>1</packets><bytes>84</bytes></counters></meta><meta direction=\"reply\"><layer3 protonum=\"2\" protoname=\"ipv4\"><src>192.0.2.1</src><dst>192.0.2.1</dst></layer3><layer4 protonum=\"1\" protoname=\"icmp\"></layer4><counters><packets>1</packets><bytes>84</bytes></counters></meta><meta direction=\"independent\"><timeout>29</timeout><mark>0</mark><labels><label>five</label><label>last</label></labels><use>1</use><id>4224363651</id><deltatime>0</deltatime></meta></flow>\n</conntrack>")]
    [InlineData((int)(OutputFlags.Save), "-A -t 29 -u SEEN_REPLY -s 192.0.2.1 -d 192.0.2.1 -r 192.0.2.1 -q 192.0.2.1 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 30106")]
    public void List_prints_kernel_labels_with_their_names(int flags, string expected)
    {
        var output = (OutputFlags)flags;
        ConnLabelTable? map = ConntrackQuirks.LoadsLabelMap(output, labelOptionGiven: false) ? Labels : null;
        Assert.Equal(expected + "\n", Print(FlowCommand.List, output, map, LabelledPing()));
    }

    // As above with label 5 only: conntrack -L -l five; conntrack -L -l five -o xml;
    // conntrack -U -s 192.0.2.1 --label-add beta; conntrack -D -l five. A label option loads the map,
    // and the labels are printed without -o labels (except by -D).
    [Fact]
    public void A_label_option_prints_labels_without_the_labels_output()
    {
        Assert.True(ConntrackQuirks.LoadsLabelMap(OutputFlags.None, labelOptionGiven: true));
        Assert.False(ConntrackQuirks.LoadsLabelMap(OutputFlags.Xml, labelOptionGiven: false));
        Flow flow = LabelledPing()[0];
        flow.Original!.IcmpId = flow.Reply!.IcmpId = 15790;
        flow.OriginalCounters = flow.ReplyCounters = null;
        flow.Timestamps = null;
        flow.Id = 3118696145;
        flow.Labels = new byte[16];
        flow.Labels[0] = 0b0010_0000;
        const string Tuples = "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=15790 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=15790 mark=0";

        Assert.Equal(Tuples + " use=1 labels=five\n", Print(FlowCommand.List, OutputFlags.None, Labels, flow));
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n<flow><meta direction=\"original\"><layer3 protonum=\"2\" protoname=\"ipv4\"><src>192.0.2.1</src><dst>192.0.2.1</dst></layer3><layer4 protonum=\"1\" protoname=\"icmp\"></layer4></meta><meta direction=\"reply\"><layer3 protonum=\"2\" protoname=\"ipv4\"><src>192.0.2.1</src><dst>192.0.2.1</dst></layer3><layer4 protonum=\"1\" protoname=\"icmp\"></layer4></meta><meta direction=\"independent\"><timeout>29</timeout><mark>0</mark><labels><label>five</label></labels><use>1</use><id>3118696145</id></meta></flow>\n</conntrack>\n",
            Print(FlowCommand.List, OutputFlags.Xml, Labels, flow));
        flow.Labels[0] |= 0b0000_0010;
        flow.Use = 2;
        Assert.Equal(Tuples + " use=2 labels=beta,five\n", Print(FlowCommand.Update, OutputFlags.None, Labels, flow));
        flow.Use = 1;
        Assert.Equal(Tuples + " use=1\n", Print(FlowCommand.Delete, OutputFlags.None, Labels, flow));
    }

    [Fact]
    public void Labels_are_not_printed_without_a_label_file()
    {
        // conntrack -o labels without /etc/xtables/connlabel.conf: "nfct_labelmap_new: No such file
        // or directory" on stderr and no labels= field.
        string printed = Print(FlowCommand.List, OutputFlags.Labels, null, LabelledPing());
        Assert.DoesNotContain("labels", printed);
    }

    // unshare -n sh -c 'conntrack -I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1 --dport 2 --state ESTABLISHED -t 100 -g 203.0.113.5;
    //   conntrack -I -s 192.0.2.7 -d 198.51.100.2 -p udp --sport 1 --dport 2 -t 100 -n 203.0.113.9:999;
    //   conntrack -I -s 2001:db8::1 -d 2001:db8::2 -p udp --sport 1 --dport 2 -t 100 -g 2001:db8::9;
    //   conntrack -L -o save; conntrack -L -o extended,id;
    //   conntrack -G -s 192.0.2.7 -d 198.51.100.2 -p udp --sport 1 --dport 2 -o xml,id; ... -o save;
    //   conntrack -U -s 192.0.2.7 -m 3 -o xml; conntrack -U -s 192.0.2.7 -m 4 -o save;
    //   conntrack -U -s 192.0.2.7 -m 5 -o extended,id,ktimestamp; conntrack -D -s 192.0.2.7 -o xml;
    //   conntrack -D -s 2001:db8::1 -o save; conntrack -D -s 192.0.2.1 -o extended,id'
    private const string ListSave = """
        -A -t 99 -u UNSET -s 2001:db8::1 -d 2001:db8::2 -g 2001:db8::9 -q 2001:db8::1 -p udp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1
        -A -t 99 -u UNSET -s 192.0.2.7 -d 198.51.100.2 -r 198.51.100.2 -n 203.0.113.9 -p udp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 999
        -A -t 99 -u UNSET -s 192.0.2.1 -d 198.51.100.2 -g 203.0.113.5 -q 192.0.2.1 -p tcp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1 --state ESTABLISHED
        """;

    private const string ListExtendedId = """
        ipv6     10 udp      17 99 src=2001:db8::1 dst=2001:db8::2 sport=1 dport=2 [UNREPLIED] src=2001:db8::9 dst=2001:db8::1 sport=2 dport=1 mark=0 use=1 id=1410561450
        ipv4     2 udp      17 99 src=192.0.2.7 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=203.0.113.9 sport=2 dport=999 mark=0 use=1 id=2535247472
        ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=203.0.113.5 dst=192.0.2.1 sport=2 dport=1 mark=0 use=1 id=616291369
        """;

    private const string GetXmlId = """
        <?xml version="1.0" encoding="utf-8"?>
        <conntrack>
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.7</src><dst>198.51.100.2</dst></layer3><layer4 protonum="17" protoname="udp"><sport>1</sport><dport>2</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>203.0.113.9</dst></layer3><layer4 protonum="17" protoname="udp"><sport>2</sport><dport>999</dport></layer4></meta><meta direction="independent"><timeout>99</timeout><mark>0</mark><use>2</use><id>2535247472</id><unreplied/></meta></flow>
        """;

    private const string GetSave = """
        -A -t 99 -u UNSET -s 192.0.2.7 -d 198.51.100.2 -r 198.51.100.2 -n 203.0.113.9 -p udp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 999
        """;

    private const string UpdateXml = """
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.7</src><dst>198.51.100.2</dst></layer3><layer4 protonum="17" protoname="udp"><sport>1</sport><dport>2</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>203.0.113.9</dst></layer3><layer4 protonum="17" protoname="udp"><sport>2</sport><dport>999</dport></layer4></meta><meta direction="independent"><timeout>99</timeout><mark>3</mark><use>2</use><id>2535247472</id><unreplied/></meta></flow>
        """;

    private const string UpdateSave = """
        -A -t 99 -u UNSET -s 192.0.2.7 -d 198.51.100.2 -r 198.51.100.2 -n 203.0.113.9 -p udp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 999
        """;

    private const string UpdateExtendedIdKTimestamp = """
        ipv4     2 udp      17 99 src=192.0.2.7 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=198.51.100.2 dst=203.0.113.9 sport=2 dport=999 mark=5 use=2 id=2535247472
        """;

    private const string DeleteXml = """
        <flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>192.0.2.7</src><dst>198.51.100.2</dst></layer3><layer4 protonum="17" protoname="udp"><sport>1</sport><dport>2</dport></layer4></meta><meta direction="reply"><layer3 protonum="2" protoname="ipv4"><src>198.51.100.2</src><dst>203.0.113.9</dst></layer3><layer4 protonum="17" protoname="udp"><sport>2</sport><dport>999</dport></layer4></meta><meta direction="independent"><timeout>99</timeout><mark>5</mark><use>1</use><id>2535247472</id><unreplied/></meta></flow>
        """;

    private const string DeleteSave = """
        -D -t 99 -u UNSET -s 2001:db8::1 -d 2001:db8::2 -g 2001:db8::9 -q 2001:db8::1 -p udp --sport 1 --dport 2 --reply-port-src 2 --reply-port-dst 1
        """;

    private const string DeleteExtendedId = """
        ipv4     2 tcp      6 99 ESTABLISHED src=192.0.2.1 dst=198.51.100.2 sport=1 dport=2 [UNREPLIED] src=203.0.113.5 dst=192.0.2.1 sport=2 dport=1 mark=0 use=1 id=616291369
        """;

    [Fact]
    public void Save_names_nat_addresses_for_both_families()
    {
        Assert.Equal(ListSave + "\n", Print(FlowCommand.List, OutputFlags.Save, NatEntries()));
        Assert.Equal(ListExtendedId + "\n", Print(FlowCommand.List, OutputFlags.Extended | OutputFlags.Id, NatEntries()));
    }

    [Fact]
    public void Get_prints_the_xml_header_but_no_footer()
    {
        Assert.Equal(GetXmlId + "\n", Print(FlowCommand.Get, OutputFlags.Xml | OutputFlags.Id, SourceNat(mark: 0, use: 2)));
        Assert.Equal(GetSave + "\n", Print(FlowCommand.Get, OutputFlags.Save, SourceNat(mark: 0, use: 2)));
    }

    [Fact]
    public void Update_prints_bare_xml_flows_and_saves_as_add()
    {
        Assert.Equal(UpdateXml + "\n", Print(FlowCommand.Update, OutputFlags.Xml, SourceNat(mark: 3, use: 2)));
        Assert.Equal(UpdateSave + "\n", Print(FlowCommand.Update, OutputFlags.Save, SourceNat(mark: 4, use: 2)));
        Assert.Equal(UpdateExtendedIdKTimestamp + "\n",
            Print(FlowCommand.Update, OutputFlags.Extended | OutputFlags.Id | OutputFlags.KTimestamp, SourceNat(mark: 5, use: 2)));
    }

    [Fact]
    public void Delete_prints_bare_xml_flows_and_saves_as_delete()
    {
        Assert.Equal(DeleteXml + "\n", Print(FlowCommand.Delete, OutputFlags.Xml, SourceNat(mark: 5, use: 1)));
        Assert.Equal(DeleteSave + "\n", Print(FlowCommand.Delete, OutputFlags.Save, NatEntries()[0]));
        Assert.Equal(DeleteExtendedId + "\n", Print(FlowCommand.Delete, OutputFlags.Extended | OutputFlags.Id, NatEntries()[2]));
    }

    // unshare -nm sh -c '(connlabel.conf, lo and 192.0.2.1 as above); nft ... ct label set 5; ping -c1 192.0.2.1;
    //   conntrack -G -s 192.0.2.1 -d 192.0.2.1 -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 32266 -o ktimestamp,labels;
    //   conntrack -U -s 192.0.2.1 -m 9 -o ktimestamp,labels; conntrack -D -s 192.0.2.1 -o ktimestamp,labels'
    [Theory]
    [InlineData((int)FlowCommand.Get, 0u, 2u, "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=32266 packets=1 bytes=84 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=32266 packets=1 bytes=84 mark=0 delta-time=0 [start=Mon Nov 23 23:43:44 2026] use=2 labels=five")]
    [InlineData((int)FlowCommand.Update, 9u, 2u, "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=32266 packets=1 bytes=84 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=32266 packets=1 bytes=84 mark=9 delta-time=0 use=2 labels=five")]
    [InlineData((int)FlowCommand.Delete, 9u, 1u, "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=32266 packets=1 bytes=84 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=32266 packets=1 bytes=84 mark=9 delta-time=0 use=1")]
    public void Update_drops_ktimestamp_and_delete_drops_labels_too(int command, uint mark, uint use, string expected)
    {
        Flow flow = LabelledPing()[0];
        flow.Original!.IcmpId = flow.Reply!.IcmpId = 32266;
        flow.Labels = new byte[16];
        flow.Labels[0] = 0b0010_0000;
        flow.Mark = mark;
        flow.Use = use;
        flow.Timestamps = new FlowTimestamps(1795477424_000_000_042, null);
        var clock = new FixedTimeProvider(1795477424, "UTC");
        string printed = Rendered.Text(output =>
        {
            var printer = FlowPrinter.ForCommand((FlowCommand)command, output, OutputFlags.KTimestamp | OutputFlags.Labels, Labels, clock);
            printer.Print(flow);
            printer.Finish();
        });
        Assert.Equal(expected + "\n", printed);
    }

    [Fact]
    public void Save_of_an_unsupported_family_warns_and_keeps_the_partial_line()
    {
        var flow = new Flow { Family = (IpFamily)7, Timeout = 5, Status = FlowStatus.Confirmed, Original = new FlowTuple { Protocol = 17 } };
        var errors = new StringWriter();
        string printed = Rendered.Text(output =>
        {
            var printer = FlowPrinter.ForCommand(FlowCommand.List, output, OutputFlags.Save, time: Utc, errors: errors);
            printer.Print(flow);
            printer.Finish();
        });
        Assert.Equal("-A -t 5 -u UNSET \n", printed);
        Assert.Equal("WARNING: unsupported l3proto 7, skipping." + Environment.NewLine, errors.ToString());
    }

    // unshare -nm sh -c '(connlabel.conf naming bits 0..127 "label-number-NNN-abcdefghijklmnopqrstuvwxyz", lo and
    //   192.0.2.1 as above); for i in $(seq 0 127); do nft add rule ip t c ct label set $i; done; ping -c1 192.0.2.1;
    //   conntrack -L -o labels; conntrack -L -o xml,labels': both lines stop at 4095 bytes, the plain one
    //   right after "label-number-089-abcdefghijklmnopqrstuvwxyz", the XML one after "<label>label-number-063-abcde".
    [Fact]
    public void List_lines_are_cut_at_4095_bytes()
    {
        string[] names = Enumerable.Range(0, 128).Select(bit => $"label-number-{bit:000}-abcdefghijklmnopqrstuvwxyz").ToArray();
        ConnLabelTable labels = ConnLabelTable.Parse(string.Join("\n", names.Select((name, bit) => $"{bit} {name}")))!;
        Flow flow = LabelledPing()[0];
        flow.Original!.IcmpId = flow.Reply!.IcmpId = 12512;
        flow.OriginalCounters = flow.ReplyCounters = null;
        flow.Timestamps = null;
        flow.Labels = Enumerable.Repeat((byte)0xff, 16).ToArray();

        string plain = Print(FlowCommand.List, OutputFlags.Labels, labels, flow);
        string line = "icmp     1 29 src=192.0.2.1 dst=192.0.2.1 type=8 code=0 id=12512 src=192.0.2.1 dst=192.0.2.1 type=0 code=0 id=12512 mark=0 use=1 labels="
            + string.Join(",", names);
        Assert.Equal(line[..ConntrackQuirks.DumpLineLimit] + "\n", plain);
        Assert.EndsWith(",label-number-089-abcdefghijklmnopqrstuvwxyz\n", plain);

        string xml = Print(FlowCommand.List, OutputFlags.Xml | OutputFlags.Labels, labels, flow);
        string element = "<flow><meta direction=\"original\"><layer3 protonum=\"2\" protoname=\"ipv4\"><src>192.0.2.1</src><dst>192.0.2.1</dst></layer3><layer4 protonum=\"1\" protoname=\"icmp\"></layer4></meta>"
            + "<meta direction=\"reply\"><layer3 protonum=\"2\" protoname=\"ipv4\"><src>192.0.2.1</src><dst>192.0.2.1</dst></layer3><layer4 protonum=\"1\" protoname=\"icmp\"></layer4></meta>"
            + "<meta direction=\"independent\"><timeout>29</timeout><mark>0</mark><labels>" + string.Concat(names.Select(name => $"<label>{name}</label>"));
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<conntrack>\n" + element[..ConntrackQuirks.DumpLineLimit] + "\n</conntrack>\n", xml);
        Assert.EndsWith("<label>label-number-063-abcde\n</conntrack>\n", xml);
    }

    private static Flow[] NatEntries() =>
    [
        new Flow
        {
            Family = IpFamily.IPv6,
            Original = Udp("2001:db8::1", "2001:db8::2", 1, 2),
            Reply = Udp("2001:db8::9", "2001:db8::1", 2, 1),
            Status = FlowStatus.Confirmed | FlowStatus.DestinationNat | FlowStatus.DestinationNatDone,
            Timeout = 99, Mark = 0, Use = 1, Id = 1410561450,
        },
        SourceNat(mark: 0, use: 1),
        new Flow
        {
            Family = IpFamily.IPv4,
            Original = Tcp("192.0.2.1", "198.51.100.2", 1, 2),
            Reply = Tcp("203.0.113.5", "192.0.2.1", 2, 1),
            Status = FlowStatus.Confirmed | FlowStatus.DestinationNat | FlowStatus.DestinationNatDone,
            Timeout = 99, Mark = 0, Use = 1, Id = 616291369,
            Tcp = new TcpInfo { State = TcpState.Established },
        },
    ];

    private static Flow SourceNat(uint mark, uint use) => new()
    {
        Family = IpFamily.IPv4,
        Original = Udp("192.0.2.7", "198.51.100.2", 1, 2),
        Reply = Udp("198.51.100.2", "203.0.113.9", 2, 999),
        Status = FlowStatus.Confirmed | FlowStatus.SourceNat | FlowStatus.SourceNatDone,
        Timeout = 99,
        Mark = mark,
        Use = use,
        Id = 2535247472,
    };

    // The ping above: labels 3 (no name), 5 and 127; counters on; a live timestamp (delta-time 0).
    private static Flow[] LabelledPing()
    {
        byte[] labels = new byte[16];
        labels[0] = 0b0010_1000;
        labels[15] = 0x80;
        IPAddress address = IPAddress.Parse("192.0.2.1");
        return
        [
            new Flow
            {
                Family = IpFamily.IPv4,
                Original = new FlowTuple { Source = address, Destination = address, Protocol = 1, IcmpType = 8, IcmpCode = 0, IcmpId = 30106 },
                Reply = new FlowTuple { Source = address, Destination = address, Protocol = 1, IcmpType = 0, IcmpCode = 0, IcmpId = 30106 },
                Status = FlowStatus.Confirmed | FlowStatus.SeenReply,
                Timeout = 29, Mark = 0, Use = 1, Id = 4224363651,
                OriginalCounters = new Counters(1, 84),
                ReplyCounters = new Counters(1, 84),
                Timestamps = new FlowTimestamps(1795476706_000_000_123, null),
                Labels = labels,
            },
        ];
    }

    private static FlowTuple Udp(string source, string destination, ushort sourcePort, ushort destinationPort) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        Protocol = 17,
        SourcePort = sourcePort,
        DestinationPort = destinationPort,
    };

    private static FlowTuple Tcp(string source, string destination, ushort sourcePort, ushort destinationPort) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        Protocol = 6,
        SourcePort = sourcePort,
        DestinationPort = destinationPort,
    };

    private static string Print(FlowCommand command, OutputFlags flags, params Flow[] flows) =>
        Print(command, flags, null, flows);

    private static string Print(FlowCommand command, OutputFlags flags, ConnLabelTable? labels, params Flow[] flows) =>
        Rendered.Printed(command, flags, labels, Utc, flows);
}
