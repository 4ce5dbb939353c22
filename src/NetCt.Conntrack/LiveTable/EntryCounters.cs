using System.Runtime.InteropServices;

namespace NetCt.Conntrack;

/// <summary>The byte and packet counters of one entry of a <see cref="LiveTable"/> (packets saturate at 2³²-1), kept apart from <see cref="EntryCore"/>.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct EntryCounters
{
    public readonly ulong OriginalBytes;
    public readonly ulong ReplyBytes;
    public readonly uint OriginalPackets;
    public readonly uint ReplyPackets;

    public EntryCounters(Flow flow)
    {
        OriginalPackets = (uint)Math.Min(uint.MaxValue, flow.OriginalCounters?.Packets ?? 0);
        ReplyPackets = (uint)Math.Min(uint.MaxValue, flow.ReplyCounters?.Packets ?? 0);
        OriginalBytes = flow.OriginalCounters?.Bytes ?? 0;
        ReplyBytes = flow.ReplyCounters?.Bytes ?? 0;
    }

    public bool IsZero => (OriginalBytes | ReplyBytes | OriginalPackets | ReplyPackets) == 0;
}
