using NetCt.Cli.Arguments;
using NetCt.Cli.Commands;

namespace NetCt.Cli.LoadFile;

/// <summary>
/// Where a <c>-R</c> run stopped, and exactly what it had applied: conntrack's message for the
/// kernel's refusal, then which line failed and which lines were applied around it. Lines after the
/// failing one can have been applied, as the kernel handles every request that was sent with it.
/// </summary>
/// <param name="Line">The line of the file the kernel refused (or the first whose answer was lost).</param>
/// <param name="Command">Its command, which chooses conntrack's wording of the errno.</param>
/// <param name="Errno">The kernel's errno.</param>
/// <param name="AppliedBefore">How many lines (commands) ran before it, all of them in full.</param>
/// <param name="AppliedAfter">Lines after it, sent along with it, that the kernel applied too.</param>
/// <param name="Unanswered">Lines from it on that were sent but whose answers were lost, so they may or may not have been applied; null when every answer came.</param>
internal sealed record LoadFileFailure(int Line, CommandKind Command, int Errno, int AppliedBefore, LineRanges AppliedAfter, LineRanges? Unanswered)
{
    /// <summary>
    /// The text after "Operation failed: ", e.g. "Such conntrack exists, try -U to update (line 17;
    /// 16 lines applied before it, none after it)".
    /// </summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder(KernelErrorText.For(Errno, Command));
        text.Append($" (line {Line}; {AppliedBefore} {(AppliedBefore == 1 ? "line" : "lines")} applied before it");
        if (AppliedAfter.Count > 0)
            text.Append($", and {AppliedAfter} after it, sent along with it");
        else if (Unanswered is null)
            text.Append(", none after it");
        if (Unanswered is not null)
            text.Append($"; whether {Unanswered} {(Unanswered.Count == 1 ? "was" : "were")} applied is unknown: the answers were lost");
        return text.Append(')').ToString();
    }
}
