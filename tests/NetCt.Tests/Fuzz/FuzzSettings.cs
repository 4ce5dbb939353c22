using System.Globalization;

namespace NetCt.Tests.Fuzz;

/// <summary>
/// How long the seeded fuzzers run: a few seconds in the unit tests, as long as asked by
/// <c>make fuzz</c> (NETCT_FUZZ_SECONDS). NETCT_FUZZ_SEED replays a run; a failure names its seed
/// and iteration, and saves the input under tests/fuzz/crashes/.
/// </summary>
internal static class FuzzSettings
{
    public static int Seed { get; } = ReadInt("NETCT_FUZZ_SEED") ?? 20261124;

    /// <summary>Wall-clock budget per fuzz target.</summary>
    public static TimeSpan Budget { get; } = TimeSpan.FromSeconds(ReadInt("NETCT_FUZZ_SECONDS") ?? 2);

    /// <summary>The repository's tests/fuzz directory.</summary>
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "fuzz");

    public static IEnumerable<string> CorpusFiles(string target) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "corpus", target)).Order(StringComparer.Ordinal);

    /// <summary>Saves an input that failed, for a regression file in the corpus; returns its path.</summary>
    public static string SaveCrash(string target, byte[] input)
    {
        string directory = Path.Combine(Directory, "crashes", target);
        System.IO.Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..16]);
        File.WriteAllBytes(path, input);
        return path;
    }

    private static int? ReadInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetCt.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("NetCt.sln not found above " + AppContext.BaseDirectory);
    }
}
