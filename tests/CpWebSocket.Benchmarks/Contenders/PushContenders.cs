using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>The clients of the server-push benchmark, connected to the run's <c>/push</c> endpoint.</summary>
public static class PushContenders
{
    /// <summary>The generated <see cref="EchoClient"/>: each message routed and deserialized, then its typed event.</summary>
    public static async Task<IPushContender> GeneratedAsync(Uri server)
    {
        var sink = new EchoSink();
        var client = new EchoClient(new Uri(server, EchoServer.PushPath), new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        client.TradeReceived += sink.OnTrade;
        client.BookSnapshotReceived += sink.OnBook;
        await client.OpenAsync().ConfigureAwait(false);
        return new Connected(sink, count => client.SendAsync(count.ToString(CultureInfo.InvariantCulture), isData: false), client.DisposeAsync);
    }

    /// <summary>The raw lane: <see cref="HttpWebSocket.MessageReceived"/>, each message's bytes as they arrived, counted.</summary>
    public static async Task<IPushContender> RawLaneAsync(Uri server)
    {
        var sink = new EchoSink();
        var socket = new HttpWebSocket(new Uri(server, EchoServer.PushPath), options: new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        socket.MessageReceived += _ => sink.OnRaw();
        await socket.OpenAsync().ConfigureAwait(false);
        return new Connected(sink, count => socket.SendAsync(count.ToString(CultureInfo.InvariantCulture), isData: false), socket.DisposeAsync);
    }

    /// <summary>The floor: <see cref="ClientWebSocket"/> and a receive loop, deserializing each message (typed) or only counting it (raw).</summary>
    public static async Task<IPushContender> HandWrittenAsync(Uri server, bool deserialize)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(new Uri(server, EchoServer.PushPath), CancellationToken.None).ConfigureAwait(false);
        var sink = new EchoSink();
        var receiving = ReceiveAsync(socket, sink, deserialize);
        return new Connected(
            sink,
            count => socket.SendAsync(Encoding.UTF8.GetBytes(count.ToString(CultureInfo.InvariantCulture)).AsMemory(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None),
            async () =>
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                await receiving.ConfigureAwait(false);
                socket.Dispose();
            });
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, EchoSink sink, bool deserialize)
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

                    result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (!deserialize)
                {
                    sink.OnRaw();
                    continue;
                }

                switch (JsonSerializer.Deserialize(buffer.AsSpan(0, count), EchoJsonContext.Default.EchoMessage))
                {
                    case Trade trade:
                        sink.OnTrade(trade);
                        break;
                    case BookSnapshot book:
                        sink.OnBook(book);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The connection ended.
        }
    }

    private sealed class Connected(EchoSink sink, Func<int, ValueTask> request, Func<ValueTask> dispose) : IPushContender
    {
        public EchoSink Sink { get; } = sink;

        public ValueTask RequestAsync(int count) => request(count);

        public ValueTask DisposeAsync() => dispose();
    }
}
