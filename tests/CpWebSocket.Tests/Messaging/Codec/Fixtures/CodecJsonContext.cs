using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>Generated metadata for the codec's test messages, with the web defaults.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Say))]
[JsonSerializable(typeof(Said))]
[JsonSerializable(typeof(Quote))]
[JsonSerializable(typeof(Tick))]
[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(Code))]
[JsonSerializable(typeof(Tagged))]
[JsonSerializable(typeof(IgnoredTag))]
[JsonSerializable(typeof(Strict))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(Level))]
[JsonSerializable(typeof(Beat))]
[JsonSerializable(typeof(long?))]
public sealed partial class CodecJsonContext : JsonSerializerContext;
