using System.Net;
using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Arguments;

/// <summary>Where each option's value ends up in <see cref="ParsedCommand"/>.</summary>
public class ParsedCommandTests
{
    [Fact]
    public void CreateCarriesTheWholeEntry()
    {
        var command = ParseCommand(
            "-I -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1000 --dport 80 --state ESTABLISHED -t 30 -u ASSURED,SEEN_REPLY " +
            "-m 0x10 -w 3 --orig-zone 4 --reply-zone 5 -n 203.0.113.1:1000 -g 203.0.113.2 --label-add one,two");
        Assert.Equal(CommandKind.Create, command.Command);
        Assert.Equal(TableName.Conntrack, command.Table);
        Assert.Equal(IpFamily.IPv4, command.Family);
        var entry = command.Entry;
        var original = entry.Original!;
        Assert.Equal(IPAddress.Parse("192.0.2.1"), original.Source);
        Assert.Equal(IPAddress.Parse("198.51.100.2"), original.Destination);
        Assert.Equal((byte)6, original.Protocol);
        Assert.Equal((ushort)1000, original.SourcePort);
        Assert.Equal((ushort)80, original.DestinationPort);
        Assert.Equal((ushort)4, original.Zone);
        Assert.Equal((ushort)5, entry.Reply!.Zone);
        Assert.Equal(30u, entry.Timeout);
        Assert.Equal(FlowStatus.Assured | FlowStatus.SeenReply, entry.Status);
        Assert.Equal((ushort)3, entry.Zone);
        Assert.Equal(TcpState.Established, entry.Tcp!.State);
        Assert.Equal(new MarkFilter(0x10, uint.MaxValue), command.Mark);
        Assert.Equal(IPAddress.Parse("203.0.113.1"), entry.SourceNat!.MinAddress);
        Assert.Equal((ushort)1000, entry.SourceNat.MinPort);
        Assert.Equal(IPAddress.Parse("203.0.113.2"), entry.DestinationNat!.MinAddress);
        Assert.Null(entry.DestinationNat.MinPort);
        Assert.Equal(new byte[] { 0x06, 0, 0, 0 }, command.LabelChange!.Bits);
        Assert.True(command.LabelChange.IsAddition);
    }

    [Fact]
    public void FilterValuesAreReadWithStrtoul()
    {
        var entry = ParseCommand("-L -c 0x10 -w 70000").Entry;
        Assert.Equal(16u, entry.Secmark);
        Assert.Equal((ushort)4464, entry.Zone);
        Assert.Equal(8u, ParseCommand("-D -i 010").Entry.Id);
    }

    // The kernel's numbers (nf_conntrack_tcp.h, nf_conntrack_sctp.h, nf_conntrack_dccp.h) for the
    // words --state reads, first and last of each table, which printing shares.
    [Theory]
    [InlineData("tcp", "NONE", 0)]
    [InlineData("tcp", "ESTABLISHED", 3)]
    [InlineData("tcp", "SYN_SENT2", 9)]
    [InlineData("sctp", "CLOSED", 1)]
    [InlineData("sctp", "HEARTBEAT_ACKED", 9)]
    [InlineData("dccp", "REQUEST", 1)]
    [InlineData("dccp", "INVALID", 9)]
    public void StateWordsReadAsTheKernelsNumbers(string protocol, string state, int number)
    {
        var entry = ParseCommand($"-L -p {protocol} --state {state}").Entry;
        int read = protocol switch
        {
            "tcp" => (int)entry.Tcp!.State!,
            "sctp" => (int)entry.Sctp!.State!,
            _ => (int)entry.Dccp!.State!,
        };
        Assert.Equal(number, read);
    }

    [Theory]
    [InlineData("ESTABLISHED", 0x0a)]
    [InlineData("TIME_WAIT", 0x0e)]
    [InlineData("LISTEN", 0x0e)]
    public void CreatedTcpEntriesGetLiberalWindowTracking(string state, byte flags)
    {
        var tcp = ParseCommand($"-A -s 192.0.2.1 -d 198.51.100.2 -p tcp --sport 1 --dport 2 --state {state} -t 30").Entry.Tcp!;
        Assert.Equal(new TcpFlagsAndMask(flags, flags), tcp.FlagsOriginal);
        Assert.Equal(new TcpFlagsAndMask(flags, flags), tcp.FlagsReply);
    }

