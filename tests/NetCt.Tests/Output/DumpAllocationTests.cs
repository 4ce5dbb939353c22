using NetCt.Cli.Labels;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;

namespace NetCt.Tests.Output;

/// <summary>
/// The path of <c>-L</c> from a kernel message to its printed line allocates nothing per entry:
/// 10,000 captured entries are decoded (<see cref="ReusableFlowDecoder"/>, as
/// <see cref="ConntrackClient.DumpReusingEntry"/> does) and printed in every format, and the
/// bytes allocated on the thread must stay under a fixed budget far below one object per entry.
/// A change that brings back a per-entry allocation fails here, not in a benchmark.
/// </summary>
public sealed class DumpAllocationTests
{
    private const int Entries = 10_000;

    // Room for one-off allocations only (a resized buffer, a lazily built table): 10,000 entries
    // that allocated even one small object each would need 240,000 bytes or more.
    private const long BudgetBytes = 4 * 1024;

    // GC.GetAllocatedBytesForCurrentThread reads up to about 8 KiB more across a pass during which
    // other threads' allocations set off collections: seen here on a loop that allocates nothing at
    // all, beside a thread allocating, in about one pass in four. Tests run in parallel, so a pass
    // is measured up to this many times and the least reading counts; a per-entry allocation
    // shows in every reading.
    private const int Readings = 3;

    private static readonly byte[][] Captured = CapturedMessages.MixedEntries;

    private static readonly ConnLabelTable Labels = ConnLabelTable.Parse(ReferenceGoldens.LabelConfig)!;

    private static readonly TimeProvider Clock = new FixedTimeProvider(1795476706, "UTC");

    [Theory]
    [InlineData((int)OutputFlags.None)]
    [InlineData((int)(OutputFlags.Extended | OutputFlags.Id))]
    [InlineData((int)(OutputFlags.Xml | OutputFlags.Id | OutputFlags.KTimestamp))]
    [InlineData((int)OutputFlags.Save)]
    [InlineData((int)OutputFlags.Json)]
    public void DecodingAndPrintingCapturedEntriesStaysWithinAFixedBudget(int flags)
    {
        var decoder = new ReusableFlowDecoder();
        using var output = new OutputBuffer(Stream.Null);
        var printer = FlowPrinter.ForCommand(FlowCommand.List, output, (OutputFlags)flags, Labels, Clock, TextWriter.Null);
        // One pass first: what is built once per run (address cache slots, lazily filled tables,
        // the JSON writer's state) is not per-entry cost.
        DecodeAndPrint(decoder, printer, Captured.Length);

        long allocated = LeastAllocated(() => DecodeAndPrint(decoder, printer, Entries));
        printer.Finish();

        Assert.True(allocated < BudgetBytes, $"{Entries} entries allocated {allocated} bytes (budget {BudgetBytes})");
    }

    [Theory]
    [InlineData((int)OutputFlags.None)]
    [InlineData((int)(OutputFlags.Extended | OutputFlags.Id | OutputFlags.KTimestamp))]
    public void PrintingCapturedEntriesFromTheirMessagesStaysWithinAFixedBudget(int flags)
    {
        // The path of -L (ConntrackClient.DumpMessages): the line is written from the message
        // itself, nothing is decoded into a Flow.
        using var output = new OutputBuffer(Stream.Null);
        var printer = FlowPrinter.ForCommand(FlowCommand.List, output, (OutputFlags)flags, Labels, Clock, TextWriter.Null);
        PrintMessages(printer, Captured.Length);

        long allocated = LeastAllocated(() => PrintMessages(printer, Entries));
        printer.Finish();

        Assert.True(allocated < BudgetBytes, $"{Entries} entries allocated {allocated} bytes (budget {BudgetBytes})");
    }

    [Fact]
    public void FilteringCapturedEntriesInPlaceStaysWithinAFixedBudget()
    {
        // What DumpMessages checks of each entry of a filtered -L: addresses under a mask, tuple
        // fields, the mark and both NAT directions, all on the view.
        var filter = new FlowFilter
        {
            Original = new FlowTuple { Source = System.Net.IPAddress.Parse("192.0.2.0"), Protocol = 6 },
            OriginalSourceMask = System.Net.IPAddress.Parse("255.255.255.0"),
            Mark = 0,
            MarkMask = 0xf0,
            SourceNat = new NatFilter(),
            DestinationNat = new NatFilter { Port = 8080 },
            AnyNat = true,
        };
        int matched = JudgeMessages(filter, Captured.Length);

        long allocated = LeastAllocated(() => JudgeMessages(filter, Entries));

        Assert.InRange(matched, 1, Captured.Length - 1); // some entries match and some do not
        Assert.True(allocated < BudgetBytes, $"{Entries} entries allocated {allocated} bytes (budget {BudgetBytes})");
    }

    private static long LeastAllocated(Action pass)
    {
        long least = long.MaxValue;
        for (int reading = 0; reading < Readings && least >= BudgetBytes; reading++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }

    private static int JudgeMessages(FlowFilter filter, int count)
    {
        int matched = 0;
        for (int i = 0; i < count; i++)
        {
            // As DumpMessages judges an entry: on the view its DumpedEntry reads.
            var entry = new DumpedEntry(new NetlinkMessage(Captured[i % Captured.Length]));
            Assert.True(entry.HasView);
            matched += filter.Matches(ref entry.View) ? 1 : 0;
        }
        return matched;
    }

    private static void PrintMessages(FlowPrinter printer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var entry = new DumpedEntry(new NetlinkMessage(Captured[i % Captured.Length]));
            printer.Print(ref entry);
        }
    }

    private static void DecodeAndPrint(ReusableFlowDecoder decoder, FlowPrinter printer, int count)
    {
        for (int i = 0; i < count; i++)
            printer.Print(decoder.Decode(new NetlinkMessage(Captured[i % Captured.Length])));
    }
}
