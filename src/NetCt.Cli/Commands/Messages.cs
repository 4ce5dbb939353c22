using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>The stderr lines conntrack prints, each prefixed with the program and version.</summary>
internal static class Messages
{
    public static void Write(TextWriter errors, string message)
    {
        // One write: stderr flushes every call, and a line should reach it whole.
        errors.Write(string.Concat(ProgramIdentity.VersionLine, ": ", message, "\n"));
        errors.Flush();
    }

    // conntrack skips an event it cannot parse without a word; netct says so and goes on.
    public static void SkippedEvent(TextWriter errors, UndecodableEvent skipped) =>
        Write(errors, $"malformed netlink message: {skipped.Reason} (event skipped)");

    public static void OperationFailed(TextWriter errors, string reason) => Write(errors, "Operation failed: " + reason);
}
