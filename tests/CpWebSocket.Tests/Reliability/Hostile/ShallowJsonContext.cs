using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>The metadata of <see cref="HostileJsonContext"/> with the depth limit lowered to <see cref="MaxDepth"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = MaxDepth)]
[JsonSerializable(typeof(Reading))]
internal sealed partial class ShallowJsonContext : JsonSerializerContext
{
    /// <summary>The depth limit of this context.</summary>
    public const int MaxDepth = 8;
}
