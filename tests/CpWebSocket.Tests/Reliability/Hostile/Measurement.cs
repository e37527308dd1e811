namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>The wrapped, integer-discriminated message of the hostile corpus: the fields of <see cref="Reading"/>.</summary>
[Message(7)]
public sealed record Measurement(string Sensor, int Count, long Sequence, double Value, decimal Amount, bool Active, IReadOnlyList<int>? Samples, string? Note);
