using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message whose converter writes a JSON string, not an object.</summary>
[JsonConverter(typeof(CodeConverter))]
public sealed record Code(string Value);
