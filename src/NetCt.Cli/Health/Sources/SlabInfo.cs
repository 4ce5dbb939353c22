using System.Globalization;

namespace NetCt.Cli.Health;

/// <summary>
/// /proc/slabinfo (version 2.1): <c>name active_objs num_objs objsize objperslab pagesperslab : …</c>.
/// Readable by root only; a cache merged into another (slab_merge) does not appear under its own name.
/// </summary>
internal static class SlabInfo
{
    public const string Path = "/proc/slabinfo";

    /// <summary>The object size of cache <paramref name="cache"/>, or null if it is not listed.</summary>
    public static int? ObjectSize(string text, string cache)
    {
        foreach (var line in text.Split('\n'))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 3 && words[0] == cache
                && int.TryParse(words[3], NumberStyles.None, CultureInfo.InvariantCulture, out int size))
            {
                return size;
            }
        }
        return null;
    }
}
