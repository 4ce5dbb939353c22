using System.CommandLine;

namespace NetCt.Bench;

/// <summary>
/// The empty program of bench/aot-baseline with a System.CommandLine command tree in the binary.
/// Without arguments it returns at once, as the empty program does; the tree is reachable (with the
/// argument <c>tree</c>), so the compiler keeps System.CommandLine and what it uses, and the runtime
/// sets up their types' statics at every start, as it does in netct. bench/run.sh times it beside
/// netct -C and -G: what is left between it and netct is netct's own.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "tree")
            return Tree().Parse(args[1..]).Invoke();
        return 0;
    }

    private static RootCommand Tree()
    {
        var count = new Option<int>("--count") { Description = "A number." };
        var command = new Command("show", "Prints the number.") { count };
        command.SetAction(result => Console.WriteLine(result.GetValue(count)));
        return new RootCommand("The empty program's command tree.") { command };
    }
}
