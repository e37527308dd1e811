using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// CpWebSocket's generator beside System.Text.Json's on the same 200 types (see <see cref="GeneratorWorkload"/>):
/// a full run each, and an incremental run after an unrelated edit, with the two yardsticks of
/// <see cref="ReferenceGenerators"/> for the incremental run.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class GeneratorBenchmarks
{
    private const int WarmupRuns = 60;

    private GeneratorWorkload _workload = null!;
    private GeneratorWorkload.IncrementalSession _cpWebSocket = null!;
    private GeneratorWorkload.IncrementalSession _systemTextJson = null!;
    private GeneratorWorkload.IncrementalSession _clientNameOnly = null!;
    private GeneratorWorkload.IncrementalSession _discriminatorsOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new GeneratorWorkload();
        _cpWebSocket = _workload.StartIncremental(_workload.CpWebSocket);
        _systemTextJson = _workload.StartIncremental(_workload.SystemTextJson);
        _clientNameOnly = _workload.StartIncremental(_workload.ClientNameOnly);
        _discriminatorsOnly = _workload.StartIncremental(_workload.DiscriminatorsOnly);

        // The generators are loaded at run time and long-running; a few warm-up iterations of a handful of calls each
        // leave them half-way through tiered compilation (times kept falling through the measured iterations), so
        // every one of them runs enough times here first to be fully optimized.
        for (var i = 0; i < WarmupRuns; i++)
        {
            _workload.RunFull(_workload.CpWebSocket);
            _workload.RunFull(_workload.SystemTextJson);
            _cpWebSocket.EditAndRun();
            _systemTextJson.EditAndRun();
            _clientNameOnly.EditAndRun();
            _discriminatorsOnly.EditAndRun();
        }
    }

    [BenchmarkCategory("Generator"), Benchmark]
    public GeneratorDriver CpWebSocket_FullRun() => _workload.RunFull(_workload.CpWebSocket);

    [BenchmarkCategory("Generator"), Benchmark(Baseline = true)]
    public GeneratorDriver SystemTextJson_FullRun() => _workload.RunFull(_workload.SystemTextJson);

    [BenchmarkCategory("Generator"), Benchmark]
    public GeneratorDriver CpWebSocket_Incremental() => _cpWebSocket.EditAndRun();

    [BenchmarkCategory("Generator"), Benchmark]
    public GeneratorDriver SystemTextJson_Incremental() => _systemTextJson.EditAndRun();

    [BenchmarkCategory("Generator"), Benchmark]
    public GeneratorDriver ClientNameOnly_Incremental() => _clientNameOnly.EditAndRun();

    [BenchmarkCategory("Generator"), Benchmark]
    public GeneratorDriver DiscriminatorsOnly_Incremental() => _discriminatorsOnly.EditAndRun();
}
