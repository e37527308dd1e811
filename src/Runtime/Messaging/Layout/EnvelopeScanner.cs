using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// One pass over a received message, pulled event by event: every member on a watched path (discriminators, payloads,
/// the request id) is recorded in its <see cref="FieldSlot"/> as the reader meets it; everything else is skipped.
/// Objects are entered only when a watched path goes through them. At a payload the pass pauses
/// (<see cref="ScanEvent.Payload"/>) so the caller can deserialize it in place, when it already knows its contract,
/// instead of skipping it and reading it again. Throws <see cref="JsonException"/> for text that is not JSON, and
/// <see cref="InvalidOperationException"/> for a property name that does not decode.
/// </summary>
internal ref struct EnvelopeScanner
{
    private readonly Span<FieldSlot> _slots;
    private readonly Span<int> _stack;
    private readonly EnvelopeLayout _layout;
    private Utf8JsonReader _reader;
    private PathNode _current;
    private int _depth;
    private PathNode? _paused;
    private int _pausedStart;

    /// <param name="json">The message.</param>
    /// <param name="options">The reader's limits.</param>
    /// <param name="layout">What to watch.</param>
    /// <param name="slots">Filled with what was found; <see cref="EnvelopeLayout.SlotCount"/> long.</param>
    /// <param name="stack">Scratch for the entered objects; <see cref="EnvelopeLayout.StackSize"/> long.</param>
    public EnvelopeScanner(ReadOnlySpan<byte> json, JsonReaderOptions options, EnvelopeLayout layout, Span<FieldSlot> slots, Span<int> stack)
    {
        _reader = new Utf8JsonReader(json, options);
        _layout = layout;
        _current = layout.Root;
        _slots = slots;
        _stack = stack;
        slots.Fill(FieldSlot.Absent);
    }

    /// <summary>How many bytes the reader has read.</summary>
    public readonly long Consumed => _reader.BytesConsumed;

    /// <summary>
    /// The reader, standing at the first token of the payload after <see cref="ScanEvent.Payload"/>: read the value with
    /// it, then call <see cref="CompleteValue"/>.
    /// </summary>
    [UnscopedRef]
    public ref Utf8JsonReader Reader => ref _reader;

    /// <summary>Where the payload the pass paused at starts.</summary>
    public readonly int PayloadStart => _pausedStart;

    /// <summary>Reads the first token; the rest is read only when it is an object.</summary>
    public JsonTokenType Start()
    {
        _reader.Read();
        return _reader.TokenType;
    }

    /// <summary>
    /// Reads on to the next event: a slot recorded (<see cref="ScanEvent.Slot"/>, its index in <paramref name="slot"/>),
    /// the start of a payload (<see cref="ScanEvent.Payload"/>; call <see cref="SkipValue"/>, or read it with
    /// <see cref="Reader"/> and call <see cref="CompleteValue"/>, before the next call), or the end of the message
    /// (<see cref="ScanEvent.End"/>, after which only whitespace was found).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // inlined, the reader's code it pulls in would swell every caller's frame
    public ScanEvent Next(out int slot)
    {
        slot = -1;
        while (_reader.Read())
        {
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                if (_depth == 0)
                {
                    // The root's '}': one more read rejects anything but whitespace after it.
                    _reader.Read();
                    return ScanEvent.End;
                }

                // The end of an entered object: record it when it is watched itself.
                var node = _current;
                var start = _stack[(2 * _depth) - 1];
                _depth--;
                _current = _layout.Node(_stack[2 * _depth]);
                if (node.Slot >= 0)
                {
                    Record(node.Slot, start, JsonTokenType.StartObject);
                    slot = node.Slot;
                    return ScanEvent.Slot;
                }

                continue;
            }

            var child = _current.Find(ref _reader);
            _reader.Read();
            if (child is null)
            {
                _reader.Skip();
                continue;
            }

            if (child.IsPayload)
            {
                _paused = child;
                _pausedStart = checked((int)_reader.TokenStartIndex);
                slot = child.Slot;
                return ScanEvent.Payload;
            }

            if (Enter(child))
            {
                continue;
            }

            slot = child.Slot;
            if (slot >= 0)
            {
                return ScanEvent.Slot;
            }
        }

        throw new JsonException("The message ended inside an object.");
    }

    /// <summary>The slots recorded so far.</summary>
    public readonly ReadOnlySpan<FieldSlot> Slots => _slots;

    /// <summary>Reads to the end of the message, skipping payloads.</summary>
    public void ReadToEnd()
    {
        while (Next(out _) is var found && found != ScanEvent.End)
        {
            if (found == ScanEvent.Payload)
            {
                SkipValue();
            }
        }
    }

    /// <summary>Goes past a payload the caller does not read: enters it when paths go through it, else skips and records it.</summary>
    public void SkipValue()
    {
        var node = _paused!;
        _paused = null;
        _ = Enter(node); // entered, or skipped and recorded
    }

    /// <summary>Records the payload the caller read with <see cref="Reader"/>, which now stands at its last token.</summary>
    public void CompleteValue()
    {
        var node = _paused!;
        _paused = null;
        RecordRange(node.Slot, _pausedStart, checked((int)_reader.BytesConsumed) - _pausedStart, JsonTokenType.StartObject);
    }

    /// <summary>Enters an object on a watched path (true), or skips the value and records it (false).</summary>
    private bool Enter(PathNode node)
    {
        var start = checked((int)_reader.TokenStartIndex);
        if (node.HasChildren && _reader.TokenType == JsonTokenType.StartObject)
        {
            _stack[2 * _depth] = _current.Index;
            _stack[(2 * _depth) + 1] = start;
            _depth++;
            _current = node;
            return true;
        }

        var token = _reader.TokenType;
        _reader.Skip();
        if (node.Slot >= 0)
        {
            RecordRange(node.Slot, start, checked((int)_reader.BytesConsumed) - start, token);
        }

        return false;
    }

    private void Record(int slot, int start, JsonTokenType token) => RecordRange(slot, start, checked((int)_reader.BytesConsumed) - start, token);

    private void RecordRange(int index, int start, int length, JsonTokenType token)
    {
        ref var slot = ref _slots[index];
        if (slot.IsPresent)
        {
            slot.Repeated = true;
            return;
        }

        slot.Start = start;
        slot.Length = length;
        slot.Token = token;
    }
}

/// <summary>What <see cref="EnvelopeScanner.Next"/> stopped at.</summary>
internal enum ScanEvent
{
    /// <summary>A watched member's value was recorded.</summary>
    Slot,

    /// <summary>The reader stands at the first token of a payload.</summary>
    Payload,

    /// <summary>The message ended.</summary>
    End,
}
