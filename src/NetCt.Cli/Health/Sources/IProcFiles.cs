namespace NetCt.Cli.Health;

/// <summary>The text files <c>netct health</c> reads: sysctls, /proc/net/stat, /proc/slabinfo.</summary>
internal interface IProcFiles
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? Read(string path);

    /// <summary>The names of the files in <paramref name="directory"/> that match <paramref name="pattern"/> (a shell wildcard).</summary>
    IReadOnlyList<string> List(string directory, string pattern);
}

/// <summary>The real files.</summary>
internal sealed class ProcFiles : IProcFiles
{
    public string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> List(string directory, string pattern)
    {
        try
        {
            return [.. Directory.EnumerateFiles(directory, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
