namespace NetCt.Tests.Arguments;

/// <summary>
/// Without /etc/xtables/connlabel.conf: every attempt to load it prints perror's line before anything else.
/// Golden messages and exit codes captured from conntrack-1.4.8 (see <see cref="ReferenceSetup"/>):
/// each row is the command line given to the reference and what it printed after its prefix.
/// </summary>
public class MissingLabelMapGoldenTests
{
    [Theory]
    // without /etc/xtables/connlabel.conf each attempt to load it prints perror's line
    [InlineData("-L -l one", "unknown label 'one'", 2, "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("--label-add one", "unknown label 'one'", 2, "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("-L -l one,two", "unknown label 'one'", 2, "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("-U --label-add one --label-del two", "unknown label 'one'", 2, "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("-U --label-del --label-add one", "cannot use --label-add and --label-del at the same time", 1, "nfct_labelmap_new: No such file or directory\nnfct_labelmap_new: No such file or directory\n")]
    [InlineData("--label-del", "Illegal option `--label-del' with this command", 2, "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("-L -o labels,save", "cannot combine save output with any other output type, use -o save only", 1, "nfct_labelmap_new: No such file or directory\n")]
    public void RejectedLikeConntrack(string commandLine, string message, int exitCode, string diagnostics = "")
        => ReferenceSetup.AssertError(ReferenceSetup.WithoutLabels, commandLine, message, exitCode, diagnostics);

    // The reference parsed these without a parameter error (it then ran them: exit 0, or 1 when the kernel refused).
    [Theory]
    [InlineData("-U --label-del", "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("-U --label-del --label-del", "nfct_labelmap_new: No such file or directory\nnfct_labelmap_new: No such file or directory\n")]
    [InlineData("-L -o labels", "nfct_labelmap_new: No such file or directory\n")]
    [InlineData("-L -o labels -o xml", "nfct_labelmap_new: No such file or directory\nnfct_labelmap_new: No such file or directory\n")]
    [InlineData("-L -o xml -o labels -o id", "nfct_labelmap_new: No such file or directory\nnfct_labelmap_new: No such file or directory\n")]
    [InlineData("-L -u S -o labels", "WARNING: ignoring SRC_NAT, use --src-nat instead\nnfct_labelmap_new: No such file or directory\n")]
    public void AcceptedLikeConntrack(string commandLine, string diagnostics = "")
        => ReferenceSetup.AssertAccepted(ReferenceSetup.WithoutLabels, commandLine, diagnostics);
}
