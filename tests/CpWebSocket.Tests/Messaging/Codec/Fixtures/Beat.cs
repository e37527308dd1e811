namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message whose payload is a bare number or null: <c>{"op":1,"d":251}</c>.</summary>
public sealed record Beat(long? Sequence);
