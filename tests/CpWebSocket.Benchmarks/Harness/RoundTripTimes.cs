using System.Diagnostics;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>The timings of one contender's single round trips, and the client bytes they allocated.</summary>
public sealed class RoundTripTimes(int capacity)
{
    private readonly List<long> _ticks = new(capacity);
    private long _allocated;

    public void Add(long ticks) => _ticks.Add(ticks);

    public void AddAllocated(long bytes) => _allocated += bytes;

    public RoundTripSummary Summarize()
    {
        var sorted = _ticks.Order().ToArray();
        double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        double At(double quantile) => Micros(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)]);
        return new RoundTripSummary(sorted.Length, At(0.5), At(0.9), At(0.99), At(0.999), Micros(sorted[^1]), (double)_allocated / sorted.Length);
    }
}
