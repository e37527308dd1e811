namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// What must become of one corpus entry: its outcome, and for an error its kind and a fragment its message must
/// contain (the reason) and, for one element of an array frame, the element's text; for a delivered message its
/// sequence number and sensor.
/// </summary>
public readonly record struct ExpectedOutcome(OutcomeKind Kind, WebSocketErrorKind? ErrorKind = null, string? Reason = null, long Sequence = -1, string? Sensor = null, string? RawText = null)
{
    public static ExpectedOutcome Delivered(long sequence, string sensor) => new(OutcomeKind.Delivered, Sequence: sequence, Sensor: sensor);

    public static ExpectedOutcome Error(WebSocketErrorKind kind, string reason) => new(OutcomeKind.Error, kind, reason);

    public static ExpectedOutcome Unhandled(string discriminator) => new(OutcomeKind.Unhandled, Reason: discriminator);

    public static ExpectedOutcome RawOnly() => new(OutcomeKind.RawOnly);
}
