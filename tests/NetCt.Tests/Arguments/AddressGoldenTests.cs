namespace NetCt.Tests.Arguments;

/// <summary>
/// Addresses (inet_aton, inet_pton), families, CIDR prefixes, masks, and the -z restriction.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class AddressGoldenTests
{
    [Theory]
    // not an address (inet_aton, then inet_pton AF_INET6)
    [InlineData("-L -s ''", "Invalid IP address `'", 2)]
    [InlineData("-L -s foo", "Invalid IP address `foo'", 2)]
    [InlineData("-L -s -d", "Invalid IP address `-d'", 2)]
    [InlineData("-L -s ' 192.0.2.1'", "Invalid IP address ` 192.0.2.1'", 2)]
    [InlineData("-L -s 192.0.2.256", "Invalid IP address `192.0.2.256'", 2)]
    [InlineData("-L -s 0x100.0.2.1", "Invalid IP address `0x100.0.2.1'", 2)]
    [InlineData("-L -s 4294967296", "Invalid IP address `4294967296'", 2)]
    [InlineData("-L -s 1.16777216", "Invalid IP address `1.16777216'", 2)]
    [InlineData("-L -s 08.1.1.1", "Invalid IP address `08.1.1.1'", 2)]
    [InlineData("-L -s 1.2.3.4.", "Invalid IP address `1.2.3.4.'", 2)]
    [InlineData("-L -s 2001:db8::01.2.3.4", "Invalid IP address `2001:db8::01.2.3.4'", 2)]
    [InlineData("-L -s 2001:db8:::1", "Invalid IP address `2001:db8:::1'", 2)]
    [InlineData("-L -s 2001:db8::1%eth0", "Invalid IP address `2001:db8::1%eth0'", 2)]
    [InlineData("-L -s [2001:db8::1]", "Invalid IP address `[2001:db8::1]'", 2)]
    [InlineData("-L -s 2001:db8:0:0:0:0:0:1:2", "Invalid IP address `2001:db8:0:0:0:0:0:1:2'", 2)]
    [InlineData("-L -s 2001:db8::00001", "Invalid IP address `2001:db8::00001'", 2)]
    [InlineData("-L -s 1:2:3:4:5:6:7:1.2.3.4", "Invalid IP address `1:2:3:4:5:6:7:1.2.3.4'", 2)]
    [InlineData("-L -s :", "Invalid IP address `:'", 2)]
    [InlineData("-L -s 1::2::3", "Invalid IP address `1::2::3'", 2)]
    [InlineData("-L -d 192.0.2.1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Invalid IP address `192.0.2.1xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'", 2)]
    [InlineData("-L -r ::g", "Invalid IP address `::g'", 2)]
    [InlineData("-L -q 1.2.3.x", "Invalid IP address `1.2.3.x'", 2)]
    [InlineData("--tuple-src foo -L", "Invalid IP address `foo'", 2)]
    [InlineData("-L --mask-src 255.255.255.", "Invalid IP address `255.255.255.'", 2)]
    // one family per command
    [InlineData("-L -s 192.0.2.1 -d 2001:db8::1", "mismatched address family", 2)]
    [InlineData("-L -s 2001:db8::1 -r 192.0.2.1", "mismatched address family", 2)]
    [InlineData("-L -f ipv4 -s 2001:db8::1", "mismatched address family", 2)]
    [InlineData("-L -s 2001:db8::1 -f ipv4", "mismatched address family", 2)]
    [InlineData("-L -f ipv4 -f ipv6", "mismatched address family", 2)]
    [InlineData("-L -g 192.0.2.1 -s 2001:db8::1", "mismatched address family", 2)]
    [InlineData("-L --mask-src 255.0.0.0 -s 2001:db8::1", "mismatched address family", 2)]
    // CIDR prefixes
    [InlineData("-L -s 192.0.2.0/33", "Invalid netmask", 2)]
    [InlineData("-L -s 192.0.2.0/-1", "Invalid netmask", 2)]
    [InlineData("-L -s 192.0.2.0/24x", "Invalid netmask", 2)]
    [InlineData("-L -s '192.0.2.0/ '", "Invalid netmask", 2)]
    [InlineData("-L -s 2001:db8::/129", "Invalid netmask", 2)]
    [InlineData("-L -s 192.0.2.0/9223372036854775807", "Invalid netmask", 2)]
    [InlineData("-L -r 192.0.2.0/24", "CIDR notation unavailable for `--reply-src'", 2)]
    [InlineData("-L -q 192.0.2.0/99", "CIDR notation unavailable for `--reply-dst'", 2)]
    [InlineData("-L --mask-src 255.255.255.0/24", "CIDR notation unavailable for `--mask-src'", 2)]
    [InlineData("-L --mask-dst 255.255.255.0/x", "CIDR notation unavailable for `--mask-dst'", 2)]
    // masks need their address (checked when the command runs)
    [InlineData("-L --mask-src 255.255.255.0", "Can't use --mask-src without --src", 2)]
    [InlineData("-L --mask-dst 255.255.255.0 -s 1.1.1.1", "Can't use --mask-dst without --dst", 2)]
    [InlineData("-U --mask-src 255.0.0.0", "Can't use --mask-src without --src", 2)]
    [InlineData("-D --mask-dst ffff::", "Can't use --mask-dst without --dst", 2)]
    [InlineData("-E --mask-src 255.0.0.0", "Can't use --mask-src without --src", 2)]
    // -z lists without filters
    [InlineData("-L -z -s 192.0.2.1", "Can't use -z with filtering parameters", 2)]
    [InlineData("-L -z -p tcp", "Can't use -z with filtering parameters", 2)]
    [InlineData("-L -z -m 1", "Can't use -z with filtering parameters", 2)]
    [InlineData("-L -z -u ASSURED", "Can't use -z with filtering parameters", 2)]
    [InlineData("-L -z --reply-zone 1", "Can't use -z with filtering parameters", 2)]
    // accepted address forms
    [InlineData("-L -s 192.0.2.0/24 -d 2001:db8::1/128 -f ipv4", "mismatched address family", 2)]
    [InlineData("-L -s 192.0.2.1/32 -z", "Can't use -z with filtering parameters", 2)]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    // accepted address forms
    [InlineData("-L -s 1")]
    [InlineData("-L -s 1.2")]
    [InlineData("-L -s 1.2.3")]
    [InlineData("-L -s 0x7f.1")]
    [InlineData("-L -s 0300.0.2.1")]
    [InlineData("-L -s 4294967295")]
    [InlineData("-L -s 1.16777215")]
    [InlineData("-L -s '192.0.2.1 junk'")]
    [InlineData("-L -s '192.0.2.1\tjunk'")]
    [InlineData("-L -s 192.0.2.1/")]
    [InlineData("-L -s 192.0.2.0/+24")]
    [InlineData("-L -s 192.0.2.0/4294967320")]
    [InlineData("-L -s ::ffff:1.2.3.4")]
    [InlineData("-L -s ::1.2.3.4")]
    [InlineData("-L -s 1:2:3:4:5:6:7::")]
    [InlineData("-L -s ::1:2:3:4:5:6:7")]
    [InlineData("-L -s 1:2:3:4:5:6:1.2.3.4")]
    [InlineData("-L -s ::")]
    [InlineData("-L -s 2001:DB8::1")]
    [InlineData("-L dying -z -s 192.0.2.1")]
    [InlineData("-L dying --mask-src 255.0.0.0")]
    [InlineData("-L -s 192.0.2.0/0")]
    [InlineData("-L -s 192.0.2.0/24 --mask-src 255.0.0.0")]
    [InlineData("-F -f ipv6x")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithLabels, commandLine, diagnostics);
}
