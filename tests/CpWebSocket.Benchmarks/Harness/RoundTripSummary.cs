namespace CpWebSocket.Benchmarks.Harness;

/// <summary>Percentiles of single round trips, in microseconds, and client bytes allocated per round trip.</summary>
public sealed record RoundTripSummary(int Count, double Median, double P90, double P99, double P999, double Max, double BytesPerRoundTrip);
