using System.Runtime.CompilerServices;
using NetCt.Interop;

namespace NetCt.Tests.Interop;

public sealed class UapiConstantsTests : IClassFixture<UapiConstantsTests.ProbeResult>
{
    private readonly ProbeResult _probe;

    public UapiConstantsTests(ProbeResult probe) => _probe = probe;

    [Fact]
    public void EveryConstantEqualsTheLinuxHeaderValue()
    {
        var wrong = UapiConstant.All
            .Where(constant => _probe.Values.ContainsKey(constant.Name) || !NewerThanHeaders.Lists(constant.Name))
            .Where(constant => !constant.Matches(_probe.Values[constant.Name]))
            .Select(constant => $"{constant.Name}: C# {constant.Value}, header {_probe.Values[constant.Name]}")
            .ToList();

        Assert.True(wrong.Count == 0, "constants that differ from the linux headers:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void ConstantsNewerThanTheHeadersHaveTheirKernelValue()
    {
        foreach (NewerConstant newer in NewerThanHeaders.All)
        {
            var constant = UapiConstant.All.Single(constant => constant.Name == newer.Name);
            Assert.True(constant.Matches(newer.Value), $"{newer.Name}: C# {constant.Value}, kernel {newer.Kernel} header {newer.Value}");
            if (_probe.Values.TryGetValue(newer.Name, out long header))
            {
                Assert.True(constant.Matches(header), $"{newer.Name}: C# {constant.Value}, installed header {header}");
            }
            else
            {
                Assert.True(
                    _probe.Values[newer.HeaderMax] < newer.Value,
                    $"{newer.Name} ({newer.Value}) is within the installed {newer.HeaderMax} ({_probe.Values[newer.HeaderMax]}) but was not probed");
            }
        }
    }

    [Fact]
    public void ReflectionFindsEveryHeaderArea()
    {
        var names = UapiConstant.All.Select(constant => constant.Name).ToHashSet();

        // One sample per header area, so a type that stops being public cannot silently drop out of the check.
        Assert.Contains("NETLINK_NETFILTER", names);
        Assert.Contains("NLM_F_ACK_TLVS", names);
        Assert.Contains("NLMSG_ERROR", names);
        Assert.Contains("NLMSGERR_ATTR_MSG", names);
        Assert.Contains("NETLINK_GET_STRICT_CHK", names);
        Assert.Contains("NLA_TYPE_MASK", names);
        Assert.Contains("NFNL_SUBSYS_CTNETLINK_EXP", names);
        Assert.Contains("NFNLGRP_CONNTRACK_EXP_DESTROY", names);
        Assert.Contains("IPCTNL_MSG_CT_GET_UNCONFIRMED", names);
        Assert.Contains("IPCTNL_MSG_EXP_GET_STATS_CPU", names);
        Assert.Contains("IPCTNL_MSG_TIMEOUT_DEFAULT_GET", names);
        Assert.Contains("CTA_TIMEOUT_USE", names);
        Assert.Contains("CTA_TIMEOUT_GRE_REPLIED", names);
        Assert.Contains("CTNL_TIMEOUT_NAME_MAX", names);
        Assert.Contains("NFCTH_POLICY_SET4", names);
        Assert.Contains("NFCT_HELPER_STATUS_DISABLED", names);
        Assert.Contains("CTA_STATUS_MASK", names);
        Assert.Contains("CTA_PROTO_ICMPV6_CODE", names);
        Assert.Contains("CTA_STATS_CHAIN_TOOLONG", names);
        Assert.Contains("CTA_FILTER_REPLY_FLAGS", names);
        Assert.Contains("CTA_FILTER_FLAG_CTA_PROTO_ICMPV6_ID", names);
        Assert.Contains("IPS_HW_OFFLOAD", names);
        Assert.Contains("IPCT_SYNPROXY", names);
        Assert.Contains("IP_CT_TCP_SIMULTANEOUS_OPEN", names);
        Assert.Contains("SCTP_CONNTRACK_HEARTBEAT_SENT", names);
        Assert.Contains("ENOBUFS", names);
        Assert.Contains("SO_RCVBUFFORCE", names);
        Assert.Contains("IPPROTO_ICMPV6", names);
        Assert.True(names.Count > 300, $"only {names.Count} constants found");
    }

    [Fact]
    public void AWrongValueIsReported()
    {
        var tupleOrig = UapiConstant.All.Single(constant => constant.Name == "CTA_TUPLE_ORIG");
        var typeMask = UapiConstant.All.Single(constant => constant.Name == "NLA_TYPE_MASK");

        Assert.True(tupleOrig.Matches(_probe.Values["CTA_TUPLE_ORIG"]));
        Assert.False((tupleOrig with { Value = tupleOrig.Value + 1 }).Matches(_probe.Values["CTA_TUPLE_ORIG"]));
        Assert.True(typeMask.Matches(_probe.Values["NLA_TYPE_MASK"]));
        Assert.False((typeMask with { Value = 0x7FFF }).Matches(_probe.Values["NLA_TYPE_MASK"]));
    }

    [Fact]
    public void StructSizesMatchTheHeaders()
    {
        Assert.Equal(_probe.Values["sizeof:sockaddr_nl"], Unsafe.SizeOf<SockaddrNl>());
        Assert.Equal(NetlinkLayout.NLMSG_HDRLEN, _probe.Values["sizeof:nlmsghdr"]);
        Assert.Equal(NetlinkLayout.NLA_HDRLEN, _probe.Values["sizeof:nlattr"]);
        Assert.Equal(NetCt.Netlink.NfGenMessage.Size, _probe.Values["sizeof:nfgenmsg"]);
        Assert.Equal(NetCt.Netlink.NetlinkMessageHeader.Size, _probe.Values["sizeof:nlmsghdr"]);
    }

    /// <summary>
    /// Compiles the probe once for the class. Constants newer than the installed headers are left
    /// out of it, unless the headers' <c>*_MAX</c> shows that they do have them: then a second probe
    /// reads them.
    /// </summary>
    public sealed class ProbeResult
    {
        public ProbeResult()
        {
            Values = HeaderProbe.Run(
                UapiConstant.All.Select(constant => constant.Name)
                    .Where(name => !NewerThanHeaders.Lists(name))
                    .Concat(NewerThanHeaders.All.Select(newer => newer.HeaderMax))
                    .Distinct(),
                ["sockaddr_nl", "nlmsghdr", "nlattr", "nfgenmsg"]);

            var inHeaders = NewerThanHeaders.All
                .Where(newer => Values[newer.HeaderMax] >= newer.Value)
                .Select(newer => newer.Name)
                .ToList();
            if (inHeaders.Count > 0)
            {
                foreach (var (name, value) in HeaderProbe.Run(inHeaders, []))
                {
                    Values[name] = value;
                }
            }
        }

        public Dictionary<string, long> Values { get; }
    }
}
