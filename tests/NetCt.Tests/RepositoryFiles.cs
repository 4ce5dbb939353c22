namespace NetCt.Tests;

/// <summary>Files of the repository the tests run from (found by walking up to NetCt.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetCt.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"NetCt.sln not found above {AppContext.BaseDirectory}");
    }
}
