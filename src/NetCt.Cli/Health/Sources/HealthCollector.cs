using System.Diagnostics;
using System.Globalization;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Health;

/// <summary>
/// Reads what a report needs, netlink first and /proc where netlink is refused. The table is dumped
/// once, between the two counter reads, so the sampling interval and the dump overlap: a table that
/// takes longer to dump than the interval only lengthens the interval (the rates use the time measured).
/// </summary>
internal sealed class HealthCollector(IConntrackKernel kernel, IProcFiles files, int topCapacity = FlowComposition.DefaultTopCapacity)
{
    public HealthReadings Collect(TimeSpan interval)
    {
        var problems = new List<string>();
        long started = Stopwatch.GetTimestamp();
        var first = ReadCounters(useNetlink: true, problems);
        var composition = Compose(problems);
        long? expectations = CountExpectations(problems);
        CounterReadings? counters = null;
        if (first is var (origin, snapshot))
        {
            ConntrackCounterSnapshot? last = null;
            if (interval > TimeSpan.Zero)
            {
                var remaining = interval - Stopwatch.GetElapsedTime(started);
                if (remaining > TimeSpan.Zero)
                    Thread.Sleep((int)Math.Ceiling(remaining.TotalMilliseconds)); // never shorter than asked
                last = ReadCounters(useNetlink: origin == NetlinkOrigin, problems)?.Snapshot;
            }
            counters = new CounterReadings(origin, snapshot, last, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        var (entries, max) = ReadEntriesAndMax(problems);
        return new HealthReadings
        {
            Entries = entries,
            MaxEntries = max,
            Buckets = ReadNumber(ProcPaths.Buckets),
            Expectations = expectations,
            ExpectationMax = ReadNumber(ProcPaths.ExpectMax),
            Accounting = ReadNumber(ProcPaths.Accounting) is uint accounting ? accounting != 0 : null,
            Timestamps = ReadNumber(ProcPaths.Timestamps) is uint timestamps ? timestamps != 0 : null,
            Counters = counters,
            Composition = composition,
            Timeouts = ReadTimeouts(),
            DefaultTimeouts = ReadDefaultTimeouts(),
            EntryObjectSize = files.Read(SlabInfo.Path) is { } slabs ? SlabInfo.ObjectSize(slabs, "nf_conntrack") : null,
            Problems = problems,
        };
    }

    public const string NetlinkOrigin = "netlink";

    private (string Origin, ConntrackCounterSnapshot Snapshot)? ReadCounters(bool useNetlink, List<string> problems)
    {
        string? refusal = null;
        if (useNetlink)
        {
            try
            {
                return (NetlinkOrigin, kernel.ReadCounters());
            }
            catch (NetlinkException e)
            {
                refusal = e.Message;
            }
        }
        try
        {
            if (files.Read(ProcPaths.CpuStatistics) is { } text)
                return (ProcPaths.CpuStatistics, ConntrackCounterSnapshot.FromProcTable(text));
        }
        catch (FormatException e)
        {
            problems.Add($"per-CPU counters: {ProcPaths.CpuStatistics}: {e.Message}");
            return null;
        }
        problems.Add(refusal is null
            ? $"per-CPU counters: cannot read {ProcPaths.CpuStatistics}"
            : $"per-CPU counters: netlink refused ({refusal}) and {ProcPaths.CpuStatistics} cannot be read");
        return null;
    }

    private FlowComposition? Compose(List<string> problems)
    {
        var composition = new FlowComposition(topCapacity);
        try
        {
            foreach (var flow in kernel.DumpTable())
                composition.Add(flow);
            return composition;
        }
        catch (NetlinkException e)
        {
            problems.Add($"table dump refused: {e.Message}");
            return null;
        }
    }

    private long? CountExpectations(List<string> problems)
    {
        try
        {
            return kernel.CountExpectations();
        }
        catch (NetlinkException e)
        {
            problems.Add($"expectation dump refused: {e.Message}");
            return null;
        }
    }

    private (uint? Entries, uint? Max) ReadEntriesAndMax(List<string> problems)
    {
        uint? entries = null;
        uint? max = null;
        string? refusal = null;
        try
        {
            var size = kernel.ReadGlobalStatistics();
            (entries, max) = (size.Entries, size.MaxEntries);
        }
        catch (NetlinkException e)
        {
            refusal = e.Message;
        }
        entries ??= ReadNumber(ProcPaths.Count);
        max ??= ReadNumber(ProcPaths.Max);
        if (entries is null)
            problems.Add($"entry count: {(refusal is null ? "" : $"netlink refused ({refusal}) and ")}cannot read {ProcPaths.Count}");
        if (max is null)
            problems.Add($"nf_conntrack_max: cannot read {ProcPaths.Max}");
        return (entries, max);
    }

    // The sysctls say the same; this answers where /proc/sys is not mounted. A refusal is no finding.
    private IReadOnlyDictionary<string, long>? ReadDefaultTimeouts()
    {
        try
        {
            return kernel.ReadDefaultTimeouts();
        }
        catch (NetlinkException)
        {
            return null;
        }
    }

    private List<KeyValuePair<string, long>> ReadTimeouts()
    {
        var timeouts = new List<KeyValuePair<string, long>>();
        foreach (var name in files.List(ProcPaths.Netfilter, ProcPaths.TimeoutPattern))
        {
            if (files.Read(Path.Combine(ProcPaths.Netfilter, name)) is { } text
                && long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
            {
                timeouts.Add(new(name, seconds));
            }
        }
        return timeouts;
    }

    private uint? ReadNumber(string path) =>
        files.Read(path) is { } text && uint.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out uint value) ? value : null;
}
