using NetCt.Interop;

namespace NetCt.Cli.Nfct;

/// <summary>
/// The user-space helpers nfct 1.4.8 can register (src/nfct-extensions/helper.c): one expectation
/// policy each, and the size of the private data conntrackd's helper keeps per entry.
/// </summary>
internal static class NfctHelpers
{
    private static readonly NfctHelper[] All =
    [
        new("amanda", IpProtocols.IPPROTO_UDP, 0, 3, 180),
        new("dhcpv6", IpProtocols.IPPROTO_UDP, 0, 1, 300),
        new("ftp", IpProtocols.IPPROTO_TCP, 24, 1, 300), // struct ftp_info: u32[2][2] + int[2]
        new("mdns", IpProtocols.IPPROTO_UDP, 0, 8, 30),
        new("rpc", IpProtocols.IPPROTO_TCP, 16, 1, 300), // struct rpc_info: four u32
        new("rpc", IpProtocols.IPPROTO_UDP, 16, 1, 300),
        new("sane", IpProtocols.IPPROTO_TCP, 4, 1, 300), // struct nf_ct_sane_master: one enum
        new("slp", IpProtocols.IPPROTO_UDP, 0, 8, 16),
        new("ssdp", IpProtocols.IPPROTO_UDP, 0, 8, 300),
        new("ssdp", IpProtocols.IPPROTO_TCP, 0, 8, 300),
        new("tftp", IpProtocols.IPPROTO_UDP, 0, 1, 300),
        new("tns", IpProtocols.IPPROTO_TCP, 1, 1, 300), // struct tns_info: one bool
    ];

    public static NfctHelper? Find(string name, byte protocol) =>
        Array.Find(All, helper => helper.Name == name && helper.Protocol == protocol);
}

/// <summary>A helper nfct can register; its one expectation policy is named like the helper.</summary>
internal sealed record NfctHelper(string Name, byte Protocol, uint PrivateDataLength, uint ExpectMax, uint ExpectTimeout);
