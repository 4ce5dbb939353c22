using Tmds.Linux;

namespace NetCt.Interop;

/// <summary>
/// The terminal calls a full-screen view needs: save and restore the line discipline's settings
/// (termios), switch off line buffering and echo, read the window size, and wait for and read keys.
/// </summary>
public static unsafe class TerminalControl
{
    /// <summary>The terminal settings of <paramref name="fd"/> (<c>tcgetattr</c>), to hand back to <see cref="Restore"/>.</summary>
    /// <param name="fd">A terminal descriptor.</param>
    /// <returns>The settings, or null when <paramref name="fd"/> is not a terminal.</returns>
    public static byte[]? Save(int fd)
    {
        termios settings;
        if (LibC.tcgetattr(fd, &settings) != 0)
        {
            return null;
        }

        return new ReadOnlySpan<byte>(&settings, sizeof(termios)).ToArray();
    }

    /// <summary>
    /// Keys arrive one at a time and are not echoed (ICANON and ECHO off, VMIN 1, VTIME 0); signals
    /// stay on, so Ctrl-C still sends SIGINT and the program restores the terminal on its way out.
    /// </summary>
    /// <param name="fd">A terminal descriptor.</param>
    /// <param name="saved">Settings from <see cref="Save"/>.</param>
    /// <returns>Whether the terminal took the settings.</returns>
    public static bool EnterKeyMode(int fd, byte[] saved)
    {
        termios settings;
        saved.AsSpan(0, sizeof(termios)).CopyTo(new Span<byte>(&settings, sizeof(termios)));
        settings.c_lflag &= ~(LibC.ICANON | LibC.ECHO | LibC.IEXTEN);
        settings.c_iflag &= ~(LibC.IXON | LibC.ICRNL);
        settings.c_cc[LibC.VMIN] = 1;
        settings.c_cc[LibC.VTIME] = 0;
        return LibC.tcsetattr(fd, (int)LibC.TCSAFLUSH, &settings) == 0;
    }

    /// <summary>Puts back settings from <see cref="Save"/> (<c>tcsetattr(TCSANOW)</c>).</summary>
    /// <param name="fd">The terminal descriptor.</param>
    /// <param name="saved">The settings.</param>
    public static void Restore(int fd, byte[] saved)
    {
        termios settings;
        saved.AsSpan(0, sizeof(termios)).CopyTo(new Span<byte>(&settings, sizeof(termios)));
        LibC.tcsetattr(fd, (int)LibC.TCSANOW, &settings);
    }

    /// <summary>The window size (TIOCGWINSZ).</summary>
    /// <param name="fd">A terminal descriptor.</param>
    /// <returns>Rows and columns, or null when the terminal does not say.</returns>
    public static (int Rows, int Columns)? WindowSize(int fd)
    {
        winsize size;
        if (LibC.ioctl(fd, LibC.TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0)
        {
            return null;
        }

        return (size.ws_row, size.ws_col);
    }

    /// <summary>Waits until <paramref name="fd"/> has input (<c>poll</c>), at most <paramref name="timeoutMilliseconds"/>.</summary>
    /// <param name="fd">The descriptor.</param>
    /// <param name="timeoutMilliseconds">The longest wait.</param>
    /// <returns>Whether input is ready (false on timeout or a signal).</returns>
    public static bool WaitForInput(int fd, int timeoutMilliseconds)
    {
        pollfd poll = new() { fd = fd, events = (short)LibC.POLLIN };
        return LibC.poll(&poll, 1, timeoutMilliseconds) > 0 && poll.revents != 0;
    }

    /// <summary><c>read(fd)</c> into <paramref name="buffer"/>.</summary>
    /// <param name="fd">The descriptor.</param>
    /// <param name="buffer">Where the bytes go.</param>
    /// <returns>Bytes read, 0 at end of input, or a negative errno.</returns>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            long read = LibC.read(fd, data, buffer.Length);
            return read >= 0 ? (int)read : -LibC.errno;
        }
    }
}
