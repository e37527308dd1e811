using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// The one job of every benchmark: few iterations, so the whole suite fits in minutes on two cores, and each
/// benchmark in a process of its own, so the allocations counted are the client's alone (the server lives in
/// the process that started the run).
/// </summary>
public class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
        : this(launches: 1, "Short")
    {
    }

    /// <param name="launches">How many processes each benchmark runs in, one after another; their iterations are pooled.</param>
    /// <param name="id">The job's name.</param>
    protected BenchmarkConfig(int launches, string id)
    {
        AddJob(Job.Default
            .WithLaunchCount(launches)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            // The project BenchmarkDotNet generates inherits the repository's warnings-as-errors; its code is not ours to fix.
            .WithArguments([new MsBuildArgument("/p:TreatWarningsAsErrors=false")])
            .WithId(id));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.OperationsPerSecond, CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        HideColumns(Column.Job, Column.Error, Column.StdDev, Column.RatioSD, Column.AllocRatio);
        WithOptions(ConfigOptions.JoinSummary);
    }
}
