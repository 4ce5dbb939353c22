namespace NetCt.Cli.Arguments;

/// <summary>
/// /etc/protocols as glibc's getprotobyname() and getprotobynumber() read it: "name number aliases",
/// '#' starts a comment, names and aliases match case-sensitively, the first entry wins.
/// conntrack uses it for <c>-p</c> names it has no extension for (ospf, ipv6-icmp, ...).
/// </summary>
internal sealed class ProtocolDatabase
{
    public const string DefaultPath = "/etc/protocols";

    private readonly List<(string[] Names, int Number)> _entries = [];

    public static ProtocolDatabase Empty { get; } = new();

    public static ProtocolDatabase Load(string path = DefaultPath)
    {
        try
        {
            return FromLines(File.ReadLines(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // glibc finds no protocol then, and conntrack only knows its own extensions and numbers.
            return Empty;
        }
    }

    public static ProtocolDatabase FromLines(IEnumerable<string> lines)
    {
        var database = new ProtocolDatabase();
        foreach (string line in lines)
            database.AddLine(line);
        return database;
    }

    /// <summary>getprotobyname(): the number of the protocol with this name or alias.</summary>
    public bool TryGetNumber(string name, out int number)
    {
        foreach (var (names, entryNumber) in _entries)
        {
            if (Array.IndexOf(names, name) >= 0)
            {
                number = entryNumber;
                return true;
            }
        }
        number = 0;
        return false;
    }

    /// <summary>getprotobynumber(): the official name of the protocol, or null.</summary>
    public string? NameOf(int number)
    {
        foreach (var (names, entryNumber) in _entries)
        {
            if (entryNumber == number)
                return names[0];
        }
        return null;
    }

    private void AddLine(string line)
    {
        int comment = line.IndexOf('#');
        var fields = (comment < 0 ? line : line[..comment]).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2 || !int.TryParse(fields[1], System.Globalization.NumberStyles.None, null, out int number))
            return;
        _entries.Add(([fields[0], .. fields[2..]], number));
    }
}
