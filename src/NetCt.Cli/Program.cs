using System.Text;
using NetCt.Cli.Commands;
using NetCt.Cli.Output;
using NetCt.Interop;

namespace NetCt.Cli;

internal static class Program
{
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    private static int Main(string[] args)
    {
        // Before anything starts .NET's signal handling, which keeps an inherited SIG_IGN (see there).
        ProcessSignals.StopIgnoringInterrupt();
        // Like conntrack, die of SIGPIPE when stdout's reader has gone (`netct -L | head -1`).
        ProcessSignals.RestoreDefaultSigPipe();
        var errors = new StreamWriter(OpenDescriptor(StandardError), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            using var output = new OutputBuffer(OpenDescriptor(StandardOutput));
            var context = new CommandContext(output, errors, Environment.GetCommandLineArgs()[0])
            {
                StandardOutputKind = StandardOutputKinds.Of(StandardOutput),
            };
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

    // Plain descriptors, not System.Console's streams: on a terminal, .NET's console set-up writes
    // the keypad escape sequence (ESC[?1h ESC=) before the first output, which conntrack never prints.
    private static DescriptorStream OpenDescriptor(int descriptor) => new(descriptor);
}
