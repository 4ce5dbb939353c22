namespace NetCt.IntegrationTests.Harness;

/// <summary>Where the harness finds the repository's files on the host.</summary>
public static class RepoLayout
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test assembly holding NetCt.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The netct binary mounted into containers: env NETCT_BIN, else bin/netct (from `make build`).</summary>
    public static string NetctBinary =>
        Environment.GetEnvironmentVariable("NETCT_BIN") is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(RepoRoot, "bin", "netct");

    /// <summary>The script that makes real TCP/UDP flows on loopback (copied into containers).</summary>
    public static string LoopbackFlowsScript => Path.Combine(RepoRoot, "tests", "setup", "loopback-flows.py");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetCt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"cannot find the repository root (a directory with NetCt.sln) above {AppContext.BaseDirectory}");
    }
}
