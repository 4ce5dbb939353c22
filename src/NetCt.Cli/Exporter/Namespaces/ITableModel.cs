using NetCt.Cli.Exporter.Metrics;

namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>A namespace's live table model as the exporter uses it: an event loop to run, and aggregates to read at any time.</summary>
internal interface ITableModel : IDisposable
{
    /// <summary>Dumps the table once, then follows its events until <paramref name="stop"/> or a failure (which throws).</summary>
    void Run(CancellationToken stop);

    /// <summary>The aggregates now, cheap whatever the table's size; null before the first dump completes.</summary>
    TableSummary? Summarize();
}
