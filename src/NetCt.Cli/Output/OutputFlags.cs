namespace NetCt.Cli.Output;

/// <summary>The words of conntrack's <c>-o</c> option, and netct's <c>json</c>; several may be combined with commas.</summary>
[Flags]
internal enum OutputFlags
{
    None = 0,
    Extended = 1 << 0,
    Xml = 1 << 1,
    Save = 1 << 2,
    Id = 1 << 3,
    Timestamp = 1 << 4,
    KTimestamp = 1 << 5,
    Labels = 1 << 6,
    Userspace = 1 << 7,

    /// <summary>netct's own <c>-o json</c>: one JSON object per line (see <see cref="JsonFlowWriter"/>).</summary>
    Json = 1 << 8,
}
