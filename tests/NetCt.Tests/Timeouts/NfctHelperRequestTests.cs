using NetCt.Cli.Nfct;
using NetCt.Interop;
using NetCt.Netlink;
using NetCt.Tests.Conntrack;
using NetCt.Tests.Netlink;

namespace NetCt.Tests.Timeouts;

/// <summary>
/// nfct helper's requests as libnetfilter_cthelper builds them. The kernel netct is tested on has no
/// cthelper subsystem, so these bytes are the only check of the requests themselves.
/// </summary>
public sealed class NfctHelperRequestTests
{
    [Fact]
    public void AddRegistersTheHelperWithItsPolicy()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using var connection = new NetlinkConnection(kernel.Socket);

        new NfctHelperRequests(connection).Add(NfctHelpers.Find("ftp", IpProtocols.IPPROTO_TCP)!, AddressFamilies.AF_INET);

        FakeKernel.AssertRequest(
            """
            60000000 0009 0504 00000000 00000000  // len 96, NFNL_MSG_CTHELPER_NEW, REQUEST|ACK|CREATE
            00000000                              // nfgenmsg: AF_UNSPEC
            08000100 66747000                     // NFCTH_NAME "ftp"
            08000500 00000018                     // NFCTH_PRIV_DATA_LEN 24
            14000280                              // NFCTH_TUPLE
              06000100 00020000                   //   NFCTH_TUPLE_L3PROTONUM AF_INET
              05000200 06000000                   //   NFCTH_TUPLE_L4PROTONUM tcp
            28000480                              // NFCTH_POLICY
              1c000280                            //   NFCTH_POLICY_SET1
                08000100 66747000                 //     NFCTH_POLICY_NAME "ftp"
                08000200 00000001                 //     NFCTH_POLICY_EXPECT_MAX 1
                08000300 0000012c                 //     NFCTH_POLICY_EXPECT_TIMEOUT 300
              08000100 00000001                   //   NFCTH_POLICY_SET_NUM 1
            """,
            kernel.Sent[0]);
    }

    [Fact]
    public void DisableSendsTheDisabledStatusAndDeleteWithoutTupleOnlyTheName()
    {
        var kernel = new FakeKernel();
        kernel.Answer((_, seq) => [KernelMessages.Ack(seq)]);
        using var connection = new NetlinkConnection(kernel.Socket);
        var requests = new NfctHelperRequests(connection);

        requests.Disable(NfctHelpers.Find("tftp", IpProtocols.IPPROTO_UDP)!, AddressFamilies.AF_INET6);
        requests.Delete("tftp", null, null);

        FakeKernel.AssertRequest(
            """
            3c000000 0009 0504 00000000 00000000  // len 60, NFNL_MSG_CTHELPER_NEW, REQUEST|ACK|CREATE
            00000000
            09000100 74667470 00000000            // NFCTH_NAME "tftp"
            14000280                              // NFCTH_TUPLE
              06000100 000a0000                   //   AF_INET6
              05000200 11000000                   //   udp
            08000600 00000000                     // NFCTH_STATUS NFCT_HELPER_STATUS_DISABLED
            """,
            kernel.Sent[0]);
        FakeKernel.AssertRequest(
            """
            20000000 0209 0500 00000000 00000000  // len 32, NFNL_MSG_CTHELPER_DEL, REQUEST|ACK
            00000000
            09000100 74667470 00000000            // NFCTH_NAME "tftp"
            """,
            kernel.Sent[1]);
    }
}
