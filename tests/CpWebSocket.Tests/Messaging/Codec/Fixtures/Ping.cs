namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message without properties: its payload is <c>{}</c>.</summary>
public sealed record Ping;
