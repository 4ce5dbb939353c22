using System.Text;
using Microsoft.Win32.SafeHandles;
using NetCt.Cli.Exporter;
using NetCt.Cli.Output;

namespace NetCt.Tests.Exporter;

/// <summary>The exporter's stderr log: a line per problem, and a service that outlives its log.</summary>
public sealed class ExporterLogTests
{
    [Fact]
    public void AProblemIsSaidOnceUntilItsNamespaceRecovers()
    {
        var errors = new StringWriter();
        var log = new ExporterLog(errors);

        log.Problem("blue", "netlink error");
        log.Problem("blue", "netlink error");
        log.Recovered("blue");
        log.Problem("blue", "netlink error");

        Assert.Equal(2, errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("exporter: netns blue: netlink error\n", errors.ToString());
    }

    [Fact]
    public void AStandardErrorThatCannotBeWrittenLeavesTheExporterServing()
    {
        // What netct's stderr is when it started with descriptor 2 closed: /dev/null opened
        // read-only, on which every write fails with EBADF.
        using SafeFileHandle readOnly = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Read);
        var errors = new StreamWriter(new DescriptorStream((int)readOnly.DangerousGetHandle()), new UTF8Encoding(false)) { AutoFlush = true };
        Assert.Throws<DescriptorWriteException>(() => errors.Write("x"));
        var log = new ExporterLog(errors);

        log.Write("serving http://[::]:19100/metrics");
        log.Problem("blue", "netlink error");
    }
}
