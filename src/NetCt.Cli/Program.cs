namespace NetCt.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["-V"] or ["--version"])
        {
            Console.Out.WriteLine(ProgramIdentity.VersionLine);
            return 0;
        }
        Console.Error.WriteLine(ProgramIdentity.VersionLine + ": not implemented yet");
        return 1;
    }
}
