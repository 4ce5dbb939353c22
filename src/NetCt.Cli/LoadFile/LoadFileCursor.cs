using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;
using NetCt.Conntrack;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// The lines of a <c>-R</c> file in order, one at a time, with the position of the current one among
/// the commands. A thread parses them (and turns -I and -A lines into their requests) a few hundred
/// lines ahead, so that parsing the next lines overlaps the kernel creating the entries of the last ones.
/// </summary>
internal sealed class LoadFileCursor : IDisposable
{
    // Lines are handed over in batches: one wait per batch, not per line, when the parser lags.
    private const int BatchLines = 128;

    // Batches parsed ahead of the one being run: two pipeline datagrams' worth. More only keeps more
    // parsed lines alive, for the garbage collector to move.
    private const int BatchesAhead = 4;

    private readonly BlockingCollection<List<(ParsedCommand Command, FlowRequest? Request)>> _batches = new(BatchesAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _parser;
    private List<(ParsedCommand Command, FlowRequest? Request)> _batch = [];
    private int _inBatch;
    private ExceptionDispatchInfo? _parserFailure;

    public LoadFileCursor(IEnumerable<ParsedCommand> lines)
    {
        _parser = new Thread(() => Parse(lines)) { IsBackground = true, Name = "netct -R parser" };
        _parser.Start();
        Index = -1;
        MoveNext();
    }

    /// <summary>The current line; null past the last one.</summary>
    public ParsedCommand? Current { get; private set; }

    /// <summary>For a -I or -A line, what it asks the kernel for.</summary>
    public FlowRequest? CurrentRequest { get; private set; }

    /// <summary>How many commands come before the current one.</summary>
    public int Index { get; private set; }

    public static bool IsCreation(ParsedCommand line) => line.Command is CommandKind.Create or CommandKind.Add;

    public void MoveNext()
    {
        Index++;
        if (++_inBatch >= _batch.Count)
        {
            _inBatch = 0;
            if (!_batches.TryTake(out _batch!, Timeout.Infinite))
            {
                _batch = [];
                Current = null;
                CurrentRequest = null;
                _parserFailure?.Throw();
                return;
            }
        }
        (Current, CurrentRequest) = _batch[_inBatch];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _parser.Join();
        _stop.Dispose();
        _batches.Dispose();
    }

    private void Parse(IEnumerable<ParsedCommand> lines)
    {
        try
        {
            var batch = new List<(ParsedCommand, FlowRequest?)>(BatchLines);
            foreach (var line in lines)
            {
                batch.Add((line, IsCreation(line) ? CreateCommand.Request(line) : null));
                if (batch.Count == BatchLines)
                {
                    _batches.Add(batch, _stop.Token);
                    batch = new List<(ParsedCommand, FlowRequest?)>(BatchLines);
                }
            }
            if (batch.Count > 0)
                _batches.Add(batch, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The run stopped early: the rest of the file is not needed.
        }
        catch (Exception e)
        {
            _parserFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }
}
