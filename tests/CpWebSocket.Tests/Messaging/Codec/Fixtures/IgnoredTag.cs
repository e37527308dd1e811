using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message whose member of the discriminator's name is left out of its JSON.</summary>
public sealed record IgnoredTag([property: JsonIgnore] string Type, string Text);
