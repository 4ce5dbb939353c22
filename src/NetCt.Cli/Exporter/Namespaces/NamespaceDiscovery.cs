using NetCt.Interop;

namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>
/// <c>--all-netns</c>: every named namespace (/run/netns, as <c>ip netns</c> keeps them) and every
/// namespace a running process is in (/proc/PID/ns/net), each once. A namespace reached both ways
/// carries its name; one only a process holds is labelled as the kernel names it, <c>net:[INODE]</c>.
/// </summary>
internal static class NamespaceDiscovery
{
    private const string NamedNamespaces = "/run/netns";

    public static List<NamespaceTarget> FindAll()
    {
        var found = new Dictionary<ulong, NamespaceTarget>();
        foreach (string path in SafeList(() => Directory.GetFiles(NamedNamespaces)).Order(StringComparer.Ordinal))
            Add(found, path, Path.GetFileName(path));
        foreach (string process in SafeList(() => Directory.GetDirectories("/proc")))
        {
            // Only processes (the numeric entries), and only their main thread: netct's own watcher
            // threads sit in other namespaces but are not listed here, so a namespace that netct
            // alone still holds open counts as vanished.
            if (int.TryParse(Path.GetFileName(process), out _))
                Add(found, process + "/ns/net", null);
        }

        return [.. found.Values];
    }

    private static void Add(Dictionary<ulong, NamespaceTarget> found, string path, string? name)
    {
        if (InodeOf(path) is not { } inode || found.ContainsKey(inode))
            return;
        found[inode] = new NamespaceTarget(name ?? $"net:[{inode}]", path, inode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The namespace's inode, or null when the file is gone (the process ended) or is not readable.</summary>
    public static ulong? InodeOf(string path)
    {
        int fd = NamespaceSyscalls.OpenNamespaceFile(path);
        if (fd < 0)
            return null;
        ulong? inode = FileDescriptors.Inode(fd);
        FileDescriptors.Close(fd);
        return inode;
    }

    private static string[] SafeList(Func<string[]> list)
    {
        try
        {
            return list();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