    [Fact]
    public void CidrPrefixBecomesTheAddressMask()
    {
        var command = ParseCommand("-L -s 192.0.2.0/24 -d 192.0.2.9/32");
        Assert.Equal(IPAddress.Parse("192.0.2.0"), command.Entry.Original!.Source);
        Assert.Equal(IPAddress.Parse("255.255.255.0"), command.Mask.Original!.Source);
        Assert.True(command.Options.HasFlag(CommandOptions.MaskSource));
    }

    [Fact]
    public void FullLengthPrefixIsNoMask()
    {
        var command = ParseCommand("-L -s 192.0.2.1/32");
        Assert.Null(command.Mask.Original);
        Assert.False(command.Options.HasFlag(CommandOptions.MaskSource));
    }

    [Fact]
    public void ExpectationUsesAllThreeTemplates()
    {
        var command = ParseCommand(
            "-I expect -s 192.0.2.1 -d 198.51.100.2 -p udp --sport 1 --dport 2 -t 5 --tuple-src 192.0.2.1 --tuple-dst 198.51.100.0/24 " +
            "--mask-src 255.255.255.255 --mask-port-src 65535 --mask-port-dst 0 --tuple-port-src 3 --tuple-port-dst 4");
        Assert.Equal(CommandKind.ExpectCreate, command.Command);
        Assert.Equal(TableName.Expect, command.Table);
        Assert.Equal((ushort)1, command.Entry.Original!.SourcePort);
        Assert.Equal(5u, command.Entry.Timeout);
        var expected = command.ExpectedTuple.Original!;
        Assert.Equal(IPAddress.Parse("198.51.100.0"), expected.Destination);
        Assert.Equal((ushort)3, expected.SourcePort);
        Assert.Equal((ushort)4, expected.DestinationPort);
        Assert.Equal((byte)17, expected.Protocol);
        var mask = command.Mask.Original!;
        Assert.Equal(IPAddress.Parse("255.255.255.255"), mask.Source);
        Assert.Equal(IPAddress.Parse("255.255.255.0"), mask.Destination);
        Assert.Equal((ushort)65535, mask.SourcePort);
        Assert.Equal((ushort)0, mask.DestinationPort);
    }

    [Fact]
    public void IcmpFieldsGoToTheOriginalTupleAndReplyGetsTheProtocolOnlyAfterAReplyAddress()
    {
        var before = ParseCommand("-D -r 2001:db8::1 -p icmpv6 --icmpv6-type 128 --icmpv6-code 0 --icmpv6-id 7");
        Assert.Equal((byte)128, before.Entry.Original!.IcmpType);
        Assert.Equal((byte)0, before.Entry.Original.IcmpCode);
        Assert.Equal((ushort)7, before.Entry.Original.IcmpId);
        Assert.Equal((byte)58, before.Entry.Reply!.Protocol);
        Assert.Equal(IpFamily.IPv6, before.Family);

        var after = ParseCommand("-D -p icmp --icmp-type 8 -r 192.0.2.1");
        Assert.Null(after.Entry.Reply!.Protocol);
    }

    [Fact]
    public void GreKeysGoToThePortFields()
    {
        var command = ParseCommand("-L -p gre --srckey 0x10 --dstkey 010 --reply-key-src 3 --reply-key-dst 70000");
        Assert.Equal((ushort)16, command.Entry.Original!.SourcePort);
        Assert.Equal((ushort)8, command.Entry.Original.DestinationPort);
        Assert.Equal((ushort)3, command.Entry.Reply!.SourcePort);
        Assert.Equal((ushort)4464, command.Entry.Reply.DestinationPort);
        Assert.Equal((byte)47, command.Entry.Reply.Protocol);
    }

