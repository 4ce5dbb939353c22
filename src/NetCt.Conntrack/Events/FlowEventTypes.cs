namespace NetCt.Conntrack;

/// <summary>Which conntrack events to receive; each is one ctnetlink multicast group.</summary>
[Flags]
public enum FlowEventTypes
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Entries created (NFNLGRP_CONNTRACK_NEW).</summary>
    New = 1 << 0,

    /// <summary>Entries changed (NFNLGRP_CONNTRACK_UPDATE).</summary>
    Update = 1 << 1,

    /// <summary>Entries destroyed (NFNLGRP_CONNTRACK_DESTROY).</summary>
    Destroy = 1 << 2,

    /// <summary>All three.</summary>
    All = New | Update | Destroy,
}
