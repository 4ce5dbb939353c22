using System.Runtime.InteropServices;

namespace NetCt.Cli.Commands;

/// <summary>
/// SIGINT and SIGTERM turned into a cancellation, for the commands that run until stopped (-E and
/// -E expect): as conntrack's signal handler does, they end the stream instead of the process, so the
/// XML footer and the summary are still printed.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public StopSignals()
    {
        _interrupt = Register(PosixSignal.SIGINT);
        _terminate = Register(PosixSignal.SIGTERM);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) =>
        PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            _stop.Cancel();
        });
}
