using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// One pass over a received message: every member on a watched path (discriminators, payloads, the request id) is
/// recorded in its <see cref="FieldSlot"/> as the reader meets it; everything else is skipped. Objects are entered only
/// when a watched path goes through them. Throws <see cref="JsonException"/> for text that is not JSON, and
/// <see cref="InvalidOperationException"/> for a property name that does not decode.
/// </summary>
internal ref struct EnvelopeScanner
{
    private readonly Span<FieldSlot> _slots;
    private readonly PathNode _root;
    private Utf8JsonReader _reader;

    public EnvelopeScanner(ReadOnlySpan<byte> json, JsonReaderOptions options, PathNode root, Span<FieldSlot> slots)
    {
        _reader = new Utf8JsonReader(json, options);
        _root = root;
        _slots = slots;
        slots.Fill(FieldSlot.Absent);
    }

    /// <summary>The bytes the reader has not read yet.</summary>
    public readonly long Consumed => _reader.BytesConsumed;

    /// <summary>Reads the first token; the rest is read only when it is an object.</summary>
    public JsonTokenType Start()
    {
        _reader.Read();
        return _reader.TokenType;
    }

    /// <summary>
    /// Reads members of the root object until the one recorded in <paramref name="stopSlot"/> has been read (true), or
    /// to the end of the message (false), which must then hold nothing but whitespace. -1 reads to the end.
    /// </summary>
    public bool ReadRoot(int stopSlot)
    {
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            if (ReadMember(_root) == stopSlot && stopSlot >= 0)
            {
                return true;
            }
        }

        // The loop stopped at the root's '}'; one more read rejects anything but whitespace after it.
        _reader.Read();
        return false;
    }

    /// <summary>Reads one member of an object whose watched children are those of <paramref name="parent"/>; returns its slot or -1.</summary>
    private int ReadMember(PathNode parent)
    {
        var node = parent.Find(ref _reader);
        _reader.Read();
        if (node is null)
        {
            _reader.Skip();
            return -1;
        }

        var start = checked((int)_reader.TokenStartIndex);
        var token = _reader.TokenType;
        if (node.HasChildren && token == JsonTokenType.StartObject)
        {
            while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadMember(node);
            }
        }
        else
        {
            _reader.Skip();
        }

        if (node.Slot >= 0)
        {
            ref var slot = ref _slots[node.Slot];
            if (slot.IsPresent)
            {
                slot.Repeated = true;
            }
            else
            {
                slot.Start = start;
                slot.Length = checked((int)_reader.BytesConsumed) - start;
                slot.Token = token;
            }
        }

        return node.Slot;
    }
}
