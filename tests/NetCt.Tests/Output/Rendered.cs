using System.Text;
using NetCt.Cli.Output;

namespace NetCt.Tests.Output;

/// <summary>Runs output code against an <see cref="OutputBuffer"/> over memory and returns what reached the stream.</summary>
internal static class Rendered
{
    public static string Text(Action<OutputBuffer> write, int capacity = OutputBuffer.DefaultCapacity)
    {
        var stream = new MemoryStream();
        using (var output = new OutputBuffer(stream, capacity))
            write(output);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>What a <see cref="FlowPrinter"/> for <paramref name="command"/> prints for <paramref name="flows"/>, footer included.</summary>
    public static string Printed(FlowCommand command, OutputFlags flags, NetCt.Cli.Labels.ConnLabelTable? labels, TimeProvider time, params NetCt.Conntrack.Flow[] flows) =>
        Text(output =>
        {
            var printer = FlowPrinter.ForCommand(command, output, flags, labels, time);
            foreach (var flow in flows)
                printer.Print(flow);
            printer.Finish();
        });

    /// <summary>One formatter call inside a record, as <see cref="FlowPrinter"/> makes it.</summary>
    public static string Record(Action<OutputBuffer> write, int limit = ConntrackQuirks.DumpLineLimit) => Text(output =>
    {
        output.BeginRecord(limit);
        write(output);
        output.EndRecord();
    });
}
