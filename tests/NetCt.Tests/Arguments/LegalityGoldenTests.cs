namespace NetCt.Tests.Arguments;

/// <summary>
/// conntrack's commands_v_options table: options each command refuses or needs, and the address pairs.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class LegalityGoldenTests
{
    [Theory]
    // no command: only --reply-zone is accepted, then the usage is printed
    [InlineData("-s 192.0.2.1", "Illegal option `--src' with this command", 2)]
    [InlineData("-p tcp", "Illegal option `--protonum' with this command", 2)]
    [InlineData("-z", "Illegal option `--zero' with this command", 2)]
    [InlineData("--label-del", "Illegal option `--label-del' with this command", 2)]
    // -L
    [InlineData("-L -t 1", "Illegal option `--timeout' with this command", 2)]
    [InlineData("-L -e NEW", "Illegal option `--event-mask' with this command", 2)]
    [InlineData("-L --tuple-src 1.1.1.1", "Illegal option `--tuple-src' with this command", 2)]
    [InlineData("-L -i 1", "Illegal option `--id' with this command", 2)]
    [InlineData("-L -b 1", "Illegal option `--buffer-size' with this command", 2)]
    [InlineData("-L --label-add one", "Illegal option `--label-add' with this command", 2)]
    // -I / -A
    [InlineData("-I", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p tcp", "You need to supply the `--timeout' option for this command", 2)]
    [InlineData("-I -p udp -t 1", "you have to specify `--src' and `--dst'", 2)]
    [InlineData("-I -s 1.1.1.1 -p udp -t 1", "you have to specify `--src' and `--dst'", 2)]
    [InlineData("-I -r 1.1.1.1 -p udp -t 1", "you have to specify `--reply-src' and `--reply-dst'", 2)]
    [InlineData("-I -s 1.1.1.1 -r 2.2.2.2 -p udp -t 1", "you have to specify `--src' and `--dst'", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 -z", "Illegal option `--zero' with this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 -i 1", "Illegal option `--id' with this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 -o xml", "Illegal option `--output' with this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 -l one", "Illegal option `--label' with this command", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 -j 3.3.3.3", "Illegal option `--any-nat' with this command", 2)]
    [InlineData("-I -s 1.1.1.0/24 -d 2.2.2.2 -p udp -t 1", "Illegal option `--mask-src' with this command", 2)]
    [InlineData("-A -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 --label-del", "Illegal option `--label-del' with this command", 2)]
    [InlineData("-A -s 1.1.1.1 -d 2.2.2.2 -t 1", "You need to supply the `--protonum' option for this command", 2)]
    // -U
    [InlineData("-U -z", "Illegal option `--zero' with this command", 2)]
    [InlineData("-U -c 1", "Illegal option `--secmark' with this command", 2)]
    [InlineData("-U -j", "Illegal option `--any-nat' with this command", 2)]
    [InlineData("-U --orig-zone 1", "Illegal option `--orig-zone' with this command", 2)]
    [InlineData("-U -t 1 -e NEW", "Illegal option `--event-mask' with this command", 2)]
    // -D
    [InlineData("-D -t 1 -e NEW", "Illegal option `--event-mask' with this command", 2)]
    [InlineData("-D --label-add one", "Illegal option `--label-add' with this command", 2)]
    [InlineData("-D -j", "Illegal option `--any-nat' with this command", 2)]
    [InlineData("-D -b 1", "Illegal option `--buffer-size' with this command", 2)]
    // -G
    [InlineData("-G", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-G -s 1.1.1.1", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1", "Illegal option `--timeout' with this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p udp -u ASSURED", "Illegal option `--status' with this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p udp -m 1", "Illegal option `--mark' with this command", 2)]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p udp -w 1", "Illegal option `--zone' with this command", 2)]
    // -F, -E, -V, -h, -C, -S
    [InlineData("-F -s 1.1.1.1", "Illegal option `--src' with this command", 2)]
    [InlineData("-F -p tcp", "Illegal option `--protonum' with this command", 2)]
    [InlineData("-E -t 1", "Illegal option `--timeout' with this command", 2)]
    [InlineData("-E -u ASSURED", "Illegal option `--status' with this command", 2)]
    [InlineData("-E -i 1", "Illegal option `--id' with this command", 2)]
    [InlineData("-V -p tcp", "Illegal option `--protonum' with this command", 2)]
    [InlineData("-V -f ipv4", "Illegal option `--family' with this command", 2)]
    [InlineData("-h -s 1.1.1.1", "Illegal option `--src' with this command", 2)]
    [InlineData("-C -f ipv4", "Illegal option `--family' with this command", 2)]
    [InlineData("-S -s 1.1.1.1", "Illegal option `--src' with this command", 2)]
    // expectations
    [InlineData("-L expect -s 1.2.3.4", "Illegal option `--src' with this command", 2)]
    [InlineData("-L expect -p tcp", "Illegal option `--protonum' with this command", 2)]
    [InlineData("-I expect", "You need to supply the `--src' option for this command", 2)]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1", "You need to supply the `--tuple-src' option for this command", 2)]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2", "You need to supply the `--mask-src' option for this command", 2)]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2 --mask-src 1.1.1.1", "You need to supply the `--mask-dst' option for this command", 2)]
    [InlineData("-D expect", "You need to supply the `--src' option for this command", 2)]
    [InlineData("-D expect -s 1.1.1.1 -d 2.2.2.2", "You need to supply the `--protonum' option for this command", 2)]
    [InlineData("-D expect -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1", "Illegal option `--timeout' with this command", 2)]
    [InlineData("-G expect -s 1.1.1.1 -d 2.2.2.2 -p udp -m 1", "Illegal option `--mark' with this command", 2)]
    [InlineData("-F expect -f ipv4", "Illegal option `--family' with this command", 2)]
    [InlineData("-E expect -e NEW", "Illegal option `--event-mask' with this command", 2)]
    [InlineData("-E expect -f ipv4", "Illegal option `--family' with this command", 2)]
    [InlineData("-C expect -f ipv4", "Illegal option `--family' with this command", 2)]
    [InlineData("-S expect -o xml", "Illegal option `--output' with this command", 2)]
    // pairs
    [InlineData("-L -j -n", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    [InlineData("-L -n -j", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    [InlineData("-L -j 192.0.2.1 -g", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    // accepted combinations
    [InlineData("-L -s 1.1.1.1 -d 2.2.2.2 -r 2.2.2.2 -q 1.1.1.1 -p tcp -u ASSURED -z", "Can't use -z with filtering parameters", 2)]
    [InlineData("-I -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 --sport 1 --dport 2 -u ASSURED -m 1 -c 1 -n -g -w 1 --label-add one --orig-zone 1 --reply-zone 2", "Illegal option `--secmark' with this command", 2)]
    [InlineData("-I -s 1.1.1.1 -r 2.2.2.2 -p udp -t 1 --sport 1 --dport 2", "you have to specify `--src' and `--dst'", 2)]
    [InlineData("-E -s 1.1.1.1 -e NEW -m 1 -f ipv4 -n -o xml -c 1 -b 100 -j -w 1 -l one --orig-zone 1 --reply-zone 1", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    [InlineData("-E -p tcp -z", "Illegal option `--zero' with this command", 2)]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    // -U
    [InlineData("-U -l one")]
    // accepted combinations
    [InlineData("--reply-zone 1")]
    [InlineData("-L -m 1 -f ipv4 -n -g -o xml -c 1 -w 1 -l one --orig-zone 1 --reply-zone 2")]
    [InlineData("-L --mask-src 255.0.0.0 -s 1.1.1.1 --mask-dst 255.0.0.0 -d 1.1.1.1")]
    [InlineData("-L -j")]
    [InlineData("-A -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 --sport 1 --dport 2")]
    [InlineData("-U -s 1.1.1.1 -d 2.2.2.2 -r 1.1.1.1 -q 1.1.1.1 -p tcp -t 1 -u ASSURED -m 1 -i 1 -f ipv4 -n -g -o xml --label-add one")]
    [InlineData("-U --label-del one")]
    [InlineData("-D -s 1.1.1.1 -t 1 -u ASSURED -m 1 -i 1 -f ipv4 -n -g -o xml -w 1 -l one --orig-zone 1 --reply-zone 1")]
    [InlineData("-G -s 1.1.1.1 -d 2.2.2.2 -p udp --sport 1 --dport 2 -i 1 -o xml -l one")]
    [InlineData("-G -r 1.1.1.1 -q 2.2.2.2 -p udp --reply-port-src 1 --reply-port-dst 2")]
    [InlineData("-L expect -f ipv4 -o xml")]
    [InlineData("-I expect -s 1.1.1.1 -d 2.2.2.2 -p udp -t 1 --tuple-src 1.1.1.1 --tuple-dst 2.2.2.2 --mask-src 1.1.1.1 --mask-dst 1.1.1.1 --sport 1 --dport 2 --mask-port-src 1 --mask-port-dst 2 --tuple-port-src 1 --tuple-port-dst 2 -r 1.1.1.1 -q 2.2.2.2 -u ASSURED")]
    [InlineData("-D expect -s 1.1.1.1 -d 2.2.2.2 -p udp --sport 1 --dport 2 --reply-port-src 3 --reply-port-dst 4")]
    [InlineData("-G expect -s 1.1.1.1 -d 2.2.2.2 -p icmp")]
    [InlineData("-E expect -o xml")]
    [InlineData("-h -p tcp")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithLabels, commandLine, diagnostics);
}
