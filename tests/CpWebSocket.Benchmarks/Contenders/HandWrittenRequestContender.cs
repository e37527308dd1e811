using System.Buffers;
using System.Buffers.Text;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// The floor of request/response: <see cref="ClientWebSocket"/> and System.Text.Json alone, one request at a time.
/// Each call writes <c>{"type":"echo.trade","requestId":7,</c> followed by the record's own properties (its
/// source-generated serialization, whose opening brace becomes that comma), sends it, then reads messages on the
/// calling flow until the one carrying its id, and deserializes that one into the reply record.
/// </summary>
/// <remarks>
/// Reading on the calling flow is what makes it a floor: no receive loop, no correlation table, no hand-over
/// between threads. It also means one request in flight per connection, which the other contenders do not impose.
/// </remarks>
public sealed class HandWrittenRequestContender : IRequestContender
{
    private static readonly byte[] TradeHead = Head(Trade.Discriminator);
    private static readonly byte[] BookHead = Head(BookSnapshot.Discriminator);
    private static readonly byte[] RequestIdName = Encoding.UTF8.GetBytes(EchoRequestClient.RequestIdProperty);

    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Utf8JsonWriter _writer;
    private byte[] _input = new byte[16 * 1024];
    private long _lastId;

    private HandWrittenRequestContender(ClientWebSocket socket)
    {
        _socket = socket;
        _writer = new Utf8JsonWriter(_output);
    }

    public Contender Kind => Contender.HandWritten;

    public static async Task<HandWrittenRequestContender> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(url, CancellationToken.None).ConfigureAwait(false);
        return new HandWrittenRequestContender(socket);
    }

    public ValueTask<TradeReply> RequestAsync(Trade request) =>
        RequestAsync(TradeHead, request, EchoJsonContext.Default.Trade, EchoJsonContext.Default.TradeReply);

    public ValueTask<BookReply> RequestAsync(BookSnapshot request) =>
        RequestAsync(BookHead, request, EchoJsonContext.Default.BookSnapshot, EchoJsonContext.Default.BookReply);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // Already gone: nothing to close.
        }

        _socket.Dispose();
        _writer.Dispose();
    }

    private static byte[] Head(string discriminator) =>
        Encoding.UTF8.GetBytes($"{{\"type\":\"{discriminator}\",\"{EchoRequestClient.RequestIdProperty}\":");

    /// <summary>The top-level request id of <paramref name="message"/>, or 0 when it has none.</summary>
    private static long RequestIdOf(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals(RequestIdName);
            reader.Read();
            if (isId)
            {
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id) ? id : 0;
            }

            reader.Skip();
        }

        return 0;
    }

    // Pooled builder: the floor allocates nothing per call but the reply record.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<TResponse> RequestAsync<TRequest, TResponse>(byte[] head, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo)
    {
        var id = ++_lastId;
        Encode(head, id, request, requestInfo);
        await _socket.SendAsync(_output.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        while (true)
        {
            var count = await ReceiveMessageAsync().ConfigureAwait(false);
            var message = _input.AsSpan(0, count);
            if (RequestIdOf(message) == id)
            {
                return JsonSerializer.Deserialize(message, responseInfo)
                    ?? throw new InvalidOperationException($"The response to request {id} is JSON null.");
            }
        }
    }

    private void Encode<TRequest>(byte[] head, long id, TRequest request, JsonTypeInfo<TRequest> requestInfo)
    {
        _output.ResetWrittenCount();
        _output.Write(head);
        Utf8Formatter.TryFormat(id, _output.GetSpan(20), out var digits);
        _output.Advance(digits);
        var objectStart = _output.WrittenCount;
        _writer.Reset(_output);
        JsonSerializer.Serialize(_writer, request, requestInfo);

        // {"id":1,...} becomes ,"id":1,...} after the request id.
        MemoryMarshal.AsMemory(_output.WrittenMemory).Span[objectStart] = (byte)',';
    }

    /// <summary>Reads one whole message into the growing input buffer and returns its length.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveMessageAsync()
    {
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (count == _input.Length)
            {
                Array.Resize(ref _input, _input.Length * 2);
            }

            result = await _socket.ReceiveAsync(_input.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        return result.MessageType == WebSocketMessageType.Close
            ? throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The server closed the connection while a request waited.")
            : count;
    }
}
