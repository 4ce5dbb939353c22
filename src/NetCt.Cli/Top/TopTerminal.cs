using System.Runtime.InteropServices;
using System.Text;
using NetCt.Cli.Output;
using NetCt.Interop;

namespace NetCt.Cli.Top;

/// <summary>
/// The terminal while <c>netct top</c> owns it: keys one at a time without echo, the alternate
/// screen, the cursor hidden. Disposing puts every setting back (also after SIGINT, SIGTERM or an
/// exception, since the session disposes it in a finally block); SIGINT and SIGTERM only ask the
/// session to stop, SIGWINCH marks the screen for a redraw at the new size.
/// </summary>
internal sealed class TopTerminal : IDisposable
{
    private const int Input = 0;
    private const int Output = 1;

    private readonly byte[] _saved;
    private readonly PosixSignalRegistration[] _signals;
    private volatile bool _stopRequested;
    private volatile bool _resized;
    private bool _disposed;

    private TopTerminal(byte[] saved)
    {
        _saved = saved;
        _signals =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            ResizeSignal(),
        ];
    }

    /// <summary>Takes the terminal, or returns null when stdin or stdout is not one.</summary>
    public static TopTerminal? Open()
    {
        if (!FileDescriptors.IsTerminal(Input) || !FileDescriptors.IsTerminal(Output) || TerminalControl.Save(Input) is not { } saved)
            return null;
        var terminal = new TopTerminal(saved);
        try
        {
            TerminalControl.EnterKeyMode(Input, saved);
            terminal.Write(Encoding.ASCII.GetBytes(AnsiScreenWriter.EnterFullScreen));
            return terminal;
        }
        catch
        {
            terminal.Dispose();
            throw;
        }
    }

    public bool StopRequested => _stopRequested;

    /// <summary>Whether the window changed size since the last call.</summary>
    public bool TakeResized()
    {
        bool resized = _resized;
        _resized = false;
        return resized;
    }

    public (int Rows, int Columns) Size => TerminalControl.WindowSize(Output) ?? (24, 80);

    /// <summary>The keys typed, waiting at most <paramref name="timeoutMilliseconds"/> for the first.</summary>
    public List<TopKey> ReadKeys(int timeoutMilliseconds)
    {
        if (!TerminalControl.WaitForInput(Input, timeoutMilliseconds))
            return [];
        Span<byte> buffer = stackalloc byte[256];
        int read = TerminalControl.Read(Input, buffer);
        if (read == 0)
        {
            // The terminal hung up: nobody is left to read the screen.
            _stopRequested = true;
            return [];
        }

        return read < 0 ? [] : TopKeyDecoder.Decode(buffer[..read]);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            int written = FileDescriptors.Write(Output, bytes);
            if (written < 0)
                throw new DescriptorWriteException(Output, -written);
            bytes = bytes[written..];
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            Write(Encoding.ASCII.GetBytes(AnsiScreenWriter.LeaveFullScreen));
        }
        finally
        {
            TerminalControl.Restore(Input, _saved);
            foreach (PosixSignalRegistration signal in _signals)
                signal.Dispose();
        }
    }

    // SIGWINCH has no Windows counterpart; netct runs on Linux only, where the call is always valid.
#pragma warning disable CA1416
    private PosixSignalRegistration ResizeSignal() => PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => _resized = true);
#pragma warning restore CA1416

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopRequested = true;
    }
}
