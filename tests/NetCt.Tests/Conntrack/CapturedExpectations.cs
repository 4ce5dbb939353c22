namespace NetCt.Tests.Conntrack;

/// <summary>
/// Expectation messages captured from Linux 6.18 inside <c>unshare -n</c> (strace of conntrack
/// 1.4.8), after nft attached the ftp and tftp helpers to loopback connections and a small FTP/TFTP
/// exchange made the kernel create expectations. Each line is one header or attribute, annotated.
/// </summary>
internal static class CapturedExpectations
{
    /// <summary>
    /// A dump part (IPCTNL_MSG_EXP_NEW, NLM_F_MULTI): the expectation of an FTP connection to
    /// 127.0.0.1:2124 destination-NATed to :2123, after the server's PASV reply named port 50000.
    /// </summary>
    // conntrack -L expect: 299 proto=6 src=127.0.0.1 dst=127.0.0.1 sport=0 dport=50000 mask-src=255.255.255.255 mask-dst=255.255.255.255 sport=0 dport=65535 master-src=127.0.0.1 master-dst=127.0.0.1 sport=33452 dport=2124 class=0 helper=ftp
    public static readonly byte[] FtpBehindNat = Fixture.Parse("""
        30010000 00020200 00000000 cdf8b4a6                           // nlmsghdr: len 304, IPCTNL_MSG_EXP_NEW (subsys 2), NLM_F_MULTI, seq 0, pid
        02000000                                                      // nfgenmsg: AF_INET, v0, res_id 0
        34000280                                                      // CTA_EXPECT_TUPLE (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                        // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                        // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                        // CTA_PROTO_NUM = 6
            06000200  00000000                                        // CTA_PROTO_SRC_PORT = 0
            06000300  c3500000                                        // CTA_PROTO_DST_PORT = 50000
        34000380                                                      // CTA_EXPECT_MASK (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  ffffffff                                        // CTA_IP_V4_SRC = 255.255.255.255
            08000200  ffffffff                                        // CTA_IP_V4_DST = 255.255.255.255
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                        // CTA_PROTO_NUM = 6
            06000200  00000000                                        // CTA_PROTO_SRC_PORT = 0
            06000300  ffff0000                                        // CTA_PROTO_DST_PORT = 65535
        34000180                                                      // CTA_EXPECT_MASTER (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                        // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                        // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  06000000                                        // CTA_PROTO_NUM = 6
            06000200  82ac0000                                        // CTA_PROTO_SRC_PORT = 33452
            06000300  084c0000                                        // CTA_PROTO_DST_PORT = 2124
        40000a80                                                      // CTA_EXPECT_NAT (nested, 64 bytes)
          08000100  00000000                                          // CTA_EXPECT_NAT_DIR = 0
          34000280                                                    // CTA_EXPECT_NAT_TUPLE (nested, 52 bytes)
            14000180                                                  // CTA_TUPLE_IP (nested, 20 bytes)
              08000100  00000000                                      // CTA_IP_V4_SRC = 0.0.0.0
              08000200  00000000                                      // CTA_IP_V4_DST = 0.0.0.0
            1c000280                                                  // CTA_TUPLE_PROTO (nested, 28 bytes)
              05000100  06000000                                      // CTA_PROTO_NUM = 6
              06000200  c3500000                                      // CTA_PROTO_SRC_PORT = 50000
              06000300  00000000                                      // CTA_PROTO_DST_PORT = 0
        08000400  0000012b                                            // CTA_EXPECT_TIMEOUT = 299
        08000500  14a3347e                                            // CTA_EXPECT_ID = 346240126
        08000800  00000000                                            // CTA_EXPECT_FLAGS = 0
        08000900  00000000                                            // CTA_EXPECT_CLASS = 0
        08000600  66747000                                            // CTA_EXPECT_HELP_NAME = "ftp"
        16000b00  6e61742d666f6c6c6f772d6d6173746572000000            // CTA_EXPECT_FN = "nat-follow-master"
        """);

