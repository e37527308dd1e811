using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>Writes a <see cref="Code"/> as a bare JSON string.</summary>
public sealed class CodeConverter : JsonConverter<Code>
{
    public override Code Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, Code value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
