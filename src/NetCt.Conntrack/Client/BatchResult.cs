namespace NetCt.Conntrack;

/// <summary>
/// The outcome of a pipelined batch of updates or deletes. Every entry is counted exactly once:
/// succeeded, vanished (ENOENT: gone since it was read, which is not a failure for a bulk
/// operation) or failed (any other errno, listed in <see cref="Errors"/>).
/// </summary>
public sealed class BatchResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="succeeded">Requests the kernel acknowledged with errno 0.</param>
    /// <param name="vanished">Requests answered ENOENT.</param>
    /// <param name="errors">Requests answered with any other errno, in input order.</param>
    public BatchResult(int succeeded, int vanished, IReadOnlyList<BatchItemError> errors)
    {
        Succeeded = succeeded;
        Vanished = vanished;
        Errors = errors;
    }

    /// <summary>Requests the kernel acknowledged with errno 0.</summary>
    public int Succeeded { get; }

    /// <summary>Requests answered ENOENT: the entry no longer exists.</summary>
    public int Vanished { get; }

    /// <summary>Requests answered with another errno, in input order.</summary>
    public IReadOnlyList<BatchItemError> Errors { get; }

    /// <summary>How many requests failed with an errno other than ENOENT.</summary>
    public int Failed => Errors.Count;

    /// <summary>How many entries the batch handled.</summary>
    public int Total => Succeeded + Vanished + Failed;
}
