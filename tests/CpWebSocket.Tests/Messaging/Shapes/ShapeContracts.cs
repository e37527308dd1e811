namespace CpWebSocket.Tests.Messaging.Shapes;

/// <summary>A reading with required members of each kind and optional ones declared nullable or with a default.</summary>
[Message("reading")]
public sealed record Reading(string Sensor, int Count, Location Where, IReadOnlyList<Sample> Samples, string? Note, int Retries = 0);

/// <summary>A nested object with its own required members.</summary>
public sealed record Location(string Room, double Level);

/// <summary>An element of an array, with its own required member.</summary>
public readonly record struct Sample(long At, double Value);

/// <summary>Echo client for <see cref="Reading"/>: what it sends comes back to it.</summary>
[WebSocketClient]
[Sends(typeof(Reading))]
[Receives(typeof(Reading))]
public sealed partial class ReadingEchoClient;
