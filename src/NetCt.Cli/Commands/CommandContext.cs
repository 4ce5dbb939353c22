using NetCt.Cli.Output;

namespace NetCt.Cli.Commands;

/// <summary>Where a command writes: buffered stdout for results, stderr for messages.</summary>
internal sealed class CommandContext(OutputBuffer output, TextWriter errors, string programPath)
{
    public OutputBuffer Output { get; } = output;

    public TextWriter Errors { get; } = errors;

    /// <summary>argv[0] as conntrack would see it, for the usage text.</summary>
    public string ProgramPath { get; } = programPath;

    /// <summary>What stdout is (terminal, pipe, file…), for -E's flushing; Unknown flushes every event.</summary>
    public StandardOutputKind StandardOutputKind { get; init; }
}
