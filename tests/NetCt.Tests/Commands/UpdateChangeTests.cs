using System.Net;
using NetCt.Cli.Commands;
using NetCt.Conntrack;
using static NetCt.Tests.Arguments.ReferenceSetup;

namespace NetCt.Tests.Commands;

/// <summary>
/// What -U sends for an entry it matched, and when it skips one, as conntrack 1.4.8's update
/// callback decides (runs of the reference in the comments).
/// </summary>
public sealed class UpdateChangeTests
{
    private static Flow Tcp(uint mark = 5, FlowStatus status = FlowStatus.Assured | FlowStatus.Confirmed, byte[]? labels = null, ushort? zone = null) => new()
    {
        Family = IpFamily.IPv4,
        Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("198.51.100.2"), Protocol = 6, SourcePort = 1, DestinationPort = 2 },
        Reply = new FlowTuple { Source = IPAddress.Parse("198.51.100.2"), Destination = IPAddress.Parse("192.0.2.1"), Protocol = 6, SourcePort = 2, DestinationPort = 1 },
        Status = status,
        Timeout = 99,
        Mark = mark,
        Zone = zone,
        Id = 1234,
        Labels = labels,
        Tcp = new TcpInfo { State = TcpState.Established, FlagsOriginal = new TcpFlagsAndMask(0x0a, 0) },
    };

    private static Flow? Change(string commandLine, Flow entry) => UpdateChange.For(ParseCommand(commandLine), entry);

    [Theory]
    [InlineData(5u, "0x10/0x10", 21u)]   // conntrack -U -m 0x10/0x10 on mark=5: mark=21
    [InlineData(0xffu, "0/0xf0", 0x0fu)]
    [InlineData(7u, "3", 3u)]
    [InlineData(0x0fu, "0x30/0x0f", 0x30u)]
    public void TheMarkBecomesOldAndNotMaskXorValue(uint old, string mark, uint expected)
    {
        Assert.Equal(expected, Change($"-U -m {mark}", Tcp(mark: old))!.Mark);
    }

    [Theory]
    [InlineData(21u, "0x10/0x10")]      // conntrack: "0 flow entries have been updated."
    [InlineData(5u, "5")]
    [InlineData(5u, "0/0")]
    public void AMarkThatStaysTheSameIsNoChange(uint old, string mark) => Assert.Null(Change($"-U -m {mark}", Tcp(mark: old)));

    [Fact]
    public void StatusBitsAreAddedToTheOnesTheEntryHas()
    {
        Assert.Equal(FlowStatus.Assured | FlowStatus.Confirmed | FlowStatus.SeenReply, Change("-U -u SEEN_REPLY", Tcp())!.Status);
        // conntrack -U -u ASSURED on an ASSURED entry: skipped.
        Assert.Null(Change("-U -u ASSURED", Tcp()));
    }

    [Fact]
    public void ATimeoutCountsAsAChangeUnlessItIsTheCurrentOne()
    {
        Assert.Equal(100u, Change("-U -t 100", Tcp())!.Timeout);
        Assert.Null(Change("-U -t 99", Tcp()));
    }

    [Fact]
    public void AnUpdateIsTheOriginalTupleTheZoneAndWhatChanges()
    {
        var entry = Tcp(zone: 9);
        var change = Change("-U -m 1", entry)!;

        Assert.Same(entry.Original, change.Original);
        Assert.Null(change.Reply);
        // conntrack sends no zone and so updates only entries of zone 0.
        Assert.Equal((ushort)9, change.Zone);
        Assert.Null(change.Id);
        Assert.Null(change.Timeout);
        Assert.Null(change.Status);
        Assert.Null(change.SourceNat);
    }

    [Fact]
    public void UpdatingATcpEntryAddsNoWindowFlags()
    {
        // conntrack -U -p tcp -m 1 sends CTA_PROTOINFO with the window-tracking flags of new entries.
        Assert.Null(Change("-U -p tcp -m 1", Tcp())!.Tcp);

        var state = Change("-U -p tcp --state TIME_WAIT", Tcp())!.Tcp!;
        Assert.Equal(TcpState.TimeWait, state.State);
        Assert.Null(state.FlagsOriginal);
        Assert.Null(state.FlagsReply);
    }

    [Fact]
    public void TheCurrentTcpStateIsNoChange() => Assert.Null(Change("-U -p tcp --state ESTABLISHED", Tcp()));

    [Fact]
    public void SctpVerificationTagsAloneAreNoChange()
    {
        var sctp = new Flow
        {
            Family = IpFamily.IPv4,
            Original = new FlowTuple { Source = IPAddress.Parse("192.0.2.1"), Destination = IPAddress.Parse("198.51.100.2"), Protocol = 132, SourcePort = 1, DestinationPort = 2 },
            Sctp = new SctpInfo { State = SctpState.Established, VerificationTagOriginal = 5, VerificationTagReply = 6 },
        };
        // conntrack -U -p sctp --orig-vtag 7: "0 flow entries have been updated."
        Assert.Null(Change("-U -p sctp --orig-vtag 7", sctp));
        var change = Change("-U -p sctp --state CLOSED --orig-vtag 8 --reply-vtag 9", sctp)!;
        Assert.Equal(SctpState.Closed, change.Sctp!.State);
        Assert.Equal(0x08000000u, change.Sctp.VerificationTagOriginal);
        Assert.Equal(0x09000000u, change.Sctp.VerificationTagReply);
    }

    [Fact]
    public void AddedLabelsAreSentInTheKernelsSizeWithTheirMask()
    {
        byte[] current = new byte[16];
        current[0] = 0b0000_0100;   // two
        var change = Change("-U --label-add one", Tcp(labels: current))!;

        Assert.Equal(new byte[] { 0b10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, change.Labels);
        Assert.Equal(change.Labels, change.LabelsMask);
    }

    [Fact]
    public void AddingALabelTheEntryHasStillCountsAsAChange()
    {
        // conntrack -U --label-add two on an entry labelled two: "1 flow entries have been updated."
        byte[] current = new byte[16];
        current[0] = 0b0000_0100;
        Assert.NotNull(Change("-U --label-add two", Tcp(labels: current)));
    }

    [Fact]
    public void LabelsAddedToAnEntryWithoutLabelsAreSentAlone()
    {
        var change = Change("-U --label-add one", Tcp())!;

        Assert.Equal(new byte[] { 0b10, 0, 0, 0 }, change.Labels);
        Assert.Null(change.LabelsMask);
    }

    [Fact]
    public void DeletedLabelsAreClearedUnderTheirMask()
    {
        byte[] current = new byte[16];
        current[0] = 0b0000_0110;   // one, two
        var change = Change("-U --label-del one", Tcp(labels: current))!;

        // The kernel keeps what the mask leaves out and takes the labels' bits under it: (old & ~mask) ^ labels.
        Assert.Equal(new byte[16], change.Labels);
        Assert.Equal(new byte[] { 0b10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, change.LabelsMask);
    }

    [Fact]
    public void DeletingLabelsOfAnEntryWithoutLabelsIsNoChange()
    {
        // conntrack -U --label-del one on an entry without labels: "0 flow entries have been updated."
        Assert.Null(Change("-U --label-del one", Tcp()));
        Assert.Null(Change("-U --label-del", Tcp()));
    }

    [Fact]
    public void DeletingEveryLabelSendsOneEmptyWord()
    {
        byte[] current = new byte[16];
        current[5] = 1;
        var change = Change("-U --label-del", Tcp(labels: current))!;

        Assert.Equal(new byte[4], change.Labels);
        Assert.Null(change.LabelsMask);
    }

    [Fact]
    public void NothingToSetIsNoChange() => Assert.Null(Change("-U -s 192.0.2.1", Tcp()));
}
