namespace NetCt.IntegrationTests.Harness;

/// <summary>What one command run inside the test container produced.</summary>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
/// <param name="ExitCode">The process exit code.</param>
public sealed record CommandResult(string Stdout, string Stderr, long ExitCode)
{
    /// <summary>A one-block rendering for assertion messages.</summary>
    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";
}

/// <summary>The reference conntrack and netct run with the same arguments on the same table.</summary>
/// <param name="Arguments">The arguments both programs got.</param>
/// <param name="Reference">What conntrack 1.4.8 produced.</param>
/// <param name="Netct">What netct produced.</param>
public sealed record Comparison(IReadOnlyList<string> Arguments, CommandResult Reference, CommandResult Netct);
