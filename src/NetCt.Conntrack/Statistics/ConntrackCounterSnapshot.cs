using System.Globalization;
using NetCt.Interop;

namespace NetCt.Conntrack;

/// <summary>
/// The <see cref="ConntrackCounter"/> values of every CPU at one moment, from
/// IPCTNL_MSG_CT_GET_STATS_CPU or from /proc/net/stat/nf_conntrack. The kernel keeps each counter
/// per CPU as a u32 that wraps: <see cref="Since"/> subtracts CPU by CPU, modulo 2^32, before adding
/// up, so a wrapped CPU does not turn the sum negative. The table's entry count is not a per-CPU
/// counter (/proc repeats the global count on every CPU's line) and is deliberately not kept here.
/// </summary>
public sealed class ConntrackCounterSnapshot
{
    private static readonly int CounterCount = Enum.GetValues<ConntrackCounter>().Length;

    // The header words of /proc/net/stat/nf_conntrack (net/netfilter/nf_conntrack_standalone.c,
    // ct_cpu_seq_show); "chainlength" is the chaintoolong counter.
    private static readonly Dictionary<string, ConntrackCounter> ProcColumns = new(StringComparer.Ordinal)
    {
        ["found"] = ConntrackCounter.Found,
        ["invalid"] = ConntrackCounter.Invalid,
        ["insert"] = ConntrackCounter.Insert,
        ["insert_failed"] = ConntrackCounter.InsertFailed,
        ["drop"] = ConntrackCounter.Drop,
        ["early_drop"] = ConntrackCounter.EarlyDrop,
        ["icmp_error"] = ConntrackCounter.Error,
        ["search_restart"] = ConntrackCounter.SearchRestart,
        ["clashres"] = ConntrackCounter.ClashResolve,
        ["chainlength"] = ConntrackCounter.ChainTooLong,
    };

    private readonly SortedDictionary<int, uint?[]> _cpus;

    private ConntrackCounterSnapshot(SortedDictionary<int, uint?[]> cpus) => _cpus = cpus;

    /// <summary>The number of CPUs the snapshot holds.</summary>
    public int CpuCount => _cpus.Count;

    /// <summary>Takes the counters from per-CPU statistics messages (<see cref="ConntrackClient.GetCpuStatistics"/>).</summary>
    /// <param name="cpus">One element per CPU.</param>
    /// <returns>The snapshot.</returns>
    public static ConntrackCounterSnapshot FromCpuStatistics(IEnumerable<CpuStatistics> cpus)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        var values = new SortedDictionary<int, uint?[]>();
        foreach (CpuStatistics cpu in cpus)
        {
            var row = new uint?[CounterCount];
            foreach (ConntrackCounter counter in Enum.GetValues<ConntrackCounter>())
            {
                row[(int)counter] = cpu[(ushort)AttributeOf(counter)];
            }

            values[cpu.Cpu] = row;
        }

        return new ConntrackCounterSnapshot(values);
    }

    /// <summary>
    /// Parses the text of /proc/net/stat/nf_conntrack: a header of column names, then one line of
    /// hexadecimal values per possible CPU. Columns this library does not know are skipped.
    /// </summary>
    /// <param name="text">The whole file.</param>
    /// <returns>The snapshot; line N after the header is CPU N-1.</returns>
    /// <exception cref="FormatException">No header, or a value that is not hexadecimal.</exception>
    public static ConntrackCounterSnapshot FromProcTable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            throw new FormatException("the statistics table has no header line");
        }

        string[] names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new SortedDictionary<int, uint?[]>();
        for (int line = 1; line < lines.Length; line++)
        {
            string[] words = lines[line].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var row = new uint?[CounterCount];
            for (int column = 0; column < Math.Min(words.Length, names.Length); column++)
            {
                if (!ProcColumns.TryGetValue(names[column], out ConntrackCounter counter))
                {
                    continue;
                }

                if (!uint.TryParse(words[column], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value))
                {
                    throw new FormatException($"line {line + 1}: '{words[column]}' is not a hexadecimal counter");
                }

                row[(int)counter] = value;
            }

            values[line - 1] = row;
        }

        return new ConntrackCounterSnapshot(values);
    }

    /// <summary>The sum of a counter over the CPUs, or null when no CPU reports it (a kernel older than the counter).</summary>
    /// <param name="counter">The counter.</param>
    /// <returns>The sum since boot (or since the namespace was created), each CPU's part wrapped at 2^32.</returns>
    public ulong? Total(ConntrackCounter counter)
    {
        ulong? total = null;
        foreach (uint?[] row in _cpus.Values)
        {
            if (row[(int)counter] is uint value)
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }

    /// <summary>
    /// How much a counter grew since <paramref name="earlier"/>: CPU by CPU, modulo 2^32 (so one
    /// wrap between the two reads is counted right), then summed. CPUs present in only one snapshot
    /// are left out.
    /// </summary>
    /// <param name="earlier">A snapshot of the same namespace taken before this one.</param>
    /// <param name="counter">The counter.</param>
    /// <returns>The growth, or null when no CPU reports the counter in both.</returns>
    public ulong? Since(ConntrackCounterSnapshot earlier, ConntrackCounter counter)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ulong? growth = null;
        foreach (var (cpu, row) in _cpus)
        {
            if (row[(int)counter] is uint now && earlier._cpus.TryGetValue(cpu, out uint?[]? before) && before[(int)counter] is uint then)
            {
                growth = (growth ?? 0) + unchecked(now - then);
            }
        }

        return growth;
    }

    private static CtattrStatsCpu AttributeOf(ConntrackCounter counter) => counter switch
    {
        ConntrackCounter.Found => CtattrStatsCpu.CTA_STATS_FOUND,
        ConntrackCounter.Invalid => CtattrStatsCpu.CTA_STATS_INVALID,
        ConntrackCounter.Insert => CtattrStatsCpu.CTA_STATS_INSERT,
        ConntrackCounter.InsertFailed => CtattrStatsCpu.CTA_STATS_INSERT_FAILED,
        ConntrackCounter.Drop => CtattrStatsCpu.CTA_STATS_DROP,
        ConntrackCounter.EarlyDrop => CtattrStatsCpu.CTA_STATS_EARLY_DROP,
        ConntrackCounter.Error => CtattrStatsCpu.CTA_STATS_ERROR,
        ConntrackCounter.SearchRestart => CtattrStatsCpu.CTA_STATS_SEARCH_RESTART,
        ConntrackCounter.ClashResolve => CtattrStatsCpu.CTA_STATS_CLASH_RESOLVE,
        ConntrackCounter.ChainTooLong => CtattrStatsCpu.CTA_STATS_CHAIN_TOOLONG,
        _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, "unknown counter"),
    };
}
