using System.Net;
using NetCt.Cli.Arguments;
using NetCt.Cli.LoadFile;
using NetCt.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Arguments;

/// <summary>Where netct parses differently from conntrack 1.4.8 on purpose; the reference's behaviour is quoted in each test.</summary>
public class DeliberateDifferenceTests
{
    [Fact]
    public void UpdateAcceptsAZone()
    {
        // conntrack-1.4.8 -U -w 1: "Illegal option `--zone' with this command", so -U cannot reach entries of other zones.
        Assert.Equal((ushort)1, ParseCommand("-U -w 1 -m 1").Entry.Zone);
    }

    [Fact]
    public void StatusFilterKeepsSetAndClearBits()
    {
        // conntrack-1.4.8 sends SEEN_REPLY alone as the kernel mask here, so nothing matches.
        Assert.Equal(new StatusFilter(FlowStatus.Assured, FlowStatus.Assured | FlowStatus.SeenReply), ParseCommand("-L -u ASSURED,!SEEN_REPLY").Status);
        // conntrack-1.4.8 sends an empty mask for UNSET and the kernel answers EINVAL.
        Assert.Equal(new StatusFilter(FlowStatus.None, StatusFilter.UnsetBits), ParseCommand("-L -u UNSET").Status);
    }

    [Fact]
    public void IdTakesTheNextWord()
    {
        // conntrack-1.4.8 -L --id 7 dies of SIGSEGV (strtoul(NULL)).
        Assert.Equal(7u, ParseCommand("-D --id 7").Entry.Id);
        Assert.Equal(7u, ParseCommand("-D --id=7").Entry.Id);
        AssertError(WithLabels, "-D --id", "option `--id' requires an argument", 2, "");
        AssertError(WithLabels, "-D --id -s 1.1.1.1", "option `--id' requires an argument", 2, "");
    }

    [Fact]
    public void UnknownSctpStateIsReported()
    {
        // conntrack-1.4.8 -L -p sctp --state FOO dies of SIGSEGV: its state table ends in NULLs.
        AssertError(WithLabels, "-L -p sctp --state FOO", "unknown SCTP state `FOO'", 2, "");
        Assert.Equal(SctpState.HeartbeatSent, ParseCommand("-L -p sctp --state HEARTBEAT_SENT").Entry.Sctp!.State);
        Assert.Equal(SctpState.HeartbeatAcked, ParseCommand("-L -p sctp --state HEARTBEAT_ACKED").Entry.Sctp!.State);
    }

    [Fact]
    public void TcpWindowFlagsAreOnlyForNewEntries()
    {
        // conntrack-1.4.8 sets them on every entry -U -p tcp changes.
        Assert.Null(ParseCommand("-U -p tcp --dport 22 -m 1").Entry.Tcp);
        Assert.Null(ParseCommand("-U -p tcp --state ESTABLISHED").Entry.Tcp!.FlagsOriginal);
    }

    [Fact]
    public void ExpectedTuplePortsKeepTheirProtocol()
    {
        // conntrack-1.4.8 (tcp, sctp, dccp) stores the low byte of the network-order port as the protocol.
        var command = ParseCommand(
            "-I expect -s 192.0.2.1 -d 192.0.2.2 -p tcp --sport 1 --dport 2 -t 5 --tuple-src 192.0.2.1 --tuple-dst 192.0.2.2 " +
            "--mask-src 255.255.255.255 --mask-dst 255.255.255.255 --mask-port-src 65535 --mask-port-dst 65535 --tuple-port-src 3 --tuple-port-dst 4");
        Assert.Equal((byte)6, command.ExpectedTuple.Original!.Protocol);
    }

    [Fact]
    public void AnyNatOnlySetsTheNatFilter()
    {
        // conntrack-1.4.8 also writes the address into a field read past the end of one of its
        // tables (the original source), which spoils the filter.
        var entry = ParseCommand("-L -j 192.0.2.1:80").Entry;
        Assert.Null(entry.Original);
        Assert.Equal(IPAddress.Parse("192.0.2.1"), entry.SourceNat!.MinAddress);
        Assert.Equal((ushort)80, entry.DestinationNat!.MinPort);
    }

    [Fact]
    public void ChecksMadeWhenConntrackRunsACommandAreMadeBeforeAnythingRuns()
    {
        // conntrack-1.4.8 -R: the first line runs (flushing the table) before the second fails.
        var environment = new ParserEnvironment(() => ProtocolDatabase.Empty) { OpenLoadFile = _ => new StringReader("-F\n-D --mask-src 255.0.0.0\n") };
        var outcome = LoadFileParser.Read(CommandLineParser.Parse(["-R", "rules"], environment));
        Assert.Equal("Can't use --mask-src without --src", outcome.Error?.Message);
        Assert.Empty(outcome.Commands);
    }
}
