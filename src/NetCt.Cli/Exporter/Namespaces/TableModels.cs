namespace NetCt.Cli.Exporter.Namespaces;

/// <summary>Makes each namespace's live table model.</summary>
internal static class TableModels
{
    /// <summary>The model factory for <c>--top-sources K</c> (0: no per-source series); null while no model is available.</summary>
    public static Func<ITableModel>? Factory(int topSources) => null;
}
