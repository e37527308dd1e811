using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpWebSocket.Documentation;

/// <summary>
/// Writes a JSON tree as YAML 1.2 in block style: two spaces a level, <c>- </c> for array items, plain scalars where
/// YAML reads them back as the same string, and JSON's double-quoted form everywhere else (valid YAML too).
/// </summary>
internal static class YamlWriter
{
    private static readonly JsonWriterOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode root)
    {
        var text = new StringBuilder();
        WriteBlock(text, root, 0);
        return text.ToString();
    }

    /// <summary>Writes the members of an object, or the items of an array, each on lines of their own at <paramref name="indent"/>.</summary>
    private static void WriteBlock(StringBuilder text, JsonNode? node, int indent)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    text.Append(' ', indent).Append(Key(name)).Append(':');
                    WriteValue(text, value, indent);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    text.Append(' ', indent).Append('-');
                    if (item is JsonObject { Count: > 0 } member)
                    {
                        // "- name: value", the other members under it.
                        var first = true;
                        foreach (var (name, value) in member)
                        {
                            text.Append(' ', first ? 1 : indent + 2).Append(Key(name)).Append(':');
                            WriteValue(text, value, indent + 2);
                            first = false;
                        }
                    }
                    else
                    {
                        WriteValue(text, item, indent);
                    }
                }

                break;
        }
    }

    /// <summary>Writes what follows <c>key:</c> or <c>-</c>: a scalar on the same line, or a nested block on the next.</summary>
    private static void WriteValue(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonObject:
                text.Append('\n');
                WriteBlock(text, value, indent + 2);
                break;
            case JsonArray:
                text.Append('\n');
                WriteBlock(text, value, indent + 2);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? value)
    {
        if (value is null)
        {
            return "null";
        }

        var element = value.GetValueKind();
        return element switch
        {
            JsonValueKind.String => Text(value.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
    }

    private static string Key(string name) => Text(name);

    /// <summary>A string plain when YAML reads it back as that same string, double-quoted otherwise.</summary>
    private static string Text(string value) => IsPlain(value) ? value : Quoted(value);

    /// <summary>JSON's double-quoted string, which YAML reads the same way.</summary>
    private static string Quoted(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, QuoteOptions))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsPlain(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        // Indicators that start something else than a plain scalar.
        if ("-?:,[]{}#&*!|>'\"%@`~".Contains(value[0], StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < ' ' || c > '~' || c is '#' or ',' or '[' or ']' or '{' or '}' or '"' or '\'' or '\\')
            {
                return false;
            }
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.EndsWith(':'))
        {
            return false;
        }

        // Words and numbers YAML would read as something else than a string.
        var lower = value.ToLowerInvariant();
        if (lower is "null" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or ".nan" or ".inf" or "-.inf" or "+.inf")
        {
            return false;
        }

        return !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !(value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || value.StartsWith("0o", StringComparison.OrdinalIgnoreCase));
    }
}
