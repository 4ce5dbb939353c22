using NetCt.Cli.Commands;

namespace NetCt.Tests.Commands;

public sealed class EventCommandTests
{
    [Fact]
    public void AnOverrunIsOneWarningLineWithTheRunningCount() =>
        Assert.Equal(
            "WARNING: We have hit ENOBUFS! We are losing events (overrun 3); see --buffer-size and --resync in netct(8).\n",
            EventCommand.OverrunWarning(3));

    [Theory]
    [InlineData(100000UL, 100000)]
    [InlineData(ulong.MaxValue, -1)] // "-b -1": atol gives -1, the kernel reads an int
    [InlineData(0x1_0000_0400UL, 1024)] // only the low 32 bits reach the kernel
    public void BufferSizeIsTheIntTheKernelReads(ulong given, int expected) =>
        Assert.Equal(expected, EventCommand.ReceiveBufferOf(given));

    [Fact]
    public void WithoutBufferSizeTheLibraryDefaultApplies() => Assert.Null(EventCommand.ReceiveBufferOf(null));
}
