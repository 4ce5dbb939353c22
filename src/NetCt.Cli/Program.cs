using NetCt.Cli.Commands;
using NetCt.Cli.Output;

namespace NetCt.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var errors = Console.Error;
        try
        {
            using var output = new OutputBuffer(Console.OpenStandardOutput());
            var context = new CommandContext(output, errors, Environment.GetCommandLineArgs()[0]);
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
