namespace NetCt.Interop;

/// <summary>Values of <c>nfgenmsg.version</c> (<c>linux/netfilter/nfnetlink.h</c>).</summary>
public static class NfnetlinkVersions
{
    /// <summary>NFNETLINK_V0: the only nfnetlink version.</summary>
    public const byte NFNETLINK_V0 = 0;
}
