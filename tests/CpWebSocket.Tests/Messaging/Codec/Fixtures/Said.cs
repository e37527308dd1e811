namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A received chat message.</summary>
public sealed record Said(string Room, string From, string Text);
