namespace NetCt.Cli.Exporter.Exposition;

/// <summary>The two text formats a scraper may ask for.</summary>
internal enum ExpositionFormat
{
    /// <summary>Prometheus' text exposition format 0.0.4, what every scraper understands.</summary>
    PrometheusText,

    /// <summary>OpenMetrics 1.0 text, when the scraper's Accept header asks for it.</summary>
    OpenMetrics,
}
