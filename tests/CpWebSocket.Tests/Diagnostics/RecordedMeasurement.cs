namespace CpWebSocket.Tests.Diagnostics;

/// <summary>One value an instrument recorded, with its attributes.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>The attribute's value, or null when absent.</summary>
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{Instrument} {Value} {{{string.Join(", ", Tags.Select(t => $"{t.Key}={t.Value}"))}}}";
}
