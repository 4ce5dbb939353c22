using NetCt.Cli.Output;
using NetCt.Conntrack;

namespace NetCt.Tests.Output;

public sealed class StatisticsOutputTests
{
    // unshare -n sh -c 'conntrack -I ...tcp...; conntrack -S | od -c; conntrack -S expect | od -c'
    // on kernel 6.18 (two CPUs): the kernel sends found, invalid, insert ... chaintoolong; every
    // counter is followed by a blank and every line, the last included, ends in '\n'.
    [Fact]
    public void Prints_per_cpu_conntrack_counters_in_attribute_order()
    {
        string printed = Rendered.Text(output =>
        {
            StatisticsFormatter.WriteConntrackCpu(output, KernelCpu(0, insert: 0));
            StatisticsFormatter.WriteConntrackCpu(output, KernelCpu(1, insert: 1));
        });
        Assert.Equal(
            "cpu=0   \tfound=0 invalid=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0 \n" +
            "cpu=1   \tfound=0 invalid=0 insert=1 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0 clash_resolve=0 chaintoolong=0 \n",
            printed);
    }

    [Fact]
    public void Prints_per_cpu_expectation_counters()
    {
        string printed = Rendered.Text(output =>
        {
            foreach (ushort cpu in new ushort[] { 0, 1 })
            {
                var statistics = Cpu(cpu, (1, 0), (2, 0), (3, 0));
                StatisticsFormatter.WriteExpectationCpu(output, statistics);
            }
        });
        Assert.Equal(
            "cpu=0   \texpect_new=0 expect_create=0 expect_delete=0 \ncpu=1   \texpect_new=0 expect_create=0 expect_delete=0 \n",
            printed);
    }

    // conntrack 1.4.8's nfct_stats_cb: the old counters (searched 1, new 3, ignore 5, delete 6,
    // delete_list 7) by their names, counters of newer kernels as unknown1..4, anything past them dropped.
    [Fact]
    public void Names_old_counters_and_placeholders_for_newer_ones()
    {
        var counters = new List<CpuStatisticsCounter>();
        for (ushort type = 1; type <= 21; type++)
            counters.Add(new CpuStatisticsCounter(type, type * 1000u));
        var statistics = new CpuStatistics(12345, counters);
        string printed = Rendered.Text(output => StatisticsFormatter.WriteConntrackCpu(output, statistics));
        Assert.Equal(
            "cpu=12345\tsearched=1000 found=2000 new=3000 invalid=4000 ignore=5000 delete=6000 delete_list=7000 insert=8000 " +
            "insert_failed=9000 drop=10000 early_drop=11000 error=12000 search_restart=13000 clash_resolve=14000 chaintoolong=15000 " +
            "unknown1=16000 unknown2=17000 unknown3=18000 unknown4=19000 \n",
            printed);
        Assert.Equal(20000u, statistics[20]);
    }

    [Fact]
    public void Prints_the_proc_fallback_with_the_file_names()
    {
        string printed = Rendered.Text(output =>
            StatisticsFormatter.WriteProcCpu(output, 3, ["entries", "searched", "found"], [7u, 0u, 4294967295u]));
        Assert.Equal("cpu=3   \tentries=7 searched=0 found=4294967295 \n", printed);
    }

    // conntrack -C after one -I prints "1"; the count is printed with %d.
    [Theory]
    [InlineData(0u, "0\n")]
    [InlineData(1u, "1\n")]
    [InlineData(2147483647u, "2147483647\n")]
    [InlineData(2147483648u, "-2147483648\n")]
    public void Prints_the_count(uint count, string expected)
    {
        Assert.Equal(expected, Rendered.Text(output => StatisticsFormatter.WriteCount(output, count)));
    }

    // A repeated type prints its last value, as conntrack's attribute table keeps the last one.
    [Fact]
    public void A_repeated_counter_prints_its_last_value()
    {
        string printed = Rendered.Text(output =>
            StatisticsFormatter.WriteExpectationCpu(output, Cpu(0, (1, 5), (1, 6), (3, 7))));
        Assert.Equal("cpu=0   \texpect_new=6 expect_delete=7 \n", printed);
    }

    private static CpuStatistics KernelCpu(ushort cpu, uint insert) => Cpu(
        cpu,
        (2, 0), // CTA_STATS_FOUND
        (4, 0), // CTA_STATS_INVALID
        (8, insert), // CTA_STATS_INSERT
        (9, 0), // CTA_STATS_INSERT_FAILED
        (10, 0), // CTA_STATS_DROP
        (11, 0), // CTA_STATS_EARLY_DROP
        (12, 0), // CTA_STATS_ERROR
        (13, 0), // CTA_STATS_SEARCH_RESTART
        (14, 0), // CTA_STATS_CLASH_RESOLVE
        (15, 0)); // CTA_STATS_CHAIN_TOOLONG

    private static CpuStatistics Cpu(ushort cpu, params (ushort Type, uint Value)[] counters) =>
        new(cpu, [.. counters.Select(counter => new CpuStatisticsCounter(counter.Type, counter.Value))]);
}
