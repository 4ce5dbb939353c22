using NetCt.Cli.Labels;

namespace NetCt.Cli.Arguments;

/// <summary>What the parser reads besides the arguments; tests substitute their own.</summary>
internal sealed class ParserEnvironment
{
    private readonly Lazy<ProtocolDatabase> _protocols;

    public ParserEnvironment(Func<ProtocolDatabase>? loadProtocols = null)
        => _protocols = new Lazy<ProtocolDatabase>(loadProtocols ?? (() => ProtocolDatabase.Load()));

    public static ParserEnvironment Default { get; } = new();

    /// <summary>C's argv[0]: quoted by getopt errors that point before the first argument, and the first word of every -R line.</summary>
    public string ProgramName { get; init; } = ProgramIdentity.Name;

    /// <summary>The connection label map, read the first time an option needs it.</summary>
    public string LabelMapPath { get; init; } = ConnLabelTable.DefaultPath;

    /// <summary>Opens a <c>-R</c> file, or returns null when it cannot be read (a directory reads as empty, as fopen+fgets do).</summary>
    public Func<string, TextReader?> OpenLoadFile { get; init; } = OpenFile;

    /// <summary>
    /// Most characters a <c>-R</c> file may hold (256 Mi, about 2.5 million lines of <c>-o save</c>):
    /// netct reads the whole file before it runs any line, so a file without end (<c>-R /dev/zero</c>)
    /// must stop somewhere.
    /// </summary>
    public int MaxLoadFileLength { get; init; } = 256 * 1024 * 1024;

    /// <summary>/etc/protocols, for <c>-p</c> names without an extension.</summary>
    public ProtocolDatabase Protocols => _protocols.Value;

    private static TextReader? OpenFile(string path)
    {
        if (Directory.Exists(path))
            return TextReader.Null;
        try
        {
            return File.OpenText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
