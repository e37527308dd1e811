namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message with a property of the discriminator's name.</summary>
public sealed record Tagged(string Type, string Text);
