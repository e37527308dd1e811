using System.Net.WebSockets;
using System.Text.Json;
using CpWebSocket.Benchmarks.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IO;
using Websocket.Client;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// Websocket.Client used directly, configured as CpWebSocket configures it (no text conversion, the received
/// pooled stream handed over), with the hand-written loop's System.Text.Json code on top. Sends use its
/// documented queue for pre-serialized text, <c>SendAsText</c>.
/// </summary>
public sealed class WebsocketClientContender : IEchoContender
{
    private static readonly RecyclableMemoryStreamManager Streams = new();

    private readonly WebsocketClient _client;
    private readonly IDisposable _subscription;

    private WebsocketClientContender(WebsocketClient client)
    {
        _client = client;
        _subscription = client.MessageReceived.Subscribe(OnMessage);
    }

    public Contender Kind => Contender.WebsocketClient;

    public EchoSink Sink { get; } = new();

    public static async Task<WebsocketClientContender> ConnectAsync(Uri url)
    {
        var client = new WebsocketClient(url, NullLogger<WebsocketClient>.Instance, ConnectSocketAsync, Streams)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            IsTextMessageConversionEnabled = false,
            IsStreamDisposedAutomatically = false,
        };
        var contender = new WebsocketClientContender(client);
        await client.StartOrFail().ConfigureAwait(false);
        return contender;
    }

    public ValueTask SendAsync(Trade message) => Send(message);

    public ValueTask SendAsync(BookSnapshot message) => Send(message);

    public async ValueTask DisposeAsync()
    {
        await _client.Stop(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
        _subscription.Dispose();
        _client.Dispose();
    }

    private static async Task<WebSocket> ConnectSocketAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
        return socket;
    }

    private ValueTask Send(EchoMessage message)
    {
        _client.SendAsText(JsonSerializer.SerializeToUtf8Bytes(message, EchoJsonContext.Default.EchoMessage));
        return default;
    }

    private void OnMessage(ResponseMessage response)
    {
        using var stream = (RecyclableMemoryStream)response.Stream!;
        switch (JsonSerializer.Deserialize(stream.GetBuffer().AsSpan(0, (int)stream.Length), EchoJsonContext.Default.EchoMessage))
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
