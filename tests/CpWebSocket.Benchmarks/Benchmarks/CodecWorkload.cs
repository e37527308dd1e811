using System.Buffers;
using System.Text;
using System.Text.Json;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Messaging;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// The codec without a socket, as the connection drives it: the receive path from one inbound message's bytes to
/// the typed handler, and the send path from a record to the envelope bytes handed to the socket. Each has the
/// hand-written equivalent beside it, and the receive path has the record's own deserialization as its floor. The
/// two-level receive path routes the same record (<see cref="RoutedTrade"/>, <see cref="RoutedBook"/>) by a second
/// value inside the payload, as OBS events are.
/// </summary>
public sealed class CodecWorkload : IDisposable
{
    private readonly EchoClient _client;
    private readonly ArrayBufferWriter<byte> _output = new(128 * 1024);
    private readonly Utf8JsonWriter _writer;

    // Made exactly as the generated client makes its own (a private static field there), so this is the same code path.
    private readonly MessageProtocol _protocol = MessageProtocol.Create(new MessageEnvelope("type", null), EchoJsonContext.Default);
    private readonly OutboundContract<Trade> _tradeOut;
    private readonly OutboundContract<BookSnapshot> _bookOut;
    private readonly CodecTwoLevelClient _twoLevelClient;
    private readonly byte[] _twoLevelRecord;

    public CodecWorkload(MessageSize size)
    {
        Size = size;
        Utf8 = Samples.Utf8(size);
        Inbound = new WebSocketMessage(WebSocketMessageKind.Text, Utf8);
        Sink.Expect(int.MaxValue);
        _client = new EchoClient(new Uri("ws://127.0.0.1:9/never-opened"));
        _client.TradeReceived += Sink.OnTrade;
        _client.BookSnapshotReceived += Sink.OnBook;
        _writer = new Utf8JsonWriter(_output);
        _tradeOut = _protocol.Outbound<Trade>(Trade.Discriminator);
        _bookOut = _protocol.Outbound<BookSnapshot>(BookSnapshot.Discriminator);

        _twoLevelClient = new CodecTwoLevelClient(new Uri("ws://127.0.0.1:9/never-opened"));
        _twoLevelClient.RoutedTradeReceived += trade => TwoLevelReceived = trade;
        _twoLevelClient.RoutedBookReceived += book => TwoLevelReceived = book;
        _twoLevelRecord = size == MessageSize.Small
            ? JsonSerializer.SerializeToUtf8Bytes(Samples.Trade, EchoJsonContext.Default.Trade)
            : JsonSerializer.SerializeToUtf8Bytes(Samples.Book, EchoJsonContext.Default.BookSnapshot);
        var eventType = size == MessageSize.Small ? Trade.Discriminator : BookSnapshot.Discriminator;
        TwoLevelUtf8 = [.. Encoding.UTF8.GetBytes($$"""{"op":5,"d":{"eventType":"{{eventType}}","eventIntent":1,"eventData":"""), .. _twoLevelRecord, .. "}}"u8];
        TwoLevelInbound = new WebSocketMessage(WebSocketMessageKind.Text, TwoLevelUtf8);
    }

    public MessageSize Size { get; }

    /// <summary>The message as it arrives: <c>{"type":...}</c> and the record's properties.</summary>
    public byte[] Utf8 { get; }

    public WebSocketMessage Inbound { get; }

    public EchoSink Sink { get; } = new();

    /// <summary>The same record as <see cref="Utf8"/>, routed by two levels: <c>{"op":5,"d":{"eventType":...,"eventIntent":1,"eventData":{...}}}</c>.</summary>
    public byte[] TwoLevelUtf8 { get; }

    public WebSocketMessage TwoLevelInbound { get; }

    /// <summary>The last two-level record received, kept so the deserialization cannot be optimized away.</summary>
    public object? TwoLevelReceived { get; private set; }

