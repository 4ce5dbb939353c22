using NetCt.Interop;

namespace NetCt.Conntrack;

/// <summary>Counts the answers of a pipelined batch of updates or deletes into a <see cref="BatchResult"/>.</summary>
internal sealed class BatchTally
{
    private readonly List<BatchItemError> _errors = [];
    private int _succeeded;
    private int _vanished;

    /// <summary>Counts one answer: succeeded, vanished (ENOENT: gone since it was read) or failed, attributed to its request.</summary>
    /// <returns>True: a bulk operation goes on past a refusal.</returns>
    public bool Record(FlowResponse response)
    {
        if (response.IsSuccess)
        {
            _succeeded++;
        }
        else if (response.Errno == (int)Errno.ENOENT)
        {
            _vanished++;
        }
        else
        {
            _errors.Add(new BatchItemError(response.Index, response.Errno, response.ExtendedAckMessage));
        }

        return true;
    }

    public BatchResult ToResult() => new(_succeeded, _vanished, _errors);
}
