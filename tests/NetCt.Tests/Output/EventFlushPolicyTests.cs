using NetCt.Cli.Output;
using NetCt.Interop;

namespace NetCt.Tests.Output;

public sealed class EventFlushPolicyTests
{
    [Theory]
    [InlineData((int)StandardOutputKind.Terminal, true)]
    [InlineData((int)StandardOutputKind.Pipe, true)]
    [InlineData((int)StandardOutputKind.Socket, true)]
    [InlineData((int)StandardOutputKind.Unknown, true)]
    [InlineData((int)StandardOutputKind.RegularFile, false)]
    [InlineData((int)StandardOutputKind.Device, false)]
    public void EventsAreFlushedOneByOneOnlyWhereSomeoneMayBeWatching(int stdout, bool everyEvent) =>
        Assert.Equal(everyEvent, EventFlushPolicy.FlushesEveryEvent((StandardOutputKind)stdout));

    [Fact]
    public void DescriptorsAreClassified()
    {
        string path = Path.GetTempFileName();
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
            Assert.Equal(StandardOutputKind.RegularFile, StandardOutputKinds.Of((int)file.DangerousGetHandle()));
        }
        finally
        {
            File.Delete(path);
        }

        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Write);
        Assert.Equal(StandardOutputKind.Device, StandardOutputKinds.Of((int)devNull.DangerousGetHandle()));

        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        Assert.Equal(StandardOutputKind.Pipe, StandardOutputKinds.Of((int)pipe.SafePipeHandle.DangerousGetHandle()));
        Assert.Equal(StandardOutputKind.Unknown, StandardOutputKinds.Of(-1));
    }
}
