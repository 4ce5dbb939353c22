namespace NetCt.Cli;

/// <summary>How netct names itself in messages, where conntrack prints "conntrack v1.4.8 (conntrack-tools)".</summary>
internal static class ProgramIdentity
{
    public const string Name = "netct";
    public const string Version = "0.1.0";

    /// <summary>The text of <c>-V</c>, and the prefix (followed by ": ") of every stderr message.</summary>
    public const string VersionLine = Name + " v" + Version + " (conntrack-tools 1.4.8 compatible)";
}
