using System.Net;
using NetCt.Conntrack;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Conntrack;

/// <summary>
/// Hand-built messages (independent of the encoder): attributes the captures lack, old and new
/// forms, unknown and missing attributes, and malformed lengths.
/// </summary>
public sealed class FlowDecoderRobustnessTests
{
    private const ushort Nested = NetlinkAttributeFlags.NLA_F_NESTED;

    [Fact]
    public void UnknownAttributesAreSkippedAtEveryLevel()
    {
        Flow flow = Decode(
            Attr(CtattrType.CTA_TUPLE_ORIG, Nest(
                A(9, 1, 2, 3, 4),
                Attr(CtattrTuple.CTA_TUPLE_IP, Nest(A(15, 0), Ip(CtattrIp.CTA_IP_V4_SRC, "192.0.2.1"))))),
            A(200, 0xff, 0xff),
            Attr(CtattrType.CTA_MARK, U32(9)));

        Assert.Equal(IPAddress.Parse("192.0.2.1"), flow.Original?.Source);
        Assert.Equal(9u, flow.Mark);
    }

    [Fact]
    public void MissingNestedAttributesLeaveFieldsNull()
    {
        Flow flow = Decode(
            Attr(CtattrType.CTA_TUPLE_ORIG, Nest(Attr(CtattrTuple.CTA_TUPLE_PROTO, Nest(A((ushort)CtattrL4proto.CTA_PROTO_NUM, 6))))),
            Attr(CtattrType.CTA_PROTOINFO, Nest(Attr(CtattrProtoinfo.CTA_PROTOINFO_TCP, []))),
            Attr(CtattrType.CTA_COUNTERS_ORIG, []),
            Attr(CtattrType.CTA_TIMESTAMP, []),
            Attr(CtattrType.CTA_HELP, []));

        Assert.NotNull(flow.Original);
        Assert.Null(flow.Original.Source);
        Assert.Null(flow.Original.SourcePort);
        Assert.Equal((byte)6, flow.Original.Protocol);
        Assert.NotNull(flow.Tcp);
        Assert.Null(flow.Tcp.State);
        Assert.Null(flow.Tcp.FlagsOriginal);
        Assert.Null(flow.OriginalCounters);
        Assert.Null(flow.Timestamps);
        Assert.Null(flow.Helper);
        Assert.Null(flow.Reply);
        Assert.Null(flow.Status);
    }

    [Fact]
    public void FamilyComesFromNfgenmsg()
    {
        byte[] message = KernelMessages.Data(Requests.CtNew, 1, family: AddressFamilies.AF_INET6);

        Assert.Equal(IpFamily.IPv6, FlowDecoder.Decode(new NetlinkMessage(message)).Family);
    }

    [Fact]
    public void Old32BitCounters()
    {
        Flow flow = Decode(Attr(CtattrType.CTA_COUNTERS_REPLY, Nest(
            Attr(CtattrCounters.CTA_COUNTERS32_PACKETS, U32(3)),
            Attr(CtattrCounters.CTA_COUNTERS32_BYTES, U32(180)))));

        Assert.Equal(new Counters(3, 180), flow.ReplyCounters);
    }

    [Fact]
    public void DestroyEventFields()
    {
        // A DESTROY event of a 6.14+ kernel: start, stop and the event's own timestamp.
        Flow flow = Decode(
            Attr(CtattrType.CTA_TIMESTAMP, Nest(
                Attr(CtattrTstamp.CTA_TIMESTAMP_START, U64(1795478459622699560)),
                Attr(CtattrTstamp.CTA_TIMESTAMP_STOP, U64(1795478469622699560)))),
            A(27, U64(1795478469622700000)));

        Assert.Equal(new FlowTimestamps(1795478459622699560, 1795478469622699560), flow.Timestamps);
        Assert.Equal(1795478469622700000ul, flow.EventTimestamp);
    }

    [Fact]
    public void HelperSecurityContextSecmarkAndMaster()
    {
        Flow flow = Decode(
            Attr(CtattrType.CTA_HELP, Nest(Attr(CtattrHelp.CTA_HELP_NAME, [.. "ftp"u8, 0]))),
            Attr(CtattrType.CTA_SECCTX, Nest(Attr(CtattrSecctx.CTA_SECCTX_NAME, [.. "system_u:object_r:unlabeled_t:s0"u8, 0]))),
            Attr(CtattrType.CTA_SECMARK, U32(0x11)),
            Attr(CtattrType.CTA_TUPLE_MASTER, Nest(Attr(CtattrTuple.CTA_TUPLE_IP, Nest(Ip(CtattrIp.CTA_IP_V4_DST, "198.51.100.2"))))));

        Assert.Equal("ftp", flow.Helper);
        Assert.Equal("system_u:object_r:unlabeled_t:s0", flow.SecurityContext);
        Assert.Equal(0x11u, flow.Secmark);
        Assert.Equal(IPAddress.Parse("198.51.100.2"), flow.Master?.Destination);
    }

