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
        Assert.Equal(84, System.Runtime.CompilerServices.Unsafe.SizeOf<LiveEntry>());
        var store = new EntryStore();
        for (uint id = 1; id <= 300_000; id++)
        {
            store.Add(Entry(id));
        }

        double perEntry = (double)store.AllocatedBytes / store.Count;
        Assert.InRange(perEntry, 84, 120);
    }
}
