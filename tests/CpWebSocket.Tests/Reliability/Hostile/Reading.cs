namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>The flat, string-discriminated message of the hostile corpus: one field of each JSON type.</summary>
[Message("reading")]
public sealed record Reading(string Sensor, int Count, long Sequence, double Value, decimal Amount, bool Active, IReadOnlyList<int>? Samples, string? Note);