    /// <summary>The floor: only the record, deserialized from the same bytes (the discriminator is skipped as unknown).</summary>
    public void ReceiveRecordOnly()
    {
        if (Size == MessageSize.Small)
        {
            Sink.OnTrade(JsonSerializer.Deserialize(Utf8, EchoJsonContext.Default.Trade)!);
        }
        else
        {
            Sink.OnBook(JsonSerializer.Deserialize(Utf8, EchoJsonContext.Default.BookSnapshot)!);
        }
    }

    /// <summary>The generated client's receive path: route by discriminator, deserialize, raise the typed event.</summary>
    public void ReceiveGenerated()
    {
        var delivered = _client.ReceiveAsync(Inbound);
        if (!delivered.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The typed handler is synchronous; the delivery must complete at once.");
        }
    }

    /// <summary>The two-level receive path: both values and the payload found in one pass, deserialize, raise the typed event.</summary>
    public void ReceiveTwoLevelGenerated()
    {
        var delivered = _twoLevelClient.ReceiveAsync(TwoLevelInbound);
        if (!delivered.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The typed handler is synchronous; the delivery must complete at once.");
        }
    }

    /// <summary>The two-level floor: only the record, deserialized from its bytes inside the message.</summary>
    public void ReceiveTwoLevelRecordOnly()
    {
        TwoLevelReceived = Size == MessageSize.Small
            ? JsonSerializer.Deserialize(_twoLevelRecord, CodecTwoLevelJsonContext.Default.RoutedTrade)
            : JsonSerializer.Deserialize(_twoLevelRecord, CodecTwoLevelJsonContext.Default.RoutedBook);
    }

    /// <summary>The hand-written loop's receive path: polymorphic deserialization, then a type switch.</summary>
    public void ReceiveHandWritten()
    {
        switch (JsonSerializer.Deserialize(Utf8, EchoJsonContext.Default.EchoMessage))
        {
            case Trade trade:
                Sink.OnTrade(trade);
                break;
            case BookSnapshot book:
                Sink.OnBook(book);
                break;
        }
    }

    /// <summary>The generated client's send path: a pooled buffer, the cached envelope prefix, the record spliced in.</summary>
    /// <returns>The bytes that would be written to the socket.</returns>
    public int SendGenerated(Action<ReadOnlyMemory<byte>>? inspect = null)
    {
        var pool = _protocol.EncodeBuffers;
        var buffer = pool.Rent();
        if (Size == MessageSize.Small)
        {
            _tradeOut.Encode(Samples.Trade, buffer);
        }
        else
        {
            _bookOut.Encode(Samples.Book, buffer);
        }

        var length = buffer.WrittenMemory.Length;
        inspect?.Invoke(buffer.WrittenMemory);
        pool.Return(buffer);
        return length;
    }

    /// <summary>The floor: only the record, serialized into a reused writer without an envelope.</summary>
    public int SendRecordOnly()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        if (Size == MessageSize.Small)
        {
            JsonSerializer.Serialize(_writer, Samples.Trade, EchoJsonContext.Default.Trade);
        }
        else
        {
            JsonSerializer.Serialize(_writer, Samples.Book, EchoJsonContext.Default.BookSnapshot);
        }

        return _output.WrittenCount;
    }

    /// <summary>The hand-written loop's send path: one reused writer, polymorphic serialization.</summary>
    public int SendHandWritten()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        JsonSerializer.Serialize(_writer, Samples.Of(Size), EchoJsonContext.Default.EchoMessage);
        return _output.WrittenCount;
    }

    /// <summary>The Websocket.Client contender's send path: a new array per message, which its queue keeps.</summary>
    public int SendToNewArray() => JsonSerializer.SerializeToUtf8Bytes(Samples.Of(Size), EchoJsonContext.Default.EchoMessage).Length;

    public void Dispose()
    {
        _client.Dispose();
        _twoLevelClient.Dispose();
        _writer.Dispose();
    }
}
