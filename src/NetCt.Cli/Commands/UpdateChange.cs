using NetCt.Cli.Arguments;
using NetCt.Conntrack;

namespace NetCt.Cli.Commands;

/// <summary>
/// What <c>-U</c> sends for one entry it matched, as conntrack 1.4.8's update callback builds it: the
/// entry's original tuple plus the values the command sets (copy_mark, copy_status, copy_label), or
/// nothing when those values would not change the entry (its nfct_cmp check).
/// </summary>
internal static class UpdateChange
{
    // A bare --label-del: one empty 32-bit word, which the kernel pads, clearing every label.
    private const int EmptyLabelsLength = 4;

    /// <summary>The update for <paramref name="entry"/>, or null when it would leave the entry as it is.</summary>
    /// <remarks>
    /// Unlike conntrack, the update carries the entry's zone, so that entries in other zones than 0
    /// are reached (conntrack's lookup falls back to zone 0, missing them or changing another entry
    /// with the same tuple there), and TCP window flags are never added (conntrack sets them on every
    /// entry <c>-U -p tcp</c> changes). <c>-n</c>/<c>-g</c> only select entries: conntrack also sends
    /// the NAT address, which the kernel refuses for an existing entry ("Operation not supported").
    /// </remarks>
    public static Flow? For(ParsedCommand command, Flow entry)
    {
        var wanted = command.Entry;
        var change = new Flow { Family = entry.Family, Original = entry.Original, Zone = entry.Zone };
        bool changes = false;

        if (wanted.Timeout is uint timeout)
        {
            change.Timeout = timeout;
            changes |= entry.Timeout != timeout;
        }

        if (command.Status is { } status)
        {
            // Status bits can only be set: the entry keeps the ones it has.
            var old = entry.Status ?? FlowStatus.None;
            change.Status = old | status.Value;
            changes |= change.Status != old;
        }

        if (command.Mark is { } mark)
        {
            uint old = entry.Mark ?? 0;
            change.Mark = (old & ~mark.Mask) ^ mark.Value;
            changes |= change.Mark != old;
        }

        if (wanted.Tcp?.State is TcpState tcpState)
        {
            change.Tcp = new TcpInfo { State = tcpState };
            changes |= entry.Tcp?.State != tcpState;
        }

        if (wanted.Sctp is { } sctp)
        {
            // conntrack compares the state only: new verification tags alone do not count as a change.
            change.Sctp = new SctpInfo { State = sctp.State, VerificationTagOriginal = sctp.VerificationTagOriginal, VerificationTagReply = sctp.VerificationTagReply };
            changes |= sctp.State is SctpState sctpState && entry.Sctp?.State != sctpState;
        }

        if (wanted.Dccp?.State is DccpState dccpState)
        {
            change.Dccp = new DccpInfo { State = dccpState };
            changes |= entry.Dccp?.State != dccpState;
        }

        if (command.LabelChange is { } labels)
            changes |= ChangeLabels(labels, entry.Labels, change);

        return changes ? change : null;
    }

    /// <summary>
    /// conntrack's copy_label(): sets the labels (and the mask of the bits they speak for) to send;
    /// returns whether conntrack counts that as a change, which is whenever labels are sent with a
    /// mask, or sent to an entry without labels.
    /// </summary>
    private static bool ChangeLabels(LabelChange labels, byte[]? current, Flow change)
    {
        if (labels.IsAddition)
        {
            var added = labels.Bits!;
            if (current is null)
            {
                change.Labels = added;
                return true;
            }
            // The bits are sent in the size the kernel reported: a shorter bitmap would clear the rest.
            change.Labels = Resized(added, current.Length);
            change.LabelsMask = Resized(added, current.Length);
            return true;
        }

        if (current is null)
            return false;
        if (labels.Bits is not { } removed)
        {
            change.Labels = new byte[EmptyLabelsLength];
            return current.AsSpan().IndexOfAnyExcept((byte)0) >= 0;
        }

        // conntrack sends the labels it read minus these, without a mask (its mask is sized by the
        // label names, the kernel's bitmap is larger), which replaces them all; zeros under the mask
        // of these bits make the kernel clear exactly them, even if other labels changed meanwhile.
        change.Labels = new byte[current.Length];
        change.LabelsMask = Resized(removed, current.Length);
        return true;
    }

    private static byte[] Resized(byte[] bits, int length)
    {
        var resized = new byte[length];
        bits.AsSpan(0, Math.Min(bits.Length, length)).CopyTo(resized);
        return resized;
    }
}