    /// <summary>A dump part: the expectation a TFTP read request from 127.0.0.1:40069 to :69 created.</summary>
    // conntrack -L expect: 299 proto=17 src=127.0.0.1 dst=127.0.0.1 sport=0 dport=40069 mask-src=255.255.255.255 mask-dst=255.255.255.255 sport=0 dport=65535 master-src=127.0.0.1 master-dst=127.0.0.1 sport=40069 dport=69 class=0 helper=tftp
    public static readonly byte[] Tftp = Fixture.Parse("""
        dc000000 00020200 00000000 cdf8b4a6                           // nlmsghdr: len 220, IPCTNL_MSG_EXP_NEW (subsys 2), NLM_F_MULTI, seq 0, pid
        02000000                                                      // nfgenmsg: AF_INET, v0, res_id 0
        34000280                                                      // CTA_EXPECT_TUPLE (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                        // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                        // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                        // CTA_PROTO_NUM = 17
            06000200  00000000                                        // CTA_PROTO_SRC_PORT = 0
            06000300  9c850000                                        // CTA_PROTO_DST_PORT = 40069
        34000380                                                      // CTA_EXPECT_MASK (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  ffffffff                                        // CTA_IP_V4_SRC = 255.255.255.255
            08000200  ffffffff                                        // CTA_IP_V4_DST = 255.255.255.255
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                        // CTA_PROTO_NUM = 17
            06000200  00000000                                        // CTA_PROTO_SRC_PORT = 0
            06000300  ffff0000                                        // CTA_PROTO_DST_PORT = 65535
        34000180                                                      // CTA_EXPECT_MASTER (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                        // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                        // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                        // CTA_PROTO_NUM = 17
            06000200  9c850000                                        // CTA_PROTO_SRC_PORT = 40069
            06000300  00450000                                        // CTA_PROTO_DST_PORT = 69
        08000400  0000012b                                            // CTA_EXPECT_TIMEOUT = 299
        08000500  a13b4f88                                            // CTA_EXPECT_ID = 2705018760
        08000800  00000000                                            // CTA_EXPECT_FLAGS = 0
        08000900  00000000                                            // CTA_EXPECT_CLASS = 0
        09000600  7466747000000000                                    // CTA_EXPECT_HELP_NAME = "tftp"
        """);

    /// <summary>
    /// The request of <c>conntrack -I expect -s 127.0.0.1 -d 127.0.0.1 -p udp --sport 40069 --dport 69
    /// --tuple-src 192.0.2.2 --tuple-dst 198.51.100.1 --mask-src 255.255.255.0 --mask-dst 255.255.255.0
    /// --tuple-port-src 7 --tuple-port-dst 5002 --mask-port-src 0 --mask-port-dst 65535 -t 200</c>
    /// (IPCTNL_MSG_EXP_NEW, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE; seq 0 as conntrack sends it).
    /// </summary>
    public const string CreateRequest = """
        b8000000 00020506 00000000 00000000                           // nlmsghdr: len 184, IPCTNL_MSG_EXP_NEW, flags 0x0605, seq, pid 0
        02000000                                                      // nfgenmsg: AF_INET, v0, res_id 0
        34000280                                                      // CTA_EXPECT_TUPLE (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  c0000202                                        // CTA_IP_V4_SRC = 192.0.2.2
            08000200  c6336401                                        // CTA_IP_V4_DST = 198.51.100.1
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                        // CTA_PROTO_NUM = 17
            06000200  00070000                                        // CTA_PROTO_SRC_PORT = 7
            06000300  138a0000                                        // CTA_PROTO_DST_PORT = 5002
        34000180                                                      // CTA_EXPECT_MASTER (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  7f000001                                        // CTA_IP_V4_SRC = 127.0.0.1
            08000200  7f000001                                        // CTA_IP_V4_DST = 127.0.0.1
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                        // CTA_PROTO_NUM = 17
            06000200  9c850000                                        // CTA_PROTO_SRC_PORT = 40069
            06000300  00450000                                        // CTA_PROTO_DST_PORT = 69
        34000380                                                      // CTA_EXPECT_MASK (nested, 52 bytes)
          14000180                                                    // CTA_TUPLE_IP (nested, 20 bytes)
            08000100  ffffff00                                        // CTA_IP_V4_SRC = 255.255.255.0
            08000200  ffffff00                                        // CTA_IP_V4_DST = 255.255.255.0
          1c000280                                                    // CTA_TUPLE_PROTO (nested, 28 bytes)
            05000100  11000000                                        // CTA_PROTO_NUM = 17
            06000200  00000000                                        // CTA_PROTO_SRC_PORT = 0
            06000300  ffff0000                                        // CTA_PROTO_DST_PORT = 65535
        08000400  000000c8                                            // CTA_EXPECT_TIMEOUT = 200
        """;
}
