using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket;

/// <summary>
/// The result of a request declared with <c>Returns = typeof(void)</c>: the generated method completes when the
/// response arrives (and throws when it carries an error), and whatever result it carries is skipped unread.
/// </summary>
/// <example>
/// <code language="csharp">
/// [Sends(typeof(SetCurrentProgramScene), Returns = typeof(void))]   // Task SetCurrentProgramSceneAsync(...)
/// </code>
/// </example>
[JsonConverter(typeof(NoResultConverter))]
public sealed class NoResult
{
    private NoResult()
    {
    }

    /// <summary>The one instance.</summary>
    public static NoResult Value { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "no result";

    /// <summary>Reads any JSON value as <see cref="Value"/>, and writes <c>null</c>.</summary>
    private sealed class NoResultConverter : JsonConverter<NoResult>
    {
        public override bool HandleNull => true;

        public override NoResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return Value;
        }

        public override void Write(Utf8JsonWriter writer, NoResult value, JsonSerializerOptions options) => writer.WriteNullValue();
    }
}
