using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// The floor: what an expert writes on <see cref="ClientWebSocket"/> alone. One reused writer and buffer for sends
/// (the caller awaits each send, as the socket allows one at a time), one growing receive buffer, and
/// System.Text.Json's source-generated polymorphism to read the discriminator and the record in one pass.
/// </summary>
public sealed class HandWrittenContender : IEchoContender
{
    private readonly ClientWebSocket _socket;
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    private HandWrittenContender(ClientWebSocket socket)
    {
        _socket = socket;
        _writer = new Utf8JsonWriter(_output);
    }

    public Contender Kind => Contender.HandWritten;

    public EchoSink Sink { get; } = new();

    public static async Task<HandWrittenContender> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(url, CancellationToken.None).ConfigureAwait(false);
        var contender = new HandWrittenContender(socket);
        contender._receiving = contender.ReceiveAsync();
        return contender;
    }

    public ValueTask SendAsync(Trade message) => Send(message);

    public ValueTask SendAsync(BookSnapshot message) => Send(message);

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

        await _stop.CancelAsync().ConfigureAwait(false);
        await _receiving.ConfigureAwait(false);
        _socket.Dispose();
        _writer.Dispose();
        _stop.Dispose();
    }

    private ValueTask Send(EchoMessage message)
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        JsonSerializer.Serialize(_writer, message, EchoJsonContext.Default.EchoMessage);
        return _socket.SendAsync(_output.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await _socket.ReceiveAsync(buffer.AsMemory(count), _stop.Token).ConfigureAwait(false);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                switch (JsonSerializer.Deserialize(buffer.AsSpan(0, count), EchoJsonContext.Default.EchoMessage))
                {
                    case Trade trade:
                        Sink.OnTrade(trade);
                        break;
                    case BookSnapshot book:
                        Sink.OnBook(book);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Disposed, or the connection ended.
        }
    }
}
