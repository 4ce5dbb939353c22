using NetCt.Cli.Libc;

namespace NetCt.Cli.Labels;

/// <summary>
/// The connection label names of /etc/xtables/connlabel.conf, read the way libnetfilter_conntrack's
/// nfct_labelmap_new() reads them, since conntrack uses that map both to parse <c>-l</c>,
/// <c>--label-add</c> and <c>--label-del</c> and to print <c>-o labels</c>:
/// each line is a bit number in C notation (decimal, 0x hex, 0 octal) below 1024 followed by a
/// name made of letters, digits, spaces and '-'; a line starting with '#' is a comment; the first
/// name for a bit and the first bit for a name win; lines are read in 1023-character pieces.
/// </summary>
internal sealed class ConnLabelTable
{
    public const string DefaultPath = "/etc/xtables/connlabel.conf";

    /// <summary>libnetfilter_conntrack accepts bits below 1024; the kernel only keeps 128 of them.</summary>
    public const int MaxBits = 1024;

    // fgets() into a 1024-byte buffer.
    private const int LinePieceLength = 1023;

    private readonly Dictionary<string, int> _bits;
    private readonly string?[] _names;

    private ConnLabelTable(Dictionary<string, int> bits)
    {
        _bits = bits;
        _names = new string?[bits.Values.Max() + 1];
        foreach (var (name, bit) in bits)
            _names[bit] = name;
    }

    /// <summary>One more than the highest named bit: the size of the map (its namecount).</summary>
    public int BitCount => _names.Length;

    /// <summary>
    /// nfct_labelmap_new(): the table, or null and the text perror() adds after "nfct_labelmap_new: ";
    /// a file without a single valid label fails too, with "Success" (errno is 0 then).
    /// </summary>
    public static ConnLabelTable? TryLoad(string path, out string failure)
    {
        failure = "Success";
        if (Directory.Exists(path))
            return null;
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            failure = "No such file or directory";
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            failure = "Permission denied";
            return null;
        }
        catch (IOException e)
        {
            failure = IoErrorText.Of(e);
            return null;
        }
        return Parse(content);
    }

    /// <summary>The map the file content describes, or null when it names no label.</summary>
    public static ConnLabelTable? Parse(string content)
    {
        var bits = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        foreach (string piece in LinePieces(content))
        {
            if (piece.StartsWith('#'))
                continue;
            ulong bit = CNumber.StrToUL(piece, 0, out int end);
            if (end == 0 || bit >= MaxBits || seen.Contains((int)bit))
                continue;
            string? name = TrimLabel(piece.AsSpan(end));
            if (name is null || !IsSane(name) || !bits.TryAdd(name, (int)bit))
                continue;
            seen.Add((int)bit);
        }
        return bits.Count == 0 ? null : new ConnLabelTable(bits);
    }

    /// <summary>The name of a label bit, or null when it has none.</summary>
    public string? NameOf(int bit) => bit >= 0 && bit < _names.Length ? _names[bit] : null;

    /// <summary>The bit of a label name (exact, case-sensitive).</summary>
    public bool TryGetBit(string name, out int bit) => _bits.TryGetValue(name, out bit);

    private static IEnumerable<string> LinePieces(string content)
    {
        int start = 0;
        while (start < content.Length)
        {
            int newline = content.IndexOf('\n', start, Math.Min(LinePieceLength, content.Length - start));
            int end = newline >= 0 ? newline + 1 : Math.Min(start + LinePieceLength, content.Length);
            yield return content[start..end];
            start = end;
        }
    }

    // libnetfilter_conntrack's trim_label(): POSIX blanks around the name, not newlines inside it.
    private static string? TrimLabel(ReadOnlySpan<char> text)
    {
        int newline = text.IndexOf('\n');
        if (newline >= 0)
            text = text[..newline];
        text = text.Trim(" \f\r\t\v");
        return text.IsEmpty ? null : text.ToString();
    }

    private static bool IsSane(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != ' ' && c != '-')
                return false;
        }
        return true;
    }
}
