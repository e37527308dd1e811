using System.Buffers;
using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>
/// The elements of a JSON array frame (a batch, or messages a server coalesced), found in one pass that also checks
/// the whole frame is valid JSON. Each element is then routed as a message of its own, in order.
/// </summary>
internal sealed class MessageBatch : IDisposable
{
    private readonly ReadOnlyMemory<byte> _frame;
    private (int Start, int Length)[] _elements;

    private MessageBatch(ReadOnlyMemory<byte> frame, (int Start, int Length)[] elements, int count)
    {
        _frame = frame;
        _elements = elements;
        Count = count;
    }

    public int Count { get; }

    public ReadOnlyMemory<byte> this[int index] => _frame.Slice(_elements[index].Start, _elements[index].Length);

    /// <summary>Whether a text frame is a JSON array: its first byte after whitespace is <c>[</c>.</summary>
    public static bool IsArray(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && json[start] == (byte)'[';
    }

    /// <summary>Finds the elements of an array frame; <see langword="null"/> (and the reader's exception) when it is not valid JSON.</summary>
    public static MessageBatch? Read(ReadOnlyMemory<byte> frame, JsonReaderOptions options, out Exception? error)
    {
        error = null;
        var elements = ArrayPool<(int, int)>.Shared.Rent(16);
        var count = 0;
        try
        {
            var reader = new Utf8JsonReader(frame.Span, options);
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                if (count == elements.Length)
                {
                    var larger = ArrayPool<(int, int)>.Shared.Rent(count * 2);
                    elements.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<(int, int)>.Shared.Return(elements);
                    elements = larger;
                }

                elements[count++] = (start, checked((int)reader.BytesConsumed) - start);
            }

            // One more read rejects anything but whitespace after the array.
            reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            ArrayPool<(int, int)>.Shared.Return(elements);
            error = ex;
            return null;
        }

        return new MessageBatch(frame, elements, count);
    }

    public void Dispose()
    {
        var elements = _elements;
        _elements = [];
        if (elements.Length > 0)
        {
            ArrayPool<(int, int)>.Shared.Return(elements);
        }
    }
}
