using NetCt.Cli.Labels;

namespace NetCt.Cli.Arguments;

/// <summary>The label bitmaps of <c>-l</c>, <c>--label-add</c> and <c>--label-del</c> (conntrack's nfct_bitmask).</summary>
internal static class LabelBits
{
    /// <summary>
    /// Reads "name[,name...]": every name must be in the label map, else "unknown label 'NAME'"
    /// (empty names included, so "a,,b" fails on '').
    /// </summary>
    public static IReadOnlyList<int> Parse(string list, ConnLabelTable? map)
    {
        var bits = new List<int>();
        foreach (string name in list.Split(','))
        {
            if (map is null || !map.TryGetBit(name, out int bit))
                throw ParameterException.Problem($"unknown label '{name}'");
            bits.Add(bit);
        }
        return bits;
    }

    /// <summary>The bitmap of <paramref name="bits"/>, in whole 32-bit words up to the highest one, as nfct_bitmask_new sizes it.</summary>
    public static byte[] ToBitmap(IReadOnlyCollection<int> bits)
    {
        var bitmap = new byte[(bits.Max() / 32 + 1) * 4];
        foreach (int bit in bits)
            bitmap[bit / 8] |= (byte)(1 << (bit % 8));
        return bitmap;
    }
}
