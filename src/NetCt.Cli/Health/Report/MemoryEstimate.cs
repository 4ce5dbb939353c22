namespace NetCt.Cli.Health;

/// <summary>
/// Kernel memory of the table: one nf_conntrack slab object per entry plus the bucket array (one
/// pointer-sized hlist_nulls_head per bucket). Extensions (accounting, time stamps, labels, NAT)
/// live in separate allocations and are not counted.
/// </summary>
/// <param name="ObjectSize">Bytes per entry (the slab's object size).</param>
/// <param name="EntryBytes">Entries × object size.</param>
/// <param name="BucketBytes">Buckets × 8.</param>
/// <param name="AtMaxBytes">What a full table would take: max × object size + the buckets; null if the max is unknown.</param>
internal sealed record MemoryEstimate(int ObjectSize, long EntryBytes, long BucketBytes, long? AtMaxBytes)
{
    public const int BucketSize = 8;

    public long TotalBytes => EntryBytes + BucketBytes;
}
