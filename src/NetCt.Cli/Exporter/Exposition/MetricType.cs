namespace NetCt.Cli.Exporter.Exposition;

/// <summary>The metric types netct exports.</summary>
internal enum MetricType
{
    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>A value that only grows (until the process or the kernel restarts); its samples end in <c>_total</c>.</summary>
    Counter,
}