    [Fact]
    public void SctpAndDccpFillTheirProtocolInfo()
    {
        // The tags are byte-swapped, as conntrack sends them.
        var sctp = ParseCommand("-U -p sctp --state COOKIE_ECHOED --orig-vtag -1 --reply-vtag 7").Entry.Sctp!;
        Assert.Equal(SctpState.CookieEchoed, sctp.State);
        Assert.Equal(uint.MaxValue, sctp.VerificationTagOriginal);
        Assert.Equal(0x07000000u, sctp.VerificationTagReply);

        var dccp = ParseCommand("-G -s 192.0.2.1 -d 192.0.2.2 -p dccp --sport 1 --dport 2 --state PARTOPEN").Entry.Dccp!;
        Assert.Equal(DccpState.PartOpen, dccp.State);
        Assert.Equal(DccpRole.Server, ParseCommand("-I -s 192.0.2.1 -d 192.0.2.2 -t 1 -p dccp --sport 1 --dport 2 --state OPEN --role Ser").Entry.Dccp!.Role);
    }

    [Fact]
    public void VerificationTagsReachTheKernelAsConntracksDo()
    {
        // CapturedMessages.SctpWithVerificationTags is the entry conntrack 1.4.8 made of the same tags.
        var sctp = ParseCommand(
            "-I -p sctp -s 192.0.2.1 -d 198.51.100.2 --sport 5000 --dport 6000 --state ESTABLISHED --orig-vtag 10 --reply-vtag 11 -t 30").Entry.Sctp!;
        var made = FlowDecoder.Decode(new NetlinkMessage(CapturedMessages.SctpWithVerificationTags));
        Assert.Equal(made.Sctp!.VerificationTagOriginal, sctp.VerificationTagOriginal);
        Assert.Equal(made.Sctp.VerificationTagReply, sctp.VerificationTagReply);
        // -o save swaps them back: a saved line loads back as it was.
        Assert.Equal(10u, ConntrackQuirks.SaveVerificationTag(sctp.VerificationTagOriginal!.Value));
    }

    [Theory]
    [InlineData("-L -u ASSURED", FlowStatus.Assured, FlowStatus.Assured)]
    [InlineData("-L -u ASSURED,!SEEN_REPLY", FlowStatus.Assured, FlowStatus.Assured | FlowStatus.SeenReply)]
    [InlineData("-L -u UNREPLIED", FlowStatus.None, FlowStatus.SeenReply)]
    [InlineData("-L -u !EXPECTED,OFFLOAD -u HW_OFFLOAD", FlowStatus.Offload | FlowStatus.HardwareOffload, FlowStatus.Expected | FlowStatus.Offload | FlowStatus.HardwareOffload)]
    [InlineData("-L -u UNSET", FlowStatus.None, StatusFilter.UnsetBits)]
    [InlineData("-L -u SRC_NAT", FlowStatus.None, FlowStatus.None)]
    public void StatusKeepsTheBitsToSetAndTheBitsItSpeaksAbout(string commandLine, FlowStatus value, FlowStatus mask)
        => Assert.Equal(new StatusFilter(value, mask), ParseCommand(commandLine).Status);

    [Theory]
    [InlineData("-L -m 0x10/0xff", 0x10u, 0xffu)]
    [InlineData("-L -m foo", 0u, uint.MaxValue)]
    [InlineData("-L -m 1/", 1u, 0u)]
    [InlineData("-L -m -1", uint.MaxValue, uint.MaxValue)]
    [InlineData("-L -m 4294967297", 1u, uint.MaxValue)]
    public void MarkIsReadWithStrtoul(string commandLine, uint value, uint mask)
        => Assert.Equal(new MarkFilter(value, mask), ParseCommand(commandLine).Mark);

    [Fact]
    public void LabelsAreBitmapsInWholeWords()
    {
        Assert.Equal(new byte[] { 0x01, 0, 0, 0 }, ParseCommand("-L -l zero").LabelFilter);
        var change = ParseCommand("-U --label-del max,zero").LabelChange!;
        Assert.False(change.IsAddition);
        Assert.Equal(128, change.Bits!.Length);
        Assert.Equal(0x80, change.Bits[127]);
        Assert.Equal(0x01, change.Bits[0]);
        Assert.Null(ParseCommand("-U --label-del").LabelChange!.Bits);
        Assert.NotNull(ParseCommand("-L -l one").Labels);
    }