    [Fact]
    public void DccpWithPaddingBeforeTheHandshakeSequence()
    {
        Flow flow = Decode(Attr(CtattrType.CTA_PROTOINFO, Nest(Attr(CtattrProtoinfo.CTA_PROTOINFO_DCCP, Nest(
            Attr(CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_STATE, 4),
            Attr(CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_ROLE, 1),
            Attr(CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_PAD, []),
            Attr(CtattrProtoinfoDccp.CTA_PROTOINFO_DCCP_HANDSHAKE_SEQ, U64(42)))))));

        Assert.Equal(DccpState.Open, flow.Dccp?.State);
        Assert.Equal(DccpRole.Server, flow.Dccp?.Role);
        Assert.Equal(42ul, flow.Dccp?.HandshakeSequence);
    }

    [Fact]
    public void ShortScalarNamesTheAttribute()
    {
        var e = Assert.Throws<NetlinkDecodeException>(() => Decode(Attr(CtattrType.CTA_MARK, 0, 1)));

        Assert.StartsWith("conntrack entry: CTA_MARK: ", e.Message);
    }

    [Fact]
    public void ShortAddressNamesThePath()
    {
        var e = Assert.Throws<NetlinkDecodeException>(() => Decode(
            Attr(CtattrType.CTA_TUPLE_ORIG, Nest(Attr(CtattrTuple.CTA_TUPLE_IP, Nest(Attr(CtattrIp.CTA_IP_V4_SRC, 192, 0, 2)))))));

        Assert.Equal("conntrack entry: CTA_TUPLE_ORIG: CTA_TUPLE_IP: CTA_IP_V4_SRC: value is 3 bytes, an IPv4 address needs 4", e.Message);
    }

    [Fact]
    public void ShortTcpFlagsNameThePath()
    {
        var e = Assert.Throws<NetlinkDecodeException>(() => Decode(
            Attr(CtattrType.CTA_PROTOINFO, Nest(Attr(CtattrProtoinfo.CTA_PROTOINFO_TCP, Nest(Attr(CtattrProtoinfoTcp.CTA_PROTOINFO_TCP_FLAGS_REPLY, 1)))))));

        Assert.Equal("conntrack entry: CTA_PROTOINFO: CTA_PROTOINFO_TCP: CTA_PROTOINFO_TCP_FLAGS_REPLY: value is 1 bytes, struct nf_ct_tcp_flags needs 2", e.Message);
    }

    [Fact]
    public void NestedLengthPastItsParentNamesTheParent()
    {
        // CTA_TUPLE_PROTO claims 12 bytes but its parent holds only 8.
        byte[] proto = [12, 0, (byte)CtattrTuple.CTA_TUPLE_PROTO, 0x80, 5, 0, 1, 0];
        var e = Assert.Throws<NetlinkDecodeException>(() => Decode(Attr(CtattrType.CTA_TUPLE_REPLY, proto)));

        Assert.StartsWith("conntrack entry: CTA_TUPLE_REPLY: netlink attribute type 2 at offset ", e.Message);
        Assert.Contains("runs past the end", e.Message);
    }

    [Fact]
    public void TruncatedAttributeHeaderAtTopLevel()
    {
        byte[] message = KernelMessages.Data(Requests.CtNew, 1, attributes: [Attr(CtattrType.CTA_MARK, U32(1))]);
        byte[] truncated = message[..^2];
        BitConverter.GetBytes(truncated.Length).CopyTo(truncated, 0);

        var e = Assert.Throws<NetlinkDecodeException>(() => FlowDecoder.Decode(new NetlinkMessage(truncated)));

        Assert.StartsWith("conntrack entry: netlink attribute type 8 at offset 20: ", e.Message);
    }

    [Fact]
    public void MessageOfAnotherSubsystemIsRefused()
    {
        byte[] message = KernelMessages.Data(0x0200, 1);

        var e = Assert.Throws<NetlinkDecodeException>(() => FlowDecoder.Decode(new NetlinkMessage(message)));

        Assert.Contains("0x0200 is not a ctnetlink message", e.Message);
    }

    private static Flow Decode(params byte[][] attributes) =>
        FlowDecoder.Decode(new NetlinkMessage(KernelMessages.Data(Requests.CtNew, 1, attributes: attributes)));

    private static byte[] A(ushort type, params byte[] value) => KernelMessages.Attribute(type, value);

    private static byte[] Attr<TType>(TType type, params byte[] value)
        where TType : struct, Enum
    {
        ushort raw = Convert.ToUInt16(type, System.Globalization.CultureInfo.InvariantCulture);
        return KernelMessages.Attribute(value.Length > 0 && IsNest(type) ? (ushort)(raw | Nested) : raw, value);
    }

    // The kernel flags nests with NLA_F_NESTED; the decoder must not depend on it, so only some are flagged here.
    private static bool IsNest<TType>(TType type) => type is CtattrType.CTA_TUPLE_ORIG or CtattrType.CTA_PROTOINFO or CtattrTuple.CTA_TUPLE_IP;

    private static byte[] Nest(params byte[][] members) => [.. members.SelectMany(m => m)];

    private static byte[] Ip(CtattrIp type, string address) => Attr(type, IPAddress.Parse(address).GetAddressBytes());

    private static byte[] U32(uint value) => KernelMessages.U32BigEndian(value);

    private static byte[] U64(ulong value)
    {
        byte[] bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }
}
