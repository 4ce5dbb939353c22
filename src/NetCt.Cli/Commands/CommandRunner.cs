using System.Diagnostics;
using NetCt.Cli.Arguments;
using NetCt.Cli.Output;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.Commands;

/// <summary>Runs one parsed command line and maps every failure to conntrack's message and exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Runs the single command of a command line (a -R file is <c>LoadFileCommand</c>'s to run).</summary>
    public static int Run(ParseOutcome outcome, CommandContext context)
    {
        if (Start(outcome, context) is { } stopped)
            return stopped;

        var command = outcome.Command;
        try
        {
            return Execute(command, context);
        }
        catch (NetlinkException e)
        {
            context.Output.Flush();
            Messages.OperationFailed(context.Errors, KernelErrorText.For(e.Errno, command.Command));
            return ExitCodes.OtherProblem;
        }
        catch (NetlinkDecodeException e)
        {
            return MalformedMessage(context, e);
        }
    }

    /// <summary>
    /// What comes before any command runs: the parser's warnings, then its error (whose exit code is
    /// returned) or the entry into <c>--netns</c> (null when it went well).
    /// </summary>
    public static int? Start(ParseOutcome outcome, CommandContext context)
    {
        foreach (var line in outcome.Diagnostics)
            context.Errors.WriteLine(line);
        if (outcome.Error is { } error)
        {
            context.Errors.Write(error.StderrText);
            context.Errors.Flush();
            return error.ExitCode;
        }
        return outcome.NetworkNamespace is { } networkNamespace ? NetworkNamespaceSwitch.Enter(networkNamespace, context.Errors) : null;
    }

    public static int MalformedMessage(CommandContext context, NetlinkDecodeException e)
    {
        context.Output.Flush();
        Messages.Write(context.Errors, "malformed netlink message: " + e.Message);
        return ExitCodes.OtherProblem;
    }

    private static int Execute(ParsedCommand command, CommandContext context)
    {
        switch (command.Command)
        {
            case CommandKind.Version:
                context.Output.WriteUtf8(ProgramIdentity.VersionLine);
                context.Output.EndLine();
                context.Output.Flush();
                return ExitCodes.Success;
            case CommandKind.Help or CommandKind.None:
                context.Output.WriteUtf8(UsageText.Build(context.ProgramPath));
                if (command.Command == CommandKind.Help && command.Protocol is { } protocol)
                {
                    context.Output.WriteUtf8("Proto `" + command.ProtocolHelpName + "' help:\n");
                    context.Output.WriteUtf8(protocol.HelpText);
                }

                // Last, after any protocol's options: the one line netct adds to conntrack's text.
                context.Output.WriteUtf8(UsageText.NetctCommandsLine());
                context.Output.Flush();
                return ExitCodes.Success;
        }

        using var client = new ConntrackClient();
        return command.Command switch
        {
            CommandKind.List => ListCommand.Run(command, client, context),
            CommandKind.Get => GetCommand.Run(command, client, context),
            CommandKind.Count => CountCommand.Run(client, context),
            CommandKind.Stats or CommandKind.ExpectStats => StatsCommand.Run(command, client, context),
            CommandKind.Create or CommandKind.Add => CreateCommand.Run(command, client, context),
            CommandKind.Update => UpdateCommand.Run(command, client, context),
            CommandKind.Delete => DeleteCommand.Run(command, client, context),
            CommandKind.Flush => FlushCommand.Run(command, client, context),
            CommandKind.ExpectList => ExpectListCommand.Run(command, client, context),
            CommandKind.ExpectGet => ExpectGetCommand.Run(command, client, context),
            CommandKind.ExpectCreate => ExpectCreateCommand.Run(command, client, context),
            CommandKind.ExpectDelete => ExpectDeleteCommand.Run(command, client, context),
            CommandKind.ExpectFlush => ExpectFlushCommand.Run(client, context),
            CommandKind.ExpectCount => ExpectCountCommand.Run(command, client, context),
            CommandKind.ExpectEvent => ExpectEventCommand.Run(command, client, context),
            CommandKind.Event => EventCommand.Run(command, client, context),
            // Version, Help and None were answered above.
            _ => throw new UnreachableException($"command {command.Command} has no executor"),
        };
    }
}
