namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// The server-push job: as <see cref="BenchmarkConfig"/>, in three processes per benchmark. The client and the server
/// share the machine's cores, and how they take turns settles differently in each process (one run's ratio moved by
/// a tenth from the next), so the iterations of three are pooled.
/// </summary>
public sealed class PushBenchmarkConfig : BenchmarkConfig
{
    public PushBenchmarkConfig()
        : base(launches: 3, "Short x3")
    {
    }
}
