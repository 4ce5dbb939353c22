namespace NetCt.Cli.Labels;

/// <summary>
/// The connection label names of /etc/xtables/connlabel.conf ("BIT NAME" per line, '#' comments),
/// which conntrack uses both to parse <c>-l/--label-add/--label-del</c> and to print <c>-o labels</c>.
/// </summary>
internal sealed class ConnLabelTable
{
    public const string DefaultPath = "/etc/xtables/connlabel.conf";

    // The kernel keeps 128 label bits (NF_CT_LABELS_MAX_SIZE = 16 bytes).
    public const int MaxBits = 128;

    private readonly string?[] _names = new string?[MaxBits];

    public static ConnLabelTable Empty { get; } = new();

    /// <summary>Whether the file existed; conntrack refuses label names when it does not.</summary>
    public bool Loaded { get; private init; }

    public static ConnLabelTable Load(string path = DefaultPath)
    {
        if (!File.Exists(path))
            return Empty;
        var table = new ConnLabelTable { Loaded = true };
        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.AsSpan().Trim();
            if (line.IsEmpty || line[0] == '#')
                continue;
            int space = line.IndexOfAny(' ', '\t');
            if (space <= 0 || !int.TryParse(line[..space], out int bit) || bit < 0 || bit >= MaxBits)
                continue;
            var name = line[(space + 1)..].Trim();
            if (!name.IsEmpty && table._names[bit] is null)
                table._names[bit] = name.ToString();
        }
        return table;
    }

    public string? NameOf(int bit) => bit is >= 0 and < MaxBits ? _names[bit] : null;

    public bool TryGetBit(string name, out int bit)
    {
        bit = Array.IndexOf(_names, name);
        return bit >= 0;
    }
}
