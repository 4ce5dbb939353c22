using NetCt.Conntrack;

namespace NetCt.Tests.LiveTables;

/// <summary>The flat entry store: lookups stay right through adds and removals, and memory stays within budget.</summary>
public sealed class EntryStoreTests
{
    private static LiveEntry Entry(uint id) => LiveEntry.From(ScriptedFlows.Udp(id, "192.0.2.1", "198.51.100.1", 53), now: 0);

    [Fact]
    public void LookupsAgreeWithADictionaryThroughRandomChurn()
    {
        var store = new EntryStore();
        var reference = new Dictionary<uint, int>();
        var random = new Random(13);
        for (int step = 0; step < 200_000; step++)
        {
            // Ids from a small range collide in the index often, which exercises the backward shift.
            uint id = (uint)random.Next(1, 20_000) * 4096;
            int slot = store.Find(id);
            Assert.Equal(reference.ContainsKey(id), slot >= 0);
            if (slot >= 0)
            {
                Assert.Equal(reference[id], slot);
                Assert.Equal(id, store[slot].Id);
                store.Remove(slot);
                reference.Remove(id);
            }
            else
            {
                reference[id] = store.Add(Entry(id));
            }
        }

        Assert.Equal(reference.Count, store.Count);
        foreach ((uint id, int slot) in reference)
        {
            Assert.Equal(slot, store.Find(id));
        }
    }

    [Fact]
    public void AnEntryTakesAtMost120BytesWithItsIndex()
    {
        Assert.Equal(60, System.Runtime.CompilerServices.Unsafe.SizeOf<EntryCore>());
        var store = new EntryStore();
        for (uint id = 1; id <= 300_000; id++)
        {
            store.Add(Entry(id));
        }

        double perEntry = (double)store.AllocatedBytes / store.Count;
        Assert.InRange(perEntry, 60, 80);
    }

    [Fact]
    public void CountersTakeRoomOnlyOnceTheKernelReportsThem()
    {
        var store = new EntryStore();
        for (uint id = 1; id <= 20_000; id++)
        {
            store.Add(Entry(id));
        }

        long withoutCounters = store.AllocatedBytes;
        Flow counted = ScriptedFlows.Tcp(20_001, "192.0.2.1", "198.51.100.1", 40000, 443, counters: new Counters(3, 300));
        int slot = store.Add(LiveEntry.From(counted, now: 0));

        Assert.True(store.AllocatedBytes > withoutCounters);
        Assert.Equal(new Counters(3, 300), store[slot].OriginalCounters);
        Assert.Equal(600ul, store[slot].TotalBytes);
        Assert.False(store[store.Find(5)].HasCounters);
        Assert.Equal(new Counters(0, 0), store[store.Find(5)].ReplyCounters);
    }

    [Fact]
    public void AReservedStoreDoesNotRehashAsItFills()
    {
        var store = new EntryStore();
        store.Reserve(100_000);
        long reserved = store.AllocatedBytes;
        for (uint id = 1; id <= 100_000; id++)
        {
            store.Add(Entry(id));
        }

        // Only entry chunks were added: the index kept its size.
        long chunks = (long)Math.Ceiling(100_000 / 16384.0) * 16384 * System.Runtime.CompilerServices.Unsafe.SizeOf<EntryCore>();
        Assert.Equal(reserved + chunks, store.AllocatedBytes);
        Assert.Equal(77_777, store.Find(77_777) is int slot and >= 0 ? (int)store[slot].Id : -1);
    }
}
