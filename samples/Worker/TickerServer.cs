using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Samples.Shared;

namespace Samples.Worker;

/// <summary>
/// The embedded ticker server: Kestrel on 127.0.0.1, a free port, the path <c>/ticker</c>, logging off.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>{"type":"quote.get","id":I,"symbol":S}</c>: answers <c>{"type":"quote","id":I,"symbol":S,"price":P}</c>.</item>
/// <item><c>{"type":"tick.subscribe","symbol":S,"count":N}</c>: sends N messages <c>{"type":"tick","symbol":S,"seq":K,"price":P}</c>.</item>
/// <item>A close frame is answered with the same status, which the server keeps in <see cref="CloseStatuses"/>.</item>
/// </list>
/// </remarks>
internal sealed class TickerServer : IAsyncDisposable
{
    /// <summary>The path clients connect to.</summary>
    public const string Path = "/ticker";

    private readonly ConcurrentQueue<WebSocketCloseStatus> _closes = new();
    private LoopbackWebSocketHost? _host;

    private TickerServer()
    {
    }

    /// <summary>The websocket address of the ticker endpoint, once started.</summary>
    public Uri Url => _host!.Url;

    /// <summary>The status of every close frame a client sent, in order.</summary>
    public IReadOnlyCollection<WebSocketCloseStatus> CloseStatuses => _closes;

    /// <summary>Starts a server on 127.0.0.1 with a port the system picks.</summary>
    public static async Task<TickerServer> StartAsync()
    {
        var server = new TickerServer();
        server._host = await LoopbackWebSocketHost.StartAsync(Path, server.RunAsync);
        return server;
    }

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static decimal PriceOf(string symbol, int seq) => 100m + (symbol.Length * 10) + (seq * 0.25m);

    private async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        Task CloseOutputAsync(WebSocketCloseStatus status, string? description, CancellationToken token)
        {
            _closes.Enqueue(status);
            return socket.CloseOutputAsync(status, description, token);
        }

        while (await WebSocketMessageReader.ReadAsync(socket, message, CloseOutputAsync, cancellationToken) is WebSocketMessageType.Text)
        {
            using var document = JsonDocument.Parse(message.WrittenMemory);
            var root = document.RootElement;
            var symbol = root.GetProperty("symbol").GetString() ?? "?";
            switch (root.GetProperty("type").GetString())
            {
                case "quote.get":
                    await SendAsync(socket, new { type = "quote", id = root.GetProperty("id").GetInt64(), symbol, price = PriceOf(symbol, 0) }, cancellationToken);
                    break;
                case "tick.subscribe":
                    for (var seq = 1; seq <= root.GetProperty("count").GetInt32(); seq++)
                    {
                        await SendAsync(socket, new { type = "tick", symbol, seq, price = PriceOf(symbol, seq) }, cancellationToken);
                    }

                    break;
            }
        }
    }

    private static Task SendAsync<T>(WebSocket socket, T message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
