namespace NetCt.Bench;

/// <summary>
/// The least any Native AOT program built like netct costs to start and exit: bench/run.sh times it
/// beside netct -C and -G. With the argument <c>gc</c> it prints the GC settings in force instead
/// (what the RSS figures depend on), read the same way netct's runtime reads them.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "gc")
            PrintGcSettings();
        return 0;
    }

    private static void PrintGcSettings()
    {
        var settings = GC.GetConfigurationVariables();
        foreach (string name in (string[])["ServerGC", "ConcurrentGC", "GCHeapHardLimit", "GCConserveMem"])
        {
            if (settings.TryGetValue(name, out object? value))
                Console.Write($"{name}={value} ");
        }
        // The first generation's budget is not among the variables: measure it by allocating
        // short-lived objects and counting collections.
        long collectionsBefore = GC.CollectionCount(0);
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        object? last = null;
        for (int i = 0; i < 4 << 20; i++)
            last = new byte[40];
        GC.KeepAlive(last);
        long collections = GC.CollectionCount(0) - collectionsBefore;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        Console.WriteLine(collections == 0
            ? $"gen0 budget>{allocated / 1024} KiB"
            : $"gen0 budget~{allocated / collections / 1024} KiB (measured)");
    }
}
