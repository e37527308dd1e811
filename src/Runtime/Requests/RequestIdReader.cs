using System.Buffers.Text;
using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>Finds the request id of a received message, where the envelope's <see cref="RequestIdSettings"/> say it stands.</summary>
internal static class RequestIdReader
{
    /// <summary>
    /// Reads the request id of <paramref name="json"/>, a number or a string of digits, and the part a response is
    /// read from: the payload of a wrapped envelope when there is one, else the whole message. Returns false for a
    /// message without an id or that is not a JSON object; broken JSON is left to the router to report.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, MessageProtocol protocol, out long id, out Range response)
    {
        id = 0;
        response = Range.All;
        var settings = protocol.Envelope.RequestId!;
        var payloadName = protocol.PayloadPropertyUtf8;
        var idInPayload = protocol.Envelope.RequestIdInPayload;
        var found = false;
        try
        {
            var reader = new Utf8JsonReader(json, protocol.ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var payloadSeen = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!found && !idInPayload && reader.ValueTextEquals(settings.RawPropertyUtf8))
                {
                    reader.Read();
                    found = TryReadId(ref reader, out id);
                    reader.Skip();
                }
                else if (payloadName is not null && !payloadSeen && reader.ValueTextEquals(payloadName))
                {
                    payloadSeen = true;
                    reader.Read();
                    var start = checked((int)reader.TokenStartIndex);
                    if (idInPayload && reader.TokenType == JsonTokenType.StartObject)
                    {
                        found = TryReadIdInObject(ref reader, settings.RawPropertyUtf8, out id);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    response = start..checked((int)reader.BytesConsumed);
                }
                else
                {
                    reader.Skip();
                }

                if (found && (payloadName is null || payloadSeen))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return found;
    }

    /// <summary>Reads the id property of the object the reader stands at the start of, and leaves the reader at its end.</summary>
    private static bool TryReadIdInObject(ref Utf8JsonReader reader, byte[] property, out long id)
    {
        id = 0;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!found && reader.ValueTextEquals(property))
            {
                reader.Read();
                found = TryReadId(ref reader, out id);
            }
            else
            {
                reader.Read();
            }

            reader.Skip();
        }

        return found;
    }

    private static bool TryReadId(ref Utf8JsonReader reader, out long id)
    {
        id = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out id),
            JsonTokenType.String when !reader.ValueIsEscaped => Utf8Parser.TryParse(reader.ValueSpan, out id, out var consumed) && consumed == reader.ValueSpan.Length,
            _ => false,
        };
    }
}
