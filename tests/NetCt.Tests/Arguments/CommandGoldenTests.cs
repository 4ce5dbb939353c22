namespace NetCt.Tests.Arguments;

/// <summary>
/// Commands and tables: one command per line, table names by prefix, commands a table does not support.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class CommandGoldenTests
{
    [Theory]
    // only one command
    [InlineData("-L -D", "Invalid commands combination", 2)]
    [InlineData("-L -L", "Invalid commands combination", 2)]
    [InlineData("-C -L", "Invalid commands combination", 2)]
    [InlineData("-L conntrack -D expect", "Invalid commands combination", 2)]
    // tables
    [InlineData("-L x", "unknown type `x'", 2)]
    [InlineData("-V foo", "unknown type `foo'", 2)]
    [InlineData("-h x", "unknown type `x'", 2)]
    [InlineData("-S x", "unknown type `x'", 2)]
    [InlineData("-L -L x", "unknown type `x'", 2)]
    [InlineData("-D dying", "Can't do that command with tables `dying' and `unconfirmed'", 2)]
    [InlineData("-E unconfirmed", "Can't do that command with tables `dying' and `unconfirmed'", 2)]
    [InlineData("-I unc", "Can't do that command with tables `dying' and `unconfirmed'", 2)]
    [InlineData("-U expect", "Can't do --update on expectations", 2)]
    [InlineData("-A expect", "Can't do --add on expectations", 2)]
    [InlineData("-U e", "Can't do --update on expectations", 2)]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    // every command, long forms and table prefixes
    [InlineData("-L")]
    [InlineData("-L conntrack")]
    [InlineData("-L expect")]
    [InlineData("-L exp")]
    [InlineData("-L e")]
    [InlineData("-L ''")]
    [InlineData("-L dying")]
    [InlineData("-L dy")]
    [InlineData("-L unconfirmed")]
    [InlineData("-L u")]
    [InlineData("--dump expect")]
    [InlineData("-Lexpect")]
    [InlineData("-Cexpect")]
    [InlineData("-C expect")]
    [InlineData("-S expect")]
    [InlineData("-S conntrack")]
    [InlineData("-F")]
    [InlineData("-F expect")]
    [InlineData("--flush e")]
    [InlineData("-V")]
    [InlineData("--version")]
    [InlineData("-h")]
    [InlineData("-h expect")]
    [InlineData("--help")]
    [InlineData("-E")]
    [InlineData("-E expect")]
    [InlineData("--count")]
    [InlineData("--stats")]
    [InlineData("-U")]
    [InlineData("-D")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithLabels, commandLine, diagnostics);
}
