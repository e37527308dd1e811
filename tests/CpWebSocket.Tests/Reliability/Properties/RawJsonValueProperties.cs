using System.Text.Json;
using CpWebSocket.Messaging.Layout;
using CsCheck;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>
/// The router goes past a payload it will deserialize by its brackets and strings alone: for any JSON value that must
/// end exactly where the reader ends it, and for any bytes it must neither throw nor run past them.
/// </summary>
public sealed class RawJsonValueProperties
{
    [Fact]
    public void The_end_of_any_json_value_is_where_the_reader_ends_it()
    {
        Gen.Select(CodecGen.Specimen, Gen.Int[0, 3]).Sample(
            (specimen, shape) =>
            {
                var value = shape switch
                {
                    0 => JsonSerializer.SerializeToUtf8Bytes(specimen, PropertyJsonContext.Default.Specimen),
                    1 => JsonSerializer.SerializeToUtf8Bytes(specimen.Text, PropertyJsonContext.Default.String),
                    2 => JsonSerializer.SerializeToUtf8Bytes(specimen.Words, PropertyJsonContext.Default.StringArray),
                    _ => JsonSerializer.SerializeToUtf8Bytes(specimen.Money, PropertyJsonContext.Default.Decimal),
                };
                byte[] message = [(byte)'[', .. value, .. ",\"next\",[1,{\"a\":\"}\"}]]"u8];

                var length = RawJsonValue.Length(message.AsSpan(1), out _);

                var reader = new Utf8JsonReader(message);
                reader.Read();
                reader.Read();
                reader.Skip();
                Assert.Equal(checked((int)reader.BytesConsumed) - 1, length);
            },
            iter: 5_000,
            threads: 1);
    }

    [Fact]
    public void Any_bytes_give_a_length_within_them_or_minus_one()
    {
        Gen.Frequency((1, Gen.Byte.Array[0, 64]), (3, CodecGen.JsonishBytes)).Sample(
            bytes =>
            {
                var length = RawJsonValue.Length(bytes, out var depth);
                Assert.InRange(length, -1, bytes.Length);
                Assert.True(depth >= 0);
            },
            iter: 20_000,
            threads: 1);
    }
}
