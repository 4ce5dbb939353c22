namespace NetCt.Cli.Exporter.Exposition;

/// <summary>One label of a sample. The name is netct's own (a constant); the value may come from anywhere and is escaped.</summary>
internal readonly record struct MetricLabel(string Name, string Value);