    [Fact]
    public void EventsOutputAndBufferSize()
    {
        var command = ParseCommand("-E -e NEW,DESTROY -e n -o timestamp,id -o xml -b 212992");
        Assert.Equal(CommandKind.Event, command.Command);
        Assert.Equal(FlowEventTypes.New | FlowEventTypes.Destroy, command.Events);
        Assert.Equal(OutputFlags.Timestamp | OutputFlags.Id | OutputFlags.Xml, command.Output);
        Assert.Equal(212992UL, command.BufferSize);
        Assert.Null(ParseCommand("-E").Events);
        Assert.Equal(ulong.MaxValue, ParseCommand("-E -b -1").BufferSize);
    }

    [Fact]
    public void ResyncIsNetctsOwnOptionForEventsOnly()
    {
        Assert.True(ParseCommand("-E --resync -p tcp").Resync);
        Assert.False(ParseCommand("-E").Resync);
        var outcome = CommandLineParser.Parse(["-L", "--resync"], new ParserEnvironment(() => ProtocolDatabase.Empty));
        Assert.Equal("Illegal option `--resync' with this command", outcome.Error?.Message);
        Assert.Equal(2, outcome.Error?.ExitCode);
    }

    [Theory]
    [InlineData("-L", IpFamily.Unspecified)]
    [InlineData("-F", IpFamily.Unspecified)]
    [InlineData("-E", IpFamily.Unspecified)]
    [InlineData("-L -f ipv6", IpFamily.IPv6)]
    [InlineData("-F -f ipv4", IpFamily.IPv4)]
    [InlineData("-L -n 2001:db8::1", IpFamily.IPv6)]
    [InlineData("-L expect", IpFamily.IPv4)]
    [InlineData("-C", IpFamily.IPv4)]
    public void FamilyDefaultsToBothOnlyForTheFilteringCommands(string commandLine, IpFamily family)
        => Assert.Equal(family, ParseCommand(commandLine).Family);

    [Theory]
    [InlineData("-L dying", nameof(CommandKind.List), nameof(TableName.Dying))]
    [InlineData("-L u", nameof(CommandKind.List), nameof(TableName.Unconfirmed))]
    [InlineData("-D expect -s 1.1.1.1 -d 2.2.2.2 -p 200", nameof(CommandKind.ExpectDelete), nameof(TableName.Expect))]
    [InlineData("-C expect", nameof(CommandKind.ExpectCount), nameof(TableName.Expect))]
    [InlineData("--stats", nameof(CommandKind.Stats), nameof(TableName.Conntrack))]
    [InlineData("-V expect", nameof(CommandKind.Version), nameof(TableName.Expect))]
    [InlineData("foo", nameof(CommandKind.None), nameof(TableName.Conntrack))]
    [InlineData("--reply-zone 1", nameof(CommandKind.None), nameof(TableName.Conntrack))]
    public void CommandAndTable(string commandLine, string kind, string table)
    {
        var command = ParseCommand(commandLine);
        Assert.Equal(Enum.Parse<CommandKind>(kind), command.Command);
        Assert.Equal(Enum.Parse<TableName>(table), command.Table);
    }

    [Theory]
    [InlineData("-h -p tcp", "tcp")]
    [InlineData("-h -p 6", "tcp")]
    [InlineData("-h -p ospf", "ospf")]
    [InlineData("-h -p 0", "ip")]
    [InlineData("-h -p 200", "unknown")]
    public void HelpNamesTheProtocol(string commandLine, string name)
    {
        var command = ParseCommand(commandLine);
        Assert.Equal(name, command.ProtocolHelpName);
        Assert.NotEmpty(command.Protocol!.HelpText);
    }

    [Fact]
    public void WarningsArePrintedBeforeAnything()
    {
        var outcome = Parse("-L -a 1 -u S -o d");
        Assert.Equal(
            ["WARNING: ignoring -a, deprecated option.", "WARNING: ignoring SRC_NAT, use --src-nat instead", "WARNING: ignoring DST_NAT, use --dst-nat instead"],
            outcome.Diagnostics);
    }
}
