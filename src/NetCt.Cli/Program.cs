using NetCt.Cli.Commands;
using NetCt.Cli.Output;
using NetCt.Interop;

namespace NetCt.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Like conntrack, die of SIGPIPE when stdout's reader has gone (`netct -L | head -1`).
        ProcessSignals.RestoreDefaultSigPipe();
        var errors = Console.Error;
        try
        {
            using var output = new OutputBuffer(Console.OpenStandardOutput());
            var context = new CommandContext(output, errors, Environment.GetCommandLineArgs()[0]);
            return CommandRunner.Run(args, context);
        }
        catch (IOException)
        {
            // stdout failed otherwise (a full disk, a closed descriptor): nothing more can be printed.
            return ExitCodes.OtherProblem;
        }
        catch (Exception e)
        {
            // The promise is one clear line, never a stack trace.
            Messages.Write(errors, "internal error: " + e.Message);
            return ExitCodes.OtherProblem;
        }
    }
}
