namespace NetCt.Cli.Exporter.Metrics;

/// <summary>Facts shared by every namespace: the hash table size and the size of one entry in the kernel.</summary>
/// <param name="Buckets">nf_conntrack_buckets (one hash table for the whole host), or null if unreadable.</param>
/// <param name="EntryBytes">The nf_conntrack slab's object size from /proc/slabinfo, or null (then an estimate is used).</param>
internal sealed record HostFacts(long? Buckets, long? EntryBytes);
