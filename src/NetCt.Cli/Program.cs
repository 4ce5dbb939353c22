using System.Text;
using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Cli.LoadFile;
using NetCt.Cli.Nfct;
using NetCt.Cli.Output;
using NetCt.Cli.Tree;
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
        // Before any socket or file is opened: none may become stdout or stderr (see there).
        FileDescriptors.HoldClosedOutputs();
        var errors = new StreamWriter(OpenDescriptor(StandardError), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            using var output = new OutputBuffer(OpenDescriptor(StandardOutput));
            var context = new CommandContext(output, errors, Environment.GetCommandLineArgs()[0])
            {
                StandardOutputKind = StandardOutputKinds.Of(StandardOutput),
            };
            if (NfctProgram.IsStartedAs(context.ProgramPath))
            {
                int exitCode = NfctProgram.Run(args, context);
                output.Flush();
                return exitCode;
            }

            return NetctCommandWords.StartsTree(args) ? NetctCommandTree.Run(args, context) : RunConntrackCommandLine(args, context);
        }
        catch (DescriptorWriteException e) when (e.Descriptor == StandardOutput)
        {
            // conntrack ignores printf's failure and exits 0; a script should learn that its output
            // is not all there.
            return ReportLastWords(errors, "write error on standard output: " + e.Reason);
        }
        catch (DescriptorWriteException)
        {
            // stderr itself failed: there is nowhere left to say so.
            return ExitCodes.OtherProblem;
        }
        catch (Exception e)
        {
            // The promise is one clear line, never a stack trace.
            return ReportLastWords(errors, "internal error: " + e.Message);
        }
    }

    // conntrack's own command line: one command, or -R FILE, whose reading and running the
    // LoadFile folder owns (the parser and the runner of single commands know nothing of it).
    private static int RunConntrackCommandLine(string[] args, CommandContext context)
    {
        var outcome = LoadFileParser.Read(CommandLineParser.Parse(args, new ParserEnvironment { ProgramName = context.ProgramPath }));
        return outcome.IsLoadFile ? LoadFileCommand.Run(outcome, context) : CommandRunner.Run(outcome, context);
    }

    private static int ReportLastWords(TextWriter errors, string message)
    {
        try
        {
            Messages.Write(errors, message);
        }
        catch (DescriptorWriteException)
        {
            // stderr is gone too.
        }

        return ExitCodes.OtherProblem;
    }

    // Plain descriptors, not System.Console's streams: on a terminal, .NET's console set-up writes
    // the keypad escape sequence (ESC[?1h ESC=) before the first output, which conntrack never prints.
    private static DescriptorStream OpenDescriptor(int descriptor) => new(descriptor);
}
