namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>How each namespace is watched.</summary>
/// <param name="TopSources">K of --top-sources (0: no per-source series).</param>
/// <param name="EventBufferBytes">The event socket's receive buffer (--event-buffer), null for the library's default.</param>
internal sealed record WatchOptions(int TopSources, int? EventBufferBytes);
