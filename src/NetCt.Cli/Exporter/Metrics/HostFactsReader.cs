using System.Globalization;

namespace NetCt.Cli.Exporter.Metrics;

/// <summary>Reads <see cref="HostFacts"/> from /proc.</summary>
internal static class HostFactsReader
{
    private const string BucketsPath = "/proc/sys/net/netfilter/nf_conntrack_buckets";
    private const string SlabInfoPath = "/proc/slabinfo";

    /// <summary>The nf_conntrack slab's object size (column 4 of its /proc/slabinfo line); it does not change while the kernel runs, so it is read once.</summary>
    public static long? ReadEntryBytes()
    {
        try
        {
            foreach (string line in File.ReadLines(SlabInfoPath))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[0] == "nf_conntrack" && long.TryParse(fields[3], CultureInfo.InvariantCulture, out long size))
                    return size;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not root, or /proc/slabinfo hidden: the estimate falls back to a typical size.
        }

        return null;
    }

    public static long? ReadBuckets()
    {
        try
        {
            return long.TryParse(File.ReadAllText(BucketsPath).AsSpan().Trim(), CultureInfo.InvariantCulture, out long buckets) ? buckets : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
