namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A sent chat message: two strings.</summary>
public sealed record Say(string Room, string Text);
