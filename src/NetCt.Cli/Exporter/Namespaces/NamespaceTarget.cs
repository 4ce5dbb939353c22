namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>A network namespace to watch.</summary>
/// <param name="Label">The value of the netns label, or null for netct's own namespace watched alone (no label).</param>
/// <param name="Path">The namespace file to enter (/run/netns/NAME, /proc/PID/ns/net), or null to stay where netct runs.</param>
/// <param name="Key">What tells two namespaces apart: the namespace's inode for discovered ones, the path given otherwise.</param>
internal sealed record NamespaceTarget(string? Label, string? Path, string Key);
