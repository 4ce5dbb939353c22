using System.Text;
using NetCt.Cli.Nfct;
using NetCt.Cli.Output;
using NetCt.Cli.Timeouts;
using NetCt.Conntrack;
using NetCt.Interop;

namespace NetCt.Tests.Timeouts;

/// <summary>nfct's text of a policy (observed from nfct 1.4.8) and netct's JSON.</summary>
public sealed class TimeoutOutputTests
{
    private static readonly TimeoutPolicy Sctp = new()
    {
        Name = "sc",
        Family = AddressFamilies.AF_INET,
        Protocol = IpProtocols.IPPROTO_SCTP,
        Timeouts = Enumerable.Range(1, 9).ToDictionary(state => (ushort)state, state => (uint)(state * 10)),
        Use = 1,
    };

    [Fact]
    public void SctpPrintsTheSevenStatesNfctKnows()
    {
        Assert.Equal(
            ".sc = {\n\t.l3proto = 2,\n\t.l4proto = 132,\n\t.policy = {\n\t\t.CLOSED = 10,\n\t\t.COOKIE_WAIT = 20,\n"
            + "\t\t.COOKIE_ECHOED = 30,\n\t\t.ESTABLISHED = 40,\n\t\t.SHUTDOWN_SENT = 50,\n\t\t.SHUTDOWN_RECD = 60,\n"
            + "\t\t.SHUTDOWN_ACK_SENT = 70,\n\t},\n};\n",
            Render(output => NfctPolicyText.Write(output, Sctp)));
    }

    [Fact]
    public void DefaultsHaveNoNameLine()
    {
        var defaults = new TimeoutPolicy { Family = 2, Protocol = IpProtocols.IPPROTO_UDP, Timeouts = new Dictionary<ushort, uint> { [1] = 30, [2] = 120 } };

        Assert.Equal(
            "\t.l3proto = 2,\n\t.l4proto = 17,\n\t.policy = {\n\t\t.UNREPLIED = 30,\n\t\t.REPLIED = 120,\n\t},\n};\n",
            Render(output => NfctPolicyText.Write(output, defaults)));
    }

    [Fact]
    public void AProtocolNfctHasNoTableForPrintsNoPolicy()
    {
        var ospf = new TimeoutPolicy { Name = "o", Family = 2, Protocol = 89, Timeouts = new Dictionary<ushort, uint> { [1] = 600 } };

        Assert.Equal(".o = {\n\t.l3proto = 2,\n\t.l4proto = 89,\n};\n", Render(output => NfctPolicyText.Write(output, ospf)));
    }

    [Fact]
    public void JsonNamesEveryStateTheKernelReports()
    {
        Assert.Equal(
            """{"name":"sc","family":"inet","l3proto":2,"protocol":"sctp","l4proto":132,"use":1,"timeouts":{"closed":10,"cookie_wait":20,"cookie_echoed":30,"established":40,"shutdown_sent":50,"shutdown_recd":60,"shutdown_ack_sent":70,"heartbeat_sent":80,"heartbeat_acked":90}}""" + "\n",
            Render(output => TimeoutPolicyJson.Write(output, Sctp)));
    }

    private static string Render(Action<OutputBuffer> write)
    {
        using var stream = new MemoryStream();
        using (var output = new OutputBuffer(stream))
        {
            write(output);
            output.Flush();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
