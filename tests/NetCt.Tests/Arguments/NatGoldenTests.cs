namespace NetCt.Tests.Arguments;

/// <summary>
/// -n, -g and -j: optional addresses with ports, IPv6 in brackets.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class NatGoldenTests
{
    [Theory]
    // -n, -g, -j addresses and ports
    [InlineData("-L -n 192.0.2.1:", "No port specified after `:'", 2)]
    [InlineData("-L -n 192.0.2.1:abc", "Invalid port `abc'", 2)]
    [InlineData("-L -n 192.0.2.1:70000", "Invalid port `70000'", 2)]
    [InlineData("-L -n 192.0.2.1:-1", "Invalid port `-1'", 2)]
    [InlineData("-L -n 192.0.2.1:+1", "Invalid port `+1'", 2)]
    [InlineData("-L -n '192.0.2.1: 1'", "Invalid port ` 1'", 2)]
    [InlineData("-L -n 192.0.2.1:99999999999999999999", "Invalid port `99999999999999999999'", 2)]
    [InlineData("-L -g [2001:db8::1]", "Invalid IP address `[2001:db8::1]'", 2)]
    [InlineData("-L -g [2001:db8::1]x", "Invalid IP address `[2001:db8::1]x'", 2)]
    [InlineData("-L -g []:80", "No IPv6 address specified", 2)]
    [InlineData("-L -g [2001:db8::1", "No closing ']' around IPv6 address", 2)]
    [InlineData("-L -g [2001:db8::1]:", "No port specified after `:'", 2)]
    [InlineData("-L -g [2001:db8::1]:x:80", "Invalid port `x:80'", 2)]
    [InlineData("-L -j 192.0.2.1/24", "CIDR notation unavailable for `--any-nat'", 2)]
    [InlineData("-L -n 192.0.2.1:80/24", "Invalid port `80/24'", 2)]
    [InlineData("-L -n foo", "Invalid IP address `foo'", 2)]
    [InlineData("-L -n foo:80", "Invalid IP address `foo'", 2)]
    [InlineData("-L -n :80", "Invalid IP address `'", 2)]
    [InlineData("-L -n 2001:db8::1/64", "CIDR notation unavailable for `--src-nat'", 2)]
    [InlineData("-L --dst-nat=x -g 2001:db8::zz", "Invalid IP address `2001:db8::zz'", 2)]
    [InlineData("-L -j 192.0.2.1 -n", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    [InlineData("-L -n -j", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    [InlineData("-L -g -j", "cannot specify `--src-nat' or `--dst-nat' with `--any-nat'", 2)]
    [InlineData("-L -n 192.0.2.1 -s 2001:db8::1", "mismatched address family", 2)]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    // accepted NAT forms; an attached value is ignored, a following word starting with '-' or '!' is not taken
    [InlineData("-L -n")]
    [InlineData("-L -n 192.0.2.1")]
    [InlineData("-L -n192.0.2.1")]
    [InlineData("-L --src-nat=foo")]
    [InlineData("-L --src-nat 192.0.2.1:80")]
    [InlineData("-L -n 192.0.2.1:65535")]
    [InlineData("-L -n 192.0.2.1:00080")]
    [InlineData("-L -g 2001:db8::1")]
    [InlineData("-L -g [2001:db8::1]:80")]
    [InlineData("-L -g x[2001:db8::1]:80")]
    [InlineData("-L -g [192.0.2.1]:80")]
    [InlineData("-L -j 192.0.2.1:80")]
    [InlineData("-L -n !foo")]
    [InlineData("-L -n -s 1.1.1.1")]
    [InlineData("-L -n 192.0.2.1 -g 198.51.100.1")]
    [InlineData("-E -j [2001:db8::1]:443")]
    [InlineData("-L -n 000000000000000000000000000000000000000000000000000000000192.0.2.1")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithLabels, commandLine, diagnostics);
}
