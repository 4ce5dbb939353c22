using NetCt.Cli.Commands;
using NetCt.Cli.Output;
using NetCt.Interop;

namespace NetCt.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Before anything starts .NET's signal handling, which keeps an inherited SIG_IGN (see there).
        SignalDispositions.StopIgnoringInterrupt();
        var errors = Console.Error;
        try
        {
            using var output = new OutputBuffer(Console.OpenStandardOutput());
            var context = new CommandContext(output, errors, Environment.GetCommandLineArgs()[0])
            {
                StandardOutputKind = StandardOutputKinds.Of(1),
            };
            return CommandRunner.Run(args, context);
        }
        catch (IOException)
        {
            // stdout went away (e.g. `netct -L | head`); conntrack dies of SIGPIPE silently.
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
