namespace NetCt.Tests.Arguments;

/// <summary>
/// getopt_long's syntax as conntrack configures it: unknown, ambiguous and abbreviated options, clusters, attached and optional arguments, operands.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class GetoptGoldenTests
{
    [Theory]
    // unknown short options, in clusters the word before the cursor is quoted
    [InlineData("-L -x", "unknown option `-x'", 2)]
    [InlineData("-L -:", "unknown option `-:'", 2)]
    [InlineData("-L -?", "unknown option `-?'", 2)]
    [InlineData("-L -R /tmp/x", "unknown option `-R'", 2)]
    [InlineData("-R", "unknown option `-R'", 2)]
    [InlineData("-Sx", "unknown option `-Sx'", 2)]
    [InlineData("-L -Rx", "unknown option `-L'", 2)]
    [InlineData("-z foo -Rx", "unknown option `foo'", 2)]
    [InlineData("-z foo -Lx -Rx", "unknown option `foo'", 2)]
    // unknown and ambiguous long options
    [InlineData("--d", "unknown option `--d'", 2)]
    [InlineData("--dumpx", "unknown option `--dumpx'", 2)]
    [InlineData("--help=x", "unknown option `--help=x'", 2)]
    [InlineData("--stat", "unknown option `--stat'", 2)]
    [InlineData("--st", "unknown option `--st'", 2)]
    [InlineData("--sr 1.1.1.1 -L", "unknown option `--sr'", 2)]
    [InlineData("--orig- 1.1.1.1 -L", "unknown option `--orig-'", 2)]
    [InlineData("--reply 1.1.1.1 -L", "unknown option `--reply'", 2)]
    [InlineData("--mask 1.1.1.1 -L", "unknown option `--mask'", 2)]
    [InlineData("--label- x -L", "unknown option `--label-'", 2)]
    [InlineData("--z -L", "unknown option `--z'", 2)]
    [InlineData("--e NEW -E", "unknown option `--e'", 2)]
    [InlineData("--= -L", "unknown option `--='", 2)]
    [InlineData("-L ---", "unknown option `---'", 2)]
    [InlineData("-L ---src 1.1.1.1", "unknown option `---src'", 2)]
    [InlineData("--load-file=/tmp/x", "unknown option `--load-file=/tmp/x'", 2)]
    // protocol options exist only after -p
    [InlineData("-L --sport 1", "unknown option `--sport'", 2)]
    [InlineData("-L --sport 1 -p tcp", "unknown option `--sport'", 2)]
    [InlineData("-L --reply-port-src 1 -p tcp", "unknown option `--reply-port-src'", 2)]
    [InlineData("-L -p udp --state LISTEN", "unknown option `--state'", 2)]
    [InlineData("-L -p tcp --s 1", "unknown option `--s'", 2)]
    [InlineData("-L -p tcp --st ESTABLISHED", "unknown option `--st'", 2)]
    [InlineData("-L -p tcp -p tcp --spo 1", "unknown option `--spo'", 2)]
    [InlineData("-L -p ipv6-icmp --icmpv6-type 1", "unknown option `--icmpv6-type'", 2)]
    // missing required arguments
    [InlineData("-L -s", "option `-s' requires an argument", 2)]
    [InlineData("-L --src", "option `--src' requires an argument", 2)]
    [InlineData("-L -p", "option `-p' requires an argument", 2)]
    [InlineData("-L -i", "option `-i' requires an argument", 2)]
    [InlineData("-L -p tcp --sport", "option `--sport' requires an argument", 2)]
    [InlineData("-L -w", "option `-w' requires an argument", 2)]
    // prefixes, attached values, clusters, optional arguments, operands
    [InlineData("-L -s -d", "Invalid IP address `-d'", 2)]
    [InlineData("foo -L bar", "unknown type `bar'", 2)]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    // prefixes, attached values, clusters, optional arguments, operands
    [InlineData("--dum")]
    [InlineData("--du")]
    [InlineData("--dump=expect")]
    [InlineData("--dump= -s 1.1.1.1")]
    [InlineData("--orig-s 1.1.1.1 -L")]
    [InlineData("--reply-s 1.1.1.1 -L")]
    [InlineData("--zo 1 -L")]
    [InlineData("--src=1.1.1.1 -L")]
    [InlineData("-Ls1.1.1.1")]
    [InlineData("-Lzs 1.1.1.1")]
    [InlineData("-zL")]
    [InlineData("-zLexpect")]
    [InlineData("-Ls")]
    [InlineData("-L -p tcp --sp 1")]
    [InlineData("-L -p tcp --state=ESTABLISHED")]
    [InlineData("-L -p tcp --dport=")]
    [InlineData("-L -")]
    [InlineData("-L - expect")]
    [InlineData("-L -- expect")]
    [InlineData("-- -L")]
    [InlineData("-L -p tcp -p udp --sport 1")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithLabels, commandLine, diagnostics);
}
