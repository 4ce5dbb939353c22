using System.Text.Json;
using NetCt.Conntrack;

namespace NetCt.Cli.Output;

/// <summary>
/// The output of <c>-S</c> (nfct_stats_cb / nfexp_stats_cb) and <c>-C</c> (nfct_global_stats_cb) in
/// conntrack 1.4.8: <c>cpu=0   \tfound=0 invalid=0 … chaintoolong=0 \n</c> per CPU (every counter
/// followed by a blank, the line ended by '\n'), and the entry count as <c>%d\n</c>.
/// With a <see cref="Utf8JsonWriter"/> (<c>-S -o json</c>) each CPU is a JSON object on its own line
/// instead, <c>{"cpu":0,"found":0,…}</c>, with the same names.
/// </summary>
internal static class StatisticsFormatter
{
    // attr2name in nfct_stats_cb, by CTA_STATS_* type; 16..19 are conntrack's placeholders for
    // counters added by newer kernels.
    private static readonly byte[]?[] ConntrackNames =
    [
        null, "searched"u8.ToArray(), "found"u8.ToArray(), "new"u8.ToArray(), "invalid"u8.ToArray(),
        "ignore"u8.ToArray(), "delete"u8.ToArray(), "delete_list"u8.ToArray(), "insert"u8.ToArray(),
        "insert_failed"u8.ToArray(), "drop"u8.ToArray(), "early_drop"u8.ToArray(), "error"u8.ToArray(),
        "search_restart"u8.ToArray(), "clash_resolve"u8.ToArray(), "chaintoolong"u8.ToArray(),
        "unknown1"u8.ToArray(), "unknown2"u8.ToArray(), "unknown3"u8.ToArray(), "unknown4"u8.ToArray(),
    ];

    // attr2name in nfexp_stats_cb, by CTA_STATS_EXP_* type (CTA_STATS_EXP_MAX is 3).
    private static readonly byte[]?[] ExpectationNames =
    [
        null, "expect_new"u8.ToArray(), "expect_create"u8.ToArray(), "expect_delete"u8.ToArray(),
    ];

    /// <summary>
    /// conntrack's name of a CTA_STATS_* counter (<c>insert_failed</c>, <c>chaintoolong</c>…), or null for
    /// a type newer than this build knows (conntrack shows those as its unknownN placeholders).
    /// </summary>
    public static string? ConntrackCounterName(ushort attributeType) =>
        attributeType <= (ushort)NetCt.Interop.CtattrStatsCpu.CTA_STATS_CHAIN_TOOLONG && ConntrackNames[attributeType] is { } name
            ? System.Text.Encoding.ASCII.GetString(name)
            : null;

    /// <summary>One line of <c>-S</c> for the conntrack table; JSON when <paramref name="json"/> is given.</summary>
    public static void WriteConntrackCpu(OutputBuffer output, CpuStatistics statistics, Utf8JsonWriter? json = null) =>
        WriteCpu(output, statistics, ConntrackNames, json);

    /// <summary>One line of <c>-S expect</c>; JSON when <paramref name="json"/> is given.</summary>
    public static void WriteExpectationCpu(OutputBuffer output, CpuStatistics statistics, Utf8JsonWriter? json = null) =>
        WriteCpu(output, statistics, ExpectationNames, json);

    /// <summary>
    /// One line of the /proc/net/stat/nf_conntrack fallback (display_proc_conntrack_stats): the
    /// names from the file's header line, the values of the CPU's line (hex in the file).
    /// </summary>
    public static void WriteProcCpu(OutputBuffer output, int cpu, IReadOnlyList<string> names, IReadOnlyList<uint> values, Utf8JsonWriter? json = null)
    {
        BeginCpu(output, (uint)cpu, json);
        for (int i = 0; i < names.Count && i < values.Count; i++)
            WriteCounter(output, System.Text.Encoding.UTF8.GetBytes(names[i]), values[i], json);
        EndCpu(output, json);
    }

    /// <summary>
    /// <c>-C</c>: the number of entries (CTA_STATS_GLOBAL_ENTRIES, or /proc's nf_conntrack_count),
    /// or of expectations for <c>-C expect</c>.
    /// </summary>
    public static void WriteCount(OutputBuffer output, uint count)
    {
        output.WriteDecimal(ConntrackQuirks.CountAsPrinted(count));
        output.EndLine();
    }

    // Like conntrack's attribute table (mnl_attr_parse into tb[]), a type the kernel repeats shows
    // its last value, and types past the names are dropped; the counters print in type order.
    private static void WriteCpu(OutputBuffer output, CpuStatistics statistics, byte[]?[] names, Utf8JsonWriter? json)
    {
        Span<uint> values = stackalloc uint[names.Length];
        Span<bool> present = stackalloc bool[names.Length];
        foreach (CpuStatisticsCounter counter in statistics.Counters)
        {
            if (counter.AttributeType < names.Length)
            {
                values[counter.AttributeType] = counter.Value;
                present[counter.AttributeType] = true;
            }
        }

        BeginCpu(output, statistics.Cpu, json);
        for (int type = 0; type < names.Length; type++)
        {
            if (names[type] is { } name && present[type])
                WriteCounter(output, name, values[type], json);
        }
        EndCpu(output, json);
    }

    // "cpu=%-4u\t"
    private static void BeginCpu(OutputBuffer output, uint cpu, Utf8JsonWriter? json)
    {
        if (json is not null)
        {
            json.Reset();
            json.WriteStartObject();
            json.WriteNumber("cpu"u8, cpu);
            return;
        }
        output.Write("cpu="u8);
        Span<byte> digits = stackalloc byte[10];
        cpu.TryFormat(digits, out int length, default, System.Globalization.CultureInfo.InvariantCulture);
        output.WritePadded(digits[..length], 4);
        output.Write((byte)'\t');
    }

    // "name=%u "
    private static void WriteCounter(OutputBuffer output, ReadOnlySpan<byte> name, uint value, Utf8JsonWriter? json)
    {
        if (json is not null)
        {
            json.WriteNumber(name, value);
            return;
        }
        output.Write(name);
        output.Write((byte)'=');
        output.WriteDecimal(value);
        output.WriteSpace();
    }

    private static void EndCpu(OutputBuffer output, Utf8JsonWriter? json)
    {
        if (json is not null)
        {
            json.WriteEndObject();
            json.Flush();
        }
        output.EndLine();
    }
}
