namespace NetCt.Conntrack;

/// <summary>
/// A conntrack timeout policy of the cttimeout subsystem: a named set of per-state timeouts for one
/// layer-4 protocol that new entries use instead of the defaults once a rule attaches it (iptables
/// <c>-t raw -j CT --timeout NAME</c>; nft's own <c>ct timeout</c> objects are separate). The kernel's defaults for a protocol have the
/// same shape without a name (<see cref="TimeoutClient.GetDefault"/>).
/// </summary>
public sealed record TimeoutPolicy
{
    /// <summary>The policy's name (CTA_TIMEOUT_NAME, at most <see cref="TimeoutClient.MaxNameBytes"/> UTF-8 bytes); null for defaults.</summary>
    public string? Name { get; init; }

    /// <summary>The layer-3 protocol number (CTA_TIMEOUT_L3PROTO): AF_INET 2 or AF_INET6 10.</summary>
    public ushort Family { get; init; }

    /// <summary>The layer-4 protocol number (CTA_TIMEOUT_L4PROTO), 255 for the generic tracker (<see cref="TimeoutProtocols.Generic"/>).</summary>
    public byte Protocol { get; init; }

    /// <summary>
    /// The timeouts in seconds (CTA_TIMEOUT_DATA), keyed by the protocol's attribute type
    /// (<c>CTA_TIMEOUT_TCP_ESTABLISHED</c> and the like; <see cref="TimeoutProtocols.States"/> names them).
    /// When creating, the states left out take the namespace's current defaults; the kernel always reports every state.
    /// </summary>
    public IReadOnlyDictionary<ushort, uint> Timeouts { get; init; } = new Dictionary<ushort, uint>();

    /// <summary>
    /// The kernel's reference count (CTA_TIMEOUT_USE): 1 for the list itself plus one per rule that
    /// holds the policy. A policy with more than 1 cannot be deleted (EBUSY). Null when not reported.
    /// </summary>
    public uint? Use { get; init; }
}
