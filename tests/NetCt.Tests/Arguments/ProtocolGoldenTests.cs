namespace NetCt.Tests.Arguments;

/// <summary>
/// The protocol extensions: their values and what each command needs of them.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class ProtocolGoldenTests
{
    [Theory]
    // states and roles
    [InlineData("-L -p tcp --state FOO", "unknown TCP state `FOO'", 2)]
    [InlineData("-L -p tcp --state established", "unknown TCP state `established'", 2)]
    [InlineData("-L -p tcp --state ''", "unknown TCP state `'", 2)]
    [InlineData("-L -p dccp --state FOO", "Unknown DCCP state `FOO'", 2)]
    [InlineData("-L -p dccp --state open", "Unknown DCCP state `open'", 2)]
    [InlineData("-L -p dccp --role x", "Unknown DCCP role `x'", 2)]
    [InlineData("-L -p dccp --role clients", "Unknown DCCP role `clients'", 2)]
    [InlineData("-L -p dccp --role serverx", "Unknown DCCP role `serverx'", 2)]
    // what each protocol needs for -I/-A/-G (after conntrack's own checks)
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp", "You need to supply the `--state' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN", "you have to specify `--sport' and `--dport'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN --sport 1", "you have to specify `--sport' and `--dport'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN --reply-port-dst 1", "you have to specify `--reply-src-port' and `--reply-dst-port'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN --sport 1 --dport 2 --mask-port-src 1", "Illegal option `--mask-port-src' with this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN --sport 1 --dport 2 --tuple-port-src 1", "Illegal option `--tuple-port-src' with this command", 2)]
    [InlineData("-A -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --sport 1 --dport 2", "You need to supply the `--state' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p udp", "you have to specify `--sport' and `--dport'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p udp --dport 1", "you have to specify `--sport' and `--dport'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p udp --reply-port-src 1", "you have to specify `--reply-src-port' and `--reply-dst-port'", 2)]
    [InlineData("-A -s 1.1.1.1 -d 2.2.2.2 -t 1 -p udplite --sport 1 --reply-port-src 2", "you have to specify `--sport' and `--dport'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p sctp --sport 1 --dport 2", "You need to supply the `--state' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p sctp --sport 1 --dport 2 --state ESTABLISHED", "You need to supply the `--orig-vtag' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 1", "You need to supply the `--reply-vtag' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p dccp --sport 1 --dport 2 --state OPEN", "You need to supply the `--role' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p dccp --state OPEN --role client --reply-port-src 1", "you have to specify `--reply-port-src' and `--report-port-dst'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p icmp", "You need to supply the `--icmp-type' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p icmp --icmp-type 8", "You need to supply the `--icmp-code' option for this command", 2)]
    [InlineData("-A -s 1.1.1.1 -d 2.2.2.2 -t 1 -p icmpv6 --icmpv6-code 0", "You need to supply the `--icmpv6-type' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p gre", "you have to specify `--srckey' and `--dstkey'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p gre --reply-key-src 1", "you have to specify `--reply-src-key' and `--reply-dst-key'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p gre --srckey 1 --dstkey 2 --tuple-key-src 1", "Illegal option `--tuple-key-src' with this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p tcp", "you have to specify `--sport' and `--dport'", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p tcp --sport 1 --dport 2 --mask-port-dst 1", "Illegal option `--mask-port-dst' with this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p icmp --icmp-type 1", "You need to supply the `--icmp-code' option for this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p dccp --sport 1 --dport 2 --role client", "Illegal option `--role' with this command", 2)]
    // filters
    [InlineData("-L -p tcp --mask-port-src 1", "Illegal option `--mask-port-src' with this command", 2)]
    [InlineData("-L -p tcp --tuple-port-dst 1", "Illegal option `--tuple-port-dst' with this command", 2)]
    [InlineData("-L -p sctp --orig-vtag 1", "Illegal option `--orig-vtag' with this command", 2)]
    [InlineData("-D -p sctp --reply-vtag 1", "Illegal option `--reply-vtag' with this command", 2)]
    [InlineData("-E -p dccp --role server", "Illegal option `--role' with this command", 2)]
    [InlineData("-L -p gre --tuple-key-dst 1", "Illegal option `--tuple-key-dst' with this command", 2)]
    // expectations
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p tcp -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2 --mask-src 1.1.1.1 --mask-dst 1.1.1.1", "You need to supply the `--sport' option for this command", 2)]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p tcp -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2 --mask-src 1.1.1.1 --mask-dst 1.1.1.1 --sport 1 --dport 2 --mask-port-src 1 --mask-port-dst 1 --tuple-port-src 1 --tuple-port-dst 2 --state LISTEN", "Illegal option `--state' with this command", 2)]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p sctp -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2 --mask-src 1.1.1.1 --mask-dst 1.1.1.1 --sport 1 --dport 2 --mask-port-src 1 --mask-port-dst 1 --tuple-port-src 1 --tuple-port-dst 2", "You need to supply the `--orig-vtag' option for this command", 2)]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p gre -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2 --mask-src 1.1.1.1 --mask-dst 1.1.1.1 --srckey 1 --dstkey 2", "You need to supply the `--reply-key-src' option for this command", 2)]
    [InlineData("-D expect -s 1.1.1.1 -d 2.2.2.2 -p udp --sport 1 --dport 2", "You need to supply the `--reply-port-src' option for this command", 2)]
    [InlineData("-G expect -s 1.1.1.1 -d 2.2.2.2 -p icmp --icmp-type 1", "Illegal option `--icmp-type' with this command", 2)]
    // several -p: the last protocol reads the options of all of them by their codes
    [InlineData("-L -p tcp -p udp --state X", "Illegal option `--tuple-port-src' with this command", 2)]
    [InlineData("-L -p tcp -p udp --spo 1", "unknown option `--spo'", 2)]
    // accepted protocol options
    [InlineData("-E -p dccp --role ''", "Illegal option `--role' with this command", 2)]
    [InlineData("-E -p dccp --role S", "Illegal option `--role' with this command", 2)]
    [InlineData("-h -p dccp --role x", "Unknown DCCP role `x'", 2)]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    // accepted protocol options
    [InlineData("-L -p tcp --sport 70000 --dport abc --state LISTEN")]
    [InlineData("-L -p tcp --state SYN_SENT2")]
    [InlineData("-L -p tcp --orig-port-src 1 --orig-port-dst 2 --reply-port-src 3 --reply-port-dst 4")]
    [InlineData("-L -p udplite --sport 1 --dport 2")]
    [InlineData("-L -p sctp --state ESTABLISHED")]
    [InlineData("-L -p dccp --state PARTOPEN")]
    [InlineData("-L -p icmp --icmp-type 300 --icmp-code 0 --icmp-id 70000")]
    [InlineData("-L -p 58 --icmpv6-type 128")]
    [InlineData("-L -p gre --srckey 0x10 --dstkey 010 --reply-key-src 3 --reply-key-dst 4")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN --sport 1 --dport 2")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p tcp --state LISTEN --reply-port-src 1 --reply-port-dst 2")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p sctp --sport 1 --dport 2 --state ESTABLISHED --orig-vtag 1 --reply-vtag 2")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p dccp --sport 1 --dport 2 --state OPEN --role s")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p icmp --icmp-type 8 --icmp-code 0")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p gre --srckey 1 --dstkey 2")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p ospf")]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -t 1 -p 200")]
    [InlineData("-L -p tcp -p udp --sport 1")]
    [InlineData("-h -p tcp --sport 1")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithLabels, commandLine, diagnostics);
}
