namespace CpWebSocket.Transport.Sockets;

/// <summary>
/// Follows the frames of the bytes a server sends, as they are read, without buffering any: it reads each frame header
/// and skips its payload. A data frame that announces a message larger than the limit (alone, or added to the fragments
/// before it) is refused when its header arrives, before any of its payload. It also notes the peer's close frame.
/// </summary>
internal struct InboundFrameParser
{
    private const byte FinBit = 0x80;
    private const byte CompressedBit = 0x40;
    private const byte MaskBit = 0x80;

    private readonly long _limit;
    private readonly long _compressedLimit;
    private int _headerRead;
    private int _headerLength;
    private int _extendedLength;
    private byte _first;
    private long _payloadLength;
    private long _payloadRemaining;
    private long _messageTotal;
    private bool _messageCompressed;
    private bool _inClose;

    /// <param name="limit">The largest message accepted, in bytes.</param>
    public InboundFrameParser(long limit)
    {
        _limit = limit;

        // A compressed message is checked by its size on the wire, which for incompressible data may be slightly above
        // its size once inflated (deflate adds a few bytes per block); the connection checks the inflated size itself.
        _compressedLimit = limit + (limit >> 10) + 1024;
        _headerLength = 2;
    }

    /// <summary>The total a refused message announced.</summary>
    public long Refused { get; private set; }

    /// <summary>
    /// Where, in the bytes of the <see cref="Accept"/> call that refused, the refused frame's header starts: the bytes
    /// before it are whole frames (or the rest of earlier ones) that may still be read. 0 when the header began earlier.
    /// </summary>
    public int RefusedAt { get; private set; }

    /// <summary>Whether a whole close frame from the peer has gone by.</summary>
    public bool CloseReceived { get; private set; }

    /// <summary>Whether the next byte starts a frame.</summary>
    public readonly bool AtFrameStart => _headerRead == 0 && _payloadRemaining == 0;

    /// <summary>
    /// How many of the leading bytes of <paramref name="data"/> belong to the frame in progress (or to the frame they
    /// start): all of them when its end is not among them. Changes nothing.
    /// </summary>
    /// <param name="data">The next bytes, in order.</param>
    public readonly int CurrentFrameLength(ReadOnlySpan<byte> data)
    {
        var follower = this;
        var at = 0;
        while (at < data.Length)
        {
            if (follower._payloadRemaining > 0)
            {
                return (int)Math.Min(data.Length, at + follower._payloadRemaining);
            }

            if (follower.ReadHeaderByte(data[at++]))
            {
                follower.OnHeader(enforceLimit: false);
                if (follower._payloadRemaining == 0)
                {
                    return at;
                }
            }
        }

        return data.Length;
    }

    /// <summary>Follows <paramref name="data"/>; false when a frame in it announces a message over the limit.</summary>
    /// <param name="data">The next bytes from the server, in order.</param>
    /// <param name="enforceLimit">False once the connection is being refused: frames are only followed.</param>
    public bool Accept(ReadOnlySpan<byte> data, bool enforceLimit = true)
    {
        var accepted = true;
        var total = data.Length;
        var headerStart = _headerRead == 0 ? 0 : -1;
        while (!data.IsEmpty)
        {
            if (_payloadRemaining > 0)
            {
                var skipped = (int)Math.Min(_payloadRemaining, data.Length);
                data = data[skipped..];
                _payloadRemaining -= skipped;
                if (_payloadRemaining == 0 && _inClose)
                {
                    CloseReceived = true;
                }

                continue;
            }

            if (_headerRead == 0)
            {
                headerStart = total - data.Length;
                if (data.Length >= 2 && (data[1] & 0xFF) < 126)
                {
                    // The common case, a frame of up to 125 bytes from a server (no mask): its whole header is here.
                    _first = data[0];
                    _payloadLength = data[1];
                    data = data[2..];
                    if (!OnHeader(enforceLimit))
                    {
                        RefusedAt = headerStart;
                        accepted = false;
                        enforceLimit = false;
                    }

                    continue;
                }
            }

            if (!ReadHeaderByte(data[0]))
            {
                data = data[1..];
                continue;
            }

            data = data[1..];
            if (!OnHeader(enforceLimit))
            {
                // Refused: the rest is only followed, so the peer's close frame can still be seen.
                RefusedAt = Math.Max(headerStart, 0);
                accepted = false;
                enforceLimit = false;
            }
        }

        return accepted;
    }

    /// <summary>Adds one header byte; true when the header is complete.</summary>
    private bool ReadHeaderByte(byte value)
    {
        switch (_headerRead)
        {
            case 0:
                _first = value;
                break;
            case 1:
                var length = value & 0x7F;
                _extendedLength = length == 126 ? 2 : length == 127 ? 8 : 0;
                _headerLength = 2 + _extendedLength + ((value & MaskBit) != 0 ? 4 : 0);
                _payloadLength = length < 126 ? length : 0;
                break;
            default:
                if (_headerRead - 2 < _extendedLength)
                {
                    // Big-endian; a 64-bit length with its top bit set reads as negative, which is over any limit.
                    _payloadLength = (_payloadLength << 8) | value;
                }

                break;
        }

        _headerRead++;
        return _headerRead == _headerLength;
    }

    private bool OnHeader(bool enforceLimit)
    {
        var opcode = _first & 0x0F;
        var length = _payloadLength < 0 ? long.MaxValue : _payloadLength;
        _headerRead = 0;
        _headerLength = 2;
        _payloadLength = 0;
        _inClose = opcode == 0x8;
        if (opcode is 0x1 or 0x2)
        {
            _messageTotal = length;
            _messageCompressed = (_first & CompressedBit) != 0;
        }
        else if (opcode == 0x0)
        {
            _messageTotal = length > long.MaxValue - _messageTotal ? long.MaxValue : _messageTotal + length;
        }

        _payloadRemaining = length;
        if (_inClose && length == 0)
        {
            CloseReceived = true;
        }

        if (enforceLimit && opcode is 0x0 or 0x1 or 0x2 && _messageTotal > (_messageCompressed ? _compressedLimit : _limit))
        {
            Refused = _messageTotal;
            return false;
        }

        if ((_first & FinBit) != 0 && opcode is 0x0 or 0x1 or 0x2)
        {
            _messageTotal = 0;
        }

        return true;
    }
}
