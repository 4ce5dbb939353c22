using NetCt.Conntrack;

namespace NetCt.Cli.Arguments;

/// <summary>
/// What <c>-u</c> asks for: entries match when <c>(status &amp; Mask) == Value</c>; commands that set a
/// status (-I, -A, -U) set <see cref="Value"/>.
/// </summary>
/// <remarks>
/// conntrack sends the negated bits alone as the kernel's mask, so <c>-u ASSURED,!SEEN_REPLY</c>
/// matches nothing, and <c>-u UNSET</c> sends an empty mask (EINVAL). netct keeps both: the mask is
/// every bit the words speak about. UNREPLIED is !SEEN_REPLY; UNSET means none of the four bits
/// conntrack's <c>-o save</c> prints (SEEN_REPLY, ASSURED, FIXED_TIMEOUT, EXPECTED), which is when
/// that output writes "-u UNSET".
/// </remarks>
/// <param name="Value">The bits that must be set.</param>
/// <param name="Mask">The bits the filter speaks about: those that must be set and those that must be clear.</param>
internal readonly record struct StatusFilter(FlowStatus Value, FlowStatus Mask)
{
    /// <summary>The bits UNSET says are clear.</summary>
    public const FlowStatus UnsetBits = FlowStatus.SeenReply | FlowStatus.Assured | FlowStatus.FixedTimeout | FlowStatus.Expected;
}
