using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// Generated metadata with System.Text.Json's strict defaults (no numbers read from strings, depth limit 64),
/// so every wrong JSON type is an error, and camelCase names.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(Measurement))]
internal sealed partial class HostileJsonContext : JsonSerializerContext;
