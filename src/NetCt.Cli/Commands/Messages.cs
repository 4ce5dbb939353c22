namespace NetCt.Cli.Commands;

/// <summary>The stderr lines conntrack prints, each prefixed with the program and version.</summary>
internal static class Messages
{
    public static void Write(TextWriter errors, string message)
    {
        errors.Write(ProgramIdentity.VersionLine);
        errors.Write(": ");
        errors.Write(message);
        errors.Write('\n');
        errors.Flush();
    }

    public static void OperationFailed(TextWriter errors, string reason) => Write(errors, "Operation failed: " + reason);
}
