using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Conntrack;
using NetCt.Netlink;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// <c>-R FILE</c>: runs the lines the parser read (all of them valid) in order, as conntrack does: no
/// summary per line, a -U or -D that matches nothing is no error, and the first refusal by the kernel
/// stops the run with exit 1. Consecutive -I and -A lines are pipelined; conntrack's error message is
/// followed by the line that failed and exactly which lines were applied (see <see cref="LoadFileFailure"/>).
/// </summary>
/// <remarks>
/// conntrack 1.4.8 takes the <c>-m</c> value, the <c>--label-add</c>/<c>--label-del</c> labels and the
/// <c>-l</c> filter of every -U (and the <c>-l</c> filter of every -D) from the file's last line, the
/// last one it parsed; netct uses each line's own.
/// </remarks>
internal static class LoadFileCommand
{
    /// <summary>Runs a command line that was <c>-R FILE</c>, with the file read (see <see cref="LoadFileParser"/>).</summary>
    public static int Run(ParseOutcome outcome, CommandContext context)
    {
        if (CommandRunner.Start(outcome, context) is { } stopped)
            return stopped;
        // -R reports the kernel's refusals itself, with the line that failed.
        try
        {
            using var client = new ConntrackClient();
            return Run(outcome.Commands, client, context);
        }
        catch (NetlinkDecodeException e)
        {
            return CommandRunner.MalformedMessage(context, e);
        }
    }

    public static int Run(IEnumerable<ParsedCommand> lines, ConntrackClient client, CommandContext context)
    {
        using var cursor = new LoadFileCursor(lines);
        while (cursor.Current is { } line)
        {
            var failure = LoadFileCursor.IsCreation(line) ? RunCreations(cursor, client) : RunLine(cursor, client, context);
            if (failure is not null)
            {
                context.Output.Flush();
                Messages.OperationFailed(context.Errors, failure.Describe());
                return ExitCodes.OtherProblem;
            }
        }
        context.Output.Flush();
        return ExitCodes.Success;
    }

    /// <summary>Pipelines the -I and -A lines from the cursor on, up to the next other command.</summary>
    private static LoadFileFailure? RunCreations(LoadFileCursor cursor, ConntrackClient client)
    {
        var run = new CreationRun();
        try
        {
            client.Pipeline(run.Requests(cursor), run.OnResponse);
        }
        catch (NetlinkException e)
        {
            return run.AnswersLost(e.Errno);
        }
        return run.Failure;
    }

    private static LoadFileFailure? RunLine(LoadFileCursor cursor, ConntrackClient client, CommandContext context)
    {
        var line = cursor.Current!;
        int index = cursor.Index;
        cursor.MoveNext();
        try
        {
            switch (line.Command)
            {
                case CommandKind.Update:
                    UpdateCommand.Execute(line, client, context);
                    break;
                case CommandKind.Delete:
                    DeleteCommand.Execute(line, client, context);
                    break;
                default:
                    FlushCommand.Run(line, client, context);
                    break;
            }
        }
        catch (NetlinkException e)
        {
            return new LoadFileFailure(line.SourceLine, line.Command, e.Errno, index, new LineRanges(), null);
        }
        return null;
    }

    /// <summary>One pipelined stretch of -I and -A lines, and what the kernel answered.</summary>
    private sealed class CreationRun
    {
        // The lines handed to the pipeline and not answered yet (answers come in request order).
        private readonly Queue<(int Index, ParsedCommand Line)> _unanswered = new();
        private readonly LineRanges _appliedAfter = new();

        public LoadFileFailure? Failure { get; private set; }

        public IEnumerable<FlowRequest> Requests(LoadFileCursor cursor)
        {
            while (cursor is { Current: { } line, CurrentRequest: { } request })
            {
                _unanswered.Enqueue((cursor.Index, line));
                yield return request;
                cursor.MoveNext();
            }
        }

        public bool OnResponse(FlowResponse response)
        {
            var (index, line) = _unanswered.Dequeue();
            if (Failure is not null)
            {
                if (response.IsSuccess)
                    _appliedAfter.Add(index, line.SourceLine);
                return false;
            }
            if (response.IsSuccess)
                return true;
            Failure = new LoadFileFailure(line.SourceLine, line.Command, response.Errno, index, _appliedAfter, null);
            return false;
        }

        /// <summary>
        /// The pipeline failed with answers outstanding (lost acknowledgements, a failed system call):
        /// the lines from the first unanswered one to the last one handed out may have been applied.
        /// </summary>
        public LoadFileFailure AnswersLost(int errno)
        {
            LineRanges? unanswered = null;
            foreach (var (index, line) in _unanswered)
                (unanswered ??= new LineRanges()).Add(index, line.SourceLine);
            if (Failure is not null)
                return Failure with { Unanswered = unanswered };
            var (firstIndex, first) = _unanswered.Peek();
            return new LoadFileFailure(first.SourceLine, first.Command, errno, firstIndex, _appliedAfter, unanswered);
        }
    }
}
